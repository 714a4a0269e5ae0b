"""Reminders before a session and the certificate notice, written in the recipient's language.

Reminders are produced by the outbox worker on each pass (the ``notifications_producers``
hook): the day before a session (from 24 hours to 2 hours before its start) and two hours
before it (from 2 hours before until it starts). The outbox key names session, person and
which reminder, so each is queued once however often the worker runs.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from attendance.models import ExpectedParticipant, TrainingSession
from notifications import services as notifications
from notifications.models import Channel, Message, Preference

from .ics import session_event

DAY_BEFORE = "day_before"
TWO_HOURS = "two_hours"
WINDOWS = {DAY_BEFORE: (timedelta(hours=24), timedelta(hours=2)), TWO_HOURS: (timedelta(hours=2), timedelta(0))}


def due_reminders(now) -> list[tuple[TrainingSession, str]]:
    """(session, which reminder) pairs whose sending window is open now."""
    due = []
    for which, (earliest, latest) in WINDOWS.items():
        sessions = TrainingSession.objects.filter(starts_at__gt=now + latest, starts_at__lte=now + earliest)
        due += [(session, which) for session in sessions]
    return due


def queue_reminders(now=None) -> int:
    now = now or timezone.now()
    queued = 0
    for session, which in due_reminders(now):
        expected = ExpectedParticipant.objects.filter(session=session).select_related("venue")
        venue_of = {e.user_id: e.venue for e in expected}
        opted_out = set(Preference.objects.filter(reminders=False).values_list("user_id", flat=True))
        keys_done = set(
            Message.objects.filter(key__startswith=f"reminder:{session.pk}:{which}:").values_list("key", flat=True)
        )
        users = User.objects.filter(pk__in=venue_of.keys(), is_active=True).exclude(pk__in=opted_out)
        built = []
        for user in users:
            key = f"reminder:{session.pk}:{which}:{user.pk}"
            if key in keys_done:
                continue
            built.append(
                notifications.build(
                    key,
                    Message.Kind.REMINDER,
                    user,
                    compose_reminder(session, venue_of[user.pk], which, now),
                    language=user.language,
                )
            )
        queued += notifications.queue_built(built)
    return queued


def _local(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def compose_reminder(session, venue, which, now):
    def compose(user, channel, language):
        checkin = notifications.absolute_url(reverse("attendance:checkin_code"))
        when = _local(session.starts_at)
        place = venue.name + (f", {venue.address}" if venue.address else "")
        unsubscribe = notifications.unsubscribe_url(user, language)
        if which == DAY_BEFORE:
            lead = _("Reminder: “%(title)s” is tomorrow.") % {"title": session.title}
        else:
            lead = _("Reminder: “%(title)s” starts in two hours.") % {"title": session.title}
        how = _(
            "To check in, scan the QR code on the screen at your sub-venue, "
            "or enter the 6-digit code shown there at %(url)s"
        ) % {"url": checkin}
        if channel == Channel.SMS:
            body = " ".join(
                [
                    lead,
                    _("Time: %(when)s.") % {"when": when},
                    _("Sub-venue: %(place)s.") % {"place": place},
                    how,
                    _("No more reminders: %(url)s") % {"url": unsubscribe},
                ]
            )
            return notifications.Draft(body=body)
        lines = [
            _("Dear %(name)s,") % {"name": user.real_name or user.email},
            "",
            lead,
            "",
            _("Time: %(when)s.") % {"when": when},
            _("Check-in opens: %(when)s.") % {"when": _local(session.checkin_opens_at)},
            _("Sub-venue: %(place)s.") % {"place": place},
            "",
            how,
            "",
            _("The calendar file attached adds the session to your calendar."),
            "",
            _("To stop session reminders, open %(url)s") % {"url": unsubscribe},
        ]
        calendar = session_event(
            uid=f"session-{session.pk}-venue-{venue.pk}@carbon-training",
            title=session.title,
            starts_at=session.starts_at,
            ends_at=session.ends_at,
            location=place,
            description=how,
            url=checkin,
            now=now,
        )
        return notifications.Draft(
            subject=lead,
            body="\n".join(lines),
            attachment_name="session.ics",
            attachment_type="text/calendar",
            attachment=calendar,
        )

    return compose


def compose_certificate(certificate):
    def compose(user, channel, language):
        with translation.override(language):
            link = notifications.absolute_url(reverse("courses:certificate_pdf", args=[certificate.code]))
        lead = _("Your certificate for “%(course)s” has been issued.") % {"course": certificate.course_title}
        if channel == Channel.SMS:
            return notifications.Draft(body=f"{lead} {link}")
        lines = [
            _("Dear %(name)s,") % {"name": certificate.trainee_name},
            "",
            lead,
            _("Verification code: %(code)s") % {"code": certificate.code},
            _("Download it (after signing in): %(url)s") % {"url": link},
        ]
        return notifications.Draft(subject=lead, body="\n".join(lines))

    return compose


def queue_certificate_notice(certificate) -> bool:
    """In the language remembered on the person's profile, like every message."""
    return notifications.queue(
        f"certificate:{certificate.pk}", Message.Kind.CERTIFICATE, certificate.user, compose_certificate(certificate)
    )
