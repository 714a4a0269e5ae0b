"""Fresh databases for one bench run, and the environment every bench process shares.

SQLite: its own file under var/bench/ (deleted first). PostgreSQL: a new database
bench_<pid>_<time> on the loopback server, dropped afterwards whatever happens.
"""

import json
import os
import secrets
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from .server import ROOT

BENCH_DIR = ROOT / "var" / "bench"
POSTGRES_SERVER_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
# Production runs with a shared Redis cache (docs/DEPLOYMENT.md); the bench uses this machine's
# own, database 6, emptied before each server, and says in its header when there is none.
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")

# Variables from the caller's shell that would change what is measured.
_DROPPED = ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "VAR_DIR", "MEDIA_ROOT", "MEDIA_STORAGE")


def base_env(secret_key: str, var_dir: Path = BENCH_DIR) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        SECRET_KEY=secret_key,
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        VAR_DIR=str(var_dir),
        MEDIA_ROOT=str(var_dir / "media"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def redis_available(url: str = REDIS_URL) -> bool:
    try:
        import redis

        redis.Redis.from_url(url, socket_timeout=2).ping()
    except Exception:  # any failure means "no Redis": the bench runs without it
        return False
    return True


def with_redis(env: dict, url: str = REDIS_URL) -> dict:
    """The environment with the shared cache, emptied; unchanged when no Redis answers."""
    if not redis_available(url):
        return env
    import redis

    redis.Redis.from_url(url).flushdb()
    return {**env, "REDIS_URL": url}


def new_secret_key() -> str:
    return secrets.token_urlsafe(50)


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def run_django_module(env: dict, module: str, *args: str) -> dict:
    """Run `python -m bench.<module>` inside Django; it prints one JSON document."""
    completed = subprocess.run(  # noqa: S603
        [sys.executable, "-m", f"bench.{module}", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def prepare(env: dict) -> None:
    """Migrate the fresh database and collect static files (hashed, compressed; kept between runs)."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")


@contextmanager
def fresh_sqlite(env: dict):
    path = Path(env["VAR_DIR"]) / "db.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    yield with_redis({**env, "BENCH_DB_LABEL": "SQLite"})


def _psql(sql: str, server: str = POSTGRES_SERVER_URL) -> None:
    subprocess.run(  # noqa: S603
        ["psql", f"{server}/postgres", "-v", "ON_ERROR_STOP=1", "-qc", sql],  # noqa: S607
        check=True,
        capture_output=True,
    )


@contextmanager
def fresh_postgres(env: dict, server: str = POSTGRES_SERVER_URL):
    """A new, empty PostgreSQL database for this run; dropped on the way out."""
    name = f"bench_{os.getpid()}_{int(time.time())}"
    _psql(f'CREATE DATABASE "{name}"', server)
    try:
        yield with_redis({**env, "DATABASE_URL": f"{server}/{name}", "BENCH_DB_LABEL": "PostgreSQL"})
    finally:
        _psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', server)


def postgres_available(server: str = POSTGRES_SERVER_URL) -> bool:
    try:
        _psql("SELECT 1", server)
    except (OSError, subprocess.CalledProcessError):
        return False
    return True
