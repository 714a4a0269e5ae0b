#!/usr/bin/env python3
"""Back up the database and uploaded media into one timestamped folder.

    .venv/bin/python scripts/backup.py [--dest var/backups] [--no-media]

Uses the same settings as the app (DJANGO_SETTINGS_MODULE, DATABASE_URL, VAR_DIR,
MEDIA_ROOT). SQLite is copied with the online backup API, PostgreSQL with
`pg_dump --format=custom`; both are safe while the site is serving. Prints the folder.
"""

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

import backup_lib as lib


def backup(dest: Path, include_media: bool = True) -> Path:
    settings = lib.django_settings()
    db = settings.DATABASES["default"]
    folder = dest / datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    folder.mkdir(parents=True)
    info = {"created": datetime.now(UTC).isoformat(timespec="seconds"), "engine": db["ENGINE"]}
    if db["ENGINE"].endswith("sqlite3"):
        lib.sqlite_backup(Path(db["NAME"]), folder / lib.SQLITE_FILE)
    elif db["ENGINE"].endswith("postgresql"):
        info["server_version"] = lib.pg_dump(db, folder / lib.PG_FILE)
    else:
        raise lib.BackupError(f"no backup method for {db['ENGINE']}")
    storage = settings.STORAGES["default"]["BACKEND"]
    media_root = Path(settings.MEDIA_ROOT)
    if include_media and storage.endswith("FileSystemStorage") and media_root.is_dir():
        info["media_files"] = lib.media_backup(media_root, folder / lib.MEDIA_FILE)
    elif include_media:
        info["media"] = f"not copied: uploads live in {storage} (use the bucket's versioning or replication)"
    lib.write_manifest(folder, info)
    return folder


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dest", type=Path, default=lib.ROOT / "var" / "backups")
    parser.add_argument("--no-media", action="store_true", help="database only")
    args = parser.parse_args(argv)
    try:
        folder = backup(args.dest, include_media=not args.no_media)
    except lib.BackupError as exc:
        print(f"backup failed: {exc}", file=sys.stderr)
        return 1
    print(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
