"""Trainees, their organisation and sub-venue, and signed-in sessions for each of them.

Users are bulk-created with one shared password hash (hashing 20,000 passwords would
take minutes); sessions are written straight into the session store, exactly as a
login would write them, so the client gets real session cookies without logging in.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.crypto import get_random_string

from accounts import roles
from accounts.models import Division, Organisation, User, Venue

BENCH_PASSWORD = "bench-password-not-secret"  # noqa: S105
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def organisation_and_venue() -> tuple[Organisation, Venue]:
    city, county = Division.objects.get(adcode="370100"), Division.objects.get(adcode="370102")
    organisation, _ = Organisation.objects.get_or_create(
        name="基准测试热电有限公司", defaults={"city": city, "county": county}
    )
    venue, _ = Venue.objects.get_or_create(
        name="基准测试分会场", defaults={"city": city, "county": county, "capacity": 50000, "level": "city"}
    )
    return organisation, venue


def create_trainees(count: int, prefix: str, organisation: Organisation, venue: Venue) -> list[User]:
    password = make_password(BENCH_PASSWORD)
    users = User.objects.bulk_create(
        [
            User(
                email=f"{prefix}-{i:05d}@bench.example.org",
                real_name=f"基准学员{i:05d}",
                password=password,
                organisation=organisation,
                default_venue=venue,
            )
            for i in range(count)
        ],
        batch_size=500,
    )
    if not all(u.pk for u in users):  # backends that do not return ids on bulk insert
        users = list(User.objects.filter(email__startswith=f"{prefix}-").order_by("email"))
    trainee_group = Group.objects.get(name=roles.TRAINEE)
    Membership = User.groups.through
    Membership.objects.bulk_create([Membership(user_id=u.pk, group_id=trainee_group.pk) for u in users], 1000)
    return users


def sign_in(users: list[User]) -> list[str]:
    """A session key per user, as django.contrib.auth.login would store it."""
    from importlib import import_module

    engine = import_module(settings.SESSION_ENGINE)
    keys = []
    if settings.SESSION_ENGINE == "django.contrib.sessions.backends.db":
        from django.contrib.sessions.models import Session

        store = engine.SessionStore()
        expires = timezone.now() + timedelta(days=1)
        rows = []
        for user in users:
            key = get_random_string(32, "abcdefghijklmnopqrstuvwxyz0123456789")
            data = {SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: MODEL_BACKEND}
            data[HASH_SESSION_KEY] = user.get_session_auth_hash()
            rows.append(Session(session_key=key, session_data=store.encode(data), expire_date=expires))
            keys.append(key)
        Session.objects.bulk_create(rows, batch_size=1000)
        return keys
    for user in users:
        store = engine.SessionStore()
        store.update({SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: MODEL_BACKEND})
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        keys.append(store.session_key)
    return keys
