"""Start and stop the production server (gunicorn, sync workers) on a free loopback port."""

import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE_PATH = "/__bench__/bare/"  # bench/urls.py


def worker_count() -> int:
    """2 × cores + 1, kept within 3-5: more sync workers only add queueing (see docs/DEPLOYMENT.md)."""
    return max(3, min(5, 2 * (os.cpu_count() or 1) + 1))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving config.wsgi with the given environment; a context manager."""

    def __init__(self, env: dict, log_path: Path, workers: int | None = None, read_only: Path | None = None):
        self.env = env
        self.log_path = log_path
        self.workers = workers or worker_count()
        self.port = free_port()
        self.read_only = read_only  # a directory the server sees read-only (fault demonstration)
        self.process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, ready_timeout: float = 240) -> "Server":
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        command = [
            str(Path(sys.executable).with_name("gunicorn")),
            "config.wsgi:application",
            f"--bind=127.0.0.1:{self.port}",
            f"--workers={self.workers}",
            "--worker-class=sync",
            "--timeout=60",
            "--graceful-timeout=5",
            "--backlog=2048",
        ]
        if self.read_only:
            # A private mount namespace: only this server sees the directory read-only.
            path = shlex.quote(str(self.read_only))
            mounts = f"mount --bind {path} {path} && mount -o remount,bind,ro {path} && exec "
            command = ["unshare", "--mount", "sh", "-c", mounts + shlex.join(command)]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=log)  # noqa: S603
        log.close()
        self._wait_ready(ready_timeout)
        return self

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.base_url + BARE_PATH, timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within {timeout}s; see {self.log_path}")

    def worker_pids(self) -> list[int]:
        """The live worker processes (children of the gunicorn master)."""
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in path.read_text().split()] if path.exists() else []

    def cpu_seconds(self) -> float:
        """User + system CPU time of the live workers so far (from /proc)."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in self.worker_pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except FileNotFoundError:  # the worker just exited
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
        return total / ticks

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
