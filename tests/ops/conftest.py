"""Throwaway databases for the operations tests, separate from pytest-django's test database.

Backups are tested end to end through the real scripts, so each test gets a database of
its own, migrated by `manage.py migrate` and filled through the factories in a
subprocess (tests/ops/make_data.py). PostgreSQL: on the server DATABASE_URL names when
it is PostgreSQL, otherwise on the loopback server 127.0.0.1:5432; created and dropped here.
"""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
LOOPBACK_POSTGRES = "postgres://postgres@127.0.0.1:5432"


def postgres_server_url() -> str:
    """The server part of DATABASE_URL when it is PostgreSQL, else the loopback server."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(url)
        return urlunsplit((parts.scheme, parts.netloc, "", "", ""))
    return LOOPBACK_POSTGRES


def django_env(var_dir: Path, database_url: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "VAR_DIR", "MEDIA_ROOT")}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.test", VAR_DIR=str(var_dir), PYTHONDONTWRITEBYTECODE="1")
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def run(env: dict, *args: str) -> str:
    completed = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, f"{args} failed:\n{completed.stdout}\n{completed.stderr}"
    return completed.stdout


def make_data(env: dict, *args: str) -> dict:
    return json.loads(run(env, "-m", "tests.ops.make_data", *args).strip().splitlines()[-1])


def admin_connection(server_url: str):
    return psycopg.connect(f"{server_url}/postgres", autocommit=True)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """Migrated once per test process; each test gets a copy."""
    var_dir = tmp_path_factory.mktemp("sqlite-template")
    run(django_env(var_dir), "manage.py", "migrate", "--noinput", "-v0")
    return var_dir / "db.sqlite3"


@pytest.fixture
def throwaway_sqlite(sqlite_template, tmp_path):
    """A migrated SQLite database file with data, as the app would have it under VAR_DIR."""
    env = django_env(tmp_path)
    shutil.copyfile(sqlite_template, tmp_path / "db.sqlite3")
    made = make_data(env)
    return {"env": env, "path": tmp_path / "db.sqlite3", "media": tmp_path / "test-media", "made": made}


def create_database(server: str, name: str, template: str | None = None) -> None:
    with admin_connection(server) as conn:
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))


def drop_database(server: str, name: str) -> None:
    with admin_connection(server) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_template(tmp_path_factory):
    """A migrated PostgreSQL database to copy (CREATE DATABASE ... TEMPLATE) per test."""
    server, name = postgres_server_url(), f"ops_template_{uuid.uuid4().hex[:12]}"
    create_database(server, name)
    try:
        env = django_env(tmp_path_factory.mktemp("pg-template"), f"{server}/{name}")
        run(env, "manage.py", "migrate", "--noinput", "-v0")
        yield name
    finally:
        drop_database(server, name)


@pytest.fixture
def throwaway_postgres(postgres_template, tmp_path):
    """A new PostgreSQL database, migrated and filled; dropped afterwards."""
    server, name = postgres_server_url(), f"ops_backup_{uuid.uuid4().hex[:12]}"
    create_database(server, name, template=postgres_template)
    url = f"{server}/{name}"
    try:
        env = django_env(tmp_path, url)
        made = make_data(env)
        yield {"env": env, "url": url, "name": name, "media": tmp_path / "test-media", "made": made}
    finally:
        drop_database(server, name)
