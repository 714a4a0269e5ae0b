"""manage.py export: filters through the form, scope with --as-user, both formats."""

import csv

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_export_csv_with_filters(world, tmp_path):
    out = tmp_path / "a.csv"
    call_command("export", "attendance", "--format", "csv", "--output", str(out), "--city", "370100", verbosity=0)
    rows = read_csv(out)
    assert rows[0][0] == "培训场次"
    assert len(rows) == 4  # header + Jinan's three records


def test_export_xlsx_in_english_as_a_coordinator(world, tmp_path):
    out = tmp_path / "a.xlsx"
    call_command(
        "export",
        "rosters",
        "--format=xlsx",
        f"--output={out}",
        "--language=en",
        f"--as-user={world.coordinator.email}",
        verbosity=0,
    )
    rows = list(load_workbook(out).active.values)
    assert rows[0][0] == "Training session"
    assert {row[4] for row in rows[1:]} == {"历下区分会场"}
    assert len(rows) == 3


def test_bad_filters_are_refused(world, tmp_path):
    out = str(tmp_path / "x.csv")
    with pytest.raises(CommandError, match="no filter quiz"):
        call_command("export", "attendance", "--output", out, "--quiz", "x", verbosity=0)
    with pytest.raises(CommandError, match="city"):
        call_command("export", "attendance", "--output", out, "--city", "999999", verbosity=0)
    with pytest.raises(CommandError, match="Only organisers"):
        call_command("export", "attendance", "--output", out, "--as-user", world.t1.email, "--language=en", verbosity=0)
