"""Demo data for attendance: 168 sub-venues, their coordinators, the 10 November 2021
mobilisation meeting (about 1,400 expected participants, a realistic spread of statuses)
and a smaller upcoming session whose check-in a visitor can try.

Dev-only (the shared demo password is published in the README). Fast (bulk inserts) and
idempotent: everything is keyed on names and emails, records are only written once.
"""

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db.models import Count
from django.utils import timezone

from accounts import roles
from accounts.demo import DEMO_PASSWORD
from accounts.models import Division, Organisation, User, Venue

from . import services, watch
from .models import (
    AttendanceRecord,
    ExpectedParticipant,
    Method,
    SessionVenue,
    Status,
    TrainingSession,
    WatchLedger,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
MEETING_TITLE = "全省重点排放单位全国碳市场第一个履约周期动员会"
UPCOMING_TITLE = "碳排放数据质量管理专题培训（体验场次）"
COMPANY_VENUES = 15  # 1 province + 16 city + 136 county + 15 company venues = 168
# People per organisation at the meeting: enough to reach the reported "more than 1,400".
PEOPLE_PER_KIND = {
    Organisation.Kind.DEPT_PROVINCE: 12,
    Organisation.Kind.DEPT_CITY: 4,
    Organisation.Kind.DEPT_COUNTY: 2,
    Organisation.Kind.KEY_EMITTER: 2,
}
HOST_COMPANY_EXTRA = 2  # companies hosting a sub-venue send more people

SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶"
    "阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞建国志文斌宇浩然欣怡晨阳雪梅海燕振东立新晓庆"
JOB_TITLES = ["碳排放管理员", "环保专工", "能源管理员", "安全环保部主任", "生产技术部工程师", "副总经理"]
DEPT_TITLES = ["科员", "副科长", "科长", "应对气候变化处干部", "执法大队队员"]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _hashed_password() -> str:
    return make_password(DEMO_PASSWORD)  # hashed once; shared by every bulk-created demo account


# --- Sub-venues and coordinators --------------------------------------------------------------


def venue_specs() -> list[dict]:
    province = Division.objects.get(level=Division.Level.PROVINCE)
    capital = Division.objects.filter(level=Division.Level.CITY).order_by("adcode").first()
    specs = [
        {
            "name": f"{province.name}生态环境厅分会场",
            "level": Venue.Level.PROVINCE,
            "city": capital,
            "county": None,
            "capacity": 120,
            "address": f"{capital.name}生态环境厅三楼会议室",
        }
    ]
    for city in Division.objects.filter(level=Division.Level.CITY).order_by("adcode"):
        specs.append(
            {
                "name": f"{city.name}分会场",
                "level": Venue.Level.CITY,
                "city": city,
                "county": None,
                "capacity": 60,
                "address": f"{city.name}生态环境局会议室",
            }
        )
    for county in Division.objects.filter(level=Division.Level.COUNTY).select_related("parent").order_by("adcode"):
        specs.append(
            {
                "name": f"{county.parent.name}{county.name}分会场",
                "level": Venue.Level.COUNTY,
                "city": county.parent,
                "county": county,
                "capacity": 30,
                "address": f"{county.parent.name}生态环境局{county.name}分局会议室",
            }
        )
    hosts = Organisation.objects.filter(
        kind=Organisation.Kind.KEY_EMITTER, industry=Organisation.Industry.POWER, county__isnull=False
    ).order_by("id")[:COMPANY_VENUES]
    for company in hosts:
        specs.append(
            {
                "name": f"{company.name}分会场",
                "level": Venue.Level.COMPANY,
                "city_id": company.city_id,
                "county_id": company.county_id,
                "capacity": 40,
                "address": f"{company.name}办公楼会议室",
            }
        )
    return specs


def create_venues() -> int:
    """168 sub-venues, each with its own coordinator (coordinator001@example.org ...)."""
    existing = set(Venue.objects.values_list("name", flat=True))
    specs = venue_specs()
    Venue.objects.bulk_create([Venue(**spec) for spec in specs if spec["name"] not in existing])
    venues = {v.name: v for v in Venue.objects.filter(name__in=[s["name"] for s in specs])}
    rng = random.Random(168)
    emails = [f"coordinator{n:03d}@example.org" for n in range(1, len(specs) + 1)]
    known = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    password = _hashed_password()
    new_users = [
        User(email=email, real_name=_name(rng), password=password, job_title="分会场联络员", phone=f"139{n:08d}")
        for n, email in enumerate(emails, start=1)
        if email not in known
    ]
    User.objects.bulk_create(new_users)
    coordinators = {u.email: u for u in User.objects.filter(email__in=emails)}
    group = Group.objects.get(name=roles.COORDINATOR)
    _add_to_group(group, [u.pk for u in coordinators.values()])
    through = Venue.coordinators.through
    links = [
        through(venue_id=venues[spec["name"]].pk, user_id=coordinators[email].pk)
        for spec, email in zip(specs, emails, strict=True)
    ]
    # The published demo coordinator runs the provincial capital's city venue.
    main_coordinator = User.objects.filter(email="coordinator@example.org").first()
    if main_coordinator:
        links.append(through(venue_id=venues[specs[1]["name"]].pk, user_id=main_coordinator.pk))
    through.objects.bulk_create(links, ignore_conflicts=True)
    return len(venues)


def _add_to_group(group: Group, user_ids: list[int]) -> None:
    through = User.groups.through
    through.objects.bulk_create([through(user_id=i, group_id=group.pk) for i in user_ids], ignore_conflicts=True)


# --- Participants: staff of the 520 companies and the three levels of departments -------------


def _venue_for_organisation(org: Organisation, by_level: dict) -> Venue | None:
    if org.pk in by_level["company"]:
        return by_level["company"][org.pk]
    if org.kind == Organisation.Kind.DEPT_PROVINCE:
        return by_level["province"]
    if org.kind == Organisation.Kind.DEPT_CITY:
        return by_level["city"].get(org.city_id)
    return by_level["county"].get(org.county_id) or by_level["city"].get(org.city_id)


def _venues_by_level() -> dict:
    venues = list(Venue.objects.filter(name__in=[s["name"] for s in venue_specs()]))
    company_names = {f"{o.name}分会场": o.pk for o in Organisation.objects.filter(kind=Organisation.Kind.KEY_EMITTER)}
    return {
        "province": next(v for v in venues if v.level == Venue.Level.PROVINCE),
        "city": {v.city_id: v for v in venues if v.level == Venue.Level.CITY},
        "county": {v.county_id: v for v in venues if v.level == Venue.Level.COUNTY},
        "company": {company_names[v.name]: v for v in venues if v.level == Venue.Level.COMPANY},
    }


def _participant_emails(count: int | None = None) -> list[str]:
    if count is None:
        count = (
            sum(
                PEOPLE_PER_KIND[kind] * n
                for kind, n in Organisation.objects.filter(kind__in=list(PEOPLE_PER_KIND))
                .values_list("kind")
                .annotate(n=Count("id"))
            )
            + HOST_COMPANY_EXTRA * COMPANY_VENUES
        )
    return [f"p{n:04d}@example.org" for n in range(1, count + 1)]


def create_participants() -> int:
    """Trainee accounts (p0001@example.org ...) with their organisation and default sub-venue."""
    rng = random.Random(1110)
    by_level = _venues_by_level()
    organisations = Organisation.objects.filter(kind__in=list(PEOPLE_PER_KIND)).order_by("kind", "id")
    people = []
    for org in organisations:
        count = PEOPLE_PER_KIND[org.kind] + (HOST_COMPANY_EXTRA if org.pk in by_level["company"] else 0)
        titles = DEPT_TITLES if org.kind != Organisation.Kind.KEY_EMITTER else JOB_TITLES
        for _ in range(count):
            people.append((org, _venue_for_organisation(org, by_level), rng.choice(titles)))
    emails = _participant_emails(len(people))
    known = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    password = _hashed_password()
    User.objects.bulk_create(
        [
            User(
                email=email,
                real_name=_name(rng),
                password=password,
                organisation=org,
                default_venue=venue,
                job_title=title,
                phone=f"138{n:08d}",
            )
            for n, (email, (org, venue, title)) in enumerate(zip(emails, people, strict=True), start=1)
            if email not in known
        ],
        batch_size=500,
    )
    _add_to_group(
        Group.objects.get(name=roles.TRAINEE), list(User.objects.filter(email__in=emails).values_list("id", flat=True))
    )
    return len(people)


# --- The 10 November 2021 mobilisation meeting -------------------------------------------------


def _at(day: datetime, hh: int, mm: int) -> datetime:
    return day.replace(hour=hh, minute=mm, second=0, microsecond=0)


def create_mobilisation_meeting() -> int:
    day = datetime(2021, 11, 10, tzinfo=SHANGHAI)
    session, _created = TrainingSession.objects.get_or_create(
        title=MEETING_TITLE,
        defaults={
            "description": (
                "主会场讲授全国碳排放权交易市场政策法规、配额清缴与履约流程、使用国家核证自愿减排量（CCER）"
                "抵销配额清缴等内容，168个分会场同步收看。"
            ),
            "starts_at": _at(day, 9, 0),
            "ends_at": _at(day, 11, 30),
            "checkin_opens_at": _at(day, 8, 15),
            "checkin_closes_at": _at(day, 11, 30),
            "late_after": _at(day, 9, 10),
            "code_rotation_seconds": 30,
        },
    )
    venues = list(Venue.objects.filter(name__in=[s["name"] for s in venue_specs()]))
    SessionVenue.objects.bulk_create([SessionVenue(session=session, venue=v) for v in venues], ignore_conflicts=True)
    participants = User.objects.filter(email__in=_participant_emails()).values_list("id", "default_venue_id")
    services.add_expected_users(session, participants, ExpectedParticipant.Source.IMPORT)
    if not AttendanceRecord.objects.filter(session=session).exists():
        _create_meeting_records(session, day)
    return ExpectedParticipant.objects.filter(session=session).count()


def _create_meeting_records(session: TrainingSession, day: datetime) -> None:
    """About 91% present, 4% late, 3% excused, 2% absent; most by QR, some by code, sheet or coordinator."""
    rng = random.Random(20211110)
    coordinators = dict(Venue.coordinators.through.objects.order_by("user_id").values_list("venue_id", "user_id"))
    expected = list(ExpectedParticipant.objects.filter(session=session).order_by("id"))
    sheet_lines = {}
    records, watched = [], []
    opens = _at(day, 8, 15)
    threshold = watch.threshold_seconds(session)
    for item in expected:
        status = rng.choices(list(Status), weights=[91, 4, 3, 2])[0]
        method, who = Method.COORDINATOR, coordinators.get(item.venue_id)
        if status == Status.PRESENT:
            server_time = opens + timedelta(seconds=min(3300, max(0, int(rng.gauss(2400, 500)))))
        elif status == Status.LATE:
            server_time = _at(day, 9, 10) + timedelta(seconds=rng.randint(30, 1800))
        else:
            server_time = _at(day, 11, 35) + timedelta(seconds=rng.randint(0, 600))
        record = AttendanceRecord(
            session=session, user_id=item.user_id, venue_id=item.venue_id, status=status, server_time=server_time
        )
        if status in (Status.PRESENT, Status.LATE):
            methods = [Method.QR, Method.CODE, Method.IMPORT, Method.COORDINATOR, Method.ONLINE]
            method = rng.choices(methods, weights=[73, 10, 10, 5, 2])[0]
            if method == Method.ONLINE:
                # Watched the stream from the office: present once the watch time reached the threshold.
                who, record.status = item.user_id, Status.PRESENT
                record.server_time = session.starts_at + timedelta(seconds=threshold + rng.randint(0, 600))
                watched.append(
                    WatchLedger(
                        session=session,
                        user_id=item.user_id,
                        device_id=f"demo-{item.user_id}",
                        last_seq=int(threshold // 30) + 20,
                        last_beat_at=record.server_time,
                        seconds=threshold + rng.randint(0, 600),
                        attendance_recorded_at=record.server_time,
                    )
                )
            elif method in (Method.QR, Method.CODE):
                who = item.user_id
                record.device_time = server_time - timedelta(seconds=rng.uniform(0.2, 4))
            elif method == Method.IMPORT:
                line = sheet_lines[item.venue_id] = sheet_lines.get(item.venue_id, 1) + 1
                record.source_file = f"签到表-S{session.pk}-V{item.venue_id}.xlsx"
                record.source_line = line
        elif status == Status.EXCUSED:
            record.note = rng.choice(["出差", "病假", "参加其他会议"])
        record.method, record.recorded_by_id = method, who
        records.append(record)
    AttendanceRecord.objects.bulk_create(records, batch_size=500)  # the trigger writes each "created" row
    WatchLedger.objects.bulk_create(watched, batch_size=500)
    # A few later corrections, so record histories show more than their creation.
    absent = list(AttendanceRecord.objects.filter(session=session, status=Status.ABSENT).order_by("id")[:8])
    for record in absent:
        services.change_record(
            record,
            status=Status.EXCUSED,
            by=User(pk=coordinators.get(record.venue_id)),
            method=Method.COORDINATOR,
            note="补交请假条",
            now=_at(day, 14, 0),
        )
    head_counts = []
    attended = _attended_by_venue(session)
    for link in SessionVenue.objects.filter(session=session).order_by("venue_id"):
        if rng.random() < 0.7:
            link.head_count = max(0, attended.get(link.venue_id, 0) + rng.choice([0, 0, 0, 1, 2, -1]))
            link.head_count_at = _at(day, 9, 30)
            link.head_count_by_id = coordinators.get(link.venue_id)
            head_counts.append(link)
    SessionVenue.objects.bulk_update(head_counts, ["head_count", "head_count_at", "head_count_by"])


def _attended_by_venue(session) -> dict:
    rows = (
        AttendanceRecord.objects.filter(session=session, status__in=[Status.PRESENT, Status.LATE])
        .values("venue_id")
        .annotate(n=Count("id"))
    )
    return {row["venue_id"]: row["n"] for row in rows}


# --- An upcoming session a visitor can try -------------------------------------------------------


def create_upcoming_session() -> int:
    """Check-in open from an hour ago until the session ends a week from now."""
    now = timezone.now().astimezone(SHANGHAI).replace(minute=0, second=0, microsecond=0)
    starts = _at(now + timedelta(days=7), 9, 0)
    times = {
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=2),
        "checkin_opens_at": now - timedelta(hours=1),
        "checkin_closes_at": starts + timedelta(hours=2),
        "late_after": starts + timedelta(minutes=10),
    }
    session, created = TrainingSession.objects.get_or_create(
        title=UPCOMING_TITLE,
        defaults={
            **times,
            "description": "演示用场次：签到通道提前一周开放，可用分会场屏幕上的二维码或签到码体验签到。",
            "code_rotation_seconds": 30,
        },
    )
    if not created and session.ends_at < timezone.now():
        # The demo was loaded long ago: move the session forward so its check-in works again.
        for field, value in times.items():
            setattr(session, field, value)
        session.save()
    main_venue = Venue.objects.filter(coordinators__email="coordinator@example.org").order_by("id").first()
    venues = list(Venue.objects.filter(level=Venue.Level.CITY).order_by("city_id")[:12])
    if main_venue and main_venue not in venues:
        venues.append(main_venue)
    SessionVenue.objects.bulk_create([SessionVenue(session=session, venue=v) for v in venues], ignore_conflicts=True)
    trainee = User.objects.filter(email="trainee@example.org", default_venue__isnull=True).first()
    if trainee and main_venue:
        trainee.default_venue = main_venue
        trainee.save(update_fields=["default_venue"])
    services.add_expected_from_default_venues(session)
    return ExpectedParticipant.objects.filter(session=session).count()


def steps():
    return [
        ("sub-venues and coordinators", create_venues),
        ("participants", create_participants),
        ("10 November 2021 mobilisation meeting", create_mobilisation_meeting),
        ("upcoming session", create_upcoming_session),
    ]
