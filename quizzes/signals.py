"""A quiz page translated with Wagtail's "Translate" action asks its questions in its own language."""

from wagtail.signals import copy_for_translation_done


def _quiz_translated(sender, source_obj, target_obj, **kwargs):
    from .models import QuizPage
    from .services.translation import localise_quiz

    if isinstance(target_obj, QuizPage):
        localise_quiz(target_obj)


def connect():
    copy_for_translation_done.connect(_quiz_translated, dispatch_uid="quizzes.localise_translated_quiz")
