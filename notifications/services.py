"""Queueing and delivering notifications: the one module every app sends messages through.

Producers (invitations, reminders, certificate notices) call ``queue`` with a unique key and a
function that writes the message; it is called in the recipient's language and its text is
stored in the outbox. ``process_outbox`` (run by ``manage.py send_notifications``) delivers
due messages through their channel: e-mail with Django's mail backends, SMS with the
``SMS_BACKEND`` provider. A failure is retried with growing pauses, then marked failed.
"""

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import mail, signing
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from wagtail import hooks

from accounts.language import remember_language, user_language

from .models import Channel, Message, Preference
from .sms import get_backend

logger = logging.getLogger(__name__)

PRODUCERS_HOOK = "notifications_producers"  # callables (now) -> messages queued, run before each pass
MAX_ATTEMPTS = 5
RETRY_PAUSES = [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=20), timedelta(hours=1)]
SENDING_LEASE = timedelta(minutes=10)  # a message claimed longer ago than this by a dead worker is retried
UNSUBSCRIBE_SALT = "notifications.unsubscribe"
UNDELIVERABLE_DOMAIN = ".invalid"  # placeholder addresses (walk-in and phone-only accounts)


@dataclass
class Draft:
    body: str
    subject: str = ""
    attachment_name: str = ""
    attachment_type: str = ""
    attachment: str = ""


# --- recipients ------------------------------------------------------------------------------


def recipient_language(user) -> str:
    """The language a person reads messages in: the one remembered on their profile (one rule, in accounts)."""
    return user_language(user)


def set_language(user, language: str) -> None:
    remember_language(user, language)


def wants_reminders(user) -> bool:
    return Preference.objects.filter(user=user, reminders=False).values("pk").first() is None


def set_reminders(user, wanted: bool) -> None:
    Preference.objects.update_or_create(user=user, defaults={"reminders": wanted})


def deliverable_email(user) -> str:
    email = (user.email or "").strip()
    return "" if not email or email.endswith(UNDELIVERABLE_DOMAIN) else email


def channel_for(user) -> tuple[str, str] | None:
    """E-mail when the person has a real address, else SMS to their mobile; None when neither."""
    email = deliverable_email(user)
    if email:
        return Channel.EMAIL, email
    phone = (user.phone or "").replace(" ", "").replace("-", "")
    if phone.startswith("1") and len(phone) == 11:
        return Channel.SMS, phone
    return None


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def unsubscribe_url(user, language: str) -> str:
    token = signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT, compress=True)
    with translation.override(language):
        return absolute_url(reverse("notifications:unsubscribe", args=[token]))


def user_for_unsubscribe_token(token: str):
    from accounts.models import User

    try:
        user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=user_id).first()


# --- queueing --------------------------------------------------------------------------------


Compose = Callable[[object, str, str], Draft]  # (user, channel, language) -> Draft


def build(key: str, kind: str, user, compose: Compose, *, channel=None, language: str = "") -> Message | None:
    """An unsaved outbox row for ``user``, written in their language; None when they cannot be reached.

    ``language`` saves the preference lookup when the caller already knows it (bulk imports).
    """
    target = channel or channel_for(user)
    if target is None:
        return None
    language = language or recipient_language(user)
    with translation.override(language):
        draft = compose(user, target[0], language)
    return Message(
        key=key[:200],
        kind=kind,
        channel=target[0],
        recipient=user,
        address=target[1],
        language=language,
        subject=str(draft.subject)[:200],
        body=str(draft.body),
        attachment_name=draft.attachment_name,
        attachment_type=draft.attachment_type,
        attachment=draft.attachment,
        next_attempt_at=timezone.now(),
    )


def queue(key: str, kind: str, user, compose: Compose, **kwargs) -> bool:
    """Queue one message unless a message with this key exists; True when it was queued now."""
    if Message.objects.filter(key=key).exists():
        return False
    message = build(key, kind, user, compose, **kwargs)
    if message is None:
        return False
    return queue_built([message]) == 1


