"""What every page, export and API answer says about attendance, read back and compared with the ledger.

Shared by the stateful test and the regression tests: each reader returns, per sub-venue, the figures
people read there (expected, each status, not recorded, attended, rate), so tests compare dicts.
"""

import csv
import io
import re
from collections import Counter

from django.db.models import Q
from django.urls import reverse
from django.utils import translation

from accounts.access import VenueScope
from attendance import ledger, screen, services
from attendance.models import SessionVenue, Status
from reports.exports import registry
from reports.exports.writers import csv_chunks
from reports.services.attendance import NO_COUNTY, Filters, attendance_rollup, session_page, total, venue_roster

everything = VenueScope.everything

FIGURES = ("expected", *Status.values, "not_recorded")


def figures(tally) -> dict:
    return {name: tally.expected if name == "expected" else tally.count_of(_status(name)) for name in FIGURES}


def _status(name: str) -> str:
    return ledger.NOT_RECORDED if name == "not_recorded" else name


def from_statuses(statuses) -> dict:
    return figures(ledger.Tally.of_statuses(statuses))


def ledger_by_venue(session) -> dict:
    return {sv.venue_id: figures(ledger.venue_tally(sv)) for sv in SessionVenue.objects.filter(session=session)}


def roster_summary_by_venue(session, filters=(ledger.NOT_RECORDED,)) -> dict:
    """The coordinator's roster: its summary, its rows, and the rows the given status filters list."""
    result = {}
    for sv in SessionVenue.objects.filter(session=session):
        summary = figures(services.venue_summary(sv))
        rows = services.roster_rows(sv)
        assert from_statuses(row["status"] for row in rows) == summary, sv.venue_id
        for status in filters:
            filtered = services.roster_rows(sv, status)
            assert len(filtered) == summary["not_recorded" if status == ledger.NOT_RECORDED else status]
            assert {row["status"] for row in filtered} <= {status}
        result[sv.venue_id] = summary
    return result


def screen_by_venue(session) -> dict:
    """The venue screen: "n / m checked in" and the waiting list."""
    result = {}
    for sv in SessionVenue.objects.filter(session=session):
        people = screen.venue_people(sv)
        result[sv.venue_id] = {
            "attended": people["count"],
            "expected": people["expected"],
            "not_recorded": len(people["waiting"]),
        }
    return result


def roster_home_by_venue(session) -> dict:
    links = list(SessionVenue.objects.filter(session=session))
    ledger.session_venue_tallies(links)
    return {link.venue_id: (link.tally.attended, link.tally.expected) for link in links}


def report_venue_rows(session) -> dict:
    """The reports' venue level (every county of every city), and the roster lines under each venue."""
    rows = {}
    for venue_row in attendance_rollup(everything(), Filters(session=session.pk), "venue"):
        rows[venue_row.key] = figures(venue_row)
        lines = venue_roster(everything(), session.pk, venue_row.key)
        assert from_statuses([line.status or ledger.NOT_RECORDED for line in lines]) == rows[venue_row.key]
    return rows


def check_report_levels(session) -> None:
    """Province → city → county → venue: each parent equals the sum of its children, rates in 0–100 %."""
    scope = everything()
    venues = attendance_rollup(scope, Filters(session=session.pk), "venue")
    cities = attendance_rollup(scope, Filters(session=session.pk), "city")
    for city in cities:
        in_city = [v for v in venues if v.extra["city"] == city.key]
        assert figures(city) == figures(ledger.sum_of(in_city)), city.key
        if not in_city:
            continue  # a city without the session's venues: all zero (above), nothing below to add up
        counties = attendance_rollup(scope, Filters(session=session.pk, city=city.key), "county")
        assert figures(total(counties)) == figures(city), city.key
        for county in counties:
            if not any((v.extra["county"] or NO_COUNTY) == county.key for v in in_city):
                assert not any(figures(county).values()), county.key
                continue
            county_filter = Filters(session=session.pk, city=city.key, county=county.key)
            children = attendance_rollup(scope, county_filter, "venue")
            expected_children = [v for v in in_city if (v.extra["county"] or NO_COUNTY) == county.key]
            assert figures(total(children)) == figures(county) == figures(ledger.sum_of(expected_children))
    province = total(cities)
    _page, sessions = session_page(scope, 1)
    session_row = next(row for row in sessions if row.key == session.pk)
    assert figures(province) == figures(session_row) == figures(ledger.total(Q(session_id=session.pk)))
    by_organisation = attendance_rollup(scope, Filters(session=session.pk), "organisation")
    assert figures(total(by_organisation)) == figures(province)
    for tally in [*venues, *cities, province, session_row, *by_organisation]:
        assert tally.not_recorded >= 0 and tally.attended <= tally.expected
        assert tally.rate is None or 0 <= tally.rate <= 1, (tally.label, tally.rate)


def _csv(identifier: str, **filters) -> list[dict]:
    cls = registry.get(identifier)
    form = cls.form(everything(), data=filters)
    assert form.is_valid(), form.errors
    raw = b"".join(csv_chunks(cls(everything(), form.cleaned_data))).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(raw)))


def export_rows_by_venue(session) -> tuple[dict, dict]:
    """The roster export (the ledger's people) and the attendance export (one row per record), per venue."""
    names = dict(SessionVenue.objects.filter(session=session).values_list("venue__name", "venue_id"))
    with translation.override("en"):
        label_to_status = {str(label): value for value, label in Status.choices}
        label_to_status["Not recorded"] = ledger.NOT_RECORDED
        rosters = _csv("rosters", session=session.pk)
        records = _csv("attendance", session=session.pk)
    roster_statuses, record_statuses = {venue: [] for venue in names.values()}, {venue: [] for venue in names.values()}
    for row in rosters:
        roster_statuses[names[row["Sub-venue"]]].append(label_to_status[row["Status"]])
    for row in records:
        record_statuses[names[row["Sub-venue"]]].append(label_to_status[row["Status"]])
    return (
        {venue: from_statuses(statuses) for venue, statuses in roster_statuses.items()},
        {venue: Counter(statuses) for venue, statuses in record_statuses.items()},
    )


def api_venue_rows(client, auth: dict, session) -> dict:
    body = client.get("/reports/api/attendance/venues", {"session": session.pk, "limit": 500}, **auth).json()
    rows = {}
    for item in body["items"]:
        rows[item["id"]] = {name: item[name] for name in FIGURES}
        rate = item["attendance_rate"]
        expected = item["expected"]
        assert rate == (None if not expected else (item["present"] + item["late"]) / expected)
        assert rate is None or 0 <= rate <= 1
    return rows


SUMMARY_ITEM = re.compile(r"<li>([^<]+)<strong>(\d+)</strong></li>")


def roster_page_summary(client, session, venue_id) -> dict:
    """The figures in the roster page's summary list, by their (English) label."""
    with translation.override("en"):
        url = reverse("attendance:roster", args=[session.pk, venue_id])
    block = client.get(url).content.decode().split('id="summary">', 1)[1].split("</ul>", 1)[0]
    return {label.strip(): int(n) for label, n in SUMMARY_ITEM.findall(block)}
