"""Measure grading: a 100-question attempt (20 of each kind) is answered, submitted and graded.

Everything happens inside a transaction that is rolled back, so the database is left as it was.
Prints wall time and query counts; no thresholds (machines differ).
"""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from courses.models import CourseIndexPage, CoursePage, ModulePage
from quizzes.demo import correct_value
from quizzes.models import Question, QuestionCategory, QuizPage, QuizQuestion
from quizzes.services import save_answers, start_attempt, submit_attempt
from quizzes.services.bank import OptionSpec, save_question
from quizzes.services.grading import grade_attempt


class Rollback(Exception):
    pass


def make_questions(category, n_per_kind: int) -> list[Question]:
    questions = []
    for i in range(n_per_kind):
        common = {"category": category, "reference": f"BENCH-{i:03d}"}
        options = [OptionSpec(f"选项{k}", k in (0, 2)) for k in range(4)]
        questions += [
            save_question(**{**common, "reference": f"BENCH-S{i}"}, kind="single", stem="<p>单选</p>",
                          options=[OptionSpec(f"选项{k}", k == 1) for k in range(4)]),
            save_question(**{**common, "reference": f"BENCH-M{i}"}, kind="multiple", stem="<p>多选</p>",
                          options=options, scoring="partial"),
            save_question(**{**common, "reference": f"BENCH-T{i}"}, kind="true_false", stem="<p>判断</p>",
                          correct_boolean=True),
            save_question(**{**common, "reference": f"BENCH-N{i}"}, kind="numeric", stem="<p>计算</p>",
                          numeric_answer=20000, tolerance=0),
            save_question(**{**common, "reference": f"BENCH-X{i}"}, kind="short_text", stem="<p>填空</p>",
                          accepted_answers="注册登记系统"),
        ]  # fmt: skip
    return questions


class Command(BaseCommand):
    help = "Time the grading of a 100-question attempt (data is rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5)

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                self.bench(options["runs"])
                raise Rollback
        except Rollback:
            pass

    def bench(self, runs: int):
        from wagtail.models import Site

        home = Site.objects.get(is_default_site=True).root_page
        index = home.add_child(instance=CourseIndexPage(title="bench", slug="bench-index"))
        course = index.add_child(instance=CoursePage(title="bench", slug="bench-course", summary="bench"))
        module = course.add_child(instance=ModulePage(title="bench", slug="bench-module"))
        category = QuestionCategory.objects.create(name="bench-category")
        questions = make_questions(category, 20)
        quiz = module.add_child(
            instance=QuizPage(
                title="bench quiz",
                slug="bench-quiz",
                max_attempts=0,
                fixed_questions=[QuizQuestion(question=q, sort_order=i) for i, q in enumerate(questions)],
            )
        )
        user = User.objects.create_user("bench-grading@example.org")
        grade_times, submit_times = [], []
        for _run in range(runs):
            attempt, _ = start_attempt(user, quiz)
            answers = attempt.answers.select_related("question")
            save_answers(attempt, {a.position: correct_value(a) for a in answers})
            attempt.quiz = quiz
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as submit_queries:
                attempt, _ = submit_attempt(attempt)
            submit_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as grade_queries:
                grade_attempt(attempt)
            grade_times.append(time.perf_counter() - started)
        self.stdout.write(
            f"100-question attempt ({connection.vendor}), {runs} runs: "
            f"grade_attempt median {statistics.median(grade_times) * 1000:.1f} ms in {len(grade_queries)} queries; "
            f"submit_attempt (lock + grade) median {statistics.median(submit_times) * 1000:.1f} ms "
            f"in {len(submit_queries)} queries; score {attempt.percent}%"
        )
