"""Participant import: reading the department's files, the preview, applying, idempotence."""

import pytest

from accounts.models import User
from attendance.models import ExpectedParticipant
from courses.models import Enrolment
from notifications.models import Message
from registration import services
from registration.models import Invitation
from registration.reading import ImportError_, read_participants
from tests.factories import OrganisationFactory, UserFactory

from .conftest import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    from django.utils import translation

    with translation.override("en"):
        yield


def stored(data, importer, *, name="名单.csv", session=None, courses=(), language="zh-hans", invite=True):
    return services.store_upload(
        name=name,
        data=data,
        importer=importer,
        session=session,
        courses=courses,
        language=language,
        send_invitations=invite,
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_in_every_encoding_the_cities_send(encoding):
    data = csv_bytes(
        ["王芳,13800000001,wangfang@example.com,华能济南黄台发电有限公司,能源主管,历下区分会场"], encoding=encoding
    )
    participant_list = read_participants(data, "名单.csv")
    ((line, cells),) = participant_list.rows
    assert line == 2
    assert cells == {
        "name": "王芳",
        "phone": "13800000001",
        "email": "wangfang@example.com",
        "organisation": "华能济南黄台发电有限公司",
        "job": "能源主管",
        "venue": "历下区分会场",
    }


def test_xlsx_with_english_headings_a_title_row_and_a_credit_code_column():
    data = xlsx_bytes(
        [
            ["2026 carbon market training: participants"],
            ["Name", "Mobile", "E-mail", "Unified social credit code", "Job title", "Sub-venue"],
            ["Li Lei", 13800000002, "lilei@example.com", "91370100MA3C1234X5", "Engineer", "历下区分会场"],
        ]
    )
    participant_list = read_participants(data, "list.xlsx")
    assert participant_list.encoding == "XLSX"
    ((line, cells),) = participant_list.rows
    assert line == 3
    assert cells["phone"] == "13800000002"  # a number cell, read without ".0"
    assert cells["credit_code"] == "91370100MA3C1234X5"


def test_a_file_without_a_name_column_is_refused_as_a_whole():
    with pytest.raises(ImportError_) as info:
        read_participants(b"a,b\n1,2\n", "x.csv")
    assert info.value.code == "no_header"


def test_preview_says_per_row_what_will_happen(organiser_user, session, course, company, venue, other_venue):
    existing_by_phone = UserFactory(real_name="张伟", phone="13800000010", organisation=company)
    existing_by_email = UserFactory(real_name="李娜", email="lina@example.com", organisation=None)
    coded = OrganisationFactory(name="大唐临清热电有限公司")
    rows = [
        "王芳,13800000001,wangfang@example.com,华能济南黄台发电有限公司,能源主管,历下区分会场",  # line 2: new
        "张伟,13800000010,,华能济南黄台发电有限公司,值长,历下区分会场",  # line 3: by phone
        f"李娜,,LiNa@example.com,{coded.credit_code},主任,市中区分会场",  # line 4: by e-mail, org by code
        ",13800000004,,华能济南黄台发电有限公司,,历下区分会场",  # line 5: no name
        "赵六,12345,,华能济南黄台发电有限公司,,历下区分会场",  # line 6: bad phone
        "钱七,13800000007,,不存在的公司,,历下区分会场",  # line 7: unknown organisation
        "孙八,13800000008,,91370100MA3C1234X6,,历下区分会场",  # line 8: bad credit code checksum
        "周九,13800000009,,华能济南黄台发电有限公司,,青岛分会场",  # line 9: not a venue of the session
        "王芳,13800000001,,华能济南黄台发电有限公司,,历下区分会场",  # line 10: duplicate of line 2
        "冒名,13800000010,,华能济南黄台发电有限公司,,历下区分会场",  # line 11: phone of 张伟
    ]
    plan = services.plan_stored(
        stored(csv_bytes(rows), organiser_user, session=session, courses=[course]), organiser_user
    )
    by_line = {row.line: row for row in plan.rows}
    assert by_line[2].ok and by_line[2].user is None and by_line[2].account_label == "new account"
    assert by_line[2].changes == [
        "create account",
        "enrol in “碳排放权交易规则”",
        "expected at 历下区分会场",
        "send invitation",
    ]
    assert by_line[3].user == existing_by_phone and by_line[3].matched_by == "phone"
    assert by_line[3].invite is False  # already has a password
    assert by_line[4].user == existing_by_email and by_line[4].matched_by == "email"
    assert by_line[4].organisation == coded and by_line[4].organisation_label.endswith("(by credit code)")
    # Only blanks are filled in: the job title on record stays.
    assert by_line[4].profile_changes == {"organisation_id": coded.pk, "default_venue_id": other_venue.pk}
    assert by_line[5].errors == ["Name missing."]
    assert "Bad phone number" in by_line[6].errors[0]
    assert "Unknown organisation “不存在的公司”" in by_line[7].errors[0]
    assert "check character" in by_line[8].errors[0]
    assert "is not a sub-venue of this session" in by_line[9].errors[0]
    assert by_line[10].errors == ["Duplicate of line 2."]
    assert by_line[11].errors == ["This phone number belongs to 张伟."]
    assert plan.counts["errors"] == 7
    assert plan.counts["new_accounts"] == 1 and plan.counts["existing_accounts"] == 2


def test_preview_in_chinese(organiser_user, session, company):
    from django.utils import translation

    with translation.override("zh-hans"):
        plan = services.plan_stored(
            stored(
                csv_bytes([",13800000004,,华能济南黄台发电有限公司,,历下区分会场"]), organiser_user, session=session
            ),
            organiser_user,
        )
        assert plan.rows[0].errors == ["缺少姓名。"]


def test_apply_creates_accounts_without_password_enrolled_expected_and_invited(
    organiser_user, session, course, company, venue
):
    rows = [
        "王芳,13800000001,wangfang@example.com,华能济南黄台发电有限公司,能源主管,历下区分会场",
        "刘强,13800000002,,华能济南黄台发电有限公司,值长,",  # blank venue, two venues: an error
    ]
    upload = stored(csv_bytes(rows), organiser_user, session=session, courses=[course])
    with pytest.raises(ImportError_):
        services.apply(upload, organiser_user)
    assert not User.objects.filter(real_name="王芳").exists()  # nothing written while a row is bad

    done = services.apply(upload, organiser_user, skip_errors=True)
    assert done["accounts"] == 1 and done["enrolments"] == 1 and done["expected"] == 1 and done["invitations"] == 1
    person = User.objects.get(phone="13800000001")
    assert person.email == "wangfang@example.com" and person.organisation == company and person.job_title == "能源主管"
    assert not person.has_usable_password()
    assert person.groups.filter(name="Trainee").exists()
    assert Enrolment.objects.filter(user=person, course=course).exists()
    expected = ExpectedParticipant.objects.get(session=session, user=person)
    assert expected.venue == venue and expected.source == ExpectedParticipant.Source.IMPORT
    assert Invitation.objects.filter(user=person).count() == 1
    assert Message.objects.filter(recipient=person, kind=Message.Kind.INVITATION, channel="email").count() == 1
    assert not User.objects.filter(real_name="刘强").exists()  # the bad row was not half-written


def test_reimporting_the_same_file_changes_nothing(organiser_user, session, course, company):
    rows = ["王芳,13800000001,wangfang@example.com,华能济南黄台发电有限公司,能源主管,历下区分会场"]
    services.apply(stored(csv_bytes(rows), organiser_user, session=session, courses=[course]), organiser_user)
    counts_before = (
        User.objects.count(),
        Enrolment.objects.count(),
        ExpectedParticipant.objects.count(),
        Message.objects.count(),
    )
    again = stored(csv_bytes(rows), organiser_user, session=session, courses=[course])
    plan = services.plan_stored(again, organiser_user)
    assert [r.action for r in plan.rows] == ["unchanged"] and plan.rows[0].changes == ["no change"]
    done = services.apply(again, organiser_user)
    assert done["accounts"] == done["enrolments"] == done["expected"] == done["invitations"] == 0
    assert counts_before == (
        User.objects.count(),
        Enrolment.objects.count(),
        ExpectedParticipant.objects.count(),
        Message.objects.count(),
    )


def test_phone_only_people_are_invited_by_sms(organiser_user, session, company):
    upload = stored(
        csv_bytes(["刘强,138 0000 0002,,华能济南黄台发电有限公司,值长,市中区分会场"]), organiser_user, session=session
    )
    services.apply(upload, organiser_user)
    person = User.objects.get(real_name="刘强")
    assert person.phone == "13800000002" and person.email.endswith("@no-email.invalid")
    message = Message.objects.get(recipient=person)
    assert message.channel == "sms" and message.address == "13800000002"


def test_a_coordinator_imports_only_to_their_own_venue(venue_coordinator, session, company):
    rows = [
        "王芳,13800000001,,华能济南黄台发电有限公司,,历下区分会场",
        "刘强,13800000002,,华能济南黄台发电有限公司,,市中区分会场",
        "赵敏,13800000003,,华能济南黄台发电有限公司,,",  # blank: the coordinator's only venue
    ]
    plan = services.plan_stored(stored(csv_bytes(rows), venue_coordinator, session=session), venue_coordinator)
    assert plan.rows[0].ok and plan.rows[2].ok and plan.rows[2].venue.name == "历下区分会场"
    assert "is not a sub-venue of this session that you manage" in plan.rows[1].errors[0]


def test_moving_an_expected_person_to_another_venue(organiser_user, session, company, venue, other_venue):
    rows = ["王芳,13800000001,,华能济南黄台发电有限公司,,历下区分会场"]
    services.apply(stored(csv_bytes(rows), organiser_user, session=session), organiser_user)
    moved = stored(
        csv_bytes(["王芳,13800000001,,华能济南黄台发电有限公司,,市中区分会场"]), organiser_user, session=session
    )
    plan = services.plan_stored(moved, organiser_user)
    assert plan.rows[0].changes == ["move from 历下区分会场 to 市中区分会场"]
    services.apply(moved, organiser_user)
    assert ExpectedParticipant.objects.get(session=session).venue == other_venue


@pytest.mark.parametrize(
    "path",
    [
        "/invitation/" + "x" * 5000 + "/",
        "/invitation/99999999999999999999999.abc:def:ghi/",
        "/notifications/unsubscribe/" + "y" * 5000 + "/",
    ],
)
def test_garbage_links_are_a_clear_4xx(client, path):
    assert client.get(path).status_code in (400, 404)


def test_garbage_preview_parameters(client, organiser_user, company):
    upload = stored(csv_bytes(["王芳,13800000001,,华能济南黄台发电有限公司,,"]), organiser_user)
    client.force_login(organiser_user)
    for query in ("?page=abc", "?page=99999999999999999999", "?show=<script>"):
        assert client.get(f"/admin/participants/{upload.pk}/{query}").status_code == 200
    assert client.get("/admin/participants/invitations/?page=-1&status=x&q=" + "z" * 500).status_code == 200
