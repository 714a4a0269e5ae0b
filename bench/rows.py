"""Turn measurements into table rows; a feature that is not there yields an n/a row, not a crash."""

from . import scenarios
from .client import LoadStats
from .report import Row, missing_row


def rate_detail(stats: LoadStats, unit: str = "req/s") -> str:
    return (
        f"{stats.rate:.0f} {unit}; p50 {stats.percentile_ms(50):.0f} ms; p99 {stats.percentile_ms(99):.0f} ms; "
        f"server CPU {stats.cpu_ms_per_request:.1f} ms each"
    )


def page_row(name: str, db: str, goal: str, stats: LoadStats, bare_rate: float) -> Row:
    extra = {"rate": stats.rate, "cpu_ms": stats.cpu_ms_per_request}
    return Row(name, db, stats.rate / bare_rate, goal, rate_detail(stats), extra=extra)


def home_row(server, db: str, bare_rate: float) -> Row:
    stats = scenarios.anonymous_page(server, "/")
    return page_row("anonymous home page", db, "", stats, bare_rate)


def course_rows(server, db: str, manifest: dict, bare_rate: float, queries: dict) -> list[Row]:
    """Pages as people meet them: each trainee opens a page once (nothing of theirs is warm)."""
    courses = manifest.get("courses", {})
    names = {
        "index": ("anonymous course index", "≥ 0.6"),
        "lesson": ("lesson page, first view by each trainee (mixed lessons)", "≥ 0.25"),
        "course": ("signed-in course page, first view by each trainee", "≥ 0.25"),
        "learning": ("My learning, first view by each trainee", "≥ 0.25"),
        "course_scaling": ("course page, 200 vs 10 lessons", "≥ 0.9"),
        "reread": ("lesson page re-read by the same trainees (information)", ""),
    }
    if "missing" in courses:
        return [missing_row(name, db, goal, courses["missing"]) for name, goal in names.values()]
    rows = []
    index = scenarios.anonymous_page(server, courses["index_path"])
    rows.append(page_row(names["index"][0], db, names["index"][1], index, bare_rate))
    trainees = manifest["trainees"]["burst"]
    lesson = scenarios.first_views(server, courses["lesson_paths"], manifest)
    row = page_row(names["lesson"][0], db, names["lesson"][1], lesson, bare_rate)
    row.detail += f"; {len(courses['lesson_paths'])} lessons; {queries.get('lesson', '?')} queries per view"
    rows.append(row)
    # Each half of the cohort opens one course page: both together are the course-page row.
    half = len(trainees) // 2
    small = scenarios.first_views(server, [courses["course_paths"]["10"]], manifest, trainees[:half])
    large = scenarios.first_views(server, [courses["course_paths"]["200"]], manifest, trainees[half:])
    both = LoadStats(small.outcomes + large.outcomes, small.wall_seconds + large.wall_seconds)
    both.server_cpu_seconds = small.server_cpu_seconds + large.server_cpu_seconds
    row = page_row(names["course"][0], db, names["course"][1], both, bare_rate)
    row.detail += f"; {queries.get('course_10', '?')} / {queries.get('course_200', '?')} queries per view"
    rows.append(row)
    rows.append(
        Row(
            names["course_scaling"][0],
            db,
            large.rate / small.rate,
            names["course_scaling"][1],
            f"10 lessons {small.rate:.0f} req/s ({small.rate / bare_rate:.2f} of bare), "
            f"200 lessons {large.rate:.0f} req/s ({large.rate / bare_rate:.2f}); "
            f"server CPU {small.cpu_ms_per_request:.1f} vs {large.cpu_ms_per_request:.1f} ms",
            extra={"rate_10": small.rate, "rate_200": large.rate, "queries": queries},
        )
    )
    learning = scenarios.first_views(server, [courses["learning_path"]], manifest)
    row = page_row(names["learning"][0], db, names["learning"][1], learning, bare_rate)
    row.detail += f"; {queries.get('learning', '?')} queries per view"
    rows.append(row)
    reread = scenarios.signed_in_page(server, courses["lesson_path"], manifest)
    rows.append(page_row(names["reread"][0], db, names["reread"][1], reread, bare_rate))
    return rows


GRADING_CPU_GOAL = "≤ 10 ms"


def grading_rows(server, env: dict, manifest: dict, bare_rate: float) -> list[Row]:
    """Grading's own server CPU (in process, the goal), and a 100-answer form submit over HTTP."""
    db = env["BENCH_DB_LABEL"]
    name = "grading a 100-question attempt (server CPU)"
    quizzes = manifest.get("quizzes", {})
    if "missing" in quizzes:
        return [missing_row(name, db, GRADING_CPU_GOAL, quizzes["missing"])]
    from .database import run_django_module

    measured = run_django_module(env, "grading", "--runs", "15")
    rows = [
        Row(
            name,
            db,
            None,
            GRADING_CPU_GOAL,
            f"grade_attempt {measured['grade_cpu_ms']:.1f} ms CPU in {measured['grade_queries']} queries; "
            f"submit_attempt of autosaved answers {measured['submit_cpu_ms']:.1f} ms in "
            f"{measured['submit_queries']} queries (medians of {measured['runs']}, in process)",
            note=f"{measured['grade_cpu_ms']:.1f} ms",
            extra={"cpu_ms": measured["grade_cpu_ms"], **measured},
        )
    ]
    if quizzes.get("attempts"):
        from .seeders.quizzes import grading_stats

        name = "100 answers sent and graded in one form POST"
        try:
            stats = grading_stats(server, manifest)
        except RuntimeError as error:  # e.g. submits that timed out: the row says so, the table survives
            rows.append(missing_row(name, db, "", str(error), "failed"))
        else:
            rows.append(page_row(name, db, "", stats, bare_rate))
    return rows
