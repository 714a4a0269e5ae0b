"""Grading a 100-question attempt (20 of each kind): the server CPU it costs, in process.

    python -m bench.grading [--runs 20]      # inside Django, against the configured database

Everything happens inside a transaction that is rolled back, so the database is left as it
was. Prints one JSON line: the median CPU time (time.process_time) of grade_attempt and of
submit_attempt, and their query counts. `make bench` runs it against each bench database.
"""

import json
import statistics
import sys
import time


class Rollback(Exception):
    pass


def make_questions(category, n_per_kind: int) -> list:
    from quizzes.services.bank import OptionSpec, save_question

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


def measure(runs: int) -> dict:
    from django.db import connection, transaction

    result = {}
    try:
        with transaction.atomic():
            result = _measure(runs, connection)
            raise Rollback
    except Rollback:
        pass
    return result


def _measure(runs: int, connection) -> dict:
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Site

    from accounts.models import User
    from courses.models import CourseIndexPage, CoursePage, ModulePage
    from quizzes.demo import correct_value
    from quizzes.models import QuestionCategory, QuizPage, QuizQuestion
    from quizzes.services import save_answers, start_attempt, submit_attempt
    from quizzes.services.grading import grade_attempt

    home = Site.objects.get(is_default_site=True).root_page
    index = home.add_child(instance=CourseIndexPage(title="bench", slug="bench-grading-index"))
    course = index.add_child(instance=CoursePage(title="bench", slug="bench-grading-course", summary="bench"))
    module = course.add_child(instance=ModulePage(title="bench", slug="bench-module"))
    category = QuestionCategory.objects.create(name="bench-grading-category")
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
    grade_cpu, submit_cpu = [], []
    attempt = None
    for _run in range(runs):
        attempt, _ = start_attempt(user, quiz)
        answers = attempt.answers.select_related("question")
        save_answers(attempt, {a.position: correct_value(a) for a in answers})  # autosaved before the submit
        attempt.quiz = quiz
        started = time.process_time()
        with CaptureQueriesContext(connection) as submit_queries:
            attempt, _ = submit_attempt(attempt)
        submit_cpu.append(time.process_time() - started)
        started = time.process_time()
        with CaptureQueriesContext(connection) as grade_queries:
            grade_attempt(attempt)
        grade_cpu.append(time.process_time() - started)
    return {
        "database": connection.vendor,
        "runs": runs,
        "grade_cpu_ms": statistics.median(grade_cpu) * 1000,
        "grade_queries": len(grade_queries),
        "submit_cpu_ms": statistics.median(submit_cpu) * 1000,
        "submit_queries": len(submit_queries),
        "percent": str(attempt.percent),
    }


def main(argv: list[str]) -> None:
    import argparse

    import django

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    django.setup()
    print(json.dumps(measure(args.runs)))


if __name__ == "__main__":
    main(sys.argv[1:])
