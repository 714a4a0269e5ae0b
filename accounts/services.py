"""Account rules that do not need HTTP: profiles and roles."""

from django.contrib.auth.models import Group
from django.db import transaction

from . import roles
from .models import User


@transaction.atomic
def complete_trainee_profile(user: User, **profile) -> User:
    """Store the sign-up profile and put the new user in the Trainee group."""
    for field, value in profile.items():
        setattr(user, field, value)
    user.save()
    add_role(user, roles.TRAINEE)
    return user


def add_role(user: User, role: str) -> None:
    group, _ = Group.objects.get_or_create(name=role)
    user.groups.add(group)
    for cache in ("_role_names", "_venue_perm_cache", "_perm_cache", "_group_perm_cache"):
        if hasattr(user, cache):
            delattr(user, cache)
