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
    courses = manifest.get("courses", {})
    names = {
        "index": ("anonymous course index", "≥ 0.6"),
        "lesson": ("signed-in trainee's lesson page (re-read)", "≥ 0.25"),
        "course_scaling": ("course page, 200 vs 10 lessons", "≥ 0.9"),
    }
    if "missing" in courses:
        return [missing_row(name, db, goal, courses["missing"]) for name, goal in names.values()]
    rows = []
    index = scenarios.anonymous_page(server, courses["index_path"])
    rows.append(page_row(names["index"][0], db, names["index"][1], index, bare_rate))
    lesson = scenarios.signed_in_page(server, courses["lesson_path"], manifest)
    row = page_row(names["lesson"][0], db, names["lesson"][1], lesson, bare_rate)
    row.detail += f"; {queries.get('lesson', '?')} queries on a first view"
    rows.append(row)
    # The same page seen once by each of many other trainees: the uncached cost (courses.lesson_cache).
    first = scenarios.first_views(server, courses["lesson_path"], manifest)
    rows.append(page_row("the lesson page, first view by each trainee", db, "", first, bare_rate))
    small = scenarios.signed_in_page(server, courses["course_paths"]["10"], manifest)
    large = scenarios.signed_in_page(server, courses["course_paths"]["200"], manifest)
    rows.append(
        Row(
            names["course_scaling"][0],
            db,
            large.rate / small.rate,
            names["course_scaling"][1],
            f"10 lessons {small.rate:.0f} req/s ({small.rate / bare_rate:.2f} of bare), "
            f"200 lessons {large.rate:.0f} req/s ({large.rate / bare_rate:.2f}); "
            f"queries per page {queries.get('course_10', '?')} vs {queries.get('course_200', '?')}; "
            f"server CPU {small.cpu_ms_per_request:.1f} vs {large.cpu_ms_per_request:.1f} ms",
            extra={"rate_10": small.rate, "rate_200": large.rate, "queries": queries},
        )
    )
    return rows


def grading_row(server, db: str, manifest: dict, bare_rate: float) -> Row:
    name, goal = "grading a 100-question attempt", ""
    quizzes = manifest.get("quizzes", {})
    if "missing" in quizzes:
        return missing_row(name, db, goal, quizzes["missing"])
    from .seeders.quizzes import grading_stats

    stats = grading_stats(server, manifest)
    return page_row(name, db, goal, stats, bare_rate)
