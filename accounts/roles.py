"""The four roles are Django groups; this module is the one place that names them."""

from functools import cache

from django.contrib.auth import get_user_model
from django.db import connection
from django.utils.translation import gettext_lazy as _

TRAINEE = "Trainee"
INSTRUCTOR = "Instructor"
COORDINATOR = "Venue coordinator"
ORGANISER = "Organiser"

ROLE_LABELS = {
    TRAINEE: _("Trainee"),
    INSTRUCTOR: _("Instructor"),
    COORDINATOR: _("Venue coordinator"),
    ORGANISER: _("Organiser"),
}

# Wagtail/Django permissions each role needs, as "app_label.codename". Later apps add
# their own through grant_permissions() in a data migration of their own.
ROLE_PERMISSIONS = {
    TRAINEE: [],
    INSTRUCTOR: [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    COORDINATOR: [
        "wagtailadmin.access_admin",
        "accounts.view_venue",
    ],
    ORGANISER: [
        "wagtailadmin.access_admin",
        "accounts.add_organisation",
        "accounts.change_organisation",
        "accounts.view_organisation",
        "accounts.add_venue",
        "accounts.change_venue",
        "accounts.view_venue",
        "accounts.view_division",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
    ],
}


# Access is decided by these permissions (granted to the Organiser and Venue coordinator groups
# by accounts/migrations/0004); accounts.access.VenueScope turns them into venues.
MANAGE_ALL_VENUES = "accounts.manage_all_venues"
COORDINATE_VENUES = "accounts.coordinate_venues"


ACCESS_ADMIN = "wagtailadmin.access_admin"
# What the site header asks of everyone signed in, read together in one query (_held_permissions).
HEADER_PERMISSIONS = (MANAGE_ALL_VENUES, COORDINATE_VENUES, ACCESS_ADMIN)


def manages_all_venues(user) -> bool:
    """Organisers and superusers; never an inactive account (Django grants it no permission)."""
    return MANAGE_ALL_VENUES in _held_permissions(user)


def coordinates_venues(user) -> bool:
    return COORDINATE_VENUES in _held_permissions(user)


def can_open_admin(user) -> bool:
    return ACCESS_ADMIN in _held_permissions(user)


_HEADER_PAIRS = [part for perm in HEADER_PERMISSIONS for part in perm.split(".", 1)]


@cache
def _held_permissions_sql(user_model) -> str:
    """Which of HEADER_PERMISSIONS a user holds, directly or through a group: one statement.

    Written in SQL because it runs on every signed-in page and the ORM's compilation of the
    equivalent two-way join cost more than the query itself; table and column names come from
    the models, so it follows any table renaming.
    """
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    def table(model) -> str:
        return connection.ops.quote_name(model._meta.db_table)

    def column(model, field: str) -> str:
        return connection.ops.quote_name(model._meta.get_field(field).column)

    user_perms, user_groups = user_model.user_permissions.through, user_model.groups.through
    group_perms = Group.permissions.through
    pairs = " OR ".join(["(ct.app_label = %s AND p.codename = %s)"] * len(HEADER_PERMISSIONS))
    return (
        f"SELECT ct.app_label, p.codename FROM {table(Permission)} p "  # noqa: S608 (names from model meta)
        f"JOIN {table(ContentType)} ct ON ct.id = p.content_type_id "
        f"WHERE ({pairs}) AND ("
        f"p.id IN (SELECT up.{column(user_perms, 'permission')} FROM {table(user_perms)} up "
        f"WHERE up.{column(user_perms, 'user')} = %s) "
        f"OR p.id IN (SELECT gp.{column(group_perms, 'permission')} FROM {table(group_perms)} gp "
        f"JOIN {table(user_groups)} ug ON ug.{column(user_groups, 'group')} = gp.{column(group_perms, 'group')} "
        f"WHERE ug.{column(user_groups, 'user')} = %s))"
    )


def _held_permissions(user) -> set[str]:
    """Which of HEADER_PERMISSIONS the user holds, as ``user.has_perm`` would say.

    Read with one query (Django's backend loads every permission in two) unless the backend's
    cache is already there; kept on the user object for the request.
    """
    cached = getattr(user, "_venue_perm_cache", None)
    if cached is not None:
        return cached
    if not (user.is_authenticated and user.is_active):
        cached = set()
    elif user.is_superuser:
        cached = set(HEADER_PERMISSIONS)
    elif hasattr(user, "_perm_cache"):
        cached = {perm for perm in HEADER_PERMISSIONS if perm in user._perm_cache}
    else:
        with connection.cursor() as cursor:
            cursor.execute(_held_permissions_sql(get_user_model()), [*_HEADER_PAIRS, user.pk, user.pk])
            cached = {f"{app_label}.{codename}" for app_label, codename in cursor.fetchall()}
    user._venue_perm_cache = cached
    return cached


def has_role(user, role: str) -> bool:
    """Group membership (for tests, demo data and the profile download) — never used to grant access.

    True for superusers and members of the role's group (cached on the user object).
    """
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cache = getattr(user, "_role_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._role_names = cache
    return role in cache


def grant_permissions(apps, group_name: str, perms: list[str]) -> None:
    """Give a group permissions from inside a data migration.

    Permissions are normally created after all migrations run, so create them first
    for every app that is already migrated.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=group_name)
    for dotted in perms:
        app_label, codename = dotted.split(".", 1)
        perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if perm is None:
            raise LookupError(f"Permission {dotted} does not exist")
        group.permissions.add(perm)
