from django.db import migrations

from accounts.roles import INSTRUCTOR, ORGANISER, grant_permissions

INSTRUCTOR_PERMISSIONS = [
    "quizzes.add_question",
    "quizzes.change_question",
    "quizzes.delete_question",
    "quizzes.view_question",
    "quizzes.add_questioncategory",
    "quizzes.change_questioncategory",
    "quizzes.delete_questioncategory",
    "quizzes.view_questioncategory",
    "quizzes.view_results",
    "quizzes.regrade_attempt",
]
ORGANISER_PERMISSIONS = ["quizzes.view_results", "quizzes.view_question", "quizzes.view_questioncategory"]


def grant(apps, schema_editor):
    grant_permissions(apps, INSTRUCTOR, INSTRUCTOR_PERMISSIONS)
    grant_permissions(apps, ORGANISER, ORGANISER_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0001_initial"),
        ("accounts", "0002_divisions_and_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
