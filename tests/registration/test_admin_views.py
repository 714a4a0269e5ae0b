"""The admin pages: upload, preview, apply (all at once and in batches), the template, who may use them."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from accounts import roles
from accounts.models import User
from attendance.models import ExpectedParticipant
from registration.models import ParticipantImport
from registration.reading import read_participants
from tests.factories import UserFactory

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db

ROWS = [
    "王芳,13800000001,wangfang@example.com,华能济南黄台发电有限公司,能源主管,历下区分会场",
    "刘强,13800000002,,华能济南黄台发电有限公司,值长,市中区分会场",
    "赵六,12345,,华能济南黄台发电有限公司,,历下区分会场",
]


def upload(client, data, session=None, courses=(), name="名单.csv"):
    form = {"file": SimpleUploadedFile(name, data), "language": "zh-hans", "send_invitations": "on"}
    if session:
        form["session"] = session.pk
    if courses:
        form["courses"] = [c.pk for c in courses]
    return client.post("/admin/participants/", form)


def test_upload_preview_and_apply_in_the_admin(client, organiser_user, session, course, company):
    client.force_login(organiser_user)
    assert "导入参训人员" in client.get("/admin/participants/").content.decode()
    response = upload(client, csv_bytes(ROWS), session, [course])
    assert response.status_code == 302
    preview = client.get(response["Location"]).content.decode()
    assert "3 行" in preview and "2 个新账号" in preview and "1 行有错误" in preview
    assert "电话号码" in preview or "手机号“12345”格式错误" in preview
    assert "列为历下区分会场应到人员" in preview and "报名“碳排放权交易规则”" in preview

    stored = ParticipantImport.objects.get()
    refused = client.post(f"/admin/participants/{stored.pk}/apply/", follow=True)
    assert "请修正有错误的行" in refused.content.decode() and not User.objects.filter(real_name="王芳").exists()

    applied = client.post(f"/admin/participants/{stored.pk}/apply/", {"skip_errors": "1"}, follow=True)
    text = applied.content.decode()
    assert "创建账号 2 个，课程报名 2 项，应到人员 2 人，邀请 2 份已排队发送。" in text
    assert ExpectedParticipant.objects.filter(session=session).count() == 2


def test_applying_in_batches_reports_progress(client, organiser_user, session, company):
    client.force_login(organiser_user)
    rows = [f"学员{i},1390000{i:04d},,华能济南黄台发电有限公司,,历下区分会场" for i in range(450)]
    upload(client, csv_bytes(rows), session)
    stored = ParticipantImport.objects.get()
    progress = []
    start = 0
    while True:
        body = client.post(f"/admin/participants/{stored.pk}/apply/batch/", {"start": start}).json()
        progress.append((body["done_rows"], body["accounts"]))
        if body["done_rows"] >= body["total_rows"]:
            break
        start += 200
    assert progress == [(200, 200), (400, 200), (450, 50)]
    stored.refresh_from_db()
    assert stored.applied_at and stored.summary["applied"]["accounts"] == 450
    assert client.post(f"/admin/participants/{stored.pk}/apply/batch/", {"start": "x"}).status_code == 400


def test_the_template_file_reads_back_as_a_valid_list(client, organiser_user):
    client.force_login(organiser_user)
    xlsx = client.get("/admin/participants/template.xlsx")
    headings = [c.value for c in next(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows())]
    assert headings == ["姓名", "手机号", "邮箱", "单位", "职务", "分会场"]
    csv_file = client.get("/admin/participants/template.csv")
    parsed = read_participants(csv_file.content, "template.csv")
    assert parsed.encoding == "UTF-8 (BOM)" and parsed.rows[0][1]["name"] == "张三"


def test_bad_files_get_a_clear_400(client, organiser_user):
    client.force_login(organiser_user)
    response = upload(client, b"\x00\x01binary", name="x.pdf")
    assert response.status_code == 400 and "请上传 .csv 或 .xlsx 文件" in response.content.decode()
    response = upload(client, b"a,b\n1,2\n", name="x.csv")
    assert response.status_code == 400 and "未找到包含“姓名 / Name”列的表头行" in response.content.decode()


def test_trainees_may_not_import_and_coordinators_see_only_their_imports(
    client, organiser_user, venue_coordinator, company
):
    trainee = UserFactory(roles=[roles.TRAINEE])
    client.force_login(trainee)
    assert client.get("/admin/participants/").status_code in (302, 403)
    client.force_login(organiser_user)
    upload(client, csv_bytes(ROWS[:1]))
    stored = ParticipantImport.objects.get()
    client.force_login(venue_coordinator)
    assert client.get("/admin/participants/").status_code == 200
    assert client.get(f"/admin/participants/{stored.pk}/").status_code == 404
    assert client.post(f"/admin/participants/{stored.pk}/apply/").status_code == 404


def test_the_management_command(tmp_path, organiser_user, session, course, company, capsys):
    path = tmp_path / "名单.csv"
    path.write_bytes(csv_bytes(ROWS))
    args = [str(path), "--as-user", organiser_user.email, "--session", str(session.pk), "--course", course.slug]
    call_command("import_participants", *args, verbosity=0)
    preview = capsys.readouterr()
    assert "第 4 行：手机号“12345”格式错误。" in preview.err and "仅为预览" in preview.out
    assert not User.objects.filter(real_name="王芳").exists()  # a preview writes no account
    with pytest.raises(CommandError):
        call_command("import_participants", *args, "--apply", verbosity=0)
    call_command("import_participants", *args, "--apply", "--skip-errors", verbosity=0)
    assert "accounts=2" in capsys.readouterr().out
    assert ExpectedParticipant.objects.filter(session=session).count() == 2
    call_command("import_participants", *args, "--apply", "--skip-errors", verbosity=0)
    assert "accounts=0 enrolments=0 expected=0 invitations=0" in capsys.readouterr().out
