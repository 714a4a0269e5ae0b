"""From the department's spreadsheet to invited, enrolled, expected participants, in a real browser:
the organiser uploads a small XLSX, reads the preview, imports with the progress bar, and an invited
trainee opens the link from the e-mail on a phone, sets a password and lands on the course."""

import io
import re

import pytest
from django.conf import settings
from django.test import Client
from openpyxl import Workbook
from playwright.sync_api import expect

from accounts import roles
from accounts.models import User
from attendance.models import ExpectedParticipant
from courses.models import Enrolment
from notifications import services as notifications
from tests.attendance.factories import TrainingSessionFactory
from tests.browser.conftest import DESKTOP, PHONE
from tests.courses.factories import make_course
from tests.factories import OrganisationFactory, UserFactory, VenueFactory
from tests.smtp_server import smtp_inbox  # noqa: F401 (fixture)

LINK = re.compile(r"http://testserver(/invitation/[^/\s]+/)")


def sign_in(context, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])


def spreadsheet(tmp_path, rows):
    workbook = Workbook()
    for row in [["姓名", "手机号", "邮箱", "单位", "职务", "分会场"], *rows]:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    path = tmp_path / "济南市参训名单.xlsx"
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize("viewport", [DESKTOP], indirect=True)
def test_spreadsheet_to_invited_enrolled_expected_participants(
    live_server,
    page,
    browser,
    viewport,
    tmp_path,
    smtp_inbox,  # noqa: F811 (the fixture imported above)
    screenshot,
):
    venue = VenueFactory(name="济南市历下区分会场")
    session = TrainingSessionFactory(title="全国碳市场履约动员会", venues=[venue, VenueFactory(name="青岛市分会场")])
    course = make_course(modules=1, lessons_per_module=1, title="碳排放权交易规则", slug="trading-rules")
    company = OrganisationFactory(name="华能济南黄台发电有限公司")
    organiser = UserFactory(real_name="省厅组织者", roles=[roles.ORGANISER])
    path = spreadsheet(
        tmp_path,
        [
            [
                "王芳",
                "13800000001",
                "wangfang@example.com",
                "华能济南黄台发电有限公司",
                "能源主管",
                "济南市历下区分会场",
            ],
            ["刘强", "13800000002", "liuqiang@example.com", company.credit_code, "值长", "青岛市分会场"],
            ["赵敏", "13800000003", "zhaomin@example.com", "华能济南黄台发电有限公司", "专责", "济南市历下区分会场"],
        ],
    )

    sign_in(page.context, live_server, organiser)
    page.goto(f"{live_server.url}/admin/participants/")
    page.get_by_label("参训人员名单").set_input_files(str(path))
    page.get_by_label("培训场次").select_option(label=session.title)
    page.get_by_label("碳排放权交易规则").check()
    page.get_by_role("button", name="预览").click()

    expect(page.locator("#import-counts")).to_contain_text("3 个新账号")
    expect(page.get_by_role("row", name=re.compile("刘强"))).to_contain_text("按信用代码")
    expect(page.get_by_role("row", name=re.compile("王芳"))).to_contain_text("列为济南市历下区分会场应到人员")
    screenshot("preview")
    page.get_by_role("button", name="导入", exact=True).click()
    expect(page.locator("#import-result")).to_contain_text(
        "创建账号 3 个，课程报名 3 项，应到人员 3 人，邀请 3 份已排队发送。", timeout=20_000
    )
    screenshot("imported")

    people = User.objects.filter(real_name__in=["王芳", "刘强", "赵敏"])
    assert Enrolment.objects.filter(course=course, user__in=people).count() == 3
    assert ExpectedParticipant.objects.get(session=session, user__real_name="刘强").venue.name == "青岛市分会场"

    assert notifications.process_outbox()["sent"] == 3
    (mail,) = smtp_inbox.to("wangfang@example.com")
    link = LINK.search(mail.get_content()).group(1)

    phone = browser.new_context(viewport=PHONE, locale="zh-CN")
    trainee = phone.new_page()
    trainee.goto(live_server.url + link)
    expect(trainee.get_by_text("王芳，欢迎！")).to_be_visible()
    trainee.locator('input[name="password1"]').fill("Tan-Shichang-2026")
    trainee.locator('input[name="password2"]').fill("Tan-Shichang-2026")
    trainee.get_by_role("button", name="设置密码并开始").click()
    expect(trainee.get_by_role("heading", name="碳排放权交易规则").first).to_be_visible()
    assert trainee.url.endswith(course.url)
    phone.close()

    page.goto(f"{live_server.url}/admin/participants/invitations/?status=accepted")
    expect(page.get_by_role("row", name=re.compile("王芳"))).to_contain_text("已接受")
