"""Every page of the role matrix fits a 375 px phone and a 1366 px laptop, in the real browser.

The pages are those of tests/security/test_page_language.py (the role matrix's GETs plus the
public site and the admin pages the roles use), each opened once per language by a role that may
open it and checked at both widths (on the phone, then resized to the laptop). A page fails when
``document.documentElement.scrollWidth > window.innerWidth`` (the whole page scrolls sideways:
wide tables must become cards or scroll inside their own labelled region), when the header
touches the first thing in the main column, or when the Wagtail userbar covers a link. The
English and Chinese pages are also read for text in the other language, with the same rule as
the server-side check.
"""

import pytest
from django.test import Client

from tests.security.page_language import data_values, wrong_language
from tests.security.test_page_language import SKIP_TYPES, pages, url_in
from tests.security.world import build_world

PHONE, LAPTOP = {"width": 375, "height": 812}, {"width": 1366, "height": 768}
# The most capable role first: one visit per URL is enough to judge its layout.
ROLE_ORDER = ["organiser", "coordinator_x", "instructor", "trainee", "coordinator_y", "other_trainee", "anonymous"]

OVERFLOW = """() => {
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth <= width) return null;
  const wide = [...document.querySelectorAll('body *')].filter(el => {
    const box = el.getBoundingClientRect();
    return box.width && box.right > width + 1 && !el.closest('[role=region], .w-sidebar, .sidebar');
  }).slice(0, 3).map(el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
    ? '.' + el.className.trim().split(/\\s+/).join('.') : ''));
  return {scrollWidth: document.documentElement.scrollWidth, width, wide};
}"""

HEADER_GAP = """() => {
  const header = document.querySelector('.site-header');
  const main = document.querySelector('main');
  const first = main && [...main.children].find(el => el.getBoundingClientRect().height > 0);
  if (!header || !first) return null;
  return first.getBoundingClientRect().top - header.getBoundingClientRect().bottom;
}"""

USERBAR_COVERS = """() => {
  const host = document.querySelector('wagtail-userbar');
  const trigger = host && host.shadowRoot && host.shadowRoot.querySelector('button');
  if (!trigger) return [];
  window.scrollTo(0, document.documentElement.scrollHeight);
  const bar = trigger.getBoundingClientRect();
  return [...document.querySelectorAll('main a, main button, footer a')].filter(el => {
    const box = el.getBoundingClientRect();
    return box.width && box.height && box.left < bar.right && box.right > bar.left
      && box.top < bar.bottom && box.bottom > bar.top;
  }).map(el => el.textContent.trim()).slice(0, 3);
}"""

REGIONS = """() => [...document.querySelectorAll('.table-wrap, .report-table-wrap, .report-figure__chart')]
  .filter(el => el.scrollWidth > el.clientWidth + 1)
  .filter(el => el.getAttribute('role') !== 'region' || !el.getAttribute('aria-label') || el.tabIndex !== 0)
  .map(el => el.className)"""


# Files and JSON, not pages (a browser downloads them).
NOT_PAGES = {"attendance:sheet_pdf", "courses:certificate_pdf", "accounts:download_data", "attendance:screen_state",
             "quizzes_admin:bank_export"}  # fmt: skip


def one_visit_per_url():
    chosen = {}
    for request, role in pages():
        if request.target in NOT_PAGES or {"export", "format"} & set(request.query):
            continue
        key = str(request)
        if key not in chosen or ROLE_ORDER.index(role) < ROLE_ORDER.index(chosen[key][1]):
            chosen[key] = (request, role)
    return list(chosen.values())


