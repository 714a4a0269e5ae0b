"""Instructor views in the Wagtail admin: permissions, filters, exports, analysis, regrade, editor rules."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from accounts import roles
from accounts.models import Division
from courses.models import LessonCompletion
from quizzes.models import Attempt, Option, Question
from quizzes.services import save_answers, start_attempt, submit_attempt
from tests.factories import OrganisationFactory, UserFactory, VenueFactory
from tests.quizzes import factories
from tests.quizzes.test_attempts import answer_all_correctly, correct_keys

pytestmark = pytest.mark.django_db


def take(user, quiz, right: int):
    """Submit an attempt with the first ``right`` questions answered correctly."""
    attempt, _ = start_attempt(user, quiz)
    values = answer_all_correctly(attempt)
    wrong = {p: ("" if isinstance(v, str) else []) for p, v in values.items() if p > right}
    save_answers(attempt, {**values, **wrong})
    return submit_attempt(attempt)[0]


@pytest.fixture
def four_singles(db):
    return [factories.single(correct=i % 4) for i in range(4)]


def test_results_need_the_permission(client, trainee, coordinator, instructor, organiser, quiz):
    url = reverse("quizzes_admin:results", args=[quiz.pk])
    client.force_login(trainee)
    assert client.get(url).status_code in (302, 403)
    client.force_login(coordinator)  # in the admin, but without the permission: Wagtail's denial
    response = client.get(url)
    assert response.status_code == 302 and response.url == "/admin/"
    for user in (instructor, organiser):
        client.force_login(user)
        assert client.get(url).status_code == 200
    assert client.get(reverse("quizzes_admin:index")).status_code == 200
    client.force_login(organiser)
    response = client.post(reverse("quizzes_admin:regrade", args=[quiz.pk]))
    assert response.status_code == 302 and response.url == "/admin/"


def test_results_filter_by_organisation_venue_and_city(client, instructor, four_singles):
    quiz = factories.make_quiz(four_singles)
    jinan_venue = VenueFactory()
    qingdao = Division.objects.get(adcode="370200")
    qingdao_org = OrganisationFactory(city=qingdao, county=Division.objects.get(adcode="370202"))
    at_venue = UserFactory(real_name="场馆学员", default_venue=jinan_venue)
    in_qingdao = UserFactory(real_name="青岛学员", organisation=qingdao_org)
    elsewhere = UserFactory(real_name="其他学员")
    for user in (at_venue, in_qingdao, elsewhere):
        take(user, quiz, right=2)
    client.force_login(instructor)
    url = reverse("quizzes_admin:results", args=[quiz.pk])

    def names(**params):
        html = client.get(url, params).content.decode()
        return {n for n in ("场馆学员", "青岛学员", "其他学员") if n in html}

    assert names() == {"场馆学员", "青岛学员", "其他学员"}
    assert names(venue=jinan_venue.pk) == {"场馆学员"}
    assert names(organisation=qingdao_org.pk) == {"青岛学员"}
    assert names(city="370200") == {"青岛学员"}
    assert names(city="370100") == {"场馆学员", "其他学员"}


def test_exports_are_bom_csv_and_xlsx_with_formulas_neutralised(client, instructor, four_singles):
    quiz = factories.make_quiz(four_singles)
    take(UserFactory(real_name='=HYPERLINK("http://x")', organisation=OrganisationFactory(name="@SUM(1)公司")), quiz, 3)
    client.force_login(instructor)
    url = reverse("quizzes_admin:results", args=[quiz.pk])
    response = client.get(url, {"export": "csv"})
    body = b"".join(response.streaming_content)
    assert response["Content-Type"].startswith("text/csv") and body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    header, row = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert header[:3] == ["课程", "测验", "姓名"]  # the reports' "Quiz results" export, in the reader's language
    assert row["姓名"] == '\'=HYPERLINK("http://x")' and row["单位"] == "'@SUM(1)公司"
    assert row["课程"] == quiz.get_parent().get_parent().title
    assert float(row["百分比"]) == 75 and row["通过"] == "是"
    response = client.get(url, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = dict(zip([c.value for c in sheet[1]], [c.value for c in sheet[2]], strict=True))
    assert values["姓名"] == '\'=HYPERLINK("http://x")'


def test_item_analysis_facility_discrimination_and_frequencies(client, instructor, four_singles):
    quiz = factories.make_quiz(four_singles)
    for right in (4, 4, 3, 2, 1, 0, 0):
        take(UserFactory(), quiz, right)
    client.force_login(instructor)
    response = client.get(reverse("quizzes_admin:analysis", args=[quiz.pk]))
    items = {item.question.pk: item for item in response.context["items"]}
    first, last = items[four_singles[0].pk], items[four_singles[3].pk]
    assert first.answered == 7
    assert first.facility == pytest.approx(5 / 7)  # right in attempts with 4, 4, 3, 2, 1 correct
    assert last.facility == pytest.approx(2 / 7)
    # Groups of ceil(0.27 × 7) = 2: the two 100% attempts and the two 0% attempts.
    assert first.discrimination == pytest.approx(1.0) and last.discrimination == pytest.approx(1.0)
    frequencies = {label: n for label, n, _right in first.frequencies}
    correct_text = Option.objects.get(question=four_singles[0], is_correct=True).text
    assert frequencies[correct_text] == 5 and sum(frequencies.values()) == 5  # two left blank
    html = response.content.decode()
    assert four_singles[0].reference in html


def test_regrade_after_a_question_is_corrected(client, instructor, trainee, four_singles):
    module, lesson = factories.module_and_lesson()
    quiz = factories.make_quiz(four_singles, module=module, lesson=lesson, pass_mark=75)
    attempt, _ = start_attempt(trainee, quiz)
    values = answer_all_correctly(attempt)
    question = four_singles[3]
    answer = attempt.answers.get(question=question)
    values[answer.position] = next(k for k in "0123" if k not in correct_keys(answer))
    save_answers(attempt, values)
    attempt, _ = submit_attempt(attempt)
    assert attempt.percent == 75 and attempt.passed
    # The author finds the key was wrong: the option this trainee chose is the right one.
    chosen = answer.option_order[int(values[answer.position])]
    Option.objects.filter(question=question).update(is_correct=False)
    Option.objects.filter(pk=chosen).update(is_correct=True)
    client.force_login(instructor)
    response = client.post(reverse("quizzes_admin:regrade_question", args=[question.pk]))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.percent == 100 and attempt.regraded_at is not None
    assert LessonCompletion.objects.filter(user=trainee, lesson=lesson).exists()
    # Points corrected too: the maximum follows.
    Question.objects.filter(pk=question.pk).update(points=Decimal(3))
    client.post(reverse("quizzes_admin:regrade", args=[quiz.pk]))
    attempt.refresh_from_db()
    assert attempt.max_score == 6 and attempt.score == 6


def bulk_attempts(quiz, questions, count):
    """``count`` submitted attempts, created in bulk and then graded by the real grader."""
    from accounts.models import User
    from quizzes.models import AttemptAnswer, SelectedOption
    from quizzes.services.grading import regrade_attempts

    org = OrganisationFactory()
    users = User.objects.bulk_create(
        User(email=f"bulk{quiz.pk}-{i}@example.org", real_name=f"学员{i}", organisation=org) for i in range(count)
    )
    now = timezone.now()
    attempts = Attempt.objects.bulk_create(
        Attempt(
            quiz=quiz,
            quiz_key=quiz.translation_key,
            user=u,
            number=1,
            status="submitted",
            started_at=now,
            submitted_at=now,
            graded_at=now,
        )
        for u in users
    )
    options = {q.pk: list(q.options.values_list("pk", flat=True)) for q in questions}
    answers = AttemptAnswer.objects.bulk_create(
        AttemptAnswer(attempt=a, question=q, position=i, option_order=options[q.pk])
        for a in attempts
        for i, q in enumerate(questions, start=1)
    )
    SelectedOption.objects.bulk_create(
        SelectedOption(answer=answer, option_id=answer.option_order[(answer.pk * 7) % 4]) for answer in answers
    )
    regrade_attempts(Attempt.objects.filter(pk__in=[a.pk for a in attempts]))


@pytest.mark.parametrize("count", [10, 500])
def test_results_and_analysis_queries_do_not_grow(
    client, instructor, four_singles, count, django_assert_max_num_queries
):
    quiz = factories.make_quiz(four_singles)
    bulk_attempts(quiz, four_singles, count)
    client.force_login(instructor)
    for name in ("quizzes_admin:results", "quizzes_admin:analysis"):
        url = reverse(name, args=[quiz.pk])
        with django_assert_max_num_queries(24):
            response = client.get(url)
        assert response.status_code == 200
    with django_assert_max_num_queries(24):
        response = client.get(reverse("quizzes_admin:results", args=[quiz.pk]), {"export": "csv"})
        lines = b"".join(response.streaming_content).count(b"\n")
    assert lines == count + 1
    items = client.get(reverse("quizzes_admin:analysis", args=[quiz.pk])).context["items"]
    assert all(item.answered == count for item in items)


def test_question_editor_applies_the_type_rules(client, instructor):
    category = factories.category()
    client.force_login(instructor)
    url = reverse("wagtailsnippets_quizzes_question:add")

    def post(correct_flags, kind="single"):
        options = [{"text": f"选项{i}", "is_correct": flag} for i, flag in enumerate(correct_flags)]
        data = nested_form_data(
            {
                "reference": f"ED-{len(correct_flags)}-{sum(correct_flags)}",
                "category": category.pk,
                "kind": kind,
                "points": "1",
                "stem": rich_text("全国碳市场的交易产品是什么？"),
                "explanation": rich_text(""),
                "scoring": "all_or_nothing",
                "tolerance": "0",
                "options": inline_formset(options),
                "tags": "trading",
                "is_active": "on",
            }
        )
        return client.post(url, data)

    response = post([True, True])
    assert response.status_code == 200
    assert "单选题必须恰好有一个正确选项" in response.content.decode()  # "exactly one correct option"
    assert not Question.objects.exists()
    response = post([True, False, False])
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.options.count() == 3 and list(question.tags.names()) == ["trading"]


def test_instructor_role_has_quiz_permissions(instructor, organiser):
    assert roles.has_role(instructor, roles.INSTRUCTOR)
    assert instructor.has_perms(["quizzes.add_question", "quizzes.view_results", "quizzes.regrade_attempt"])
    assert organiser.has_perm("quizzes.view_results") and not organiser.has_perm("quizzes.regrade_attempt")
