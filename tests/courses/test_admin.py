import pytest
from django.urls import reverse

from courses import services
from courses.models import Certificate, Enrolment
from tests.factories import OrganisationFactory, UserFactory, VenueFactory

from .factories import lessons_of

pytestmark = pytest.mark.django_db


def test_organiser_enrols_an_organisation_in_the_admin(client, organiser, course):
    organisation = OrganisationFactory()
    UserFactory.create_batch(3, organisation=organisation)
    client.force_login(organiser)
    url = reverse("courses_bulk_enrol")
    assert client.get(url).status_code == 200
    response = client.post(url, {"course": course.pk, "organisation": organisation.pk})
    assert response.status_code == 302
    assert Enrolment.objects.filter(course=course, source=Enrolment.Source.ORGANISATION).count() == 3
    assert Enrolment.objects.filter(enrolled_by=organiser).count() == 3


def test_organiser_enrols_a_venue(client, organiser, course):
    venue = VenueFactory()
    UserFactory.create_batch(2, default_venue=venue)
    client.force_login(organiser)
    client.post(reverse("courses_bulk_enrol"), {"course": course.pk, "venue": venue.pk})
    assert Enrolment.objects.filter(course=course, source=Enrolment.Source.VENUE).count() == 2


def test_bulk_enrol_needs_exactly_one_group(client, organiser, course):
    client.force_login(organiser)
    response = client.post(reverse("courses_bulk_enrol"), {"course": course.pk})
    assert response.status_code == 200
    assert not Enrolment.objects.exists()


@pytest.mark.parametrize("role", ["trainee", "instructor"])
def test_bulk_enrol_is_for_organisers_only(client, request, role, course):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("courses_bulk_enrol"))
    assert response.status_code in (302, 403)


def test_instructor_revokes_a_certificate_in_the_admin(client, instructor, trainee, course):
    for lesson in lessons_of(course):
        services.complete_lesson(trainee, lesson)
    certificate = services.issue_certificate(trainee, course)
    client.force_login(instructor)
    listing = client.get(reverse("wagtailsnippets_courses_certificate:list"))
    assert listing.status_code == 200 and certificate.code in listing.content.decode()
    edit_url = reverse("wagtailsnippets_courses_certificate:edit", args=[certificate.pk])
    response = client.post(edit_url, {"revoke": "on", "revoke_reason": ""})
    assert response.status_code == 200  # a reason is required
    certificate.refresh_from_db()
    assert certificate.is_valid
    client.post(edit_url, {"revoke": "on", "revoke_reason": "考勤记录不符"})
    certificate.refresh_from_db()
    assert not certificate.is_valid
    assert certificate.revoked_by == instructor and certificate.revoke_reason == "考勤记录不符"


def test_nobody_adds_certificates_by_hand(client, course):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get(reverse("wagtailsnippets_courses_certificate:add"))
    assert response.status_code in (302, 403)
    assert not Certificate.objects.exists()


def test_organiser_lists_enrolments_but_cannot_edit_them(client, organiser, trainee, course):
    enrolment = services.enrol(trainee, course)
    client.force_login(organiser)
    listing = client.get(reverse("wagtailsnippets_courses_enrolment:list"))
    assert listing.status_code == 200 and trainee.display_name in listing.content.decode()
    edit = client.get(reverse("wagtailsnippets_courses_enrolment:edit", args=[enrolment.pk]))
    assert edit.status_code in (302, 403)
