"""The calculator knows the first cycle (issue 15): the 20 % cap on the allowance gap, the gas-unit
rule, then the 5 % CCER limit and the shortfall or surplus, each step explained in both languages."""

import html as html_lib

import pytest
from django.conf import settings
from django.utils import translation

from courses.calculator import settle
from home.demo import build_home_pages

from .factories import course_index, home_page, lessons_of, make_course

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _chinese_again_afterwards():
    """Requests to /en/ leave English active in this thread; later tests reverse() Chinese URLs."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


BODY = [{"type": "calculator", "value": {"title": "", "intro": "", "verified_emissions": None}, "id": "c1"}]

# E, A, C, free allocation, unit type ⇒ due, CCER limit, usable, shortfall, surplus
CAPPED_COAL = (1_000_000, 850_000, 80_000, 700_000, "coal_300mw_plus")
GAS = (500_000, 400_000, 30_000, 420_000, "gas")
UNCAPPED_COAL = (1_000_000, 930_000, 80_000, 900_000, "coal_below_300mw")


@pytest.mark.parametrize(
    ("inputs", "figures"),
    [
        # gap 300,000 t is 30 % of E: capped at 700,000 + 20 % × 1,000,000 = 900,000
        (CAPPED_COAL, (900_000, 45_000, 45_000, 5_000, 0)),
        # a gas unit surrenders at most its allocation: 420,000, not 500,000
        (GAS, (420_000, 21_000, 21_000, 0, 1_000)),
        # gap 100,000 t is 10 % of E: the cap (1,100,000) does not bind; the facts' worked example
        (UNCAPPED_COAL, (1_000_000, 50_000, 50_000, 20_000, 0)),
        ((300_000, 300_000, 0, 350_000, "gas"), (300_000, 15_000, 0, 0, 0)),  # gas below its allocation
        ((999, 0, 0, 0, "coal_unconventional"), (199, 9, 0, 199, 0)),  # 20 % of 999 rounds down
        ((1_000_000, 930_000, 80_000, None, None), (1_000_000, 50_000, 50_000, 20_000, 0)),  # no first-cycle input
    ],
)
def test_first_cycle_worked_examples(inputs, figures):
    result = settle(*inputs)
    assert (
        result.allowances_due,
        result.max_usable_ccer,
        result.usable_ccer,
        result.shortfall,
        result.surplus,
    ) == figures


def test_the_three_positional_inputs_still_work_for_existing_callers():
    """quizzes' demo computes numeric answers with settle(E, A, C)."""
    assert settle(1_000_000, 930_000, 80_000) == settle(1_000_000, 930_000, 80_000, "", "")


def page_text(client, url, inputs) -> str:
    names = ("verified_emissions", "allowances_held", "ccer_held", "free_allocation", "unit_type")
    response = client.get(url, {"calc": "c1", **dict(zip(names, [str(v) for v in inputs], strict=True))})
    assert response.status_code == 200
    return html_lib.unescape(response.content.decode())


@pytest.fixture
def lesson_urls(db):
    build_home_pages()
    zh = lessons_of(make_course(modules=1, lessons_per_module=1, body=BODY))[0]
    en = lessons_of(make_course(modules=1, lessons_per_module=1, body=BODY, index=course_index(home_page("en"))))[0]
    return {"zh": zh.url, "en": en.url}


