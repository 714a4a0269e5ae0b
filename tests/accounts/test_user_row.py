"""UserManager.get(pk=...): authentication's per-request user read sends a statement compiled once
(accounts.user_row); it must read exactly what the ORM reads, fresh from the database every time."""

import pytest
from django.contrib.auth.hashers import make_password
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from tests.factories import OrganisationFactory, UserFactory, VenueFactory


def _columns(user):
    return {field.attname: getattr(user, field.attname) for field in User._meta.concrete_fields}


@pytest.mark.django_db
def test_reads_every_column_as_the_orm_does():
    moment = timezone.now().replace(microsecond=123456)
    user = UserFactory(
        organisation=OrganisationFactory(),
        default_venue=VenueFactory(),
        phone="13800000001",
        job_title="值长",
        is_staff=True,
        consented_at=moment,
        last_login=moment,
        language="en",
    )
    fast = User.objects.get(pk=user.pk)
    through_orm = User.objects.filter(pk=user.pk).get()
    assert _columns(fast) == _columns(through_orm)
    assert fast.consented_at == moment and fast.is_staff is True and fast.is_superuser is False
    assert fast._state.adding is False and fast._state.db == through_orm._state.db
    assert User.objects.get(pk=str(user.pk)).pk == user.pk  # the session stores the id as text


@pytest.mark.django_db
def test_a_missing_user_is_does_not_exist():
    with pytest.raises(User.DoesNotExist):
        User.objects.get(pk=987654321)


@pytest.mark.django_db
def test_one_statement_and_never_a_stale_row(django_assert_num_queries):
    user = UserFactory()
    User.objects.get(pk=user.pk)
    User.objects.filter(pk=user.pk).update(is_active=False, real_name="改名")
    with django_assert_num_queries(1):
        again = User.objects.get(pk=user.pk)
    assert again.is_active is False and again.real_name == "改名"


@pytest.mark.django_db
def test_other_lookups_go_through_the_orm():
    user = UserFactory()
    assert User.objects.get(email=user.email).pk == user.pk
    assert User.objects.get(pk=user.pk, is_active=True).pk == user.pk
    with pytest.raises(User.DoesNotExist):
        User.objects.get(pk=user.pk, is_active=False)


@pytest.mark.django_db
def test_a_password_changed_elsewhere_still_signs_the_session_out(client):
    user = UserFactory()
    client.force_login(user)
    url = reverse("attendance:checkin_code")
    assert client.get(url).status_code == 200
    User.objects.filter(pk=user.pk).update(password=make_password("another-secret-42"))
    assert client.get(url).status_code == 302  # the session hash no longer matches: signed out
    User.objects.filter(pk=user.pk).update(password=make_password("x"))
    client.force_login(user)
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert client.get(url).status_code == 302  # a deactivated account is signed out at once
