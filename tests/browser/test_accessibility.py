"""axe-core finds no serious or critical violations on the public pages, on a phone and a desktop."""

import pytest

from home.demo import build_home_pages

from .axe import assert_accessible, axe_violations

PAGES = ["/", "/en/", "/accounts/login/", "/accounts/signup/", "/en/accounts/login/"]


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_have_no_serious_violations(live_server, page, screenshot, path):
    build_home_pages()
    page.goto(f"{live_server.url}{path}")
    screenshot("axe")
    assert_accessible(page)


def test_the_checker_really_finds_violations(live_server, page):
    """A page with a nameless button and an unlabelled field must fail, or the check proves nothing."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.evaluate(
        """() => {
            const main = document.querySelector('main') || document.body;
            main.insertAdjacentHTML('beforeend', '<button id="axe-probe"></button><input id="axe-probe-2">');
        }"""
    )
    found = {v["id"] for v in axe_violations(page)}
    assert {"button-name", "label"} <= found
