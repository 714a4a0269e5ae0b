"""The language follows the reader: sign-in, sign-up, sign-out, password reset and their redirects
stay in the language being read; a signed-in person's language is remembered on their profile
and used for mails, certificate PDFs and the admin."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from courses import services as course_services
from courses.pdf import certificate_pdf
from tests.courses.factories import lessons_of, make_course
from tests.factories import TEST_PASSWORD, OrganisationFactory, UserFactory

from .test_signup_and_login import signup_data

pytestmark = pytest.mark.django_db


def en(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def zh(name, *args):
    with translation.override("zh-hans"):
        return reverse(name, args=args)


def test_signing_in_from_an_english_page_lands_on_an_english_page(client):
    user = UserFactory(email="reader@example.org")
    response = client.post(en("account_login"), {"login": user.email, "password": TEST_PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/en/"
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Successfully signed in" in html
    user.refresh_from_db()
    assert user.language == "en"


def test_signing_in_from_a_chinese_page_lands_on_a_chinese_page_and_remembers_it(client):
    user = UserFactory(email="reader@example.org", language="en")
    response = client.post(zh("account_login"), {"login": user.email, "password": TEST_PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/"
    assert '<html lang="zh-hans">' in response.content.decode()
    user.refresh_from_db()
    assert user.language == "zh-hans"


def test_signing_up_in_english_stays_in_english(client):
    organisation = OrganisationFactory()
    response = client.post(en("account_signup"), signup_data(organisation), follow=True)
    assert response.redirect_chain[-1][0].startswith("/en/")
    assert '<html lang="en">' in response.content.decode()
    assert User.objects.get(email="new.trainee@example.org").language == "en"


@pytest.mark.parametrize(
    ("reverse_in", "message"),
    [
        (zh, "密码长度太短。密码必须包含至少 8 个字符。"),
        (en, "This password is too short. It must contain at least 8 characters."),
    ],
    ids=["zh", "en"],
)
def test_a_too_short_password_is_refused_in_the_language_of_the_sign_up_page(client, reverse_in, message):
    organisation = OrganisationFactory()
    short = signup_data(organisation, password1="Ab3!x", password2="Ab3!x")
    response = client.post(reverse_in("account_signup"), short)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert ("This password is too short" in html) == (reverse_in is en)
    assert not User.objects.filter(email="new.trainee@example.org").exists()


def test_signing_out_of_an_english_page_stays_in_english(client):
    client.force_login(UserFactory())
    response = client.post(en("account_logout"), follow=True)
    assert response.redirect_chain[-1][0] == "/en/"
    assert "You have signed out" in response.content.decode()


def test_password_reset_keeps_the_language_and_the_mail_uses_the_profile_language(client):
    user = UserFactory(email="reader@example.org", language="en")
    response = client.post(en("account_reset_password"), {"email": user.email})
    assert response.url == en("account_reset_password_done")
    # Requested from a Chinese page, the mail is still written in the language on the profile.
    client.post(zh("account_reset_password"), {"email": user.email})
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert "Password Reset" in message.subject
        assert "重置" not in message.body
        link = re.search(r"https?://\S+", message.body).group(0)
        assert "/en/accounts/password/reset/key/" in link


def test_password_reset_mail_in_chinese_for_a_chinese_reader(client):
    user = UserFactory(email="reader@example.org", language="zh-hans")
    client.post(en("account_reset_password"), {"email": user.email})
    assert "密码" in mail.outbox[0].subject
    assert "/en/" not in mail.outbox[0].body


def test_reading_a_page_in_another_language_changes_the_remembered_language(client):
    user = UserFactory(language="zh-hans")
    client.force_login(user)
    client.get(en("accounts:profile"))
    user.refresh_from_db()
    assert user.language == "en"
    client.get(zh("accounts:profile"))
    user.refresh_from_db()
    assert user.language == "zh-hans"


def test_the_admin_speaks_the_remembered_language(client, instructor):
    client.force_login(instructor)
    instructor.language = "en"
    instructor.save()
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '<html lang="en"' in html and "Dashboard" in html
    instructor.language = "zh-hans"
    instructor.save()
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '<html lang="zh-hans"' in html and "控制面板" in html


def test_closing_an_account_from_an_english_page_stays_in_english(client):
    client.force_login(UserFactory())
    response = client.post(en("accounts:delete"), {"confirm": "on"})
    assert response.url == "/en/"


def _english_translation(course):
    from wagtail.models import Locale, Page

    from home.demo import build_home_pages

    build_home_pages()
    english = Locale.objects.get(language_code="en")
    for page in Page.objects.descendant_of(course, inclusive=True).order_by("path"):
        page.specific.copy_for_translation(english, copy_parents=True).save_revision().publish()
    english_course = course.get_translation(english)
    english_course.title = "Trading rules"
    english_course.save_revision().publish()
    return english_course


def test_certificate_is_issued_in_the_readers_language(tmp_path):
    import shutil
    import subprocess

    course = make_course(modules=1, lessons_per_module=1)
    _english_translation(course)
    trainee = UserFactory(language="en", real_name="Li Lei")
    for lesson in lessons_of(course):
        course_services.complete_lesson(trainee, lesson)
    certificate = course_services.issue_certificate(trainee, course)  # claimed from the Chinese course
    assert (certificate.language, certificate.course_title) == ("en", "Trading rules")
    if shutil.which("pdftotext") is None:
        pytest.fail("poppler-utils (pdftotext) is needed: apt-get install poppler-utils")
    path = tmp_path / "certificate.pdf"
    path.write_bytes(certificate_pdf(certificate, "http://testserver/verify/"))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    assert "Trading rules" in text and "结业证书" not in text
