import io

import pytest
from openpyxl import Workbook

from accounts import roles
from tests.attendance.conftest import other_venue, session, venue, venue_coordinator  # noqa: F401 (fixtures)
from tests.courses.factories import make_course
from tests.factories import OrganisationFactory, UserFactory
from tests.smtp_server import sms_file, smtp_inbox  # noqa: F401 (fixtures)

HEADER = "姓名,手机号,邮箱,单位,职务,分会场\n"


@pytest.fixture
def course(db):
    return make_course(modules=1, lessons_per_module=1, title="碳排放权交易规则", slug="trading-rules")


@pytest.fixture
def company(db):
    return OrganisationFactory(name="华能济南黄台发电有限公司")


@pytest.fixture
def organiser_user(db):
    return UserFactory(real_name="省厅组织者", roles=[roles.ORGANISER])


def csv_bytes(rows: list[str], *, encoding="utf-8-sig", header=HEADER) -> bytes:
    return (header + "\n".join(rows) + "\n").encode(encoding)


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
