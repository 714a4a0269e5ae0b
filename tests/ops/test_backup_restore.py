"""Backups that are really taken and really restored: create data, back up, wipe, restore, compare.

Both engines run in every pass (SQLite and PostgreSQL), through the real scripts and
the real tools (sqlite3's online backup API, pg_dump/pg_restore).
"""

import sqlite3
import subprocess
import sys
from pathlib import Path

import psycopg

from .conftest import ROOT, make_data, run
from .snapshots import postgres_snapshot, sqlite_snapshot

BACKUP = str(ROOT / "scripts" / "backup.py")
RESTORE = str(ROOT / "scripts" / "restore.py")


def back_up(env: dict, dest: Path) -> Path:
    return Path(run(env, BACKUP, "--dest", str(dest)).strip().splitlines()[-1])


def test_sqlite_backup_is_online_and_restores_everything(throwaway_sqlite, tmp_path):
    env, db_path, media = throwaway_sqlite["env"], throwaway_sqlite["path"], throwaway_sqlite["media"]
    before = sqlite_snapshot(db_path)
    assert before["accounts_user"][0] == 5

    # A writer is in the middle of a transaction: the online backup neither waits for
    # it nor copies its uncommitted row.
    writer = sqlite3.connect(db_path, timeout=1)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(
        "UPDATE accounts_user SET real_name = 'uncommitted' WHERE id = ?", (throwaway_sqlite["made"]["users"][0],)
    )
    try:
        folder = back_up(env, tmp_path / "backups")
    finally:
        writer.rollback()
        writer.close()
    assert (folder / "database.sqlite3").exists() and (folder / "media.tar.gz").exists()

    # Disaster: the database file and the uploads are gone.
    for path in db_path.parent.glob("db.sqlite3*"):
        path.unlink()
    (media / "ops" / "sheet.txt").unlink()

    run(env, RESTORE, str(folder), "--yes")
    assert sqlite_snapshot(db_path) == before
    assert (media / "ops" / "sheet.txt").read_text(encoding="utf-8") == "签到表 sign-in sheet\n"


def test_sqlite_restore_takes_back_later_changes(throwaway_sqlite, tmp_path):
    env, db_path = throwaway_sqlite["env"], throwaway_sqlite["path"]
    before = sqlite_snapshot(db_path)
    folder = back_up(env, tmp_path / "backups")
    make_data(env, "extra")
    assert sqlite_snapshot(db_path)["accounts_user"][0] == 6

    run(env, RESTORE, str(folder), "--yes")
    assert sqlite_snapshot(db_path) == before


def test_postgres_dump_restores_everything_including_sequences(throwaway_postgres, tmp_path):
    env, url, media = throwaway_postgres["env"], throwaway_postgres["url"], throwaway_postgres["media"]
    before = postgres_snapshot(url)
    assert before["accounts_user"][0] == 5
    folder = back_up(env, tmp_path / "backups")
    assert (folder / "database.dump").read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format

    # Disaster: every table is gone.
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    assert postgres_snapshot(url) == {}
    (media / "ops" / "sheet.txt").unlink()

    run(env, RESTORE, str(folder), "--yes")
    assert postgres_snapshot(url) == before
    assert (media / "ops" / "sheet.txt").exists()

    # The restored database keeps working: new rows get new ids.
    extra = make_data(env, "extra")
    assert extra["extra_user"] > max(throwaway_postgres["made"]["users"])


def test_restore_refuses_a_damaged_backup(throwaway_sqlite, tmp_path):
    env = throwaway_sqlite["env"]
    folder = back_up(env, tmp_path / "backups")
    with (folder / "database.sqlite3").open("r+b") as handle:
        handle.seek(200)
        handle.write(b"\x00garbage\x00")
    before = sqlite_snapshot(throwaway_sqlite["path"])

    completed = subprocess.run(
        [sys.executable, RESTORE, str(folder), "--yes"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert completed.returncode == 1
    assert "damaged" in completed.stderr
    assert sqlite_snapshot(throwaway_sqlite["path"]) == before
