"""The demo question banks: enough questions in both languages, no give-aways, sound answers.

These read the bank modules directly (no database): they check what a trainee would notice —
a right option that is always the longest, a phrase only the right option carries, a stem that
misstates the scoring — and recompute every settlement answer from the first-cycle rules.
"""

import inspect
import re
from decimal import Decimal

import pytest

from courses.calculator import settle
from quizzes.demo_banks import LANGUAGES, all_banks, bank_problems
from quizzes.demo_banks.sources import ALL_OR_NOTHING_RULE, PARTIAL_RULE
from quizzes.services.grading import parse_number

BANKS = {bank["course"]: bank for bank in all_banks()}
COURSES = ("trading-rules", "settlement-compliance", "ccer-offsets")
CJK = re.compile(r"[\u4e00-\u9fff]")


def questions(kind=None):
    for bank in BANKS.values():
        for question in bank["questions"]:
            if kind is None or question["kind"] in kind:
                yield question


def option_lengths(options: list[str], language: str) -> list[int]:
    """What a reader perceives as length: characters in Chinese, words in English."""
    return [len(re.sub(r"\s", "", o)) if language == "zh" else len(o.split()) for o in options]


def phrases(text: str, language: str) -> set[str]:
    """Runs a reader recognises: 4 Chinese characters, or 3 English words in a row."""
    if language == "zh":
        runs = re.findall(r"[\u4e00-\u9fff]{4,}", text)
        return {run[i : i + 4] for run in runs for i in range(len(run) - 3)}
    words = re.findall(r"[a-z0-9%]+", text.lower())
    return {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}


def first_cycle_reference(verified_emissions, allowances_held, ccer_held, free_allocation=None, unit_type=None):
    """The FACTS rules written out independently of courses.calculator."""
    due = verified_emissions
    if free_allocation is not None and unit_type:
        cap = free_allocation if unit_type == "gas" else free_allocation + verified_emissions * 20 // 100
        due = min(verified_emissions, cap)
    max_usable = due * 5 // 100
    usable = min(ccer_held, max_usable)
    return {
        "allowances_due": due,
        "max_usable_ccer": max_usable,
        "usable_ccer": usable,
        "shortfall": max(0, due - allowances_held - usable),
        "surplus": max(0, allowances_held + usable - due),
    }


def answer_of(question) -> Decimal:
    if question["kind"] == "settle":
        return Decimal(first_cycle_reference(**question["settle"])[question["figure"]])
    return Decimal(question["value"])


@pytest.mark.parametrize("course", COURSES)
def test_each_course_has_a_sound_bank_of_at_least_25_questions_in_both_languages(course):
    bank = BANKS[course]
    assert bank_problems(bank) == []
    assert len(bank["questions"]) >= 25
    for question in bank["questions"]:
        for language in LANGUAGES:
            texts = question[language]
            assert texts["stem"].strip() and texts["explanation"].strip()
            label = "来源：" if language == "zh" else "Source:"
            assert label in texts["explanation"], (question["ref"], language)
        assert CJK.search(question["zh"]["stem"]), question["ref"]
        assert not CJK.search(question["en"]["stem"] + " ".join(question["en"].get("options", []))), question["ref"]


@pytest.mark.parametrize("course", COURSES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_right_option_is_not_the_longest_or_shortest_more_often_than_chance_allows(course, language):
    singles = [q for q in BANKS[course]["questions"] if q["kind"] == "single" and len(q[language]["options"]) == 4]
    assert len(singles) >= 10
    longest = shortest = 0
    for question in singles:
        lengths = option_lengths(question[language]["options"], language)
        right = question["correct"][0]
        others = [length for index, length in enumerate(lengths) if index != right]
        # The single longest (or shortest) option: equal lengths tell a guesser nothing.
        longest += all(lengths[right] > length for length in others)
        shortest += all(lengths[right] < length for length in others)
    # Chance is 1 in 4; 40 % leaves room for honest answers that need more (or fewer) words.
    assert longest / len(singles) <= 0.40, f"{longest} of {len(singles)} right options are the longest"
    assert shortest / len(singles) <= 0.40, f"{shortest} of {len(singles)} right options are the shortest"


@pytest.mark.parametrize("course", COURSES)
def test_the_right_options_do_not_sit_in_one_position(course):
    positions = [q["correct"][0] for q in BANKS[course]["questions"] if q["kind"] == "single"]
    most_common = max(positions.count(p) for p in set(positions))
    assert most_common / len(positions) <= 0.5
    assert len(set(positions)) >= 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_phrase_marks_out_the_right_option_alone(language):
    """A give-away: the right option carries wording of its own while every wrong option is bare."""
    offenders = []
    for question in questions(("single", "multiple")):
        options = question[language]["options"]
        own = []
        for index, option in enumerate(options):
            others = set().union(*(phrases(o, language) for i, o in enumerate(options) if i != index))
            own.append(bool(phrases(option, language) - others))
        right = set(question["correct"])
        if any(own[i] for i in right) and not any(own[i] for i in range(len(options)) if i not in right):
            offenders.append(question["ref"])
    assert offenders == []


def test_the_phrase_check_catches_the_old_price_limit_give_away():
    options = ["上一交易日收盘价的 ±10%", "±5%", "±20%", "±30%"]
    own = [bool(phrases(o, "zh") - set().union(*(phrases(x, "zh") for x in options if x != o))) for o in options]
    assert own == [True, False, False, False]


def test_multiple_choice_stems_state_the_scoring_rule_they_are_scored_by():
    for question in questions(("multiple",)):
        partial = question.get("scoring") == "partial"
        for language in LANGUAGES:
            stem = question[language]["stem"]
            expected, other = (PARTIAL_RULE, ALL_OR_NOTHING_RULE) if partial else (ALL_OR_NOTHING_RULE, PARTIAL_RULE)
            assert expected[language] in stem and other[language] not in stem, (question["ref"], language)
    for question in questions(("single", "true_false", "numeric", "settle", "text")):
        for language in LANGUAGES:
            assert "得分" not in question[language]["stem"] and "score" not in question[language]["stem"].lower()


def test_settlement_answers_follow_the_first_cycle_rules_and_the_explanations_show_them():
    capped = 0
    for question in questions(("settle",)):
        inputs = question["settle"]
        reference = first_cycle_reference(**inputs)
        answer = reference[question["figure"]]
        for language in LANGUAGES:
            assert f"{answer:,}" in question[language]["explanation"], (question["ref"], language)
        if "free_allocation" in inputs:
            capped += 1
        if "free_allocation" not in inputs or "free_allocation" in inspect.signature(settle).parameters:
            assert getattr(settle(**inputs), question["figure"]) == answer, question["ref"]
    assert capped >= 6  # the 20 % cap and the gas-unit rule are tested, not only the plain formula


def test_numeric_answers_accept_the_way_officials_write_them():
    checked = 0
    for question in questions(("numeric", "settle")):
        answer = answer_of(question)
        unit = question["zh"].get("unit", "")
        assert parse_number(f"{answer:,}", unit) == answer
        if answer >= 10_000 and answer % 100 == 0:
            wan = (answer / 10_000).normalize()
            assert parse_number(f"{wan:f}万{unit}", unit) == answer, question["ref"]
            checked += 1
    assert checked >= 10


def test_allowances_are_counted_in_tonnes_never_pieces():
    for question in questions():
        for language in LANGUAGES:
            text = " ".join(str(v) for v in question[language].values())
            assert not re.search(r"\d\s*万?个\s*(配额|CCER|碳排放配额)", text), question["ref"]
