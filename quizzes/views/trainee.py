"""Trainee views: quiz landing (via QuizPage), start, take with autosave, submit, review, history.

Thin by design: every rule lives in ``quizzes.services``. Responses never contain correct
answers, explanations or scores unless ``review_access`` allows them.
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ..models import Attempt, QuizPage
from ..services import (
    FormValues,
    QuizError,
    answers_for_display,
    close_expired_attempts,
    is_expired,
    review_access,
    save_answer,
    save_answers,
    start_attempt,
    submit_attempt,
)
from ..services.results import course_title

MAX_POSITION = 10_000  # far more questions than any attempt has; bigger numbers overflow SQLite's integers


def own_attempt(request, public_id, with_quiz: bool = True) -> Attempt:
    """Someone else's attempt is a 404: attempt ids are not to be probed."""
    attempts = Attempt.objects.select_related("quiz") if with_quiz else Attempt.objects.all()
    return get_object_or_404(attempts, public_id=public_id, user=request.user)


@login_required
@require_POST
def start(request, quiz_id):
    quiz = get_object_or_404(QuizPage.objects.live(), pk=quiz_id)
    try:
        attempt, _created = start_attempt(request.user, quiz)
    except QuizError as error:
        messages.error(request, error.message)
        return redirect(quiz.get_url(request))
    return redirect("quizzes:attempt", attempt.public_id)


@never_cache
@login_required
def take(request, public_id):
    attempt = own_attempt(request, public_id)
    if not attempt.is_open or is_expired(attempt):
        return redirect("quizzes:review", attempt.public_id)
    answers = answers_for_display(attempt)
    remaining = None
    if attempt.deadline:
        remaining = max(0, int((attempt.deadline - timezone.now()).total_seconds()))
    return render(
        request,
        "quizzes/attempt.html",
        {"attempt": attempt, "quiz": attempt.quiz, "answers": answers, "remaining_seconds": remaining},
    )


@login_required
@require_POST
def submit(request, public_id):
    """The no-JavaScript path (and the final submit): save every answer, then maybe submit."""
    attempt = own_attempt(request, public_id, with_quiz=False)  # grading needs only the quiz's pass mark
    values = FormValues(request.POST)  # the q-<position> fields only: a forged score is never read
    if request.POST.get("action") == "save":
        try:
            save_answers(attempt, values)
        except QuizError as error:
            messages.error(request, error.message)
            if error.code in ("submitted", "time_up"):
                close_expired_attempts(pk=attempt.pk)
                return redirect("quizzes:review", attempt.public_id)
        else:
            messages.success(request, _("Your answers are saved."))
        return redirect("quizzes:attempt", attempt.public_id)
    try:
        submit_attempt(attempt, values)
    except QuizError as error:
        messages.error(request, error.message)
        return redirect("quizzes:attempt", attempt.public_id)
    return redirect("quizzes:review", attempt.public_id)


@never_cache
@login_required
@require_POST
def autosave(request, public_id):
    """Save one answer from the page's script: ``{"position": 3, "value": "1" | ["0", "2"] | "text"}``."""
    attempt = own_attempt(request, public_id)
    try:
        payload = json.loads(request.body or b"{}")
        position = int(payload["position"])
        value = payload.get("value", "")
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):  # RecursionError: "[[[[…"
        return JsonResponse({"ok": False, "code": "bad_request"}, status=400)
    if not 0 < position < MAX_POSITION:
        return JsonResponse({"ok": False, "code": "bad_request"}, status=400)
    if not (isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))):
        return JsonResponse({"ok": False, "code": "bad_request"}, status=400)
    try:
        answer = save_answer(attempt, position, value)
    except QuizError as error:
        status = 409 if error.code in ("submitted", "time_up") else 400
        return JsonResponse({"ok": False, "code": error.code, "message": str(error.message)}, status=status)
    return JsonResponse({"ok": True, "position": position, "saved_at": answer.saved_at.isoformat()})


@never_cache
@login_required
def review(request, public_id):
    attempt = own_attempt(request, public_id)
    if is_expired(attempt):  # a GET grades nothing: the trainee submits what was saved in time
        return render(request, "quizzes/time_up.html", {"attempt": attempt, "quiz": attempt.quiz})
    if attempt.is_open:
        return redirect("quizzes:attempt", attempt.public_id)
    access = review_access(attempt)
    answers = answers_for_display(attempt) if access.answers else []
    return render(
        request, "quizzes/review.html", {"attempt": attempt, "quiz": attempt.quiz, "access": access, "answers": answers}
    )


@login_required
def history(request):
    attempts = (
        Attempt.objects.filter(user=request.user)
        .select_related("quiz")
        .annotate(course_title=course_title("quiz__path"))
        .order_by("-started_at")
    )
    page_obj = Paginator(attempts, 20).get_page(request.GET.get("page"))
    now = timezone.now()
    for attempt in page_obj:
        attempt.access = review_access(attempt, now)
    return render(request, "quizzes/history.html", {"page_obj": page_obj, "attempts": page_obj.object_list})
