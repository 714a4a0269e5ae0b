"""Instructor views in the Wagtail admin: results, item analysis, regrading, exports, bank import/export.

URLs are added under /admin/ by ``wagtail_hooks`` (so only admin users reach them); each view
checks its own permission and answers 403 otherwise.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks

from ..exports import csv_response, xlsx_response
from ..forms import BankImportForm, ResultFilterForm
from ..models import Attempt, Question, QuestionCategory, QuizPage
from ..services import bank_io
from ..services.analysis import analysed_attempts, item_analysis
from ..services.regrade import regrade_question, regrade_quiz
from ..services.results import course_title, result_rows, submitted_attempts, summary, trainee_city

# ``(request, quiz, filters, "csv"|"xlsx") -> response``: the reports app registers the writer.
RESULTS_DOWNLOAD_HOOK = "quizzes_results_download"


def _number(value) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 12 else None


view_results = permission_required("quizzes.view_results", raise_exception=True)
may_regrade = permission_required("quizzes.regrade_attempt", raise_exception=True)


@view_results
def quiz_index(request):
    """One row per quiz, its translations included (they share attempts), named with its course."""
    counts = (
        Attempt.objects.filter(quiz_key=OuterRef("translation_key"), status=Attempt.Status.SUBMITTED)
        .order_by()
        .values("quiz_key")
        .annotate(n=Count("pk"), passed=Count("pk", filter=Q(passed=True)))
    )
    pages = (
        QuizPage.objects.select_related("locale")
        .annotate(
            submitted=Subquery(counts.values("n")),
            passed=Subquery(counts.values("passed")),
            course_title=course_title("path"),
        )
        .order_by("path")
    )
    language = (get_language() or "").lower()
    quizzes: dict = {}
    for page in pages:
        family = quizzes.setdefault(page.translation_key, {"pages": [], "quiz": page})
        family["pages"].append(page)
        if page.locale.language_code.lower() == language:
            family["quiz"] = page  # shown in the reader's language when there is a version in it
    rows = sorted(quizzes.values(), key=lambda f: (f["quiz"].course_title or "", f["quiz"].path))
    page_obj = Paginator(rows, 50).get_page(request.GET.get("p"))
    return render(request, "quizzes/admin/index.html", {"page_obj": page_obj, "page_title": _("Quiz results")})


def _results_download(request, quiz, form, chosen):
    """The results as CSV/XLSX, written by the reports' export registry through a hook (quizzes does not
    import reports), so this download and the reports' "Quiz results" export are the same export."""
    chosen_filters = {}
    if form.is_valid():
        chosen_filters = {name: value for name, value in form.cleaned_data.items() if value}
    for download in hooks.get_hooks(RESULTS_DOWNLOAD_HOOK):
        return download(request, quiz, chosen_filters, chosen)
    raise Http404("No export is installed.")


def _quiz_and_filters(request, quiz_id):
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    form = ResultFilterForm(request.GET or None, quiz)
    return quiz, form, submitted_attempts(quiz, form.filters())


@view_results
def results(request, quiz_id):
    quiz, form, attempts = _quiz_and_filters(request, quiz_id)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        return _results_download(request, quiz, form, export)
    page_obj = Paginator(result_rows(attempts), 50).get_page(request.GET.get("p"))
    for attempt in page_obj:
        attempt.city = trainee_city(attempt.user)
    query = request.GET.copy()
    query.pop("p", None)
    return render(
        request,
        "quizzes/admin/results.html",
        {
            "quiz": quiz,
            "form": form,
            "page_obj": page_obj,
            "summary": summary(attempts),
            "query_string": query.urlencode(),
            "page_title": _("Results: %(title)s") % {"title": quiz.title},
            "can_regrade": request.user.has_perm("quizzes.regrade_attempt"),
        },
    )


@view_results
def analysis(request, quiz_id):
    quiz, form, attempts = _quiz_and_filters(request, quiz_id)
    query = request.GET.copy()
    return render(
        request,
        "quizzes/admin/analysis.html",
        {
            "quiz": quiz,
            "form": form,
            "items": item_analysis(quiz, attempts),
            "summary": summary(attempts),
            "analysed": analysed_attempts(attempts),
            "query_string": query.urlencode(),
            "page_title": _("Item analysis: %(title)s") % {"title": quiz.title},
            "can_regrade": request.user.has_perm("quizzes.regrade_attempt"),
        },
    )


@may_regrade
@require_POST
def regrade(request, quiz_id):
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    outcome = regrade_quiz(quiz)
    messages.success(request, _("Regraded: %(changed)d results changed.") % outcome)
    return redirect("quizzes_admin:results", quiz.pk)


@may_regrade
@require_POST
def regrade_one_question(request, question_id):
    question = get_object_or_404(Question, pk=question_id)
    outcome = regrade_question(question)
    messages.success(request, _("Regraded: %(changed)d results changed.") % outcome)
    back = request.POST.get("next", "")
    if back.startswith("/admin/"):
        return redirect(back)
    return redirect("quizzes_admin:index")


@permission_required("quizzes.view_question", raise_exception=True)
def bank_export(request):
    questions = Question.objects.order_by("reference", "locale__language_code")
    category = QuestionCategory.objects.filter(pk=_number(request.GET.get("category"))).first()
    if category:  # the category in every language
        questions = questions.filter(category__translation_key=category.translation_key)
    language = request.GET.get("language", "")
    if language in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        questions = questions.filter(locale__language_code=language)
    filename = f"question-bank-{timezone.localdate():%Y%m%d}"
    rows = bank_io.export_rows(questions)
    if request.GET.get("format") == "xlsx":
        return xlsx_response(filename, bank_io.COLUMNS, rows, title="questions")
    return csv_response(filename, bank_io.COLUMNS, rows)


@permission_required(["quizzes.add_question", "quizzes.change_question"], raise_exception=True)
def bank_import(request):
    form = BankImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            outcome = bank_io.import_questions(upload.name, upload.read())
        except bank_io.ImportFailed as failure:
            errors = failure.errors
            messages.error(request, _("Nothing was imported: fix the rows below and upload again."))
        else:
            messages.success(request, _("Imported: %(created)d new, %(updated)d updated.") % outcome)
            return redirect(reverse("wagtailsnippets_quizzes_question:list"))
    return render(
        request,
        "quizzes/admin/bank_import.html",
        {
            "form": form,
            "errors": errors,
            "columns": bank_io.COLUMNS,
            "categories": QuestionCategory.objects.select_related("locale").order_by("locale__language_code", "name"),
            "languages": settings.WAGTAIL_CONTENT_LANGUAGES,
            "page_title": _("Import and export questions"),
        },
        status=400 if (errors or form.errors) else 200,
    )
