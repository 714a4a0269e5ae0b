"""Online attendance (the live stream's watch-time threshold) appears beside in-person attendance,
with the same figure, on the roster, the venue screen, the attendance report, the export and the API."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import APIToken

from accounts.access import VenueScope
from attendance import checkin, codes, watch
from attendance.models import ExpectedParticipant, Method
from reports.exports import registry
from reports.exports.writers import csv_chunks

everything = VenueScope.everything
pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(session, venue, make_trainee):
    """Two expected at one venue: one checks in there, one watches the live stream to the threshold."""
    in_person, online = make_trainee(real_name="现场甲"), make_trainee(real_name="线上乙")
    for person in (in_person, online):
        ExpectedParticipant.objects.create(session=session, venue=venue, user=person)
    code = codes.current_code(session.pk, venue.pk, session.code_rotation_seconds).code
    checkin.check_in_with_code(in_person, code)
    assert watch.record_online_attendance(online, session, now=timezone.now())
    return in_person, online


def test_online_attendance_on_every_page(client, session, venue, mixed, organiser, venue_coordinator):
    with translation.override("zh-hans"):
        label = str(Method.ONLINE.label)
    client.force_login(venue_coordinator)
    roster = client.get(reverse("attendance:roster", args=[session.pk, venue.pk])).content.decode()
    assert "线上乙" in roster and label in roster
    screen = client.get(reverse("attendance:screen", args=[session.pk, venue.pk])).content.decode()
    assert "线上乙" in screen and "出席 · 线上" in screen

    client.force_login(organiser)
    report = client.get(reverse("reports_admin:attendance") + f"?session={session.pk}").content.decode()
    assert "其中线上" in report

    cls = registry.get("attendance")
    form = cls.form(everything(), data={"session": session.pk})
    assert form.is_valid()
    with translation.override("zh-hans"):
        raw = b"".join(csv_chunks(cls(everything(), form.cleaned_data)))
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    how = rows[0].index("记录方式")
    by_name = {row[rows[0].index("姓名")]: row for row in rows[1:]}
    assert set(by_name) == {"现场甲", "线上乙"}
    assert by_name["线上乙"][how] == label

    _token, plaintext = APIToken.create_token(user=organiser, name="报表")
    item = client.get("/reports/api/sessions", HTTP_AUTHORIZATION=f"Bearer {plaintext}").json()["items"][0]
    assert (item["present"], item["online"], item["expected"]) == (2, 1, 2)


def test_watching_below_the_threshold_records_nothing(session, venue, make_trainee):
    person = make_trainee()
    ExpectedParticipant.objects.create(session=session, venue=venue, user=person)
    session.starts_at = timezone.now() - timedelta(minutes=1)
    session.save()
    device = watch.new_device_id()
    for seq, played in enumerate(["0.0", "15.0"], start=1):
        signature = watch.sign_heartbeat(person.pk, session.pk, device, seq, played)
        beat = watch.record_heartbeat(
            person, session, device_id=device, seq=seq, played=played, signature=signature,
            now=session.starts_at + timedelta(seconds=15 * seq),
        )  # fmt: skip
    assert not beat.attended and not session.records.exists()
