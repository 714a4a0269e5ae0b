"""Organisers may create and revoke their own Wagtail API tokens for the reports API."""

from django.db import migrations

from accounts import roles

PERMISSIONS = [
    "wagtailcore.add_apitoken",
    "wagtailcore.change_apitoken",
    "wagtailcore.delete_apitoken",
    "wagtailcore.view_apitoken",
]


def grant(apps, schema_editor):
    roles.grant_permissions(apps, roles.ORGANISER, PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_divisions_and_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