def test_capped_coal_unit_on_the_page_in_both_languages(client, lesson_urls):
    zh = page_text(client, lesson_urls["zh"], CAPPED_COAL)
    assert (
        "应清缴配额：第一个履约周期设有缺口上限，为免费配额 700,000 吨 + 经核查排放量的 20% 即 200,000 吨 "
        "= 900,000 吨，而不是经核查排放量 1,000,000 吨。"
    ) in zh
    assert "CCER 抵销上限：应清缴配额的 5%（向下取整）为 45,000 吨；持有的 80,000 吨 CCER 中可使用 45,000 吨。" in zh
    assert "缺口：应清缴 900,000 吨 − 持有配额 850,000 吨 − 可用 CCER 45,000 吨 = 5,000 吨，须在截止时间前购入。" in zh
    assert '<option value="coal_300mw_plus" selected>300MW 等级以上常规燃煤机组</option>' in zh

    en = page_text(client, lesson_urls["en"], CAPPED_COAL)
    assert (
        "Allowances due: capped for the first cycle at the free allocation 700,000 t + 20% of the verified "
        "emissions 200,000 t = 900,000 t, instead of the verified emissions of 1,000,000 t."
    ) in en
    assert "CCER limit: 5% of the allowances due, rounded down, is 45,000 t; of the 80,000 t of CCER held" in en
    assert "Shortfall: 900,000 t due − 850,000 t of allowances − 45,000 t of CCER = 5,000 t to buy" in en
    assert 'data-field="allowances_due">900,000<' in en and 'data-field="shortfall" class="calc-shortfall">5,000<' in en


def test_gas_unit_on_the_page_in_both_languages(client, lesson_urls):
    zh = page_text(client, lesson_urls["zh"], GAS)
    assert (
        "燃气机组的清缴量不超过其获得的免费配额，因此为 420,000 吨（其免费配额），而不是经核查排放量 500,000 吨。" in zh
    )
    assert "盈余：持有配额 400,000 吨 + 可用 CCER 21,000 吨 − 应清缴 420,000 吨 = 富余 1,000 吨。" in zh
    en = page_text(client, lesson_urls["en"], GAS)
    assert "a gas unit never surrenders more than it was allocated, so 420,000 t (its free allocation)" in en
    assert "Surplus: 400,000 t of allowances + 21,000 t of CCER − 420,000 t due = 1,000 t left over." in en


def test_uncapped_unit_on_the_page_in_both_languages(client, lesson_urls):
    zh = page_text(client, lesson_urls["zh"], UNCAPPED_COAL)
    assert (
        "应清缴配额：经核查排放量 1,000,000 吨；第一个履约周期的上限（免费配额 900,000 吨 + 经核查排放量的 20% "
        "即 200,000 吨 = 1,100,000 吨）未达到。"
    ) in zh
    assert "= 20,000 吨，须在截止时间前购入。" in zh
    en = page_text(client, lesson_urls["en"], UNCAPPED_COAL)
    assert (
        "the first-cycle cap (free allocation 900,000 t + 20% of the verified emissions 200,000 t = 1,100,000 t)" in en
    )


def test_page_and_endpoint_show_the_same_figures_and_steps(client, lesson_urls):
    names = ("verified_emissions", "allowances_held", "ccer_held", "free_allocation", "unit_type")
    data = client.get("/en/learning/calculator/", dict(zip(names, map(str, CAPPED_COAL), strict=True))).json()
    assert data["ok"] and data["capped"] and data["obligation_cap"] == 900_000
    page = page_text(client, lesson_urls["en"], CAPPED_COAL)
    for step in data["steps"]:
        assert f"<li>{step}</li>" in page
    for field in ("allowances_due", "max_usable_ccer", "usable_ccer", "shortfall", "surplus"):
        assert f'data-field="{field}"' in page and f"{data[field]:,}<" in page


def test_half_given_first_cycle_inputs_are_a_400_that_says_what_is_missing(client, lesson_urls):
    response = client.get(
        lesson_urls["zh"],
        {"calc": "c1", "verified_emissions": "100", "allowances_held": "0", "ccer_held": "0", "unit_type": "gas"},
    )
    assert response.status_code == 400
    assert "请填写免费配额，才能对该机组类型适用第一个履约周期的上限。" in response.content.decode()
    en = client.get(
        "/en/learning/calculator/",
        {"verified_emissions": "100", "allowances_held": "0", "ccer_held": "0", "free_allocation": "50"},
    )
    assert en.status_code == 400 and en.json()["message"] == "Choose the unit type to apply the first-cycle cap."
