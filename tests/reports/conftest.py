from types import SimpleNamespace

import pytest

from accounts import roles
from attendance.models import Status
from tests.factories import UserFactory

from .factories import make_session, make_trainee, make_unit, make_venue, mark


def build_world(extra_venues: int = 0, trainees_per_extra: int = 0) -> SimpleNamespace:
    """Jinan (Lixia, Shizhong, a city-level venue) and Qingdao (Shinan), one session, four statuses.

    ``extra_venues`` adds more Qingdao venues full of trainees, to check that query counts stay flat.
    """
    w = SimpleNamespace()
    w.lixia = make_venue("370100", "370102", name="历下区分会场")
    w.shizhong = make_venue("370100", "370103", name="市中区分会场")
    w.jinan_city = make_venue("370100", None, name="济南市主会场")
    w.shinan = make_venue("370200", "370202", name="市南区分会场")
    w.unit_lixia = make_unit("370100", "370102", name="历下热电有限公司")
    w.unit_shizhong = make_unit("370100", "370103", name="市中发电有限公司")
    w.unit_qingdao = make_unit("370200", "370202", name="青岛能源有限公司")
    w.unit_unreached = make_unit("370200", "370202", name="黄岛电厂")
    w.t1 = make_trainee(w.lixia, w.unit_lixia, real_name="甲")
    w.t2 = make_trainee(w.lixia, w.unit_lixia, real_name="乙")
    w.t3 = make_trainee(w.shizhong, w.unit_shizhong, real_name="丙")
    w.t4 = make_trainee(w.shinan, w.unit_qingdao, real_name="丁")
    w.t5 = make_trainee(w.shinan, w.unit_qingdao, real_name="戊")
    w.extra = []
    for n in range(extra_venues):
        venue = make_venue("370200", "370203", name=f"市北区分会场{n}")
        people = [make_trainee(venue) for _ in range(trainees_per_extra)]
        w.extra.append((venue, people))
    w.session = make_session([w.lixia, w.shizhong, w.jinan_city, w.shinan] + [v for v, _ in w.extra])
    w.coordinator = UserFactory(roles=[roles.COORDINATOR], real_name="历下协调员", organisation=None)
    w.lixia.coordinators.add(w.coordinator)
    mark(w.session, w.lixia, [w.t1], Status.PRESENT, by=w.coordinator)
    mark(w.session, w.lixia, [w.t2], Status.LATE, by=w.coordinator)
    mark(w.session, w.shizhong, [w.t3], Status.ABSENT)
    mark(w.session, w.shinan, [w.t4], Status.EXCUSED)
    for venue, people in w.extra:
        mark(w.session, venue, people[::2], Status.PRESENT)
        mark(w.session, venue, people[1::2], Status.ABSENT)
    return w


@pytest.fixture
def world(db):
    return build_world()
