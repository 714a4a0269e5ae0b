"""Two app servers behind HAProxy on this machine, with one PostgreSQL database, Redis and shared media.

    .venv/bin/python -m scripts.cluster [--port 8080] [--no-demo]      # make cluster

Creates a fresh PostgreSQL database (dropped again on exit), migrates it, collects static
files, empties the Redis database it is given, starts two gunicorn servers with the production
settings on the next two ports and HAProxy (Debian's package) in front, then prints the URL and
waits; Ctrl-C stops everything. The cluster tests (tests/cluster/) and the cluster row of
`make bench` use the same Cluster class.

Environment: CLUSTER_POSTGRES_URL (the server, default postgres://postgres@127.0.0.1:5432),
CLUSTER_REDIS_URL (default redis://127.0.0.1:6379/12: that database is emptied),
CLUSTER_DB_PREFIX (default "cluster").
"""

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).with_name("haproxy.cfg.template")
POSTGRES_SERVER_URL = os.environ.get("CLUSTER_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("CLUSTER_REDIS_URL", "redis://127.0.0.1:6379/12")
DB_PREFIX = os.environ.get("CLUSTER_DB_PREFIX", "cluster")
APP_SERVERS = 2
WORKERS_PER_SERVER = 3
# Variables from the caller's shell that would point the cluster somewhere else.
_DROPPED = (
    "DATABASE_URL",
    "REDIS_URL",
    "DJANGO_SETTINGS_MODULE",
    "VAR_DIR",
    "MEDIA_ROOT",
    "PRIVATE_MEDIA_ROOT",
    "MEDIA_STORAGE",
)


def haproxy_path() -> str | None:
    return shutil.which("haproxy") or next((p for p in ("/usr/sbin/haproxy",) if os.access(p, os.X_OK)), None)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def render_haproxy_config(
    servers: list[tuple[str, str]], bind_lines: list[str], forwarded_proto: str = "https", global_extra: str = ""
) -> str:
    """haproxy.cfg from scripts/haproxy.cfg.template: servers are (name, host:port) pairs."""
    return Template(TEMPLATE.read_text()).substitute(
        bind_lines="\n".join(f"    {line}" for line in bind_lines),
        forwarded_proto=forwarded_proto,
        server_lines="\n".join(f"    server {name} {address}" for name, address in servers),
        global_extra=global_extra,
    )


def secret_key(var_dir: Path = ROOT / "var") -> str:
    """var/secret_key, made once (as `make serve` does): the same key on every app server."""
    path = var_dir / "secret_key"
    if not path.exists() or not path.read_text().strip():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50) + "\n")
    return path.read_text().strip()


def _admin_connect(server_url: str):
    import psycopg

    return psycopg.connect(f"{server_url}/postgres", autocommit=True, connect_timeout=5)


def _wait_for(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}; see {log}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback only)
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer 200 within {timeout:.0f} s; see {log}")


