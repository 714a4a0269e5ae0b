"""Signals: a translated quiz page asks its questions in its own language; a changed question or
option starts a new content generation, since grading reads answer keys from the content cache."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import copy_for_translation_done

from config.content_cache import content_changed


def _quiz_translated(sender, source_obj, target_obj, **kwargs):
    from .models import QuizPage
    from .services.translation import localise_quiz

    if isinstance(target_obj, QuizPage):
        localise_quiz(target_obj)


def _answer_key_changed(**_kwargs):
    # Now, so the rest of this transaction grades with the change; again on commit, in case
    # another process cached the old key under the new generation before the commit (once: a
    # bank import saves hundreds of rows in one transaction).
    content_changed()
    connection = transaction.get_connection()
    if not any(func is content_changed for _sids, func, _robust in connection.run_on_commit):
        transaction.on_commit(content_changed)


def connect():
    from .models import Option, Question

    copy_for_translation_done.connect(_quiz_translated, dispatch_uid="quizzes.localise_translated_quiz")
    for model in (Question, Option):
        name = model._meta.model_name
        post_save.connect(_answer_key_changed, sender=model, dispatch_uid=f"quizzes.answer_key_saved.{name}")
        post_delete.connect(_answer_key_changed, sender=model, dispatch_uid=f"quizzes.answer_key_deleted.{name}")
