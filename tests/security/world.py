"""One realistic data set for the security tests, built through the apps' own services.

Two organisations, two sub-venues (X and Y, each with its own coordinator), a course with
lessons and a quiz, trainee A (organisation 1, venue X) with a submitted and an open attempt,
a certificate and a check-in at X; trainee B (organisation 2, venue Y) checked in at Y; a
sign-in sheet import at X; and a Wagtail API token for every signed-in role.
"""

from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import APIToken

from accounts import roles
from attendance import checkin, sheet_import
from attendance import services as attendance_services
from attendance.models import AttendanceRecord, Method, SessionVenue
from courses import services as course_services
from quizzes.services.attempts import start_attempt, submit_attempt
from tests.attendance.factories import TrainingSessionFactory
from tests.courses.factories import lessons_of, make_course
from tests.factories import OrganisationFactory, UserFactory, VenueFactory
from tests.quizzes import factories as quiz_factories

# The columns of the role matrix, in order.
ROLES = ("anonymous", "trainee", "other_trainee", "coordinator_y", "coordinator_x", "instructor", "organiser")

VENUE_X_NAME = "历下区分会场X"
VENUE_Y_NAME = "市中区分会场Y"
TRAINEE_A_NAME = "甲学员"
TRAINEE_B_NAME = "乙学员"


def _right_answers(attempt) -> dict:
    """Every answer of a single-choice attempt, correct."""
    values = {}
    for answer in attempt.answers.select_related("question"):
        right = set(answer.question.options.filter(is_correct=True).values_list("pk", flat=True))
        values[answer.position] = next(str(i) for i, pk in enumerate(answer.option_order) if pk in right)
    return values


def build_world() -> SimpleNamespace:
    w = SimpleNamespace()
    w.org_1 = OrganisationFactory(name="历下热电有限公司")
    w.org_2 = OrganisationFactory(name="市中发电有限公司")
    w.venue_x = VenueFactory(name=VENUE_X_NAME)
    w.venue_y = VenueFactory(name=VENUE_Y_NAME)

    w.trainee = UserFactory(
        real_name=TRAINEE_A_NAME, organisation=w.org_1, default_venue=w.venue_x, roles=[roles.TRAINEE]
    )
    w.other_trainee = UserFactory(
        real_name=TRAINEE_B_NAME, organisation=w.org_2, default_venue=w.venue_y, roles=[roles.TRAINEE]
    )
    w.coordinator_x = UserFactory(real_name="历下协调员", organisation=None, roles=[roles.COORDINATOR])
    w.coordinator_y = UserFactory(real_name="市中协调员", organisation=None, roles=[roles.COORDINATOR])
    w.venue_x.coordinators.add(w.coordinator_x)
    w.venue_y.coordinators.add(w.coordinator_y)
    w.instructor = UserFactory(real_name="讲师", organisation=None, roles=[roles.INSTRUCTOR])
    w.organiser = UserFactory(real_name="省厅组织者", organisation=None, roles=[roles.ORGANISER])

    # A course with two modules of lessons, and a quiz at the end of the first module.
    w.course = make_course(modules=2, lessons_per_module=2)
    w.lessons = lessons_of(w.course)
    w.lesson = w.lessons[0]
    module = w.lesson.get_parent()
    w.questions = [quiz_factories.single(correct=i % 4) for i in range(3)]
    w.quiz = quiz_factories.make_quiz(w.questions, module=module, pass_mark=60, max_attempts=0)

    # Trainee A: one passed attempt, one still open; the course completed and certified.
    course_services.enrol(w.trainee, w.course)
    first, _created = start_attempt(w.trainee, w.quiz)
    w.submitted_attempt, _graded = submit_attempt(first, _right_answers(first))
    w.open_attempt, _created = start_attempt(w.trainee, w.quiz)
    for lesson in w.lessons:
        course_services.complete_lesson(w.trainee, lesson)
    w.certificate = course_services.issue_certificate(w.trainee, w.course)

    # A session at both venues; A checks in at X, B at Y.
    w.session = TrainingSessionFactory(title="全省碳市场履约动员培训", venues=[w.venue_x, w.venue_y])
    attendance_services.add_expected_from_default_venues(w.session)
    checkin.check_in(w.trainee, w.session.pk, w.venue_x.pk, method=Method.QR)
    checkin.check_in(w.other_trainee, w.session.pk, w.venue_y.pk, method=Method.CODE)
    w.record = AttendanceRecord.objects.get(user=w.trainee)
    w.other_record = AttendanceRecord.objects.get(user=w.other_trainee)
    w.session_venue_x = SessionVenue.objects.get(session=w.session, venue=w.venue_x)
    sheet = SimpleUploadedFile("sheet.csv", f"姓名,单位\n{TRAINEE_A_NAME},{w.org_1.name}\n".encode())
    w.sheet_import = sheet_import.store_upload(w.session_venue_x, sheet, w.coordinator_x)

    # A Wagtail API token for every role that can sign in (the API reads only the bearer token).
    w.tokens = {}
    for role in ROLES[1:]:
        _token, plaintext = APIToken.create_token(user=getattr(w, role), name=f"{role} system")
        w.tokens[role] = plaintext
    return w
