import pytest
from wagtail import hooks

from courses import services
from courses.models import Certificate, Enrolment, LessonCompletion
from tests.factories import OrganisationFactory, UserFactory, VenueFactory

from .factories import lessons_of, make_course

pytestmark = pytest.mark.django_db


def test_enrol_is_idempotent(trainee, course):
    first = services.enrol(trainee, course)
    again = services.enrol(trainee, course)
    assert first.pk == again.pk
    assert Enrolment.objects.filter(user=trainee).count() == 1


def test_cannot_enrol_in_unpublished_course(trainee, course):
    course.unpublish()
    with pytest.raises(services.CourseError) as excinfo:
        services.enrol(trainee, course)
    assert excinfo.value.code == "course_not_live"


def test_complete_lesson_is_idempotent_and_enrols(trainee, course):
    lesson = lessons_of(course)[0]
    first = services.complete_lesson(trainee, lesson)
    again = services.complete_lesson(trainee, lesson, source="quiz")
    assert first.pk == again.pk
    assert again.source == LessonCompletion.Source.TRAINEE
    assert LessonCompletion.objects.filter(user=trainee).count() == 1
    assert Enrolment.objects.filter(user=trainee, course=course).exists()


def test_complete_lesson_rejects_unknown_source(trainee, course):
    with pytest.raises(services.CourseError) as excinfo:
        services.complete_lesson(trainee, lessons_of(course)[0], source="magic")
    assert excinfo.value.code == "bad_source"


def test_progress_counts_only_required_lessons(trainee, course):
    lessons = lessons_of(course)
    optional = lessons[3]
    optional.is_required = False
    optional.save()
    services.complete_lesson(trainee, lessons[0])
    services.complete_lesson(trainee, optional)
    progress = services.course_progress(trainee, course)
    assert (progress.required_done, progress.required_total, progress.percent) == (1, 3, 33)
    assert not services.is_course_complete(trainee, course)
    for lesson in lessons[:3]:
        services.complete_lesson(trainee, lesson)
    assert services.course_progress(trainee, course).percent == 100
    assert services.is_course_complete(trainee, course)


def test_completion_requirements_hook_blocks_completion(trainee, course):
    for lesson in lessons_of(course):
        services.complete_lesson(trainee, lesson, source="quiz")

    def quiz_not_passed(user, course_page):
        return ["Pass the final quiz."]

    with hooks.register_temporarily(services.COMPLETION_REQUIREMENTS_HOOK, quiz_not_passed):
        assert not services.is_course_complete(trainee, course)
        assert "Pass the final quiz." in services.unmet_requirements(trainee, course)
        with pytest.raises(services.CourseError) as excinfo:
            services.issue_certificate(trainee, course)
        assert excinfo.value.code == "not_complete"
    assert services.is_course_complete(trainee, course)


def test_resume_where_left_off(trainee, course):
    lessons = lessons_of(course)
    enrolment = services.enrol(trainee, course)
    assert services.next_lesson(lessons, set(), enrolment) == lessons[0]
    services.record_lesson_visit(trainee, lessons[2], course)
    enrolment.refresh_from_db()
    assert services.next_lesson(lessons, set(), enrolment) == lessons[2]
    services.complete_lesson(trainee, lessons[2])
    done = services.completed_keys(trainee, lessons)
    assert services.next_lesson(lessons, done, enrolment) == lessons[3]


def test_enrol_organisation_and_venue_at_once(organiser, course):
    organisation = OrganisationFactory()
    venue = VenueFactory()
    members = UserFactory.create_batch(3, organisation=organisation)
    at_venue = UserFactory.create_batch(2, default_venue=venue)
    inactive = UserFactory(organisation=organisation, is_active=False)
    services.enrol(members[0], course)

    assert services.enrol_organisation(organisation, course, enrolled_by=organiser) == 2
    assert services.enrol_organisation(organisation, course, enrolled_by=organiser) == 0
    assert services.enrol_venue(venue, course, enrolled_by=organiser) == 2
    enrolled = set(Enrolment.objects.filter(course=course).values_list("user_id", flat=True))
    assert enrolled == {u.pk for u in members + at_venue}
    assert inactive.pk not in enrolled
    assert Enrolment.objects.get(user=at_venue[0]).source == Enrolment.Source.VENUE


