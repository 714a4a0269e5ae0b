"""A PostgreSQL cluster of our own to stop and restart (Debian's pg_createcluster/pg_ctlcluster)."""

import subprocess
import time
from pathlib import Path

PORTS = {"faults": 5433, "main": 5432}


def version() -> str:
    """The newest installed server version (ls /etc/postgresql)."""
    return max(Path("/etc/postgresql").iterdir(), key=lambda p: int(p.name)).name


def _ctl(name: str, action: str, *extra: str) -> None:
    subprocess.run(  # noqa: S603
        ["pg_ctlcluster", "--skip-systemctl-redirect", version(), name, action, *extra],  # noqa: S607
        check=True,
        capture_output=True,
    )


def server_url(name: str) -> str:
    return f"postgres://postgres@127.0.0.1:{PORTS[name]}"


def ensure_running(name: str) -> str:
    """Create the cluster (trust on loopback, like the main one here) if needed, start it; its URL."""
    if not Path(f"/etc/postgresql/{version()}/{name}").exists():
        subprocess.run(  # noqa: S603
            [  # noqa: S607
                "pg_createcluster",
                version(),
                name,
                "--port",
                str(PORTS[name]),
                "--",
                "--auth-local=trust",
                "--auth-host=trust",
            ],
            check=True,
            capture_output=True,
        )
    if not is_up(name):
        _ctl(name, "start")
    wait_up(name)
    return server_url(name)


def is_up(name: str) -> bool:
    probe = subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(PORTS[name])], check=False)  # noqa: S603, S607
    return probe.returncode == 0


def wait_up(name: str, timeout: float = 30) -> float:
    started = time.monotonic()
    while not is_up(name):
        if time.monotonic() - started > timeout:
            raise RuntimeError(f"cluster {name} did not come up in {timeout}s")
        time.sleep(0.1)
    return time.monotonic() - started


def restart(name: str) -> None:
    _ctl(name, "restart", "-m", "fast")


def stop(name: str) -> None:
    _ctl(name, "stop", "-m", "fast")


def start(name: str) -> None:
    _ctl(name, "start")
    wait_up(name)
