"""Settings behaviour that production depends on."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def run_settings(module: str, **env) -> subprocess.CompletedProcess:
    code = f"import django, os; os.environ['DJANGO_SETTINGS_MODULE']='{module}'; django.setup(); print('started')"
    clean_env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DATABASE_URL")}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**clean_env, **env}, capture_output=True, text=True, check=False
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_settings("config.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_secret_key_and_reads_hosts():
    result = run_settings("config.settings.production", SECRET_KEY="x" * 50, ALLOWED_HOSTS="training.example.cn")
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_database_url_selects_postgres_with_persistent_connections():
    from config.settings.base import database_from_env

    os.environ["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/example"
    try:
        config = database_from_env(ROOT / "var" / "unused.sqlite3")
    finally:
        del os.environ["DATABASE_URL"]
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["CONN_MAX_AGE"] > 0 and config["CONN_HEALTH_CHECKS"]


def test_sqlite_default_uses_wal_and_immediate_transactions(tmp_path):
    from config.settings.base import database_from_env

    saved = os.environ.pop("DATABASE_URL", None)
    try:
        config = database_from_env(tmp_path / "db.sqlite3")
    finally:
        if saved:
            os.environ["DATABASE_URL"] = saved
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert config["OPTIONS"]["timeout"] >= 20


def test_file_backed_sqlite_connection_really_runs_in_wal(tmp_path, django_db_blocker):
    from django.db.backends.sqlite3.base import DatabaseWrapper

    from config.settings.base import database_from_env

    saved = os.environ.pop("DATABASE_URL", None)
    try:
        config = database_from_env(tmp_path / "db.sqlite3")
    finally:
        if saved:
            os.environ["DATABASE_URL"] = saved
    wrapper = DatabaseWrapper({**connection.settings_dict, **config, "NAME": str(tmp_path / "db.sqlite3")})
    try:
        with django_db_blocker.unblock(), wrapper.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0].lower() == "wal"
            cursor.execute("PRAGMA synchronous")
            assert cursor.fetchone()[0] == 1  # NORMAL
    finally:
        with django_db_blocker.unblock():
            wrapper.close()


def test_deploy_checks_are_clean_with_production_settings():
    skip = ("DATABASE_URL", "SECURE_SSL_REDIRECT", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.update(SECRET_KEY=secrets.token_urlsafe(64), DJANGO_SETTINGS_MODULE="config.settings.production")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_redis_url_gives_a_shared_cache_and_sessions_read_from_it():
    """With Redis, a signed-in page reads its session from the cache (written through to the database)."""
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings.production'; django.setup();"
        "from django.conf import settings as s; from django.core.cache import cache;"
        "cache.set('settings-test', 'shared', 5);"
        "print(s.CACHES['default']['BACKEND'], s.SESSION_ENGINE, cache.get('settings-test'))"
    )
    clean_env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DATABASE_URL", "REDIS_URL")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean_env, "SECRET_KEY": "x" * 50, "REDIS_URL": "redis://127.0.0.1:6379/13"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django_redis.cache.RedisCache",
        "django.contrib.sessions.backends.cached_db",
        "shared",
    ]
