"""The demo courses' Markdown (courses/demo_content): structure, substance and topics, in both languages.

Read with the same parser the importer uses, without a database, so a content mistake fails fast.
The full import and the pages people read are checked by tests/courses/demo_checks.py.
"""

import re
from pathlib import Path

import pytest

from courses.importer import parse_course

CONTENT = Path(__file__).resolve().parents[2] / "courses" / "demo_content"
COURSES = ("trading-rules", "settlement-compliance", "ccer-offsets")
CJK = re.compile(r"[\u4e00-\u9fff]")
# Teaching text, not headings: Markdown, callout bodies, glossary definitions, calculator introductions.
TEACHING = {"markdown": "", "callout": "text", "glossary_term": "definition", "calculator": "intro"}
MIN_CHINESE_CHARACTERS = 600
MIN_ENGLISH_WORDS = 350  # what 600 characters of Chinese say, in English


def course(slug: str, language: str):
    return parse_course((CONTENT / f"{slug}.{language}.md").read_text(encoding="utf-8"))


def lessons(slug: str, language: str):
    return [lesson for module in course(slug, language).modules for lesson in module.lessons]


def teaching_text(lesson) -> str:
    parts = []
    for block in lesson.blocks:
        if block.type in TEACHING:
            parts.append(block.value if block.type == "markdown" else block.value[TEACHING[block.type]])
    return "\n".join(parts)


def lesson_text(lesson) -> str:
    return lesson.title + "\n" + teaching_text(lesson)


@pytest.mark.parametrize("slug", COURSES)
def test_each_course_has_at_least_four_modules_with_the_same_shape_in_both_languages(slug):
    zh, en = course(slug, "zh"), course(slug, "en")
    assert len(zh.modules) >= 4
    assert [len(m.lessons) for m in zh.modules] == [len(m.lessons) for m in en.modules]
    assert en.fields["translation_of"] == slug and en.fields["locale"] == "en"


@pytest.mark.parametrize("slug", COURSES)
def test_every_lesson_has_substance_and_names_its_sources(slug):
    for zh, en in zip(lessons(slug, "zh"), lessons(slug, "en"), strict=True):
        characters = len(CJK.findall(teaching_text(zh)))
        words = len(re.findall(r"[A-Za-z0-9][\w'’.,%/-]*", teaching_text(en)))
        assert characters >= MIN_CHINESE_CHARACTERS, (zh.title, characters)
        assert words >= MIN_ENGLISH_WORDS, (en.title, words)
        assert not CJK.search(en.title)
        titles = [block.value["title"] for block in zh.blocks if block.type == "callout"]
        assert "本课依据" in titles, zh.title
        titles = [block.value["title"] for block in en.blocks if block.type == "callout"]
        assert "Sources for this lesson" in titles, en.title


@pytest.mark.parametrize("slug", COURSES)
@pytest.mark.parametrize("language", ["zh", "en"])
def test_allowances_are_counted_in_tonnes_and_nothing_misleading_is_back(slug, language):
    text = "\n".join(lesson_text(lesson) for lesson in lessons(slug, language))
    assert not re.search(r"\d\s*万?个\s*(配额|CCER)", text)
    assert "pieces of allowance" not in text
    assert "航空" not in text and "aviation" not in text.lower()  # no source names aviation
    assert "10 月 23 日" not in text and "23 October" not in text  # notice No. 492 is of 26 October 2021


# Each topic of issue 15, the lesson that teaches it and words that must be there in each language.
TOPICS = [
    ("who is covered", "trading-rules", 2, ["2.6 万吨", "2,162", "330"], ["26,000", "2,162", "330"]),
    ("330 vs 700+", "trading-rules", 2, ["700 余家", "口径不同"], ["700+", "counts something else"]),
    (
        "accounts",
        "trading-rules",
        3,
        ["注册登记账户", "交易账户", "328"],
        ["registry account", "trading account", "328"],
    ),
    (
        "listing trading and closing price",
        "trading-rules",
        4,
        ["9:30—11:30", "小于 10 万吨", "加权平均价", "43.00"],
        ["9:30–11:30", "under 100,000 t", "weighted average", "43.00"],
    ),
    (
        "block trading",
        "trading-rules",
        5,
        ["13:00—15:00", "不少于 10 万吨", "±30%"],
        ["13:00–15:00", "at least 100,000 t", "±30 %"],
    ),
    (
        "first-cycle results",
        "trading-rules",
        6,
        ["1.79 亿吨", "76.61 亿元", "99.5%"],
        ["179 Mt", "7.661 billion", "99.5 %"],
    ),
    (
        "two years and deadlines",
        "settlement-compliance",
        1,
        ["2019 年和 2020 年", "12 月 15 日", "17:00", "492"],
        ["2019 and 2020", "15 December", "17:00", "492"],
    ),
    (
        "benchmark and four categories",
        "settlement-compliance",
        2,
        ["基准法", "非常规燃煤机组", "燃气机组"],
        ["benchmark method", "unconventional coal", "gas"],
    ),
    (
        "pre-allocation and true-up",
        "settlement-compliance",
        3,
        ["2018 年产出量的 70%", "核定"],
        ["70 % of the unit's 2018 output", "true-up"],
    ),
    (
        "20% cap and gas rule",
        "settlement-compliance",
        4,
        ["20%", "燃气机组", "950,000", "152,500"],
        ["20 %", "gas", "950,000", "152,500"],
    ),
    (
        "surrender steps in the registry",
        "settlement-compliance",
        5,
        ["注册登记系统", "提交清缴", "902,500"],
        ["registry", "Surrender", "902,500"],
    ),
    (
        "Art. 39 and the special review",
        "settlement-compliance",
        6,
        ["第三十九条", "1 万元以上 3 万元以下", "重点排放单位"],
        ["Article 39", "10,000 to 30,000 yuan", "key\nemission companies"],
    ),
    (
        "Art. 40 and first-cycle results",
        "settlement-compliance",
        7,
        ["第四十条", "2 万元以上 3 万元以下", "847", "1,833"],
        ["Article 40", "20,000 to 30,000 yuan", "847", "1,833"],
    ),
    (
        "CCER rules and the 2017 suspension",
        "ccer-offsets",
        1,
        ["第二十九条", "2017 年 3 月"],
        ["Article 29", "March 2017"],
    ),
    ("the 5% limit of the capped obligation", "ccer-offsets", 2, ["47,500", "向下取整"], ["47,500", "round"]),
    ("worked example", "ccer-offsets", 3, ["20,000 吨"], ["20,000 t"]),
    (
        "nine exchanges and the registry account",
        "ccer-offsets",
        4,
        ["九家", "海峡", "自愿减排注册登记系统"],
        ["nine", "Haixia", "voluntary greenhouse-gas emission reduction registry"],
    ),
    ("cancellation and its proof", "ccer-offsets", 5, ["注销", "注销证明"], ["cancelled", "cancellation proof"]),
    ("CCER used in the first cycle", "ccer-offsets", 6, ["3,273 万吨"], ["32.73 Mt"]),
]


@pytest.mark.parametrize(("topic", "slug", "number", "zh_words", "en_words"), TOPICS, ids=[t[0] for t in TOPICS])
def test_each_topic_of_the_first_cycle_is_taught_in_its_lesson(topic, slug, number, zh_words, en_words):
    for language, words in (("zh", zh_words), ("en", en_words)):
        text = lesson_text(lessons(slug, language)[number - 1])
        flat = " ".join(text.split())
        for word in words:
            assert word in text or " ".join(word.split()) in flat, (topic, language, word)
