"""Every page of the role matrix, in both languages, is written in the reader's language.

The pages: every GET of tests/security/test_role_matrix.py that a role may open (HTML pages and
CSV files), the public site (home, course, lesson, quiz, sign-in, sign-up, password reset,
profile, "My learning", verification) and the admin pages instructors, coordinators and organisers
use (dashboard, page explorer and editor, question bank, registry, workflow). Each is fetched
in Chinese and in English by each role that may open it: public pages by their URL (``/`` and
``/en/``), admin pages by the person's remembered language (accounts.language). A Chinese
page with English UI words, or an English page with Chinese text, fails with the words found.
"""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import APIToken

from accounts.language import in_language
from accounts.models import User
from attendance import codes

from .page_language import data_values, visible_text, wrong_language
from .test_role_matrix import GET, MATRIX, Req
from .world import ROLES

pytestmark = pytest.mark.django_db

# fmt: off
EXTRA_PAGES = [
    # request                                              roles that may open it
    (GET("/"),                                             "anonymous trainee instructor organiser"),
    (GET("@course_index.url"),                             "anonymous trainee"),
    (GET("@course.url"),                                   "anonymous trainee"),
    (GET("@lesson.url"),                                   "anonymous trainee"),
    (GET("@quiz.url"),                                     "trainee"),
    (GET("account_login"),                                 "anonymous"),
    (GET("account_signup"),                                "anonymous"),
    (GET("account_reset_password"),                        "anonymous"),
    (GET("courses:verify"),                                "anonymous"),
    (GET("courses:verify_code", "@certificate.code"),      "anonymous"),
    (GET("accounts:privacy"),                              "anonymous"),
    (GET("accounts:profile"),                              "trainee"),
    (GET("courses:my_learning"),                           "trainee"),
    (GET("wagtailadmin_login"),                            "anonymous"),
    (GET("wagtailadmin_home"),                             "coordinator_x instructor organiser"),
    (GET("wagtailadmin_explore", "@course_index"),         "instructor organiser"),
    (GET("wagtailadmin_explore", "@course"),               "instructor organiser"),
    (GET("wagtailadmin_pages:edit", "@course"),            "instructor organiser"),
    (GET("wagtailadmin_pages:edit", "@quiz"),              "instructor organiser"),
    (GET("wagtailsnippets_quizzes_question:list"),         "instructor organiser"),
    (GET("wagtailsnippets_quizzes_question:add"),          "instructor"),
    (GET("wagtailsnippets_quizzes_question:edit", "@question"), "instructor"),
    (GET("wagtailsnippets_accounts_venue:list"),           "coordinator_x organiser"),
    (GET("wagtailsnippets_accounts_organisation:list"),    "organiser"),
]
# fmt: on

SKIP_TYPES = ("application/json", "application/pdf", "spreadsheetml", "image/")


def pages() -> list:
    """(request, role) for every page a role may open, from the role matrix and the list above."""
    found = []
    for request, answers in MATRIX:
        if request.method != "GET":
            continue
        for role, answer in zip(ROLES, answers.split(), strict=True):
            if answer == "200":
                found.append((request, role))
    for request, roles_ in EXTRA_PAGES:
        found += [(request, role) for role in roles_.split()]
    return found


def url_in(w, request: Req, language: str) -> str:
    with translation.override(language):
        if request.target.startswith("@"):
            return _page(w, request.target).get_url()
        if request.target.startswith("/"):
            return in_language(request.url(w), language)
        return request.url(w)


def _page(w, target):
    from wagtail.models import Locale

    page = getattr(w, target[1:].split(".")[0])
    language = translation.get_language()
    return page.get_translation_or_none(Locale.objects.get(language_code=language)) or page


def fetch(w, request, role, language):
    client = Client()
    if role != "anonymous":
        user = getattr(w, role)
        User.objects.filter(pk=user.pk).update(language=language)  # what the admin speaks
        client.force_login(user)
    response = client.get(url_in(w, request, language), HTTP_ACCEPT_LANGUAGE=language)
    return response


@pytest.fixture(scope="module")
def bilingual(world, django_db_blocker):
    """The security world with an English translation of its course (and home page)."""
    from wagtail.actions.convert_alias import ConvertAliasPageAction
    from wagtail.models import Locale, Page

    from courses.demo import build_workflow_and_permissions
    from home.demo import build_home_pages

    with django_db_blocker.unblock():
        w = world
        build_home_pages()
        build_workflow_and_permissions()  # instructors' page permissions and the review workflow
        english = Locale.objects.get(language_code="en")
        for page in Page.objects.descendant_of(w.course, inclusive=True).order_by("path"):
            if page.get_translation_or_none(english) is None:
                with translation.override("en"):
                    page.specific.copy_for_translation(english, copy_parents=True)
        for page in Page.objects.filter(locale=english, depth__gt=2).order_by("path"):
            if page.alias_of_id:  # the tree is kept in sync by aliases; make them real translations
                ConvertAliasPageAction(page.specific, user=None).execute(skip_permission_checks=True)
            page = Page.objects.get(pk=page.pk).specific
            page.title = f"English {page.slug}"
            page.save_revision().publish()
        w.course_index = w.course.get_parent().specific
        w.ticket = codes.make_ticket(w.session.pk, w.venue_x.pk, w.trainee.pk)  # the scanner's own ticket
        w.organiser_token = APIToken.objects.get(user=w.organiser)
        w.question = w.questions[0]
        w.data = data_values()
        yield w


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_page_is_in_the_readers_language(bilingual, db, language):
    w = bilingual
    problems = []
    for request, role in pages():
        if language == "en" and role == "anonymous" and request.target.startswith("wagtailadmin"):
            continue  # the admin's sign-in page speaks the site's default language
        response = fetch(w, request, role, language)
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or any(t in content_type for t in SKIP_TYPES):
            if response.status_code != 200:
                problems.append(f"{request} as {role}: {response.status_code}")
            continue
        raw = b"".join(response.streaming_content) if response.streaming else response.content
        text = visible_text(raw.decode("utf-8-sig", errors="replace"), content_type)
        wrong = wrong_language(text, language, w.data)
        if wrong:
            problems.append(f"{request} as {role}: {wrong[:25]}")
    assert not problems, f"{len(problems)} pages not in {language}:\n" + "\n".join(problems)


def test_the_check_finds_the_wrong_language():
    data = ["历下热电有限公司"]
    assert wrong_language("Sign in 历下热电有限公司", "en", data) == []
    assert wrong_language("Sign in 登录", "en", data) == ["登录"]
    assert wrong_language("登录 历下热电有限公司 Wagtail CCER PDF", "zh-hans", data) == []
    assert wrong_language("登录 Search all pages", "zh-hans", data) == ["Search all pages"]
    assert wrong_language("1-3 of 3 页面", "zh-hans", data) == ["of"]
    assert wrong_language("启用 True", "zh-hans", data) == ["True"]


def test_admin_login_page_is_chinese_by_default(client):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    wrong = wrong_language(visible_text(html), "zh-hans", [])
    assert wrong == [], wrong
