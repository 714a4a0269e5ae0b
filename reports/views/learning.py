"""Learning and coverage pages: completion and pass rates, and the key emission units still to reach."""

from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import charts
from ..services.coverage import GAPS, CoverageFilters, coverage_by_city, coverage_units
from ..services.learning import completion_rates, course_choices, pass_rates, quiz_choices, settlement_quiz_keys
from .base import ReportView, url_with

SETTLEMENT, ALL = "settlement", "all"


def merge_by_key(first, second) -> list[dict]:
    """Join two rate lists on their group key (city or organisation) into table rows."""
    rows: dict = {}
    for name, rates in (("completion", first), ("quiz", second)):
        for rate in rates:
            row = rows.setdefault(rate.key, {"key": rate.key, "label": rate.label, "completion": None, "quiz": None})
            row[name] = rate
    return sorted(rows.values(), key=lambda r: (r["key"] is None, str(r["label"])))


class LearningView(ReportView):
    template_name = "reports/learning.html"
    section_title = gettext_lazy("Course completion and quiz pass rates")
    per_page = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        courses, quizzes = course_choices(), quiz_choices()
        course = params.get("course") or None
        if course not in {key for key, _title in courses}:
            course = None
        settlement_keys = settlement_quiz_keys()
        quiz = params.get("quiz") or (SETTLEMENT if settlement_keys else ALL)
        if quiz == SETTLEMENT:
            quiz_keys, quiz_label = settlement_keys, _("Settlement quizzes")
        elif quiz in {key for key, _title in quizzes}:
            quiz_keys, quiz_label = [quiz], dict(quizzes)[quiz]
        else:
            quiz, quiz_keys, quiz_label = ALL, None, _("All quizzes")
        by_city = merge_by_key(completion_rates(self.scope, "city", course), pass_rates(self.scope, "city", quiz_keys))
        by_org = merge_by_key(
            completion_rates(self.scope, "organisation", course),
            pass_rates(self.scope, "organisation", quiz_keys),
        )
        measures = [_("Course completion"), _("Quiz pass rate")]
        context.update(
            {
                "courses": courses,
                "quizzes": quizzes,
                "course": course,
                "quiz": quiz,
                "quiz_label": quiz_label,
                "has_settlement_quiz": bool(settlement_keys),
                "by_city": by_city,
                "org_page": Paginator(by_org, self.per_page).get_page(params.get("p")),
                "chart": charts.percent_bars(
                    [(r["label"], [_rate(r["completion"]), _rate(r["quiz"])]) for r in by_city],
                    measures,
                    title=_("Completion and pass rates by city"),
                    desc=_("For each city: share of enrolled trainees who completed, share of quiz takers who passed."),
                    chart_id="learning-chart",
                ),
                "export_quiz": url_with(
                    "export",
                    identifier="quiz_results",
                    quiz=quiz_keys[0] if quiz_keys and len(quiz_keys) == 1 else None,
                ),
                "export_courses": url_with("export", identifier="course_completions", course=course),
            }
        )
        return context


def _rate(rate):
    return rate.rate if rate is not None else None


class CoverageView(ReportView):
    template_name = "reports/coverage.html"
    section_title = gettext_lazy("Coverage of key emission units")
    per_page = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        settlement_keys = settlement_quiz_keys()
        rows, summary = coverage_by_city(self.scope, settlement_keys)
        cities = [row for row in rows if row.key]
        city = params.get("city") if params.get("city") in {row.key for row in cities} else None
        gap = params.get("gap") if params.get("gap") in (*GAPS, "any") else None
        units = coverage_units(self.scope, CoverageFilters(city=city, gap=gap), settlement_keys)
        measures = [_("Attendance"), _("Course completion"), _("Settlement quiz")]
        context.update(
            {
                "rows": rows,
                "summary": summary,
                "gaps": list(GAPS.items()),
                "gap": gap,
                "city": city,
                "cities": cities,
                "has_settlement_quiz": bool(settlement_keys),
                "page": Paginator(units, self.per_page).get_page(params.get("p")),
                "chart": charts.percent_bars(
                    [
                        (r.label, [r.share("attended"), r.share("completed"), r.share("settled")])
                        for r in rows
                        if r.units
                    ],
                    measures,
                    title=_("Key emission units reached, by city"),
                    desc=_(
                        "Share of key emission units with an attendee, a course completion and a settlement quiz pass."
                    ),
                    chart_id="coverage-chart",
                ),
                "export_csv": url_with("export", identifier="coverage", format="csv", city=city, gap=gap),
                "export_xlsx": url_with("export", identifier="coverage", format="xlsx", city=city, gap=gap),
            }
        )
        return context
