"""`make bench`: fresh databases, the production server, one table of ratios to a bare Django view.

    python -m bench.run            # the full run (SQLite, then PostgreSQL when the server is up)
    python -m bench.run --quick    # smaller counts, for a look in under a minute of measuring

Loopback only: gunicorn binds 127.0.0.1 on a free port and the client sends nothing elsewhere.
"""

import argparse
import json
import os
import platform
import sys
import time
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from . import checkins, cluster_row, database, exports, final_quiz, report, rows, scenarios
from .server import Server

STARTED = time.monotonic()


def say(message: str) -> None:
    print(f"bench [{time.monotonic() - STARTED:4.0f} s] {message}", file=sys.stderr, flush=True)


def measure_server(env: dict, manifest: dict, args, include_pages: bool) -> list[report.Row]:
    label = env["BENCH_DB_LABEL"]
    log = database.BENCH_DIR / f"gunicorn-{label.lower()}.log"
    queries = database.run_django_module(env, "django_probe", "queries", env["BENCH_MANIFEST"]) if include_pages else {}
    table: list[report.Row] = []
    with Server(env, log) as server:
        before = scenarios.bare(server)
        bare_rate = before.rate
        if include_pages:
            table.append(rows.home_row(server, label, bare_rate))
            table += rows.course_rows(server, label, manifest, bare_rate, queries)
        table += checkins.burst_rows(server, env, manifest, bare_rate, big=not include_pages)
        table.append(final_quiz.burst_row(server, env, manifest, bare_rate))
        table += rows.grading_rows(server, env, manifest, bare_rate)
        after = scenarios.bare(server)
    # The floor is the mean of the bare view measured before and after the rows.
    mean = (before.rate + after.rate) / 2
    bare_cpu_ms = (before.server_cpu_seconds + after.server_cpu_seconds) * 1000 / (before.ok + after.ok)
    for row in table:
        if row.ratio is not None and "rate" in row.extra:
            row.ratio = row.extra["rate"] / mean
        if row.extra.get("cpu_ms"):
            # The same ratio in server CPU time: steadier than req/s when other work shares the machine.
            row.extra["cpu_ratio"] = bare_cpu_ms / row.extra["cpu_ms"]
            row.detail += f" (CPU ratio {row.extra['cpu_ratio']:.2f})"
    bare_row = report.Row(
        "bare Django view (the floor)",
        label,
        1.0,
        "",
        f"{mean:.0f} req/s (before {before.rate:.0f}, after {after.rate:.0f}); "
        f"p99 {before.percentile_ms(99):.0f} ms; server CPU {bare_cpu_ms:.2f} ms each; {server.workers} sync workers",
        extra={"rate": mean, "cpu_ms_floor": bare_cpu_ms},
    )
    return [bare_row, *table]


def seed(env: dict, args, big: int, graders: int) -> dict:
    """Migrate and seed the fresh database; the manifest's path goes into env for later probes."""
    database.prepare(env)
    env["BENCH_MANIFEST"] = str(database.BENCH_DIR / f"manifest-{env['BENCH_DB_LABEL'].lower()}.json")
    database.run_django_module(
        env,
        "seed",
        "--out",
        env["BENCH_MANIFEST"],
        "--burst",
        str(args.burst),
        "--big",
        str(big),
        "--graders",
        str(graders),
    )
    return json.loads(Path(env["BENCH_MANIFEST"]).read_text())


def _rows_or_failure(name: str, measure) -> list[report.Row]:
    """One part failing (a server that would not start, an unexpected answer) must not lose the table."""
    try:
        rows = measure()
    except Exception as error:  # the table says what failed and the run goes on
        say(f"{name} failed: {error!r}")
        return [report.missing_row(name, "—", "", f"failed: {error}", "failed")]
    print("\n".join(report.table_lines(rows)), file=sys.stderr, flush=True)  # kept if a later part dies
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer trainees and check-ins")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--skip-cluster", action="store_true", help="no HAProxy + two app servers row")
    args = parser.parse_args(argv)
    args.burst = 300 if args.quick else checkins.BURST_TRAINEES
    args.big = 2000 if args.quick else checkins.BIG_CHECKINS
    args.graders = 80 if args.quick else 300
    started = time.monotonic()
    env = database.base_env(database.new_secret_key())
    table: list[report.Row] = []

    say("SQLite: migrating and seeding a fresh database")
    with database.fresh_sqlite(env) as sqlite_env:
        manifest = seed(sqlite_env, args, big=0, graders=args.graders)
        say("SQLite: measuring")
        table += _rows_or_failure("SQLite rows", lambda: measure_server(sqlite_env, manifest, args, include_pages=True))

    if args.skip_postgres or not database.postgres_available():
        reason = "skipped (--skip-postgres)" if args.skip_postgres else "PostgreSQL not reachable on 127.0.0.1:5432"
        table += checkins.postgres_missing_rows(reason, args.burst, args.big)
    else:
        say("PostgreSQL: creating, migrating and seeding a fresh database")
        with database.fresh_postgres(env) as pg_env:
            manifest = seed(pg_env, args, big=args.big, graders=0)
            say("PostgreSQL: measuring")
            measure = partial(measure_server, pg_env, manifest, args, include_pages=False)
            table += _rows_or_failure("PostgreSQL rows", measure)

    if not args.skip_cluster:
        table += _rows_or_failure("cluster rows", lambda: cluster_row.cluster_rows(args.burst, say))

    say("exports: bench.export_command")
    rows_exported = 20_000 if args.quick else exports.EXPORT_ROWS
    table += _rows_or_failure("export rows", lambda: exports.export_rows(env, rows=rows_exported))
    header = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()}",
        "concurrency": scenarios.CONCURRENCY,
        "cache": "Redis (shared)" if database.redis_available() else "per-process memory (no Redis answered)",
        "mode": "quick" if args.quick else "full",
        "wall_seconds": round(time.monotonic() - started),
    }
    print()
    print("\n".join(report.table_lines(table)))
    json_path, md_path = report.write(table, header, database.BENCH_DIR)
    print(f"\n{header['mode']} run in {header['wall_seconds']} s; cache: {header['cache']}; {header['machine']}")
    print(f"results in {json_path} and {md_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
