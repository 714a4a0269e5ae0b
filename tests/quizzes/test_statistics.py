"""One set of quiz statistics: responses are the graded attempts that drew a question, the header agrees
with the rows, Kelley's groups come from the attempts that saw the question, answers read in the
reader's language, and a quiz and its translation are one quiz."""

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Attempt, AttemptAnswer
from quizzes.services.analysis import analysed_attempts, item_analysis
from quizzes.services.results import submitted_attempts
from tests.factories import UserFactory
from tests.quizzes import factories
from tests.quizzes.test_admin_views import take

pytestmark = pytest.mark.django_db


def bare_attempts(quiz, count):
    """Submitted attempts with a score but no answer rows, as the demo's learning spread makes them."""
    now = timezone.now()
    Attempt.objects.bulk_create(
        Attempt(
            quiz=quiz,
            quiz_key=quiz.translation_key,
            user=UserFactory(),
            number=1,
            status="submitted",
            started_at=now,
            submitted_at=now,
            graded_at=now,
            max_score=100,
            score=80,
            percent=80,
            passed=True,
        )
        for _ in range(count)
    )


def test_header_and_rows_agree_when_some_attempts_have_no_answers(client, instructor):
    questions = [factories.single(correct=i % 4) for i in range(3)]
    quiz = factories.make_quiz(questions)
    for right in (3, 2, 0):
        take(UserFactory(), quiz, right)
    bare_attempts(quiz, 20)
    client.force_login(instructor)
    response = client.get(reverse("quizzes_admin:analysis", args=[quiz.pk]))
    assert response.context["analysed"] == 3
    assert [item.answered for item in response.context["items"]] == [3, 3, 3]
    html = response.content.decode()
    assert 'id="analysed"' in html and "3" in html.split('id="analysed"')[1].split("</p>")[0]
    assert html.count('<td class="responses">3</td>') == 3


def test_a_random_draw_counts_each_question_over_the_attempts_that_drew_it(db):
    bank = factories.category("随机抽题")
    questions = [factories.single(cat=bank, correct=0) for _ in range(4)]
    quiz = factories.make_quiz(draw=[(bank, 2)])
    for right in (2, 1, 0, 2, 1, 2):
        take(UserFactory(), quiz, right)
    attempts = submitted_attempts(quiz)
    items = {item.question.pk: item for item in item_analysis(quiz, attempts)}
    assert analysed_attempts(attempts) == 6
    drawn_by = []
    for question in questions:
        drew = AttemptAnswer.objects.filter(question=question, attempt__in=attempts)
        drawn_by.append(drew.count())
        if not drew.exists():
            assert question.pk not in items
            continue
        item = items[question.pk]
        assert item.answered == drew.count()
        # Kelley's groups among the attempts that drew it: ceil(27 % of n) best and worst, by percent.
        ranked = sorted(drew.select_related("attempt"), key=lambda a: (-a.attempt.percent, a.attempt_id))
        size = -(-27 * len(ranked) // 100)
        worst = sorted(ranked, key=lambda a: (a.attempt.percent, a.attempt_id))[:size]
        upper = sum(a.fraction for a in ranked[:size]) / size
        lower = sum(a.fraction for a in worst) / size
        if len(ranked) >= 2:
            assert item.discrimination == pytest.approx(upper - lower)
        assert item.facility == pytest.approx(sum(a.fraction for a in ranked) / len(ranked))
    assert sum(item.answered for item in items.values()) == 12
    # Two of four questions per attempt: some question is counted over fewer than all six attempts.
    assert sum(drawn_by) == 12 and min(drawn_by) < 6


@pytest.mark.parametrize(("language", "true_label"), [("zh-hans", "正确"), ("en", "True")])
def test_true_false_answers_read_in_the_readers_language(client, instructor, language, true_label):
    question = factories.true_false(answer=True)
    quiz = factories.make_quiz([question])
    take(UserFactory(), quiz, 1)
    take(UserFactory(), quiz, 1)
    client.force_login(instructor)
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(instructor)
    profile.preferred_language = language
    profile.save()
    response = client.get(reverse("quizzes_admin:analysis", args=[quiz.pk]))
    html = response.content.decode()
    frequencies = html.split('class="quiz-frequencies"')[1].split("</ul>")[0]
    assert f"{true_label}: <strong>2</strong>" in frequencies
    assert "true:" not in frequencies


def test_a_quiz_and_its_translation_are_one_row_named_with_the_course(client, instructor):
    from wagtail.models import Locale

    question = factories.single()
    quiz = factories.make_quiz([question])
    course = quiz.get_parent().get_parent()
    english, _created = Locale.objects.get_or_create(language_code="en")
    translated_course = course.copy_for_translation(english, copy_parents=True, alias=False)
    translated_course.save_revision().publish()
    translated_module = quiz.get_parent().copy_for_translation(english, alias=False)
    translated_module.save_revision().publish()
    translation = quiz.copy_for_translation(english, alias=False)
    translation.save_revision().publish()
    take(UserFactory(), quiz, 1)
    take(UserFactory(), type(quiz).objects.get(pk=translation.pk), 0)
    client.force_login(instructor)
    html = client.get(reverse("quizzes_admin:index")).content.decode()
    assert html.count('class="quiz-row"') == 1
    row = html.split('class="quiz-row"')[1].split("</tr>")[0]
    assert course.title in row and quiz.title in row and "<td>2</td>" in row and "<td>1</td>" in row


def test_trainee_history_names_the_course(client):
    from accounts import roles

    quiz = factories.make_quiz([factories.single()])
    trainee = UserFactory(roles=[roles.TRAINEE])
    take(trainee, quiz, 1)
    client.force_login(trainee)
    html = client.get(reverse("quizzes:history")).content.decode()
    assert f'<td class="course">{quiz.get_parent().get_parent().title}</td>' in html
