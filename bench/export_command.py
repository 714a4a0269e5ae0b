"""Benchmark the attendance export: N rows to CSV and XLSX vs the database's own CSV dump.

    python -m bench.export_command --rows 1000000         # SQLite and PostgreSQL, a table
    python -m bench.export_command --rows 100000 --json   # one JSON document (for make bench)
    python -m bench.export_command --databases sqlite --formats csv

Each database is a throwaway: var/bench/bench_export.sqlite3 (deleted first) or the PostgreSQL
database bench_export_reports (dropped and created; the server from --postgres-url). Every step runs
in a child process pointed at that database, so the development database is never touched and
each export's peak memory is that process's own maximum resident set size.
"""

import contextlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

# The database name gets the run's process id appended, so concurrent runs never drop each other's.
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/bench_export_reports"


class Command(BaseCommand):
    help = "Time the attendance export (CSV, XLSX) of N rows against sqlite3 -csv and PostgreSQL COPY."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=1_000_000)
        parser.add_argument("--databases", default="sqlite,postgresql", help="Comma-separated: sqlite, postgresql.")
        parser.add_argument("--formats", default="csv,xlsx", help="Comma-separated: csv, xlsx.")
        parser.add_argument("--postgres-url", default=os.environ.get("BENCH_EXPORT_POSTGRES_URL", DEFAULT_POSTGRES))
        parser.add_argument("--json", action="store_true", help="Print one JSON document instead of a table.")
        parser.add_argument("--keep", action="store_true", help="Keep the throwaway databases and files.")
        parser.add_argument("--work-dir", help="Where the SQLite database and files go (default var/bench).")
        parser.add_argument("--worker", choices=["seed", "sql", "dump", "export"], help=_hidden())
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv", help=_hidden())
        parser.add_argument("--output", help=_hidden())

    def handle(self, *args, **options):
        if options["worker"]:
            return self.worker(options)
        from bench.export_data import default_work_dir

        work = Path(options["work_dir"] or default_work_dir())
        work.mkdir(parents=True, exist_ok=True)
        results, notes = [], []
        self.run_id = str(os.getpid())
        for database in [d.strip() for d in options["databases"].split(",") if d.strip()]:
            url = self.database_url(database, work, options)
            try:
                self.prepare(database, url, options)
                results += self.measure(database, url, work, options)
            except Exception as error:  # a database that cannot be reached is reported, not fatal
                notes.append(f"{database}: skipped ({str(error).splitlines()[0]})")
            finally:
                if not options["keep"]:
                    self.discard(database, work, url)
        report = {"rows": options["rows"], "results": results, "notes": notes}
        if options["json"]:
            self.stdout.write(json.dumps(report, indent=2))
        else:
            self.stdout.write(table(report))

    # --- the parent: one child process per step ------------------------------------------------

    def database_url(self, database: str, work: Path, options) -> str:
        if database == "sqlite":
            from bench.export_data import sqlite_path

            return f"sqlite:///{sqlite_path(work, self.run_id)}"
        if database == "postgresql":
            parts = urlsplit(options["postgres_url"])
            if "bench_export" not in parts.path:
                raise CommandError("the PostgreSQL database name must contain 'bench_export'")
            return urlunsplit(parts._replace(path=f"{parts.path}_{self.run_id}"))
        raise CommandError(f"Unknown database {database}")

    def prepare(self, database: str, url: str, options) -> None:
        if database == "postgresql":
            recreate_postgres(url)
        child(url, ["migrate", "--noinput", "-v0"])
        seeded = json.loads(child(url, ["--worker", "seed", "--rows", str(options["rows"])]))
        if not options["json"]:
            self.stderr.write(f"{database}: {seeded['records']} records seeded in {seeded['insert_seconds']:.1f}s")

    def measure(self, database: str, url: str, work: Path, options) -> list[dict]:
        dump = work / f"dump-{database}.csv"
        dumped = json.loads(child(url, ["--worker", "dump", "--output", str(dump)]))
        results = []
        for fmt in [f.strip() for f in options["formats"].split(",") if f.strip()]:
            output = work / f"export-{database}.{fmt}"
            measured = json.loads(child(url, ["--worker", "export", "--format", fmt, "--output", str(output)]))
            results.append(
                {
                    "database": database,
                    "format": fmt,
                    "rows": measured["rows"],
                    "seconds": round(measured["seconds"], 2),
                    "peak_mb": round(measured["peak_mb"], 1),
                    "baseline_mb": round(measured["baseline_mb"], 1),
                    "bytes": output.stat().st_size,
                    "dump_seconds": round(dumped["seconds"], 2),
                    "dump_rows": dumped["rows"],
                    "ratio_to_dump": round(measured["seconds"] / dumped["seconds"], 2),
                }
            )
            if not options["keep"]:
                output.unlink(missing_ok=True)
        if not options["keep"]:
            dump.unlink(missing_ok=True)
        return results

    def discard(self, database: str, work: Path, url: str) -> None:
        if database == "sqlite":
            from bench.export_data import sqlite_path

            for suffix in ("", "-wal", "-shm"):
                Path(f"{sqlite_path(work, self.run_id)}{suffix}").unlink(missing_ok=True)
        else:
            with contextlib.suppress(Exception):  # the server is gone: nothing was created there
                recreate_postgres(url, create=False)

    # --- the children ----------------------------------------------------------------------------

    def worker(self, options):
        from django.db import connection

        from accounts.access import VenueScope
        from bench import export_data as bench
        from reports.exports import registry

        bench.assert_throwaway()
        if options["worker"] == "seed":
            self.stdout.write(json.dumps(bench.seed(options["rows"])))
            return
        if options["worker"] == "dump":
            exporter = registry.get("attendance")(VenueScope.everything())
            sql = bench.inline_sql(*exporter.sql())
            seconds = bench.database_dump(sql, Path(options["output"]), os.environ.get("DATABASE_URL", ""))
            with open(options["output"], "rb") as handle:
                rows = sum(1 for _line in handle) - 1
            self.stdout.write(json.dumps({"seconds": seconds, "rows": rows}))
            return
        baseline = peak_mb()
        connection.ensure_connection()
        started = time.monotonic()
        call_command("export", "attendance", "--format", options["format"], "--output", options["output"], verbosity=0)
        seconds = time.monotonic() - started
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM attendance_attendancerecord")
            (rows,) = cursor.fetchone()
        self.stdout.write(json.dumps({"seconds": seconds, "peak_mb": peak_mb(), "baseline_mb": baseline, "rows": rows}))


