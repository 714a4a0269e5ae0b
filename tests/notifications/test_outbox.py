"""The outbox: delivered once through a real SMTP server and the file SMS backend, retried, in the
recipient's language; reminders with a calendar file and an unsubscribe link; certificate notices."""

from datetime import UTC, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts import roles
from attendance.models import ExpectedParticipant
from notifications import services
from notifications.models import Message
from notifications.sms import read_file_backend
from registration import notices
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def note(text):
    return lambda user, channel, language: services.Draft(subject="Subject", body=text)


def test_a_message_is_delivered_once_by_smtp(smtp_inbox):
    user = UserFactory(email="wang@example.com")
    assert services.queue("test:1", Message.Kind.INVITATION, user, note("hello"))
    assert not services.queue("test:1", Message.Kind.INVITATION, user, note("hello"))  # same key: not again
    assert services.process_outbox()["sent"] == 1
    assert services.process_outbox()["sent"] == 0
    (received,) = smtp_inbox.to("wang@example.com")
    assert received.get_content().strip() == "hello"
    assert Message.objects.get(key="test:1").status == Message.Status.SENT


def test_sms_goes_through_the_file_backend(sms_file):
    user = UserFactory(email="walkin-1@walk-in.invalid", phone="13800000001")
    services.queue("test:sms", Message.Kind.INVITATION, user, note("短信内容"))
    services.process_outbox()
    assert read_file_backend(sms_file) == [
        {"to": "13800000001", "text": "短信内容", "at": read_file_backend(sms_file)[0]["at"]}
    ]


def test_a_refused_message_is_retried_later_and_then_marked_failed(smtp_inbox):
    user = UserFactory(email="busy@example.com")
    smtp_inbox.refuse.add("busy@example.com")
    services.queue("test:retry", Message.Kind.INVITATION, user, note("again"))
    now = timezone.now()
    assert services.process_outbox(now=now)["retry"] == 1
    message = Message.objects.get(key="test:retry")
    assert message.status == Message.Status.PENDING and message.attempts == 1 and "451" in message.last_error
    assert services.process_outbox(now=now)["retry"] == 0  # not due yet
    smtp_inbox.refuse.clear()
    assert services.process_outbox(now=now + timedelta(minutes=2))["sent"] == 1
    assert len(smtp_inbox.to("busy@example.com")) == 1

    smtp_inbox.refuse.add("busy@example.com")
    services.queue("test:fail", Message.Kind.INVITATION, user, note("never"))
    later = now
    for _ in range(services.MAX_ATTEMPTS):
        later += timedelta(hours=2)
        services.process_outbox(now=later)
    failed = Message.objects.get(key="test:fail")
    assert failed.status == Message.Status.FAILED and failed.attempts == services.MAX_ATTEMPTS
    assert services.outbox_counts()["failed"] == 1
    assert services.retry_failed(Message.objects.all()) == 1


def test_a_message_claimed_by_a_worker_that_died_is_sent_later(smtp_inbox):
    user = UserFactory(email="late@example.com")
    services.queue("test:stale", Message.Kind.INVITATION, user, note("x"))
    Message.objects.filter(key="test:stale").update(status=Message.Status.SENDING, next_attempt_at=timezone.now())
    assert services.process_outbox()["sent"] == 1


def test_messages_are_written_in_the_recipients_language(smtp_inbox, session, venue):
    english = UserFactory(email="en@example.com", real_name="Li Lei")
    chinese = UserFactory(email="zh@example.com", real_name="王芳")
    english.language = "en"
    english.save(update_fields=["language"])
    for user in (english, chinese):
        ExpectedParticipant.objects.create(session=session, user=user, venue=venue)
    session.starts_at = timezone.now() + timedelta(hours=1)
    session.save()
    assert notices.queue_reminders() == 2
    services.process_outbox()
    (en_mail,) = smtp_inbox.to("en@example.com")
    (zh_mail,) = smtp_inbox.to("zh@example.com")
    assert en_mail["Subject"].strip() == "Reminder: “全省碳市场动员培训” starts in two hours."
    assert "Dear Li Lei," in en_mail.get_body(("plain",)).get_content()
    assert "/en/attendance/check-in/" in en_mail.get_body(("plain",)).get_content()
    assert zh_mail["Subject"].strip() == "提醒：“全省碳市场动员培训”将在两小时后开始。"


def test_reminders_the_day_before_and_two_hours_before_each_once_with_a_calendar_file(smtp_inbox, session, venue):
    user = UserFactory(email="trainee@example.com", roles=[roles.TRAINEE])
    ExpectedParticipant.objects.create(session=session, user=user, venue=venue)
    start = timezone.now() + timedelta(days=3)
    session.starts_at, session.ends_at = start, start + timedelta(hours=3)
    session.checkin_opens_at = start - timedelta(minutes=30)
    session.save()
    assert notices.queue_reminders(now=start - timedelta(hours=30)) == 0  # too early
    assert notices.queue_reminders(now=start - timedelta(hours=20)) == 1
    assert notices.queue_reminders(now=start - timedelta(hours=19)) == 0  # once
    assert notices.queue_reminders(now=start - timedelta(minutes=90)) == 1
    assert notices.queue_reminders(now=start - timedelta(minutes=60)) == 0
    assert notices.queue_reminders(now=start + timedelta(minutes=1)) == 0  # started: no more
    services.process_outbox(now=start)
    day_before, _two_hours = sorted(smtp_inbox.to("trainee@example.com"), key=lambda m: "明天" not in m["Subject"])
    assert "明天" in day_before["Subject"]
    text = day_before.get_body(("plain",)).get_content()
    assert "历下区分会场" in text and "/attendance/check-in/" in text and "/notifications/unsubscribe/" in text
    (attachment,) = list(day_before.iter_attachments())
    assert attachment.get_filename() == "session.ics" and attachment.get_content_type() == "text/calendar"
    calendar = attachment.get_content()
    assert "BEGIN:VEVENT" in calendar and f"DTSTART:{start.astimezone(UTC).strftime('%Y%m%dT%H%M%SZ')}" in calendar
    assert "SUMMARY:全省碳市场动员培训" in calendar and "LOCATION:历下区分会场" in calendar


