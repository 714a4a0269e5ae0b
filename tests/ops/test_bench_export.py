"""bench.export_command: seeds a throwaway SQLite file, compares with sqlite3 -csv, prints machine-readable JSON."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from bench import export_data as bench
from bench.export_command import Command

pytestmark = pytest.mark.django_db


def test_bench_export_json_on_a_throwaway_sqlite(tmp_path):
    out = StringIO()
    call_command(
        Command(),
        "--rows=1500",
        "--databases=sqlite",
        "--formats=csv,xlsx",
        f"--work-dir={tmp_path}",
        "--json",
        stdout=out,
    )
    report = json.loads(out.getvalue())
    assert report["rows"] == 1500 and report["notes"] == []
    by_format = {r["format"]: r for r in report["results"]}
    assert set(by_format) == {"csv", "xlsx"}
    for result in by_format.values():
        assert result["database"] == "sqlite"
        assert result["rows"] == result["dump_rows"] == 1500
        assert result["seconds"] > 0 and result["peak_mb"] > 0 and result["ratio_to_dump"] > 0
    assert not list(tmp_path.glob("*.sqlite3"))  # thrown away afterwards


def test_an_unreachable_postgresql_is_a_note_not_a_crash(tmp_path):
    out = StringIO()
    call_command(
        Command(),
        "--rows=10",
        "--databases=postgresql",
        "--postgres-url=postgres://postgres@127.0.0.1:1/bench_export_nowhere",
        f"--work-dir={tmp_path}",
        "--json",
        stdout=out,
    )
    report = json.loads(out.getvalue())
    assert report["results"] == [] and report["notes"][0].startswith("postgresql: skipped")


def test_seeding_refuses_any_other_database():
    with pytest.raises(RuntimeError, match="Refusing"):
        bench.seed(10)


def test_sql_is_inlined_for_the_command_line_tool():
    assert bench.inline_sql("SELECT %s, %s, %s", ["a'b", 3, None]) == "SELECT 'a''b', 3, NULL"