def test_certificate_issue_is_idempotent_and_revocable(trainee, instructor, course):
    for lesson in lessons_of(course):
        services.complete_lesson(trainee, lesson)
    certificate = services.issue_certificate(trainee, course)
    assert services.issue_certificate(trainee, course).pk == certificate.pk
    assert certificate.trainee_name == trainee.display_name
    assert certificate.organisation_name == trainee.organisation.name
    assert certificate.hours == course.estimated_hours
    assert services.find_certificate(certificate.code.lower().replace("-", "")) == certificate

    with pytest.raises(services.CourseError) as excinfo:
        services.revoke_certificate(certificate, by=instructor, reason=" ")
    assert excinfo.value.code == "reason_required"
    services.revoke_certificate(certificate, by=instructor, reason="Attendance not confirmed")
    certificate.refresh_from_db()
    assert not certificate.is_valid
    with pytest.raises(services.CourseError) as excinfo:
        services.issue_certificate(trainee, course)
    assert excinfo.value.code == "revoked"


def test_no_certificate_before_completion(trainee, course):
    with pytest.raises(services.CourseError) as excinfo:
        services.issue_certificate(trainee, course)
    assert excinfo.value.code == "not_complete"
    assert not Certificate.objects.exists()


def test_certificate_codes_are_unique_and_unambiguous():
    codes = {services.new_certificate_code() for _ in range(500)}
    assert len(codes) == 500
    assert not any(ch in code for code in codes for ch in "01OI")


def test_featured_courses_and_learning_summary(trainee, django_assert_max_num_queries):
    first = make_course(modules=1, lessons_per_module=2)
    second = make_course(modules=1, lessons_per_module=4)
    draft = make_course(modules=1, lessons_per_module=1)
    draft.unpublish()
    featured = services.featured_courses(first.locale, limit=3)
    assert [c.pk for c in featured] == [first.pk, second.pk]

    services.enrol(trainee, first)
    services.enrol(trainee, second)
    services.complete_lesson(trainee, lessons_of(second)[0])
    services.learning_summary(trainee, first.locale)  # outlines and site root paths, cached after
    with django_assert_max_num_queries(4):  # enrolments, translations, completions, certificates
        summary = services.learning_summary(trainee, first.locale)
    by_title = {item["title"]: item for item in summary}
    assert by_title[second.title]["percent"] == 25
    assert by_title[first.title]["percent"] == 0
    assert by_title[first.title]["url"] == first.get_url()


def test_progress_is_shared_between_translations(trainee, client):
    from wagtail.models import Locale, Page

    from home.demo import build_home_pages

    from .factories import course_index

    build_home_pages()
    english = Locale.objects.get(language_code="en")
    course = make_course(modules=1, lessons_per_module=2, index=course_index())
    for page in Page.objects.descendant_of(course, inclusive=True).order_by("path"):
        translated = page.specific.copy_for_translation(english, copy_parents=True)
        translated.save_revision().publish()
    english_course = course.get_translation(english)
    english_lessons = lessons_of(english_course)

    services.enrol(trainee, course)
    services.complete_lesson(trainee, lessons_of(course)[0])
    assert services.find_enrolment(trainee, english_course) is not None
    assert services.enrol(trainee, english_course).course_id == course.pk  # no second enrolment
    assert services.course_progress(trainee, english_course).percent == 50
    services.complete_lesson(trainee, english_lessons[0])  # already done in Chinese
    assert LessonCompletion.objects.filter(user=trainee).count() == 1
    summary = services.learning_summary(trainee, english)
    assert summary == [{"title": english_course.title, "url": english_course.get_url(), "percent": 50}]


def test_reloading_the_last_lesson_writes_nothing_but_a_new_lesson_does(trainee, course, django_assert_num_queries):
    lessons = lessons_of(course)
    services.enrol(trainee, course)
    services.record_lesson_visit(trainee, lessons[0], course)
    enrolment = services.find_enrolment(trainee, course)
    assert enrolment.last_lesson_id == lessons[0].pk
    with django_assert_num_queries(0):
        services.record_lesson_visit(trainee, lessons[0], course, enrolment)
    with django_assert_num_queries(1):
        services.record_lesson_visit(trainee, lessons[1], course, enrolment)
    enrolment.last_activity_at -= services.VISIT_RESOLUTION  # an hour later, the same lesson counts again
    with django_assert_num_queries(1):
        services.record_lesson_visit(trainee, lessons[0], course, enrolment)


def test_the_outline_lists_the_live_lessons_in_reading_order(course):
    lessons = lessons_of(course)
    lessons[1].unpublish()
    refs = services.outline_of(course).lessons
    assert [ref.id for ref in refs] == [lesson.pk for lesson in lessons if lesson.pk != lessons[1].pk]
    assert refs[0].translation_key == lessons[0].translation_key and refs[0].is_required
