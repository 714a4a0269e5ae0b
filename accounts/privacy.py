"""Personal data: what a trainee can download about themselves, and anonymisation on request.

Other apps contribute their part of the download through the Wagtail hook
``accounts_personal_data``: callables ``(user) -> (section_name, JSON-serialisable data)``.
Records the department needs (attendance, completions, quiz results) are kept after
deletion, but point to an anonymised user; apps scrub copies of the person's name they
keep elsewhere through the hook ``accounts_anonymise``: callables ``(user) -> None`` run
inside the same transaction, after the user row is scrubbed; ``user.former_identity`` still
holds the email, name and phone they had, to find copies of them in free text.
"""

from django.db import transaction
from django.utils import timezone
from wagtail import hooks

from .models import User

PERSONAL_DATA_HOOK = "accounts_personal_data"
ANONYMISE_HOOK = "accounts_anonymise"


def profile_data(user: User) -> dict:
    return {
        "email": user.email,
        "real_name": user.real_name,
        "phone": user.phone,
        "job_title": user.job_title,
        "organisation": user.organisation.name if user.organisation_id else None,
        "default_venue": user.default_venue.name if user.default_venue_id else None,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "consented_at": user.consented_at.isoformat() if user.consented_at else None,
        "roles": sorted(user.groups.values_list("name", flat=True)),
    }


def export_personal_data(user: User) -> dict:
    data = {"profile": profile_data(user)}
    for contribute in hooks.get_hooks(PERSONAL_DATA_HOOK):
        section, payload = contribute(user)
        data[section] = payload
    return data


@transaction.atomic
def anonymise_user(user: User) -> User:
    """Remove what identifies the person; keep the row so statistics stay correct."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=user).delete()
    # What named the person, for hooks that look for copies of it in free text (notes).
    user.former_identity = {"email": user.email, "real_name": user.real_name, "phone": user.phone}
    user.email = f"deleted-{user.pk}@invalid.example"
    user.real_name = ""
    user.first_name = user.last_name = ""
    user.phone = ""
    user.job_title = ""
    user.is_active = False
    user.is_staff = False
    user.set_unusable_password()
    user.anonymised_at = timezone.now()
    user.save()
    user.groups.clear()
    for scrub in hooks.get_hooks(ANONYMISE_HOOK):
        scrub(user)
    return user
