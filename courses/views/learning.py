"""Trainee actions: enrol, mark a lesson complete, "My learning", the calculator's JSON."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import services
from ..blocks import submitted_inputs
from ..calculator import SettlementInputError, settle
from ..learner import learner_state
from ..models import Certificate, CoursePage, LessonPage


@login_required
@require_POST
def enrol(request, course_id):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    try:
        enrolment = services.enrol(request.user, course)
    except services.CourseError as exc:
        messages.error(request, exc.message)
        return redirect(course.get_url(request))
    messages.success(request, _("You are enrolled in “%(course)s”.") % {"course": course.title})
    outline = services.outline_of(course, request)
    done_keys = services.completed_keys(request.user, outline.lessons)
    resume = services.resume_page(outline, done_keys, enrolment)
    return redirect(resume.url if resume else course.get_url(request))


@login_required
@require_POST
def complete_lesson(request, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        services.complete_lesson(request.user, lesson)
    except services.CourseError as exc:
        messages.error(request, exc.message)
        return redirect(lesson.get_url(request))
    messages.success(request, _("Lesson marked complete."))
    following = LessonPage.objects.live().filter(pk=request.POST.get("next") or 0).first()
    if following is not None:
        return redirect(following.get_url(request))
    return redirect(services.course_of(lesson).get_url(request))


@login_required
def my_learning(request):
    state = learner_state(request.user)
    page_obj = Paginator(state.enrolments, 10).get_page(request.GET.get("page"))
    items = services.learning_items(request.user, page_obj.object_list, state, services.active_locale_id(), request)
    certificates = []
    if state.certificate_keys:
        certificates = Certificate.objects.filter(user=request.user).order_by("-issued_at")[:20]
    return render(
        request,
        "courses/my_learning.html",
        {"items": items, "page_obj": page_obj, "certificates": certificates},
    )


@require_GET
def calculator(request):
    """The settlement arithmetic for the lesson calculator's JavaScript (same function as the form)."""
    try:
        result = settle(**submitted_inputs(request.GET))
    except SettlementInputError as exc:
        return JsonResponse({"ok": False, "code": exc.code, "field": exc.field, "message": str(exc)}, status=400)
    return JsonResponse({"ok": True, **result.as_dict()})
