"""Quizzes for the grading rows, questions and attempts made through the quiz services.

- A 100-question quiz and one open attempt per grader: the grading row submits every answer
  in one POST, which saves and grades.
- The final quiz (20 questions) and one open attempt per trainee of the burst cohort, every
  answer already autosaved (and right): the final-quiz burst then submits them all at once.

Questions go through quizzes.services.bank.save_question and attempts through start_attempt
and save_answers, exactly as a trainee's "Start" button and the page's autosave would.
"""

from decimal import Decimal

from ..client import CSRF_SECRET, Call, run_calls
from . import FeatureMissing, require

WARMUP_ATTEMPTS = 20
# (kind, how many, save_question arguments, the answer the form sends)
QUESTION_MIX = [
    ("single", 60, {"points": Decimal(1)}, ["0"]),
    ("multiple", 20, {"points": Decimal(2)}, ["0", "1"]),
    ("true_false", 10, {"correct_boolean": True}, ["true"]),
    ("numeric", 5, {"numeric_answer": Decimal(50000), "unit": "t"}, ["50000"]),
    ("short_text", 5, {"accepted_answers": "注册登记系统"}, ["注册登记系统"]),
]


FINAL_QUIZ_MIX = [(kind, max(1, count // 5), extra, answer) for kind, count, extra, answer in QUESTION_MIX]


def make_questions(category, mix=QUESTION_MIX, prefix: str = "") -> list[tuple]:
    """(question, form values) pairs: 100 for QUESTION_MIX, 20 for FINAL_QUIZ_MIX."""
    from quizzes.services.bank import OptionSpec, save_question

    made = []
    for kind, count, extra, answer in mix:
        for n in range(count):
            options = []
            if kind in ("single", "multiple"):
                correct = 1 if kind == "single" else 2
                options = [OptionSpec(f"{kind}-{n}-选项{i}", i < correct) for i in range(4)]
            question = save_question(
                category=category, kind=kind, stem=f"<p>基准题{prefix} {kind} {n}</p>", options=options, **extra
            )
            made.append((question, answer))
    return made


def seed(context: dict) -> dict:
    require("quizzes.models", "quizzes.services", "quizzes.services.bank", "quizzes.views.trainee")
    from django.urls import reverse

    from accounts.models import User
    from courses.models import CoursePage, ModulePage
    from quizzes.models import QuestionCategory, QuizPage, QuizQuestion
    from quizzes.services import start_attempt

    course = CoursePage.objects.filter(slug__startswith="bench-course-").order_by("pk").first()
    if course is None:
        raise FeatureMissing("no bench course to hang the quiz on (the courses rows are missing)")
    module = ModulePage.objects.child_of(course).order_by("path").last()
    category, _ = QuestionCategory.objects.get_or_create(name="基准测试题库")
    questions = make_questions(category)
    quiz = QuizPage(
        title="基准测验（100题）",
        slug="bench-quiz",
        shuffle_options=False,
        max_attempts=0,
        fixed_questions=[QuizQuestion(question=q, sort_order=i) for i, (q, _a) in enumerate(questions)],
    )
    module.add_child(instance=quiz)
    form = [["action", "submit"], ["csrfmiddlewaretoken", CSRF_SECRET]]
    for position, (_question, answer) in enumerate(questions, start=1):
        form += [[f"q-{position}", value] for value in answer]
    graders = context["trainees"]["graders"]
    users = User.objects.in_bulk([t["id"] for t in graders])
    attempts = []
    for trainee in graders:
        attempt, _created = start_attempt(users[trainee["id"]], quiz)
        attempts.append({"session": trainee["session"], "path": reverse("quizzes:submit", args=[attempt.public_id])})
    final = final_quiz(module, context, category)
    return {"quiz_id": quiz.pk, "attempts": attempts, "form": form, "final": final}


def final_quiz(module, context: dict, category) -> dict:
    """The final quiz, and an open attempt for each burst trainee with every answer autosaved."""
    from django.urls import reverse

    from accounts.models import User
    from quizzes.demo import correct_value
    from quizzes.models import QuizPage, QuizQuestion
    from quizzes.services import save_answers, start_attempt

    questions = make_questions(category, FINAL_QUIZ_MIX, prefix="（结业）")
    quiz = QuizPage(
        title="结业测验（20题）",
        slug="bench-final-quiz",
        max_attempts=1,
        fixed_questions=[QuizQuestion(question=q, sort_order=i) for i, (q, _a) in enumerate(questions)],
    )
    module.add_child(instance=quiz)
    trainees = context["trainees"]["burst"]
    users = User.objects.in_bulk([t["id"] for t in trainees])
    attempts = []
    for trainee in trainees:
        attempt, _created = start_attempt(users[trainee["id"]], quiz)
        answers = list(attempt.answers.select_related("question").order_by("position"))
        values = {a.position: correct_value(a) for a in answers}
        save_answers(attempt, values)
        form = [["action", "submit"], ["csrfmiddlewaretoken", CSRF_SECRET]]
        for position, value in values.items():
            form += [[f"q-{position}", v] for v in (value if isinstance(value, list) else [value])]
        attempts.append(
            {
                "id": attempt.pk,
                "user": trainee["id"],
                "session": trainee["session"],
                "path": reverse("quizzes:submit", args=[attempt.public_id]),
                "form": form,
            }
        )
    return {"quiz_id": quiz.pk, "questions": len(questions), "attempts": attempts}


def final_quiz_audit(attempt_ids: list[int]) -> dict:
    """Per attempt: status, when graded, answers graded right, answers; and the most attempts of one trainee."""
    from django.db.models import Count, Q

    from quizzes.models import Attempt

    attempts = Attempt.objects.filter(pk__in=attempt_ids)
    rows = attempts.annotate(
        right=Count("answers", filter=Q(answers__is_correct=True)), total=Count("answers")
    ).values_list("pk", "status", "graded_at", "right", "total")
    grades = {pk: [status, at.isoformat() if at else None, right, total] for pk, status, at, right, total in rows}
    same_quiz = Attempt.objects.filter(
        user__in=attempts.values("user"), quiz_key__in=attempts.values("quiz_key")
    ).values("user")
    per_user = same_quiz.annotate(n=Count("id")).values_list("n", flat=True)
    return {"grades": grades, "attempts_per_user_max": max(per_user, default=0)}


def grading_stats(server, manifest: dict):
    """Submit every prepared attempt once (each grades 100 answers); the first few warm up."""
    quizzes, cookie = manifest["quizzes"], manifest["session_cookie"]
    form = [tuple(pair) for pair in quizzes["form"]]
    calls = [
        Call(a["path"], "POST", cookies={cookie: a["session"], manifest["csrf_cookie"]: CSRF_SECRET}, data=form)
        for a in quizzes["attempts"]
    ]
    from ..scenarios import measured

    run_calls(server.base_url, calls[:WARMUP_ATTEMPTS], concurrency=10)
    stats = measured(server, calls[WARMUP_ATTEMPTS:], concurrency=50)
    graded = sum(1 for o in stats.outcomes if o.status == 302 and o.location.endswith("/review/"))
    if graded != len(calls) - WARMUP_ATTEMPTS:
        raise RuntimeError(f"grading: {graded} graded of {len(calls) - WARMUP_ATTEMPTS}; {dict(stats.statuses)}")
    return stats
