"""The department's full list: 1,400 people from 520 organisations at 168 sub-venues.

Checks the counts, that re-importing changes nothing, and that each person receives exactly one
invitation (through a real SMTP server, or the file SMS backend for people without e-mail).
Timings are printed (run with -s); they are figures for the report, not assertions.
"""

import random
import time
from collections import Counter

import pytest

from accounts.demo import make_credit_code
from accounts.models import Organisation, User, Venue
from attendance.models import ExpectedParticipant, SessionVenue
from courses.models import Enrolment
from notifications import services as notifications
from notifications.models import Message
from notifications.sms import read_file_backend
from registration import services
from registration.models import Invitation
from tests.factories import division

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db

PEOPLE, ORGANISATIONS, VENUES = 1400, 520, 168


def department_list(organisations, venues) -> bytes:
    rows = []
    for i in range(PEOPLE):
        organisation = organisations[i % ORGANISATIONS]
        unit = organisation.credit_code if i % 2 else organisation.name  # half give the credit code
        email = f"p{i}@example.com" if i % 3 else ""  # a third have no e-mail: invited by SMS
        rows.append(f"学员{i:04d},139{i:08d},{email},{unit},碳排放管理员,{venues[i % VENUES].name}")
    return csv_bytes(rows, encoding="gb18030", header="姓名,手机号,邮箱,单位,职务,分会场\n")


def test_importing_1400_people_once(organiser_user, session, course, smtp_inbox, sms_file, capsys):
    rng = random.Random(18)
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(name=f"山东测试发电有限公司{n:03d}", credit_code=make_credit_code(rng, "370102"))
            for n in range(ORGANISATIONS)
        ]
    )
    city = division("370100")
    venues = Venue.objects.bulk_create([Venue(name=f"第{n:03d}分会场", city=city) for n in range(VENUES)])
    SessionVenue.objects.bulk_create([SessionVenue(session=session, venue=v) for v in venues])
    data = department_list(organisations, venues)
    timings = {}

    upload = {"name": "全省参训名单.csv", "data": data, "importer": organiser_user, "session": session}
    upload.update(courses=[course], language="zh-hans")
    started = time.perf_counter()
    stored = services.store_upload(**upload)
    plan = services.plan_stored(stored, organiser_user)
    timings["preview"] = time.perf_counter() - started
    assert plan.counts["errors"] == 0 and plan.counts["new_accounts"] == PEOPLE

    started = time.perf_counter()
    totals = Counter()
    for start in range(0, PEOPLE, services.BATCH_ROWS):
        totals.update(services.apply(stored, organiser_user, start=start, stop=start + services.BATCH_ROWS))
    timings["apply"] = time.perf_counter() - started
    assert (totals["accounts"], totals["enrolments"], totals["expected"], totals["invitations"]) == (PEOPLE,) * 4

    imported = User.objects.filter(real_name__startswith="学员")
    assert imported.count() == PEOPLE and not any(u.has_usable_password() for u in imported)
    assert Enrolment.objects.filter(course=course, user__in=imported).count() == PEOPLE
    assert ExpectedParticipant.objects.filter(session=session).count() == PEOPLE
    assert ExpectedParticipant.objects.filter(session=session).values("venue").distinct().count() == VENUES
    assert Invitation.objects.count() == PEOPLE

    started = time.perf_counter()
    again = services.store_upload(**upload)
    replan = services.plan_stored(again, organiser_user)
    assert replan.counts["unchanged"] == PEOPLE
    repeat = services.apply(again, organiser_user)
    timings["re-import"] = time.perf_counter() - started
    assert repeat["accounts"] == repeat["enrolments"] == repeat["expected"] == repeat["invitations"] == 0
    assert User.objects.filter(real_name__startswith="学员").count() == PEOPLE

    started = time.perf_counter()
    counts = notifications.process_outbox(limit=5000)
    timings["send"] = time.perf_counter() - started
    assert counts["sent"] == PEOPLE and Message.objects.filter(status=Message.Status.SENT).count() == PEOPLE

    emails = Counter(address for recipients, _m in smtp_inbox.messages for address in recipients)
    texts = Counter(sms["to"] for sms in read_file_backend(sms_file))
    with_email = {f"p{i}@example.com" for i in range(PEOPLE) if i % 3}
    phone_only = {f"139{i:08d}" for i in range(PEOPLE) if not i % 3}
    assert set(emails) == with_email and set(emails.values()) == {1}
    assert set(texts) == phone_only and set(texts.values()) == {1}
    assert notifications.process_outbox()["sent"] == 0  # nothing is sent twice

    with capsys.disabled():
        print(
            f"\n1,400 rows: preview {timings['preview']:.1f} s, apply {timings['apply']:.1f} s "
            f"(accounts, enrolments, expected, invitations queued), re-import {timings['re-import']:.1f} s, "
            f"sending {len(with_email)} e-mails over SMTP + {len(phone_only)} SMS {timings['send']:.1f} s"
        )
