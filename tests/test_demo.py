"""`manage.py setup_demo` — run twice, once for every app's checks (it is the slowest thing the suite does).

Each app keeps its own expectations in tests/<app>/demo_checks.py (or test_demo.py) and this
test calls them after one idempotent double run.
"""

import pytest
from django.core.management import call_command

from accounts.models import Division, Organisation, User
from courses.models import Certificate, Enrolment
from home.models import HomePage
from quizzes.models import Attempt
from tests.attendance import demo_checks as attendance_checks
from tests.courses import demo_checks as courses_checks
from tests.quizzes import test_demo as quizzes_checks

pytestmark = pytest.mark.django_db


def all_counts():
    own = [model.objects.count() for model in (Organisation, User, HomePage, Enrolment, Certificate, Attempt)]
    return [
        *own,
        *courses_checks.demo_counts(),
        *quizzes_checks.demo_counts(),
        *attendance_checks.demo_counts(),
    ]


def test_setup_demo_is_complete_and_idempotent(client):
    call_command("setup_demo", verbosity=0)
    first = all_counts()
    call_command("setup_demo", verbosity=0)
    assert all_counts() == first

    # accounts and home
    assert Organisation.objects.filter(kind=Organisation.Kind.KEY_EMITTER).count() >= 520
    assert Division.objects.filter(level="city").count() == 16
    assert Division.objects.filter(level="county").count() == 136
    assert Organisation.objects.filter(kind=Organisation.Kind.DEPT_COUNTY).count() == 136
    industries = set(Organisation.objects.exclude(industry="").values_list("industry", flat=True))
    assert len(industries) >= 6
    for org in Organisation.objects.exclude(credit_code=None):
        org.full_clean()  # every generated credit code passes validation
    assert User.objects.filter(email="instructor@example.org", groups__name="Instructor").exists()
    assert HomePage.objects.filter(locale__language_code="en", live=True).exists()

    # The participants are spread over learning stages, so the dashboards have something to show.
    assert Enrolment.objects.count() > 1000 and Certificate.objects.count() > 300
    assert Attempt.objects.filter(passed=True).exists() and Attempt.objects.filter(passed=False).exists()

    courses_checks.check_demo_courses_in_both_languages(client)
    quizzes_checks.check_demo_banks_and_quizzes()
    attendance_checks.check_demo_data_is_complete_and_tryable()
    attendance_checks.check_demo_reports_stay_within_100_percent_after_walk_ins()
