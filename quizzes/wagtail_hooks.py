"""Wagtail registration: the question bank snippets, instructor views, and the courses hooks."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from wagtail import hooks

from .services.overview import quiz_state, quizzes_for_lesson, unpassed_required_quizzes


@hooks.register("courses_lesson_extras")
def quiz_after_lesson(request, lesson):
    """ "Take the quiz" (and the best score the review policy already shows) below a lesson."""
    quizzes = quizzes_for_lesson(lesson)
    if not quizzes:
        return None
    user = request.user
    items = [(quiz, quiz_state(user, quiz) if user.is_authenticated else None) for quiz in quizzes]
    return render_to_string("quizzes/includes/lesson_quiz.html", {"items": items}, request=request)


@hooks.register("courses_completion_requirements")
def required_quizzes_not_passed(user, course):
    return [_("Pass the quiz “%(title)s”.") % {"title": quiz.title} for quiz in unpassed_required_quizzes(user, course)]
