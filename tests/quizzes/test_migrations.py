"""Migration 0003/0004: questions and categories that existed before the bank became bilingual get the
default language and a translation key of their own, and keep working."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("quizzes", "0002_role_permissions")]
AFTER = [("quizzes", "0004_translatable_question_bank_constraints")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_questions_get_the_default_locale_and_their_own_key():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    category = old.get_model("quizzes", "QuestionCategory").objects.create(name="交易规则")
    Question = old.get_model("quizzes", "Question")
    for reference in ("OLD-1", "OLD-2"):
        Question.objects.create(reference=reference, category=category, kind="true_false", stem="<p>?</p>")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    questions = list(new.get_model("quizzes", "Question").objects.select_related("locale", "category__locale"))
    assert {q.locale.language_code for q in questions} == {"zh-hans"}
    assert {q.category.locale.language_code for q in questions} == {"zh-hans"}
    assert len({q.translation_key for q in questions}) == 2 and None not in {q.translation_key for q in questions}
    Group = new.get_model("auth", "Group")
    assert Group.objects.filter(name="Instructor", permissions__codename="submit_translation").exists()
