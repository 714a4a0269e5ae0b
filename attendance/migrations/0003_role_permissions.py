"""Organisers manage sessions in the Wagtail admin; coordinators may look at them."""

from django.db import migrations

from accounts.roles import COORDINATOR, ORGANISER, grant_permissions

ORGANISER_PERMISSIONS = [
    "attendance.add_trainingsession",
    "attendance.change_trainingsession",
    "attendance.delete_trainingsession",
    "attendance.view_trainingsession",
    "attendance.view_attendancerecord",
    "attendance.view_sheetimport",
]
COORDINATOR_PERMISSIONS = ["attendance.view_trainingsession"]


def grant(apps, schema_editor):
    grant_permissions(apps, ORGANISER, ORGANISER_PERMISSIONS)
    grant_permissions(apps, COORDINATOR, COORDINATOR_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("attendance", "0002_history_trigger"), ("accounts", "0002_divisions_and_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