def test_unsubscribe_stops_reminders_but_not_other_messages(client, smtp_inbox, session, venue):
    user = UserFactory(email="quiet@example.com")
    ExpectedParticipant.objects.create(session=session, user=user, venue=venue)
    link = services.unsubscribe_url(user, "zh-hans").replace("http://testserver", "")
    page = client.get(link)
    assert "停止会议提醒" in page.content.decode()
    client.post(link)
    assert not services.wants_reminders(user)
    session.starts_at = timezone.now() + timedelta(hours=1)
    session.save()
    assert notices.queue_reminders() == 0
    assert client.get("/notifications/unsubscribe/forged/").status_code == 400


def test_the_worker_command_queues_reminders_and_sends(smtp_inbox, session, venue):
    user = UserFactory(email="cmd@example.com")
    ExpectedParticipant.objects.create(session=session, user=user, venue=venue)
    session.starts_at = timezone.now() + timedelta(hours=1)
    session.save()
    call_command("send_notifications", verbosity=0)
    assert len(smtp_inbox.to("cmd@example.com")) == 1
    call_command("send_notifications", verbosity=0)
    assert len(smtp_inbox.to("cmd@example.com")) == 1


def test_a_certificate_notice_is_sent_when_a_certificate_is_issued(
    smtp_inbox, course, django_capture_on_commit_callbacks
):
    from courses import services as course_services
    from courses.models import LessonPage

    user = UserFactory(email="cert@example.com", roles=[roles.TRAINEE])
    for lesson in LessonPage.objects.descendant_of(course):
        course_services.complete_lesson(user, lesson)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = course_services.issue_certificate(user, course)
    services.process_outbox()
    (received,) = smtp_inbox.to("cert@example.com")
    assert received["Subject"].strip() == f"您的“{certificate.course_title}”证书已颁发。"
    assert certificate.code in received.get_content()


def test_organisers_see_what_was_sent_and_what_failed(client, smtp_inbox):
    organiser = UserFactory(roles=[roles.ORGANISER])
    ok = UserFactory(email="ok@example.com")
    bad = UserFactory(email="bad@example.com")
    smtp_inbox.refuse.add("bad@example.com")
    services.queue("a", Message.Kind.INVITATION, ok, note("x"))
    services.queue("b", Message.Kind.INVITATION, bad, note("x"))
    Message.objects.filter(key="b").update(attempts=services.MAX_ATTEMPTS - 1)
    services.process_outbox()
    client.force_login(organiser)
    page = client.get("/admin/snippets/notifications/message/").content.decode()
    assert "已发送：1" in page.replace(" ", "") or "Sent: 1" in page
    assert "失败：1" in page.replace(" ", "") or "Failed: 1" in page
    assert "bad@example.com" in page and "451" in page
    trainee = UserFactory(roles=[roles.TRAINEE])
    client.force_login(trainee)
    assert client.get("/admin/snippets/notifications/message/").status_code in (302, 403)


def test_the_certificate_notice_is_in_the_language_on_the_persons_profile(
    smtp_inbox, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    from courses import services as course_services
    from courses.models import LessonPage
    from tests.courses.factories import course_index, home_page, make_course

    english_home = home_page().copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    course = make_course(1, 1, index=course_index(english_home), title="Trading rules", slug="trading-rules-en")
    user = UserFactory(email="cert-en@example.com", roles=[roles.TRAINEE], language="en")
    for lesson in LessonPage.objects.descendant_of(course):
        course_services.complete_lesson(user, lesson)
    with django_capture_on_commit_callbacks(execute=True):
        certificate = course_services.issue_certificate(user, course)
    services.process_outbox()
    (received,) = smtp_inbox.to("cert-en@example.com")
    assert received["Subject"].strip() == f"Your certificate for “{certificate.course_title}” has been issued."


def test_the_admin_never_shows_an_invitations_link(client, smtp_inbox, organiser_user, company):
    from registration import services as registration_services
    from tests.registration.conftest import csv_bytes

    stored = registration_services.store_upload(
        name="名单.csv",
        data=csv_bytes(["王芳,13800000001,wangfang@example.com,华能济南黄台发电有限公司,,"]),
        importer=organiser_user,
        language="zh-hans",
    )
    registration_services.apply(stored, organiser_user)
    message = Message.objects.get()
    client.force_login(organiser_user)
    listing = client.get("/admin/snippets/notifications/message/").content.decode()
    inspect = client.get(f"/admin/snippets/notifications/message/inspect/{message.pk}/").content.decode()
    assert "wangfang@example.com" in listing and "wangfang@example.com" in inspect
    assert "/invitation/" not in listing + inspect