@pytest.fixture
def bilingual_world(live_server):
    from django.utils import translation
    from wagtail.actions.convert_alias import ConvertAliasPageAction
    from wagtail.models import APIToken, Locale, Page

    from attendance import codes
    from courses.demo import build_workflow_and_permissions
    from home.demo import build_home_pages

    w = build_world()
    build_home_pages()
    build_workflow_and_permissions()
    english = Locale.objects.get(language_code="en")
    for page in Page.objects.descendant_of(w.course, inclusive=True).order_by("path"):
        if page.get_translation_or_none(english) is None:
            with translation.override("en"):
                page.specific.copy_for_translation(english, copy_parents=True)
    for page in Page.objects.filter(locale=english, depth__gt=2).order_by("path"):
        if page.alias_of_id:
            ConvertAliasPageAction(page.specific, user=None).execute(skip_permission_checks=True)
        page = Page.objects.get(pk=page.pk).specific
        page.title = f"English {page.slug}"
        page.save_revision().publish()
    w.course_index = w.course.get_parent().specific
    w.question = w.questions[0]
    w.ticket = codes.make_ticket(w.session.pk, w.venue_x.pk, w.trainee.pk)  # the scanner's own ticket
    w.organiser_token = APIToken.objects.get(user=w.organiser)
    w.data = data_values()
    return w


def signed_in_context(browser, live_server, w, role, viewport, language):
    from accounts.models import User

    context = browser.new_context(viewport=viewport, locale="en-GB" if language == "en" else "zh-CN")
    if role != "anonymous":
        user = getattr(w, role)
        User.objects.filter(pk=user.pk).update(language=language)
        client = Client()
        client.force_login(user)
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    return context


def layout_problems(page, where: str) -> list[str]:
    """What is wrong with the page's layout at the current viewport width."""
    problems = []
    overflow = page.evaluate(OVERFLOW)
    if overflow:
        problems.append(f"{where}: page {overflow['scrollWidth']} px wide in {overflow['width']}: {overflow['wide']}")
    gap = page.evaluate(HEADER_GAP)
    if gap is not None and gap < 8:
        problems.append(f"{where}: main content {gap:.0f} px below the header")
    unlabelled = page.evaluate(REGIONS)
    if unlabelled:
        problems.append(f"{where}: scrolling without a labelled region: {unlabelled}")
    covered = page.evaluate(USERBAR_COVERS)
    if covered:
        problems.append(f"{where}: the userbar covers {covered}")
    return problems


@pytest.mark.parametrize("language", ["zh-hans", "en"], ids=["zh", "en"])
def test_every_page_fits_and_reads_in_one_language(browser, live_server, bilingual_world, language):
    """Each page is loaded once: checked on the phone, read for its language, then widened to the laptop
    and checked again (a resize re-lays the same page, so both widths cost one visit)."""
    w = bilingual_world
    problems, contexts = [], {}
    try:
        for request, role in one_visit_per_url():
            if language == "en" and role == "anonymous" and request.target.startswith("wagtailadmin"):
                continue
            if role not in contexts:
                contexts[role] = signed_in_context(browser, live_server, w, role, PHONE, language)
                contexts[role].new_page()
            page = contexts[role].pages[0]
            where = f"{request} as {role}"
            page.set_viewport_size(PHONE)
            response = page.goto(live_server.url + url_in(w, request, language))
            content_type = (response.headers.get("content-type") if response else "") or ""
            if response is None or any(t in content_type for t in SKIP_TYPES) or "text/csv" in content_type:
                continue
            if response.status != 200:
                problems.append(f"{where}: {response.status}")
                continue
            problems += layout_problems(page, f"{where} at {PHONE['width']} px")
            text = page.evaluate("document.body.innerText")
            wrong = wrong_language(text, language, w.data)
            if wrong:
                problems.append(f"{where}: not in {language}: {wrong[:10]}")
            page.set_viewport_size(LAPTOP)
            assert page.evaluate("window.innerWidth") == LAPTOP["width"], where
            problems += layout_problems(page, f"{where} at {LAPTOP['width']} px")
    finally:
        for context in contexts.values():
            context.close()
    assert not problems, f"{len(problems)} problems in {language}:\n" + "\n".join(problems)


def test_the_checks_really_find_an_overflowing_page(live_server, page):
    """A page made wider than the phone must be caught, or the check above proves nothing."""
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/accounts/login/")
    assert page.evaluate(OVERFLOW) is None
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<table><tr><td>' + 'x'.repeat(400) "
        "+ '</td></tr></table><div style=\"width: 900px\">wide</div>')"
    )
    assert page.evaluate(OVERFLOW)["scrollWidth"] > PHONE["width"]
