from django.db import migrations

from accounts.divisions import load_divisions
from accounts.roles import ROLE_PERMISSIONS, grant_permissions


def forwards(apps, schema_editor):
    load_divisions(apps.get_model("accounts", "Division"))
    for role, perms in ROLE_PERMISSIONS.items():
        grant_permissions(apps, role, perms)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
