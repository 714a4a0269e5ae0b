from django.db import migrations

from accounts.roles import INSTRUCTOR, ORGANISER, grant_permissions

INSTRUCTOR_PERMISSIONS = [
    "courses.view_certificate",
    "courses.change_certificate",
    "courses.view_enrolment",
]
ORGANISER_PERMISSIONS = [
    "courses.view_certificate",
    "courses.change_certificate",
    "courses.view_enrolment",
    "courses.add_enrolment",
]


def grant(apps, schema_editor):
    grant_permissions(apps, INSTRUCTOR, INSTRUCTOR_PERMISSIONS)
    grant_permissions(apps, ORGANISER, ORGANISER_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("accounts", "0002_divisions_and_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
