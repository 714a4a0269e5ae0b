"""Invitations: a one-time link that lets an imported person set a password and open their course.

The link is Django's ``TimestampSigner`` over the invitation's id and a random nonce (no
hand-made cryptography): the signature's age makes it expire, a new nonce on re-sending
retires older links, and accepting clears the nonce, so each link works once.
"""

import secrets

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import roles
from accounts.services import add_role
from notifications import services as notifications
from notifications.models import Channel, Message

from .models import Invitation

SALT = "registration.invitation"


class InvitationProblem:
    INVALID = "invalid"
    EXPIRED = "expired"
    USED = "used"


def max_age_seconds() -> int:
    return int(getattr(settings, "REGISTRATION_INVITATION_DAYS", 14)) * 24 * 3600


def new_nonce() -> str:
    return secrets.token_urlsafe(12)


def token_for(invitation: Invitation) -> str:
    return signing.TimestampSigner(salt=SALT).sign(f"{invitation.pk}.{invitation.nonce}")


def link_for(invitation: Invitation, language: str) -> str:
    from django.utils import translation

    with translation.override(language):
        path = reverse("registration:accept", args=[token_for(invitation)])
    return notifications.absolute_url(path)


def find(token: str) -> tuple[Invitation | None, str]:
    """The invitation a link names, or the reason it cannot be used."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        value = signer.unsign(token[:200], max_age=max_age_seconds())
    except signing.SignatureExpired:
        return None, InvitationProblem.EXPIRED
    except signing.BadSignature:
        return None, InvitationProblem.INVALID
    pk, _sep, nonce = value.partition(".")
    invitation = Invitation.objects.select_related("user", "course").filter(pk=int(pk) if pk.isdigit() else 0).first()
    if invitation is None:
        return None, InvitationProblem.INVALID
    if invitation.accepted_at:
        return invitation, InvitationProblem.USED
    if not nonce or not secrets.compare_digest(nonce, invitation.nonce):
        return invitation, InvitationProblem.EXPIRED  # a newer link was sent
    return invitation, ""


def compose_invitation(invitation: Invitation, titles: dict | None = None):
    """``titles`` remembers the course's title per language across a batch of invitations."""
    titles = {} if titles is None else titles

    def compose(user, channel, language):
        link = link_for(invitation, language)
        days = max_age_seconds() // 86400
        course = ""
        if invitation.course:
            key = (invitation.course_id, language)
            if key not in titles:
                titles[key] = invitation.course.localized.title
            course = titles[key]
        site = _("Carbon Market Training")
        if channel == Channel.SMS:
            body = _(
                "[%(site)s] %(name)s, you are registered for the training. "
                "Set your password within %(days)s days: %(link)s"
            ) % {
                "site": site,
                "name": user.real_name,
                "days": days,
                "link": link,
            }
            return notifications.Draft(body=body)
        lines = [
            _("Dear %(name)s,") % {"name": user.real_name or user.email},
            "",
            _("The organisers have registered you for the carbon market capacity-building training."),
        ]
        if course:
            lines.append(_("Your course: %(course)s") % {"course": course})
        lines += [
            "",
            _("Open this link to set your password and start learning (it works once, within %(days)s days):")
            % {"days": days},
            link,
            "",
            _("If the link has expired, ask your sub-venue coordinator to send a new one."),
        ]
        return notifications.Draft(subject=_("Your invitation to %(site)s") % {"site": site}, body="\n".join(lines))

    return compose


def queue_invitations(invitations, *, language_of) -> int:
    """Queue one message per invitation (a new link each); returns how many were queued."""
    now = timezone.now()
    invitations = list(invitations)
    built, titles = [], {}
    for invitation in invitations:
        invitation.nonce = new_nonce()
        invitation.send_count += 1
        invitation.sent_at = now
        message = notifications.build(
            f"invitation:{invitation.pk}:{invitation.send_count}",
            Message.Kind.INVITATION,
            invitation.user,
            compose_invitation(invitation, titles),
            language=language_of(invitation.user),
        )
        if message is not None:
            built.append(message)
    Invitation.objects.bulk_update(invitations, ["nonce", "send_count", "sent_at"], batch_size=500)
    return notifications.queue_built(built)


def resend(invitation: Invitation) -> bool:
    """A new link for someone who lost theirs or let it expire; older links stop working."""
    if invitation.accepted_at:
        return False
    return queue_invitations([invitation], language_of=notifications.recipient_language) == 1


def may_resend(invitation: Invitation) -> bool:
    return invitation.accepted_at is None and notifications.channel_for(invitation.user) is not None


@transaction.atomic
def accept(invitation: Invitation, *, password: str, email: str = "") -> None:
    """Set the password (and a real e-mail address for a phone-only account); the link is then used up."""
    user = invitation.user
    if email:
        user.email = email
    user.set_password(password)
    user.save()
    add_role(user, roles.TRAINEE)
    Invitation.objects.filter(pk=invitation.pk).update(accepted_at=timezone.now(), nonce="")
    invitation.accepted_at = timezone.now()


def status_of(invitation: Invitation) -> str:
    if invitation.accepted_at:
        return _("accepted")
    if invitation.sent_at and (timezone.now() - invitation.sent_at).total_seconds() > max_age_seconds():
        return _("expired")
    return _("waiting")
