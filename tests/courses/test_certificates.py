import shutil
import subprocess

import pytest
from django.urls import reverse

from courses import services
from courses.models import Certificate
from courses.pdf import certificate_pdf

from .factories import lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(trainee, course):
    for lesson in lessons_of(course):
        services.complete_lesson(trainee, lesson)
    return services.issue_certificate(trainee, course)


def test_request_certificate_then_download_pdf(client, trainee, course):
    for lesson in lessons_of(course):
        services.complete_lesson(trainee, lesson)
    client.force_login(trainee)
    assert "领取证书" in client.get(course.url).content.decode()
    response = client.post(reverse("courses:request_certificate", args=[course.pk]))
    certificate = Certificate.objects.get(user=trainee)
    assert response.url == course.url  # the course page says so and links the PDF (tests/courses/test_next_step.py)
    response = client.get(reverse("courses:certificate_pdf", args=[certificate.code]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert certificate.code in response["Content-Disposition"]


def test_incomplete_course_gets_no_certificate(client, trainee, course):
    client.force_login(trainee)
    services.enrol(trainee, course)
    response = client.post(reverse("courses:request_certificate", args=[course.pk]), follow=True)
    assert not Certificate.objects.exists()
    assert response.redirect_chain[-1][0] == course.url


def test_others_cannot_download_a_certificate(client, certificate):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get(reverse("courses:certificate_pdf", args=[certificate.code])).status_code == 403


def test_public_verification(client, certificate, instructor):
    response = client.get(reverse("courses:verify"), {"code": certificate.code.lower()})
    html = response.content.decode()
    assert response.status_code == 200
    assert certificate.trainee_name in html and certificate.course_title in html
    assert "证书有效" in html
    assert client.get(reverse("courses:verify"), {"code": "AAAA-BBBB-CCCC"}).status_code == 404

    services.revoke_certificate(certificate, by=instructor, reason="重复发放")
    html = client.get(reverse("courses:verify_code", args=[certificate.code])).content.decode()
    assert "已被撤销" in html
    client.force_login(certificate.user)
    assert client.get(reverse("courses:certificate_pdf", args=[certificate.code])).status_code == 404


def test_pdf_contains_chinese_text_and_the_code(certificate, tmp_path):
    """Chinese must come out of the PDF as text (pdftotext) and as glyphs (pdftoppm)."""
    certificate.trainee_name, certificate.organisation_name = "赵学员", "山东测试热电有限公司"
    pdf = certificate_pdf(certificate, "http://testserver/learning/verify/" + certificate.code + "/")
    path = tmp_path / "certificate.pdf"
    path.write_bytes(pdf)
    if shutil.which("pdftotext") is None:
        pytest.fail("poppler-utils (pdftotext) is needed: apt-get install poppler-utils")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    for expected in ("赵学员", "山东测试热电有限公司", certificate.course_title, certificate.code, "结业证书"):
        assert expected in text