class Cluster:
    """HAProxy + two gunicorn servers + a fresh PostgreSQL database + Redis + one media folder.

    A context manager: ``with Cluster() as cluster: cluster.url``. ``extra_env`` is added to the
    app servers' environment (the bench mounts its bare view with it).
    """

    def __init__(
        self,
        port: int | None = None,
        app_ports: list[int] | None = None,
        var_dir: Path | None = None,
        redis_url: str = REDIS_URL,
        postgres_url: str = POSTGRES_SERVER_URL,
        db_prefix: str = DB_PREFIX,
        workers: int = WORKERS_PER_SERVER,
        extra_env: dict | None = None,
        demo: bool = False,
    ):
        self.port = port or free_port()
        self.app_ports = app_ports or [free_port() for _ in range(APP_SERVERS)]
        self.var_dir = Path(var_dir or ROOT / "var" / "cluster")
        self.media_root = self.var_dir / "media"
        self.private_root = self.var_dir / "private"  # sign-in sheets: shared, never served as media
        self.redis_url = redis_url
        self.postgres_url = postgres_url
        self.database = f"{db_prefix}_{os.getpid()}_{int(time.time())}"
        self.workers = workers
        self.demo = demo
        self.extra_env = extra_env or {}
        self.apps: list[subprocess.Popen | None] = []
        self.haproxy: subprocess.Popen | None = None
        self.env: dict = {}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def app_url(self, index: int) -> str:
        return f"http://127.0.0.1:{self.app_ports[index]}"

    @property
    def database_url(self) -> str:
        return f"{self.postgres_url}/{self.database}"

    # --- starting and stopping -------------------------------------------------------------

    def start(self) -> "Cluster":
        if not haproxy_path():
            raise RuntimeError("haproxy is not installed (apt-get install -y haproxy)")
        self.var_dir.mkdir(parents=True, exist_ok=True)
        self.media_root.mkdir(parents=True, exist_ok=True)
        self.private_root.mkdir(parents=True, exist_ok=True)
        self._empty_redis()
        with _admin_connect(self.postgres_url) as conn:
            conn.execute(f'CREATE DATABASE "{self.database}"')
        try:
            self.env = self._app_env()
            self.manage("migrate", "--noinput", "-v0")
            self.manage("collectstatic", "--noinput", "-v0")
            if self.demo:
                self.manage("setup_demo")
            for index in range(APP_SERVERS):
                self.apps.append(self._start_app(index))
            for index in range(APP_SERVERS):
                _wait_for(self.app_url(index) + "/healthz", self.apps[index], self._log(f"app{index + 1}"))
            self._start_haproxy()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        for process in [self.haproxy, *self.apps]:
            if process is not None and process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                    process.wait(timeout=15)
                except ProcessLookupError:
                    pass
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
        self.haproxy, self.apps = None, []
        try:
            with _admin_connect(self.postgres_url) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        except Exception as error:  # the database server went away: say so, stop the rest anyway
            print(f"cluster: could not drop database {self.database}: {error}", file=sys.stderr)

    def kill_app(self, index: int) -> None:
        """SIGKILL one app server (its gunicorn master and every worker), as a crashed machine would."""
        process = self.apps[index]
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # --- the parts -----------------------------------------------------------------------

    def _app_env(self) -> dict:
        env = {k: v for k, v in os.environ.items() if k not in _DROPPED}
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings.production",
            SECRET_KEY=secret_key(),
            SECURE_SSL_REDIRECT="false",  # plain HTTP on loopback; real machines terminate TLS in HAProxy
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=self.database_url,
            REDIS_URL=self.redis_url,
            MEDIA_ROOT=str(self.media_root),
            PRIVATE_MEDIA_ROOT=str(self.private_root),
            VAR_DIR=str(self.var_dir),
            PYTHONDONTWRITEBYTECODE="1",
        )
        env.update(self.extra_env)  # may replace the settings module (the bench's adds its bare view)
        return env

    def manage(self, *args: str) -> None:
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True)  # noqa: S603

    def run_module(self, module: str, *args: str) -> str:
        """``python -m module args`` with the app servers' environment (seeding, counting); its stdout."""
        completed = subprocess.run(  # noqa: S603
            [sys.executable, "-m", module, *args], cwd=ROOT, env=self.env, check=True, capture_output=True, text=True
        )
        return completed.stdout

    def _log(self, name: str) -> Path:
        return self.var_dir / f"{name}.log"

    def _start_app(self, index: int) -> subprocess.Popen:
        command = [
            str(Path(sys.executable).with_name("gunicorn")),
            "config.wsgi:application",
            f"--bind=127.0.0.1:{self.app_ports[index]}",
            f"--workers={self.workers}",
            "--worker-class=sync",
            "--timeout=60",
            "--graceful-timeout=5",
            "--backlog=2048",
        ]
        with self._log(f"app{index + 1}").open("ab") as log:
            # Its own process group, so kill_app() takes the master and every worker at once.
            return subprocess.Popen(  # noqa: S603
                command, cwd=ROOT, env=self.env, stdout=log, stderr=log, start_new_session=True
            )

    def restart_app(self, index: int) -> None:
        """Start a killed app server again and wait until HAProxy sends it requests."""
        if self.apps[index].poll() is None:
            return
        self.apps[index] = self._start_app(index)
        _wait_for(self.app_url(index) + "/healthz", self.apps[index], self._log(f"app{index + 1}"))
        self._wait_in_rotation()

    @property
    def stats_socket(self) -> Path:
        return self.var_dir / "haproxy.sock"

    def _start_haproxy(self) -> None:
        config = self.var_dir / "haproxy.cfg"
        servers = [(f"app{i + 1}", f"127.0.0.1:{port}") for i, port in enumerate(self.app_ports)]
        # The stats socket tells which server answered; the log keeps only errors and retries.
        stats = f"    stats socket {self.stats_socket} mode 600 level user\n    log stdout format raw local0 info"
        config.write_text(
            render_haproxy_config(servers, [f"bind 127.0.0.1:{self.port}"], forwarded_proto="http", global_extra=stats)
        )
        log = self._log("haproxy")
        subprocess.run([haproxy_path(), "-c", "-q", "-f", str(config)], check=True)  # noqa: S603
        with log.open("ab") as out:
            self.haproxy = subprocess.Popen(  # noqa: S603
                [haproxy_path(), "-db", "-f", str(config)], stdout=out, stderr=out, start_new_session=True
            )
        _wait_for(self.url + "/healthz", self.haproxy, log)
        self._wait_in_rotation()

    def _haproxy_stats(self) -> list[dict]:
        """HAProxy's `show stat` for the app servers, one dict per server (CSV columns by name)."""
        with socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(5)
            sock.connect(str(self.stats_socket))
            sock.sendall(b"show stat\n")
            data = b""
            while chunk := sock.recv(65536):
                data += chunk
        header, *lines = data.decode().strip().splitlines()
        names = header.lstrip("# ").split(",")
        rows = [dict(zip(names, line.split(","), strict=False)) for line in lines]
        return [row for row in rows if row["pxname"] == "app_servers" and row["svname"].startswith("app")]

    def served_counts(self) -> dict[str, int]:
        """Requests each app server has answered through HAProxy so far."""
        return {row["svname"]: int(row["stot"]) for row in self._haproxy_stats()}

    def _wait_in_rotation(self, timeout: float = 15) -> None:
        """Until HAProxy's health checks see every app server UP (rise 2 × inter 1 s)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if all(row["status"] == "UP" for row in self._haproxy_stats()):
                return
            time.sleep(0.3)
        raise RuntimeError(f"HAProxy did not put every app server in rotation within {timeout:.0f} s")

    def _empty_redis(self) -> None:
        import redis

        redis.Redis.from_url(self.redis_url, socket_connect_timeout=5).flushdb()

    def worker_pids(self) -> list[int]:
        pids = []
        for process in self.apps:
            if process is not None and process.poll() is None:
                path = Path(f"/proc/{process.pid}/task/{process.pid}/children")
                pids += [int(pid) for pid in path.read_text().split()] if path.exists() else []
        return pids

    def cpu_seconds(self) -> float:
        """User + system CPU time of the live gunicorn workers of both servers so far."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in self.worker_pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except FileNotFoundError:  # the worker just exited
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / ticks


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=int(os.environ.get("CLUSTER_PORT", "8080")))
    parser.add_argument("--no-demo", action="store_true", help="start empty instead of loading the demo data")
    args = parser.parse_args(argv)
    cluster = Cluster(port=args.port, app_ports=[args.port + 1, args.port + 2], demo=not args.no_demo)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # `kill` stops it as cleanly as Ctrl-C
    print(f"cluster: database {cluster.database}, Redis {cluster.redis_url}, media {cluster.media_root}", flush=True)
    try:
        cluster.start()
        print(
            f"\n  {cluster.url}/  (HAProxy → app1 {cluster.app_url(0)}, app2 {cluster.app_url(1)})\n"
            f"  logs and haproxy.cfg in {cluster.var_dir}; Ctrl-C stops everything\n",
            flush=True,
        )
        while all(p.poll() is None for p in [cluster.haproxy, *cluster.apps]):
            time.sleep(1)
        print("cluster: a process exited; stopping", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        print("cluster: stopping", flush=True)
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
