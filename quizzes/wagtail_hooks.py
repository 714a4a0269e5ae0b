"""Wagtail registration: the question bank snippets, instructor views, and the courses hooks."""

from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts.admin_ui import LazySnippetChooserViewSet, TranslatedBreadcrumbsMixin, YesNoColumn
from courses.next_step import Requirement

from . import admin_urls
from .forms import QuestionAdminForm
from .models import Question, QuestionCategory
from .services.overview import quiz_state, quizzes_for_lesson, unpassed_required_quizzes
from .services.translation import sync_translations

MENU_HOOK = "register_quizzes_menu_item"


class QuestionViewSet(TranslatedBreadcrumbsMixin, SnippetViewSet):
    model = Question
    chooser_viewset_class = LazySnippetChooserViewSet
    icon = "help"
    menu_label = gettext_lazy("Questions")
    list_display = [
        "reference",
        Column("stem_text", label=gettext_lazy("stem")),
        "kind",
        "category",
        "points",
        YesNoColumn("is_active", label=Question._meta.get_field("is_active").verbose_name),
    ]
    list_filter = ["kind", "category", "is_active"]
    search_fields = ["reference", "stem"]
    search_backend_name = None
    list_per_page = 50
    edit_handler = ObjectList(Question.panels, base_form_class=QuestionAdminForm)

    def get_queryset(self, request):
        return Question.objects.select_related("category")


class QuestionCategoryViewSet(TranslatedBreadcrumbsMixin, SnippetViewSet):
    model = QuestionCategory
    chooser_viewset_class = LazySnippetChooserViewSet
    icon = "folder-inverse"
    menu_label = gettext_lazy("Question categories")
    list_display = ["name", "description"]
    search_fields = ["name"]
    search_backend_name = None


class QuizzesGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Quizzes")
    menu_icon = "tasks"
    menu_order = 210
    items = (QuestionViewSet, QuestionCategoryViewSet)
    submenu_hook = MENU_HOOK


register_snippet(QuizzesGroup)


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permissions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        return request.user.has_perms(self.permissions)


@hooks.register(MENU_HOOK)
def results_menu_item():
    return PermissionMenuItem(
        gettext_lazy("Results and analysis"),
        reverse("quizzes_admin:index"),
        icon_name="table",
        order=300,
        permissions=["quizzes.view_results"],
    )


@hooks.register(MENU_HOOK)
def bank_menu_item():
    return PermissionMenuItem(
        gettext_lazy("Import and export"),
        reverse("quizzes_admin:bank_import"),
        icon_name="download",
        order=310,
        permissions=["quizzes.add_question", "quizzes.change_question"],
    )


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def sync_question_translations(request, instance):
    """What decides a score (answers, points, type…) is the same in every language version."""
    if isinstance(instance, Question):
        for other in sync_translations(instance):
            from django.contrib import messages

            messages.warning(
                request,
                _("The %(language)s version has a different number of options: mark its right options there.")
                % {"language": other.locale.get_display_name()},
            )


@hooks.register("after_edit_snippet")
def suggest_regrade(request, instance):
    """A corrected question does not change past results until someone regrades them."""
    if isinstance(instance, Question):
        from django.contrib import messages

        from .models import AttemptAnswer

        graded = AttemptAnswer.objects.filter(
            question__translation_key=instance.translation_key, awarded__isnull=False
        ).count()
        if graded:
            messages.info(
                request,
                _("%(n)d graded answers use this question: regrade them from the quiz's item analysis page.")
                % {"n": graded},
            )


@hooks.register("register_admin_urls")
def quiz_admin_urls():
    return [path("quiz-results/", include(admin_urls, namespace="quizzes_admin"))]


@hooks.register("register_permissions")
def quiz_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="quizzes", codename__in=["view_results", "regrade_attempt"]
    )


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
    return [
        Requirement(_("Pass the quiz “%(title)s”.") % {"title": quiz.title}, quiz.get_url())
        for quiz in unpassed_required_quizzes(user, course)
    ]
