"""Closing an account removes what names the person from attendance: notes, history, sheet files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.access import VenueScope
from accounts.privacy import anonymise_user
from attendance import services, sheet_import
from attendance.models import AttendanceChange, AttendanceRecord, ExpectedParticipant, SheetImport, Status
from reports.exports import registry
from reports.exports.writers import csv_chunks
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

NAME, PHONE = "张小明", "13800000321"


@pytest.fixture
def closed_world(session, venue, venue_coordinator, make_trainee):
    organisation = OrganisationFactory(name="华能测试热电有限公司")
    person = make_trainee(real_name=NAME, phone=PHONE, organisation=organisation, default_venue=venue)
    friend = make_trainee(real_name="李同事", organisation=organisation, default_venue=venue)
    session_venue = session.session_venues.get(venue=venue)
    ExpectedParticipant.objects.create(session=session, venue=venue, user=friend)
    sheet = f"姓名,单位,手机,签名,备注\n{NAME},{organisation.name},{PHONE},{NAME},{NAME}晚到\n".encode()
    stored = sheet_import.store_upload(session_venue, SimpleUploadedFile("sheet.csv", sheet), venue_coordinator)
    sheet_import.apply_import(stored, session_venue, venue_coordinator)
    services.mark(session_venue, [person.pk], Status.LATE, by=venue_coordinator, note=f"电话{PHONE}确认")
    services.mark(session_venue, [friend.pk], Status.PRESENT, by=venue_coordinator, note=f"与{NAME}同车")
    record = AttendanceRecord.objects.get(user=person)
    assert AttendanceChange.objects.filter(record=record, note__contains=PHONE).exists()
    anonymise_user(person)
    return {"person": person, "record": record, "stored": stored, "friend": friend}


def test_exports_and_history_forget_the_closed_account(client, closed_world, venue_coordinator):
    for identifier in ("attendance", "rosters"):
        text = b"".join(csv_chunks(registry.get(identifier)(VenueScope.everything()))).decode("utf-8-sig")
        assert NAME not in text and PHONE not in text and "晚到" not in text, identifier
        assert "李同事" in text  # the others stay
    client.force_login(venue_coordinator)
    history = client.get(reverse("attendance:record_history", args=[closed_world["record"].pk])).content.decode()
    assert NAME not in history and PHONE not in history and "sheet.csv" not in history
    assert AttendanceRecord.objects.filter(user=closed_world["person"]).count() == 1  # the figure stays


def test_sheet_files_listing_the_person_are_removed(closed_world):
    stored = closed_world["stored"]
    path = stored.file.path
    stored.refresh_from_db()
    assert not stored.file and SheetImport.objects.filter(pk=stored.pk).exists()
    import os

    assert not os.path.exists(path)
    with pytest.raises(sheet_import.SheetError):
        sheet_import.plan_stored(stored, stored.session.session_venues.get(venue=stored.venue), None)
