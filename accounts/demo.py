"""Demo data for accounts: divisions, ~690 organisations and one user per role.

Dev-only: the passwords below are published in the README. Everything is created with
update_or_create on natural keys, so running it again changes nothing.
"""

import random

from django.contrib.auth.models import Group

from . import roles
from .divisions import load_divisions
from .models import Division, Organisation, User
from .validators import CREDIT_CODE_ALPHABET, credit_code_check_char, org_code_check_char

DEMO_PASSWORD = "carbon-demo-2021"  # noqa: S105 (dev-only, documented)
DEMO_USERS = [
    # email, real name, role, is_superuser
    ("admin@example.org", "系统管理员", None, True),
    ("organiser@example.org", "王组织", roles.ORGANISER, False),
    ("instructor@example.org", "李讲师", roles.INSTRUCTOR, False),
    ("coordinator@example.org", "张协调", roles.COORDINATOR, False),
    ("trainee@example.org", "赵学员", roles.TRAINEE, False),
]
KEY_EMITTER_COUNT = 520

# Industry mix: the first compliance cycle covers power generation; the other listed
# industries report emissions too and appear in later cycles.
INDUSTRY_WEIGHTS = [
    (Organisation.Industry.POWER, 70),
    (Organisation.Industry.PETROCHEMICAL, 6),
    (Organisation.Industry.CHEMICAL, 7),
    (Organisation.Industry.BUILDING_MATERIALS, 6),
    (Organisation.Industry.STEEL, 5),
    (Organisation.Industry.NONFERROUS, 3),
    (Organisation.Industry.PAPER, 3),
]
BRANDS = ["华能", "华电", "大唐", "国电", "国家电投", "鲁能", "鲁电", "齐鲁", "泰山", "黄河", "海岱", "鲁信", "鲁北"]
SUFFIXES = {
    Organisation.Industry.POWER: [
        "热电有限公司",
        "发电有限公司",
        "电厂",
        "热电联产有限公司",
        "能源有限公司",
        "自备电厂",
    ],
    Organisation.Industry.PETROCHEMICAL: ["石化有限公司", "炼化有限公司"],
    Organisation.Industry.CHEMICAL: ["化工有限公司", "化肥有限公司", "氯碱有限公司"],
    Organisation.Industry.BUILDING_MATERIALS: ["水泥有限公司", "玻璃有限公司", "建材有限公司"],
    Organisation.Industry.STEEL: ["钢铁有限公司", "特钢有限公司"],
    Organisation.Industry.NONFERROUS: ["铝业有限公司", "铜业有限公司"],
    Organisation.Industry.PAPER: ["纸业有限公司", "浆纸有限公司"],
}


def make_credit_code(rng: random.Random, adcode: str, government: bool = False) -> str:
    """A checksum-valid code: registration authority + category + adcode + organisation code."""
    prefix = "11" if government else "91"
    org_body = "".join(rng.choice(CREDIT_CODE_ALPHABET[:10] + "ABCDEFGH") for _ in range(8))
    org_code = org_body + org_code_check_char(org_body)
    if org_code[-1] not in CREDIT_CODE_ALPHABET:  # "X" cannot stand in a credit code; draw again
        return make_credit_code(rng, adcode, government)
    first17 = prefix + adcode + org_code
    return first17 + credit_code_check_char(first17)


def create_departments(rng: random.Random) -> int:
    province = Division.objects.get(level=Division.Level.PROVINCE)
    rows = [(f"{province.name}生态环境厅", Organisation.Kind.DEPT_PROVINCE, None, None, province.adcode)]
    for city in Division.objects.filter(level=Division.Level.CITY):
        rows.append((f"{city.name}生态环境局", Organisation.Kind.DEPT_CITY, city, None, city.adcode))
    for county in Division.objects.filter(level=Division.Level.COUNTY).select_related("parent"):
        name = f"{county.parent.name}生态环境局{county.name}分局"
        rows.append((name, Organisation.Kind.DEPT_COUNTY, county.parent, county, county.adcode))
    rows.append(("上海环境能源交易所", Organisation.Kind.EXCHANGE, None, None, "310000"))
    rows.append(("湖北碳排放权交易中心", Organisation.Kind.EXCHANGE, None, None, "420000"))
    for name, kind, city, county, adcode in rows:
        existing = Organisation.objects.filter(name=name).first()
        code = existing.credit_code if existing else make_credit_code(rng, adcode, government=True)
        Organisation.objects.update_or_create(
            name=name, defaults={"kind": kind, "city": city, "county": county, "credit_code": code}
        )
    return len(rows)


def create_key_emitters(rng: random.Random, count: int = KEY_EMITTER_COUNT) -> int:
    counties = list(Division.objects.filter(level=Division.Level.COUNTY).select_related("parent"))
    industries = [i for i, _w in INDUSTRY_WEIGHTS]
    weights = [w for _i, w in INDUSTRY_WEIGHTS]
    created = 0
    seen = set(Organisation.objects.filter(kind=Organisation.Kind.KEY_EMITTER).values_list("name", flat=True))
    attempts = 0
    while len(seen) < count and attempts < count * 20:
        attempts += 1
        county = rng.choice(counties)
        industry = rng.choices(industries, weights)[0]
        place = county.name.rstrip("区县市") if len(county.name) > 2 else county.name
        name = f"{rng.choice(BRANDS)}{place}{rng.choice(SUFFIXES[industry])}"
        if name in seen or Organisation.objects.filter(name=name).exists():
            continue
        Organisation.objects.create(
            name=name,
            credit_code=make_credit_code(rng, county.adcode),
            kind=Organisation.Kind.KEY_EMITTER,
            industry=industry,
            city=county.parent,
            county=county,
        )
        seen.add(name)
        created += 1
    return created


def create_demo_users() -> list[User]:
    users = []
    provincial = Organisation.objects.filter(kind=Organisation.Kind.DEPT_PROVINCE).first()
    emitter = Organisation.objects.filter(kind=Organisation.Kind.KEY_EMITTER).order_by("id").first()
    for email, real_name, role, is_superuser in DEMO_USERS:
        user, created = User.objects.get_or_create(email=email, defaults={"real_name": real_name})
        if created:
            user.set_password(DEMO_PASSWORD)
        user.real_name = real_name
        user.is_staff = is_superuser
        user.is_superuser = is_superuser
        user.organisation = emitter if role == roles.TRAINEE else provincial
        user.job_title = "碳排放管理员" if role == roles.TRAINEE else "工作人员"
        user.save()
        if role:
            user.groups.add(Group.objects.get(name=role))
        users.append(user)
    return users


def steps():
    rng = random.Random(20211110)
    return [
        ("divisions", lambda: load_divisions(Division)),
        ("departments", lambda: create_departments(rng)),
        ("key emission units", lambda: create_key_emitters(rng)),
        ("demo users", create_demo_users),
    ]
