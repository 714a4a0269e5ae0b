"""Uploaded sign-in sheets list names and phone numbers: private storage, random names, scoped download."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.storage import private_storage
from attendance.models import SheetImport

pytestmark = pytest.mark.django_db

SHEET = "姓名,单位,手机\n张三,华能测试热电有限公司,13800000001\n".encode()


@pytest.fixture
def uploaded(client, session, venue, venue_coordinator):
    client.force_login(venue_coordinator)
    upload = SimpleUploadedFile("历下区签到表.csv", SHEET, content_type="text/csv")
    response = client.post(reverse("attendance:import_upload", args=[session.pk, venue.pk]), {"file": upload})
    assert response.status_code == 302
    client.logout()
    return SheetImport.objects.get()


def download_url(stored):
    return reverse("attendance:import_file", args=[stored.session_id, stored.venue_id, stored.pk])


def test_the_file_is_private_with_a_random_name(client, uploaded):
    assert uploaded.original_name == "历下区签到表.csv"
    assert uploaded.file.name.startswith("sheets/") and "签到表" not in uploaded.file.name
    path = Path(private_storage().path(uploaded.file.name))
    assert path.read_bytes() == SHEET
    media_root = Path(settings.MEDIA_ROOT).resolve()
    assert media_root not in path.resolve().parents
    assert not any(p.is_file() and p.read_bytes() == SHEET for p in media_root.rglob("*"))
    # Neither the old public address nor the new name under /media/ answers.
    for public in (f"/media/attendance/sheets/2026/01/{uploaded.original_name}", f"/media/{uploaded.file.name}"):
        assert client.get(public).status_code == 404
    with pytest.raises(ValueError):
        uploaded.file.url  # noqa: B018 (private files have no URL)


def test_the_venue_coordinator_downloads_it(client, uploaded, venue_coordinator):
    client.force_login(venue_coordinator)
    response = client.get(download_url(uploaded))
    assert response.status_code == 200 and b"".join(response.streaming_content) == SHEET
    assert "attachment" in response["Content-Disposition"] and "filename*=utf-8''" in response["Content-Disposition"]


def test_others_cannot(client, uploaded, other_coordinator, make_trainee):
    url = download_url(uploaded)
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and reverse("account_login") in anonymous["Location"]
    client.force_login(other_coordinator)
    assert client.get(url).status_code == 404
    client.force_login(make_trainee())
    assert client.get(url).status_code == 403
