"""The export rows, from bench.export_command (`python -m bench.export_command --json`).

Its floor is the database's own CSV dump of the same rows (sqlite3 -csv, PostgreSQL
COPY), so the ratio here is dump time ÷ export time: 0.5 means the export takes twice
as long as the dump (the reports issue's goal for CSV: within 2×, under 200 MB). It
seeds and drops its own throwaway databases. `make bench` uses EXPORT_ROWS rows to stay
bounded; `python -m bench.export_command` alone runs the full 1,000,000.
"""

import json
import subprocess
import sys

from .report import Row, missing_row
from .server import ROOT

EXPORT_ROWS = 100_000
LABELS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
PEAK_MB_GOAL = 200


def export_rows(env: dict, rows: int = EXPORT_ROWS) -> list[Row]:
    name = f"attendance export, {rows:,} rows"
    completed = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "bench.export_command", "--rows", str(rows), "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if completed.returncode:
        reason = (completed.stderr.strip().splitlines() or ["no output"])[-1][:200]
        return [missing_row(name, "—", "≥ 0.5", f"bench_export failed: {reason}", "failed")]
    report = json.loads(completed.stdout)
    table = []
    for result in report["results"]:
        ratio = result["dump_seconds"] / result["seconds"] if result["seconds"] else float("nan")
        csv = result["format"] == "csv"
        table.append(
            Row(
                f"{name} to {result['format'].upper()}",
                LABELS.get(result["database"], result["database"]),
                ratio,
                "≥ 0.5" if csv else "",
                f"{result['seconds']:.1f} s vs the database's CSV dump {result['dump_seconds']:.1f} s; "
                f"peak {result['peak_mb']:.0f} MB" + (f" (goal < {PEAK_MB_GOAL})" if csv else ""),
                extra={**result, "goals_met": not csv or result["peak_mb"] < PEAK_MB_GOAL},
            )
        )
    table += [missing_row(name, note.split(":")[0], "", note, "skipped") for note in report.get("notes", [])]
    return table
