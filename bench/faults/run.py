"""Run the fault demonstrations and print one line per fault (also var/bench/faults.json and .md).

    python -m bench.faults.run [--cluster faults|main] [--burst 1400]

Loopback only, bounded: two fresh databases (SQLite under var/bench/, PostgreSQL on the
chosen cluster, dropped afterwards), the production server, a few bursts of check-ins.
Exit status 0 only when every demonstration passed.
"""

import argparse
import json
import sys
import time

from .. import database
from ..server import Server
from . import cluster, demos


def seed(env: dict, burst: int) -> dict:
    database.prepare(env)
    env["BENCH_MANIFEST"] = str(database.BENCH_DIR / f"faults-{env['BENCH_DB_LABEL'].lower()}.json")
    database.run_django_module(env, "seed", "--out", env["BENCH_MANIFEST"], "--burst", str(burst), "--course-sizes", "")
    with open(env["BENCH_MANIFEST"]) as handle:
        return json.load(handle)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cluster", default="faults", choices=sorted(cluster.PORTS))
    parser.add_argument("--burst", type=int, default=1400)
    args = parser.parse_args(argv)
    started = time.monotonic()
    env = database.base_env(database.new_secret_key())
    log_dir = database.BENCH_DIR
    results = []

    print("faults: SQLite (worker killed, read-only media)", file=sys.stderr, flush=True)
    with database.fresh_sqlite(env) as sqlite_env:
        manifest = seed(sqlite_env, args.burst)
        with Server(sqlite_env, log_dir / "gunicorn-faults-sqlite.log") as server:
            results.append(demos.kill_worker_during_burst(server, sqlite_env, manifest))
        results.append(demos.media_read_only(sqlite_env, manifest, log_dir))

    print(f"faults: PostgreSQL cluster {args.cluster} (restart, stopped)", file=sys.stderr, flush=True)
    server_url = cluster.ensure_running(args.cluster)
    with database.fresh_postgres(env, server=server_url) as pg_env:
        manifest = seed(pg_env, args.burst)
        with Server(pg_env, log_dir / "gunicorn-faults-postgres.log") as server:
            results.append(demos.postgres_restart_under_load(server, pg_env, manifest, args.cluster))
            results.append(demos.database_down(server, pg_env, manifest, args.cluster))

    lines = [f"{'PASS' if r['passed'] else 'FAIL'}  {r['name']}: {r['detail']}" for r in results]
    print("\n".join(lines))
    print(f"\n{len(results)} demonstrations in {time.monotonic() - started:.0f} s")
    (log_dir / "faults.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    (log_dir / "faults.md").write_text("\n".join(f"- {line}" for line in lines) + "\n")
    return 0 if all(r["passed"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
