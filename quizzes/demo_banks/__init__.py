"""The demo question banks: one module per demo course, each exposing ``BANK``, in Chinese and English.

Format (agreed between the quiz bank and the course content work)::

    BANK = {
        "course": "trading-rules",            # the demo course's slug (its import source)
        "prefix": "TR",                       # references are "<prefix>-<two digits>"
        "category": {"zh": "交易规则", "en": "Trading rules"},
        "questions": [question, ...],
    }

    question = {
        "ref": "TR-01",                       # the natural key shared by both languages
        "kind": "single" | "multiple" | "true_false" | "numeric" | "settle" | "text",
        "tags": ["trading"],                  # topic tags: trading, settlement, CCER
        "zh": {"stem": str, "options": [str], "explanation": str, "unit": str, "accepted": [str]},
        "en": {...the same keys...},
        # by kind; keys that do not apply are left out:
        "correct": [0] | [0, 2],              # single / multiple: option indices (same order in both languages)
        "correct": True | False,              # true_false
        "scoring": "partial",                 # multiple, optional (default: all or nothing)
        "value": "123.5", "tolerance": "0",   # numeric (strings, read as decimals)
        "settle": {"verified_emissions": 1_000_000, "allowances_held": 930_000, "ccer_held": 80_000},
        "figure": "shortfall",                # settle: the ``courses.calculator.Settlement`` field that is the answer
        "points": "2",                        # optional; default 2 for multiple and settle, else 1
    }

Stems are plain text (one paragraph) or an HTML fragment starting with ``<``; explanations are HTML
fragments that name their source (``sources.cite`` writes them). ``options`` are for single and
multiple, ``unit`` for numeric and settle, ``accepted`` (accepted answers, per language) for text.
``quizzes.demo`` loads every module here; ``bank_problems`` says what is wrong with a bank.
"""

import importlib
import pkgutil

LANGUAGES = ("zh", "en")
KINDS = ("single", "multiple", "true_false", "numeric", "settle", "text")
TEXT_KEYS = {"stem", "options", "explanation", "unit", "accepted"}


def all_banks() -> list[dict]:
    """Every ``BANK`` in this package, in module name order."""
    banks = []
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        bank = getattr(importlib.import_module(f"{__name__}.{module}"), "BANK", None)
        if bank is not None:
            banks.append(bank)
    return banks


def bank_problems(bank: dict) -> list[str]:
    """What breaks the format in one bank (empty when it can be loaded)."""
    problems = []
    for key in ("course", "prefix", "category", "questions"):
        if key not in bank:
            problems.append(f"bank: missing {key!r}")
    if problems:
        return problems
    if set(bank["category"]) != set(LANGUAGES):
        problems.append("bank: the category needs a 'zh' and an 'en' name")
    seen = set()
    for question in bank["questions"]:
        ref = question.get("ref", "?")
        if ref in seen:
            problems.append(f"{ref}: reference used twice")
        seen.add(ref)
        if not str(ref).startswith(f"{bank['prefix']}-"):
            problems.append(f"{ref}: reference does not start with {bank['prefix']}-")
        problems += [f"{ref}: {p}" for p in question_problems(question)]
    return problems


def question_problems(question: dict) -> list[str]:
    kind = question.get("kind")
    if kind not in KINDS:
        return [f"kind {kind!r} is not one of {', '.join(KINDS)}"]
    problems = []
    for language in LANGUAGES:
        texts = question.get(language)
        if not isinstance(texts, dict) or not str(texts.get("stem", "")).strip():
            problems.append(f"{language}: a stem is required")
            continue
        if set(texts) - TEXT_KEYS:
            problems.append(f"{language}: unknown keys {sorted(set(texts) - TEXT_KEYS)}")
        if kind in ("single", "multiple") and len(texts.get("options", [])) < 2:
            problems.append(f"{language}: a choice question needs at least two options")
        if kind == "text" and not texts.get("accepted"):
            problems.append(f"{language}: give at least one accepted answer")
    if kind in ("single", "multiple"):
        counts = {len(question.get(language, {}).get("options", [])) for language in LANGUAGES}
        if len(counts) > 1:
            problems.append("the languages have different numbers of options")
        correct = question.get("correct")
        if not isinstance(correct, list) or not correct or any(i not in range(max(counts)) for i in correct):
            problems.append("'correct' must list option indices")
        elif kind == "single" and len(correct) != 1:
            problems.append("a single-choice question has exactly one correct option")
    if kind == "true_false" and not isinstance(question.get("correct"), bool):
        problems.append("'correct' must be True or False")
    if kind == "numeric" and "value" not in question:
        problems.append("'value' is required")
    if kind == "settle":
        from courses.calculator import Settlement

        if not isinstance(question.get("settle"), dict):
            problems.append("'settle' must give the calculator's inputs")
        if question.get("figure") not in Settlement.__dataclass_fields__:
            problems.append("'figure' must name a field of courses.calculator.Settlement")
    return problems
