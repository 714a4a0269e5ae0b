import io

import pytest
from openpyxl import Workbook

from accounts import roles
from tests.attendance.factories import TrainingSessionFactory
from tests.courses.factories import make_course
from tests.factories import OrganisationFactory, UserFactory, VenueFactory
from tests.smtp_server import sms_file, smtp_inbox  # noqa: F401 (fixtures)

HEADER = "姓名,手机号,邮箱,单位,职务,分会场\n"


@pytest.fixture
def venue(db):
    return VenueFactory(name="历下区分会场")


@pytest.fixture
def other_venue(db):
    return VenueFactory(name="市中区分会场")


@pytest.fixture
def session(venue, other_venue):
    return TrainingSessionFactory(title="全省碳市场动员培训", venues=[venue, other_venue])


@pytest.fixture
def course(db):
    return make_course(modules=1, lessons_per_module=1, title="碳排放权交易规则", slug="trading-rules")


@pytest.fixture
def company(db):
    return OrganisationFactory(name="华能济南黄台发电有限公司")


@pytest.fixture
def organiser_user(db):
    return UserFactory(real_name="省厅组织者", roles=[roles.ORGANISER])


@pytest.fixture
def venue_coordinator(venue):
    user = UserFactory(real_name="历下协调员", roles=[roles.COORDINATOR])
    venue.coordinators.add(user)
    return user


def csv_bytes(rows: list[str], *, encoding="utf-8-sig", header=HEADER) -> bytes:
    return (header + "\n".join(rows) + "\n").encode(encoding)


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
