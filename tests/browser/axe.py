"""axe-core in the real browser: inject it into a Playwright page, get the serious and critical violations.

    from tests.browser.axe import assert_accessible
    page.goto(url)
    assert_accessible(page)                       # fails listing each rule, why, and where

axe-core comes from the npm registry (package.json pins it; `make test-browser` runs
`npm ci` when node_modules is missing). It is evaluated through the DevTools protocol,
so the site's Content Security Policy, which allows no inline script, stays on.
"""

from pathlib import Path

import pytest

AXE_JS = Path(__file__).resolve().parent.parent.parent / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")
# WCAG 2.1 A and AA plus axe's best practices: what a public-sector site is expected to meet.
RUN_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}


def _inject(page) -> None:
    if page.evaluate("() => typeof window.axe === 'object'"):
        return
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci` (make test-browser does it)")
    page.evaluate(AXE_JS.read_text(encoding="utf-8"))


def axe_violations(page, impacts=BLOCKING_IMPACTS, selector: str | None = None) -> list[dict]:
    """Violations of the given impacts on the page (or inside `selector`), as plain dicts."""
    _inject(page)
    results = page.evaluate(
        "async ([context, options]) => await axe.run(context || document, options)", [selector, RUN_OPTIONS]
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [" ".join(node["target"]) for node in v["nodes"]][:5],
            "summary": v["nodes"][0].get("failureSummary", "") if v["nodes"] else "",
        }
        for v in results["violations"]
        if v["impact"] in impacts
    ]


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"- {v['impact']} {v['id']}: {v['help']} at {', '.join(v['targets'])}\n  {v['summary']}" for v in violations
    )


def assert_accessible(page, selector: str | None = None) -> None:
    """Fail with a readable list when axe finds serious or critical violations."""
    violations = axe_violations(page, selector=selector)
    assert not violations, f"axe-core found on {page.url}:\n{describe(violations)}"