def _hidden():
    import argparse

    return argparse.SUPPRESS


def peak_mb() -> float:
    """This process's peak resident set size (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(database_url: str, arguments: list[str]) -> str:
    # Test settings: DEBUG off (no query log, no debug cursors), nothing else changes the export.
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    # Django's own commands through manage.py, this command's steps through this module.
    command = ["manage.py"] if arguments[0] == "migrate" else ["-m", "bench.export_command"]
    done = subprocess.run(  # noqa: S603 (our own code)
        [sys.executable, *command, *arguments],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise CommandError(f"{' '.join(arguments[:3])} failed:\n{done.stderr[-3000:]}")
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def recreate_postgres(url: str, create: bool = True) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            conn.execute(f'CREATE DATABASE "{name}"')


def table(report: dict) -> str:
    lines = [
        f"Attendance export benchmark: {report['rows']:,} rows",
        f"{'database':<11}{'format':<7}{'seconds':>9}{'peak MB':>9}{'dump s':>8}{'ratio':>7}{'rows':>10}",
    ]
    for r in report["results"]:
        lines.append(
            f"{r['database']:<11}{r['format']:<7}{r['seconds']:>9.2f}{r['peak_mb']:>9.1f}"
            f"{r['dump_seconds']:>8.2f}{r['ratio_to_dump']:>7.2f}{r['rows']:>10,}"
        )
    lines += report["notes"]
    lines.append("ratio = export seconds / the database's own CSV dump of the same SELECT (sqlite3 -csv, COPY)")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    django.setup()
    call_command(Command(), *argv)


if __name__ == "__main__":
    main(sys.argv[1:])
