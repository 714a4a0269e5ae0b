"""The final-quiz burst: every trainee of the burst cohort submits their 20-question attempt at once.

Each attempt's answers were autosaved while the trainee worked (bench.seeders.quizzes), all of
them right; the submit is the page's form POST with the same values, as the browser sends it.
Every 20th trainee double-clicks (a second submit in the same burst), and after the burst the
same trainees submit once more (a retry after a dropped connection). Then the database says:
- answers lost: autosaved answers not graded as right (20 per attempt are expected);
- graded twice: attempts whose grade changed with the later submit, or a trainee with a second
  attempt;
- not submitted: attempts still open after the burst.
Ratio = submissions per second ÷ bare requests per second.
"""

from . import database
from .client import CSRF_SECRET, Call, run_calls
from .report import Row, missing_row
from .scenarios import CONCURRENCY, measured

NAME = "final-quiz burst, {n} trainees × 20 answers"
GOAL = "≥ 0.1"
P99_GOAL_MS = 500
DOUBLE_CLICK_EVERY = 20


def _call(manifest: dict, attempt: dict) -> Call:
    cookies = {manifest["session_cookie"]: attempt["session"], manifest["csrf_cookie"]: CSRF_SECRET}
    form = [tuple(pair) for pair in attempt["form"]]
    return Call(attempt["path"], "POST", cookies=cookies, data=form, key=str(attempt["id"]), retryable=True)


def _audit(env: dict) -> dict:
    return database.run_django_module(env, "django_probe", "final_quiz", env["BENCH_MANIFEST"])


def burst_row(server, env: dict, manifest: dict, bare_rate: float) -> Row:
    db = env["BENCH_DB_LABEL"]
    final = manifest.get("quizzes", {}).get("final")
    if not final:
        reason = manifest.get("quizzes", {}).get("missing", "no final quiz seeded")
        return missing_row(NAME.format(n="—"), db, GOAL, reason)
    attempts = final["attempts"]
    calls = []
    for n, attempt in enumerate(attempts):
        calls.append(_call(manifest, attempt))
        if n % DOUBLE_CLICK_EVERY == 0:
            calls.append(_call(manifest, attempt))
    stats = measured(server, calls, concurrency=CONCURRENCY, max_attempts=4)
    first = _audit(env)
    run_calls(server.base_url, [_call(manifest, a) for a in attempts[::DOUBLE_CLICK_EVERY]], concurrency=10)
    second = _audit(env)
    questions = final["questions"]
    grades = first["grades"]
    not_submitted = sum(1 for status, *_rest in grades.values() if status != "submitted")
    lost = sum(questions - right for _status, _at, right, _total in grades.values())
    changed = sum(1 for pk, grade in grades.items() if second["grades"].get(pk) != grade)
    graded_twice = changed + max(0, second["attempts_per_user_max"] - 1)
    redirected = sum(1 for o in stats.outcomes if o.status == 302 and o.location.endswith("/review/"))
    p99 = stats.percentile_ms(99)
    goals_met = p99 < P99_GOAL_MS and lost == graded_twice == not_submitted == 0 and redirected == len(calls)
    detail = (
        f"{stats.rate:.0f} submissions/s; p50 {stats.percentile_ms(50):.0f} ms; p99 {p99:.0f} ms "
        f"(goal < {P99_GOAL_MS}); server CPU {stats.cpu_ms_per_request:.1f} ms each; "
        f"answers lost {lost}, graded twice {graded_twice}, not submitted {not_submitted}; "
        f"{len(calls) - len(attempts)} double clicks; retried {stats.retried}; answers {dict(stats.statuses)}"
    )
    return Row(
        NAME.format(n=f"{len(attempts):,}"),
        db,
        stats.rate / bare_rate,
        GOAL,
        detail,
        extra={
            "rate": stats.rate,
            "cpu_ms": stats.cpu_ms_per_request,
            "p99_ms": p99,
            "lost": lost,
            "graded_twice": graded_twice,
            "not_submitted": not_submitted,
            "goals_met": goals_met,
        },
    )
