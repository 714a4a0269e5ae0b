#!/usr/bin/env python3
"""Restore a folder written by scripts/backup.py into the app's database (and media).

    .venv/bin/python scripts/restore.py var/backups/20260101-020000-000000 --yes [--no-media]

Replaces the current database with the backup: stop the app servers first (or accept
that requests during the restore fail). Checksums are verified before anything is
touched. SQLite is written back with the backup API; PostgreSQL with
`pg_restore --clean --if-exists --single-transaction`, so a failed restore changes nothing.
"""

import argparse
import sys
from pathlib import Path

import backup_lib as lib


def restore(folder: Path, include_media: bool = True) -> dict:
    info = lib.read_manifest(folder)
    settings = lib.django_settings()
    db = settings.DATABASES["default"]
    if db["ENGINE"] != info["engine"]:
        raise lib.BackupError(f"backup is of {info['engine']}, but the app now uses {db['ENGINE']}")
    if db["ENGINE"].endswith("sqlite3"):
        lib.sqlite_restore(folder / lib.SQLITE_FILE, Path(db["NAME"]))
    else:
        lib.pg_restore(db, folder / lib.PG_FILE)
    restored = {"database": str(db["NAME"])}
    if include_media and (folder / lib.MEDIA_FILE).exists():
        restored["media_files"] = lib.media_restore(folder / lib.MEDIA_FILE, Path(settings.MEDIA_ROOT))
    return restored


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--yes", action="store_true", help="really replace the current data")
    parser.add_argument("--no-media", action="store_true", help="database only")
    args = parser.parse_args(argv)
    if not args.yes:
        print("restore replaces the current database; run again with --yes", file=sys.stderr)
        return 2
    try:
        restored = restore(args.folder, include_media=not args.no_media)
    except lib.BackupError as exc:
        print(f"restore failed: {exc}", file=sys.stderr)
        return 1
    print(f"restored {args.folder} into {restored}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
