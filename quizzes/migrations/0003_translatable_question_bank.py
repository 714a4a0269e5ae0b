"""Questions and categories become translatable: a locale and a translation key for every row.

Existing rows get the default language (zh-Hans) and a translation key of their own; the
constraints follow in 0004 (PostgreSQL cannot alter a table with pending deferred FK checks
in the transaction that just filled it). Instructors may submit translations (Wagtail's
"Translate" action on questions, categories and pages).
"""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from accounts.roles import INSTRUCTOR, grant_permissions


def default_locale(apps):
    from wagtail.coreutils import get_supported_content_language_variant

    Locale = apps.get_model("wagtailcore", "Locale")
    code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return Locale.objects.get_or_create(language_code=code)[0]


def bootstrap(apps, schema_editor):
    locale = default_locale(apps)
    for model_name in ("Question", "QuestionCategory"):
        model = apps.get_model("quizzes", model_name)
        rows = list(model.objects.filter(translation_key__isnull=True).only("pk"))
        for row in rows:
            row.translation_key = uuid.uuid4()
            row.locale = locale
        model.objects.bulk_update(rows, ["translation_key", "locale"], batch_size=500)


def grant(apps, schema_editor):
    grant_permissions(apps, INSTRUCTOR, ["simple_translation.submit_translation"])


def translation_fields(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0002_role_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [
        *translation_fields("question"),
        *translation_fields("questioncategory"),
        migrations.RunPython(bootstrap, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