def queue_built(messages: Iterable[Message]) -> int:
    """Store built messages whose keys are new; returns how many were stored."""
    messages = [m for m in messages if m is not None]
    existing = set(Message.objects.filter(key__in=[m.key for m in messages]).values_list("key", flat=True))
    new = [m for m in messages if m.key not in existing]
    Message.objects.bulk_create(new, ignore_conflicts=True, batch_size=500)
    return len(new)


def run_producers(now=None) -> int:
    now = now or timezone.now()
    return sum(producer(now) for producer in hooks.get_hooks(PRODUCERS_HOOK))


# --- delivering ------------------------------------------------------------------------------


def due_messages(now, limit: int):
    return Message.objects.filter(status=Message.Status.PENDING, next_attempt_at__lte=now).order_by(
        "next_attempt_at", "id"
    )[:limit]


def release_stale(now) -> int:
    """Messages a worker claimed but never finished (it died) go back to the queue."""
    return Message.objects.filter(status=Message.Status.SENDING, next_attempt_at__lte=now).update(
        status=Message.Status.PENDING
    )


def process_outbox(*, now=None, limit: int = 500) -> Counter:
    """Deliver due messages once each; returns counts of sent, retry and failed."""
    now = now or timezone.now()
    release_stale(now)
    counts = Counter()
    connection = None
    sms = None
    try:
        for message in list(due_messages(now, limit)):
            claimed = Message.objects.filter(pk=message.pk, status=Message.Status.PENDING).update(
                status=Message.Status.SENDING, attempts=F("attempts") + 1, next_attempt_at=now + SENDING_LEASE
            )
            if not claimed:
                continue  # another worker took it
            try:
                if message.channel == Channel.EMAIL:
                    if connection is None:
                        connection = mail.get_connection()
                        connection.open()
                    _send_email(message, connection)
                else:
                    sms = sms or get_backend()
                    sms.send(message.address, message.body)
            except Exception as error:  # any provider or network failure: keep the message and retry
                counts[_record_failure(message, error, now)] += 1
                if connection is not None:
                    connection.close()
                    connection = None
            else:
                Message.objects.filter(pk=message.pk).update(
                    status=Message.Status.SENT, sent_at=timezone.now(), last_error=""
                )
                counts["sent"] += 1
    finally:
        if connection is not None:
            connection.close()
    return counts


def _send_email(message: Message, connection) -> None:
    email = mail.EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.address],
        connection=connection,
    )
    if message.attachment_name:
        email.attach(message.attachment_name, message.attachment, message.attachment_type or "text/plain")
    email.send(fail_silently=False)


def _record_failure(message: Message, error: Exception, now) -> str:
    attempts = Message.objects.filter(pk=message.pk).values_list("attempts", flat=True).first() or 1
    text = f"{type(error).__name__}: {error}"[:500]
    logger.warning("Message %s failed (attempt %s): %s", message.pk, attempts, text)
    if attempts >= MAX_ATTEMPTS:
        Message.objects.filter(pk=message.pk).update(status=Message.Status.FAILED, last_error=text)
        return "failed"
    pause = RETRY_PAUSES[min(attempts, len(RETRY_PAUSES)) - 1]
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.PENDING, last_error=text, next_attempt_at=now + pause
    )
    return "retry"


def retry_failed(queryset) -> int:
    """Give failed messages another round of attempts (the organiser's "retry" action)."""
    return queryset.filter(status=Message.Status.FAILED).update(
        status=Message.Status.PENDING, attempts=0, next_attempt_at=timezone.now()
    )


def outbox_counts(queryset=None) -> dict:
    """How many messages are waiting, sent and failed (the admin's summary)."""
    from django.db.models import Count

    rows = (queryset if queryset is not None else Message.objects.all()).values("status").annotate(n=Count("id"))
    counts = {status: 0 for status in Message.Status.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts
