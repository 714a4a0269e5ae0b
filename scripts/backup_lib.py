"""What scripts/backup.py and scripts/restore.py share: where the data lives and how to copy it.

The database comes from Django's own settings (DATABASE_URL or the SQLite file under
VAR_DIR), so a backup always targets exactly what the app serves:
- SQLite: the online backup API (a consistent copy while the site keeps running);
- PostgreSQL: pg_dump --format=custom, restored with pg_restore in one transaction.
Uploaded media (file-system storage) goes into media.tar.gz beside the database.
"""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = "backup.json"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


def django_settings():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.conf import settings

    return settings


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def write_manifest(directory: Path, info: dict) -> None:
    files = {p.name: sha256(p) for p in sorted(directory.iterdir()) if p.name != MANIFEST}
    (directory / MANIFEST).write_text(json.dumps({**info, "sha256": files}, indent=2))


def read_manifest(directory: Path) -> dict:
    path = directory / MANIFEST
    if not path.exists():
        raise BackupError(f"{directory} is not a backup: {MANIFEST} is missing")
    info = json.loads(path.read_text())
    for name, expected in info["sha256"].items():
        if sha256(directory / name) != expected:
            raise BackupError(f"{directory / name} is damaged (checksum differs); refusing to restore it")
    return info


# --- SQLite -------------------------------------------------------------------------------


def sqlite_backup(source: Path, target: Path) -> None:
    """Copy a live SQLite database consistently (readers and writers may keep going)."""
    if not source.exists():
        raise BackupError(f"SQLite database {source} does not exist")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def sqlite_restore(backup_file: Path, target: Path) -> None:
    """Write the backup into the app's database file (created if it was lost)."""
    if not target.exists():
        # A -wal/-shm left from a lost database must not be replayed into the restored one.
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=30)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=WAL")
    finally:
        dst.close()
        src.close()


# --- PostgreSQL ---------------------------------------------------------------------------


def pg_env(db: dict) -> dict:
    """libpq variables, so the password never appears on a command line."""
    env = dict(os.environ)
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if db.get(key):
            env[variable] = str(db[key])
    env["PGDATABASE"] = db["NAME"]
    return env


def _major(version_text: str) -> int:
    match = re.search(r"(\d+)(?:\.\d+)?", version_text)
    if not match:
        raise BackupError(f"cannot read a version from {version_text!r}")
    return int(match.group(1))


def check_pg_tools(db: dict, tool: str) -> str:
    """pg_dump/pg_restore must be at least as new as the server (an older one refuses or misreads)."""
    if shutil.which(tool) is None:
        raise BackupError(f"{tool} is not installed (Debian: apt-get install postgresql-client)")
    tool_version = subprocess.run([tool, "--version"], capture_output=True, text=True, check=True).stdout  # noqa: S603
    server = subprocess.run(
        ["psql", "-XAtc", "SHOW server_version"],  # noqa: S607
        env=pg_env(db),
        capture_output=True,
        text=True,
    )
    if server.returncode != 0:
        raise BackupError(f"cannot reach PostgreSQL database {db['NAME']}: {server.stderr.strip()}")
    tool_major, server_major = _major(tool_version.split("PostgreSQL)")[-1]), _major(server.stdout)
    if tool_major < server_major:
        raise BackupError(
            f"{tool} {tool_major} is older than the server ({server_major}); install postgresql-client-{server_major}"
        )
    return server.stdout.strip()


def pg_dump(db: dict, target: Path) -> str:
    server_version = check_pg_tools(db, "pg_dump")
    subprocess.run(  # noqa: S603
        ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"],  # noqa: S607
        env=pg_env(db),
        check=True,
    )
    return server_version


def pg_restore(db: dict, dump: Path) -> None:
    check_pg_tools(db, "pg_restore")
    subprocess.run(  # noqa: S603
        [  # noqa: S607
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={db['NAME']}",
            str(dump),
        ],
        env=pg_env(db),
        check=True,
    )


# --- Media --------------------------------------------------------------------------------


def media_backup(media_root: Path, target: Path) -> int:
    count = 0
    with tarfile.open(target, "w:gz") as archive:
        for path in sorted(media_root.rglob("*")):
            if path.is_file():
                archive.add(path, arcname=str(path.relative_to(media_root)))
                count += 1
    return count


def media_restore(archive_path: Path, media_root: Path) -> int:
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive_path, "r:gz") as archive:
        members = archive.getmembers()
        archive.extractall(media_root, filter="data")  # "data" refuses absolute paths and ../
    return sum(1 for m in members if m.isfile())
