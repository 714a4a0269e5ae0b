"""Invitation links: set a password, land on the course; single use, expiry, re-sending."""

import re

import pytest

from accounts.models import User
from notifications import services as notifications
from notifications.models import Message
from notifications.sms import read_file_backend
from registration import invitations, services
from registration.models import Invitation

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/(?:en/)?invitation/[^/\s]+/)")


def import_rows(rows, importer, **kwargs):
    stored = services.store_upload(
        name="名单.csv", data=csv_bytes(rows), importer=importer, language=kwargs.pop("language", "zh-hans"), **kwargs
    )
    return services.apply(stored, importer)


def delivered_link(smtp_inbox, address):
    (message,) = smtp_inbox.to(address)
    return LINK.search(message.get_content()).group(1)


def test_the_invitation_link_sets_a_password_signs_in_and_opens_the_course(
    client, smtp_inbox, organiser_user, session, course, company
):
    import_rows(
        ["王芳,13800000001,wangfang@example.com,华能济南黄台发电有限公司,能源主管,历下区分会场"],
        organiser_user,
        session=session,
        courses=[course],
    )
    notifications.process_outbox()
    (mail,) = smtp_inbox.to("wangfang@example.com")
    assert mail["Subject"].strip() == "碳市场能力建设培训 参训邀请"
    assert "您的课程：碳排放权交易规则" in mail.get_content()
    link = delivered_link(smtp_inbox, "wangfang@example.com")

    page = client.get(link)
    assert page.status_code == 200 and "王芳，欢迎！" in page.content.decode()
    assert "email" not in page.context["form"].fields  # the address on the list is kept
    response = client.post(link, {"password1": "Tan-Shichang-2026", "password2": "Tan-Shichang-2026"})
    assert response.status_code == 302 and response["Location"] == course.url
    person = User.objects.get(email="wangfang@example.com")
    assert person.check_password("Tan-Shichang-2026")
    assert client.get(course.url).context["request"].user == person

    client.logout()
    used = client.get(link)
    assert used.status_code == 410 and "此邀请已使用过" in used.content.decode()
    assert client.login(email="wangfang@example.com", password="Tan-Shichang-2026")


def test_a_phone_only_person_gets_an_sms_and_gives_an_email_address(client, sms_file, organiser_user, session, company):
    import_rows(["刘强,13800000002,,华能济南黄台发电有限公司,值长,市中区分会场"], organiser_user, session=session)
    notifications.process_outbox()
    (sms,) = read_file_backend(sms_file)
    assert sms["to"] == "13800000002" and "刘强" in sms["text"]
    link = LINK.search(sms["text"]).group(1)
    assert client.post(link, {"password1": "Tan-Shichang-2026", "password2": "Tan-Shichang-2026"}).status_code == 400
    response = client.post(
        link, {"email": "LiuQiang@Example.com", "password1": "Tan-Shichang-2026", "password2": "Tan-Shichang-2026"}
    )
    assert response.status_code == 302
    assert client.login(email="liuqiang@example.com", password="Tan-Shichang-2026")


def test_english_recipients_get_an_english_invitation_and_page(client, smtp_inbox, organiser_user, company):
    import_rows(
        ["Li Lei,13800000003,lilei@example.com,华能济南黄台发电有限公司,Engineer,"], organiser_user, language="en"
    )
    notifications.process_outbox()
    (mail,) = smtp_inbox.to("lilei@example.com")
    assert mail["Subject"].strip() == "Your invitation to Carbon Market Training"
    link = delivered_link(smtp_inbox, "lilei@example.com")
    assert link.startswith("/en/invitation/")
    assert "Welcome, Li Lei." in client.get(link).content.decode()


def test_resending_retires_the_old_link_and_links_expire(client, smtp_inbox, organiser_user, company, settings):
    import_rows(["王芳,13800000001,wangfang@example.com,华能济南黄台发电有限公司,,"], organiser_user)
    invitation = Invitation.objects.get()
    old_token = invitations.token_for(invitation)
    assert invitations.resend(invitation)
    assert Message.objects.filter(kind=Message.Kind.INVITATION, recipient=invitation.user).count() == 2
    invitation.refresh_from_db()
    assert invitations.find(old_token)[1] == invitations.InvitationProblem.EXPIRED
    assert invitations.find(invitations.token_for(invitation)) == (invitation, "")
    assert client.get(f"/invitation/{old_token}/").status_code == 410

    settings.REGISTRATION_INVITATION_DAYS = -1  # every signature is now too old
    assert invitations.find(invitations.token_for(invitation))[1] == invitations.InvitationProblem.EXPIRED
    assert client.get("/invitation/12.forged:abc:def/").status_code == 404


def test_the_organiser_resends_from_the_invitations_page(client, smtp_inbox, organiser_user, company):
    import_rows(["王芳,13800000001,wangfang@example.com,华能济南黄台发电有限公司,,"], organiser_user)
    invitation = Invitation.objects.get()
    client.force_login(organiser_user)
    page = client.get("/admin/participants/invitations/").content.decode()
    assert "王芳" in page and "待接受" in page and "重新发送" in page
    client.post(f"/admin/participants/invitations/{invitation.pk}/resend/")
    invitation.refresh_from_db()
    assert invitation.send_count == 2
    notifications.process_outbox()
    assert len(smtp_inbox.to("wangfang@example.com")) == 2


def test_a_walk_in_account_on_the_list_is_invited_and_gets_a_real_address(client, sms_file, organiser_user, company):
    from attendance import services as attendance_services

    walk_in = attendance_services.create_walk_in_account(real_name="孙丽", phone="13800000009", organisation=company)
    import_rows(["孙丽,13800000009,,华能济南黄台发电有限公司,,"], organiser_user)
    assert Invitation.objects.get().user == walk_in
    notifications.process_outbox()
    (sms,) = read_file_backend(sms_file)
    link = LINK.search(sms["text"]).group(1)
    assert "email" in client.get(link).context["form"].fields
    client.post(
        link, {"email": "sunli@example.com", "password1": "Tan-Shichang-2026", "password2": "Tan-Shichang-2026"}
    )
    assert client.login(email="sunli@example.com", password="Tan-Shichang-2026")
