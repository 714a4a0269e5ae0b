"""Filter forms for the exporters; the choices a coordinator sees are limited to their scope.

The same forms validate the admin's download form and ``manage.py export`` options, so a filter
value is checked the same way wherever it comes from.
"""

from django import forms
from django.db.models import Case, CharField, Value, When
from django.utils.translation import gettext_lazy as _

from accounts.forms import DivisionChoiceField, OrganisationSelect
from accounts.models import Division, Organisation
from attendance.models import Status

from ..services.attendance import visible_sessions
from ..services.coverage import GAPS
from ..services.learning import course_choices, quiz_choices

YES_NO = [("", _("All")), ("yes", _("Yes")), ("no", _("No"))]


def status_label(field: str = "status", empty=None):
    """The attendance status as its translated label, computed in SQL."""
    whens = [When(**{field: value}, then=Value(str(label))) for value, label in Status.choices]
    default = Value(str(empty)) if empty is not None else Value("")
    return Case(*whens, default=default, output_field=CharField())


class ScopedForm(forms.Form):
    def __init__(self, data=None, *, scope, **kwargs):
        super().__init__(data, **kwargs)
        self.scope = scope
        for field in self.fields.values():
            field.required = False


def session_field():
    return forms.ModelChoiceField(queryset=None, label=_("Training session"), empty_label=_("All sessions"))


def city_field():
    return DivisionChoiceField(
        queryset=Division.objects.filter(level=Division.Level.CITY), label=_("City"), empty_label=_("All cities")
    )


def county_field():
    return DivisionChoiceField(
        queryset=Division.objects.filter(level=Division.Level.COUNTY).select_related("parent"),
        label=_("County"),
        empty_label=_("All counties"),
    )


def organisation_field():
    return forms.ModelChoiceField(
        queryset=Organisation.objects.select_related("city", "county"),
        label=_("Organisation"),
        empty_label=_("All organisations"),
        widget=OrganisationSelect,
    )


class VenueFiltersForm(ScopedForm):
    session = session_field()
    city = city_field()
    county = county_field()
    venue = forms.ModelChoiceField(
        queryset=None, label=_("Sub-venue"), empty_label=_("All sub-venues"), widget=OrganisationSelect
    )
    organisation = organisation_field()

    def __init__(self, data=None, *, scope, **kwargs):
        super().__init__(data, scope=scope, **kwargs)
        self.fields["session"].queryset = visible_sessions(scope)
        self.fields["venue"].queryset = (
            scope.venues().select_related("city", "county").order_by("city_id", "county_id", "name")
        )


class AttendanceForm(VenueFiltersForm):
    status = forms.ChoiceField(choices=[("", _("All statuses")), *Status.choices], label=_("Status"))


class RosterForm(VenueFiltersForm):
    pass


class LearnerFiltersForm(ScopedForm):
    city = city_field()
    organisation = organisation_field()


class QuizResultsForm(LearnerFiltersForm):
    quiz = forms.ChoiceField(choices=(), label=_("Quiz"))
    venue = forms.ModelChoiceField(queryset=None, label=_("Sub-venue"), empty_label=_("All sub-venues"))
    passed = forms.ChoiceField(choices=YES_NO, label=_("Passed"))

    def __init__(self, data=None, *, scope, **kwargs):
        super().__init__(data, scope=scope, **kwargs)
        self.fields["quiz"].choices = [("", _("All quizzes")), *quiz_choices()]
        self.fields["venue"].queryset = scope.venues().order_by("city_id", "county_id", "name")


class CourseCompletionsForm(LearnerFiltersForm):
    course = forms.ChoiceField(choices=(), label=_("Course"))
    completed = forms.ChoiceField(choices=YES_NO, label=_("Completed"))

    def __init__(self, data=None, *, scope, **kwargs):
        super().__init__(data, scope=scope, **kwargs)
        self.fields["course"].choices = [("", _("All courses")), *course_choices()]


class CoverageForm(ScopedForm):
    city = city_field()
    county = county_field()
    gap = forms.ChoiceField(
        choices=[("", _("All key emission units")), ("any", _("Any gap")), *GAPS.items()], label=_("Show")
    )
