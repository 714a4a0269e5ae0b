"""Two app servers behind HAProxy share one PostgreSQL, one Redis and one media folder.

Server A and server B are addressed directly (their own ports) where a test must prove that
what one server did, the other sees; the check-in bursts go through HAProxy. The server kill
runs last (it restarts the server afterwards).
"""

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from tests.attendance.test_burst import post
from tests.cluster.conftest import BURST_TRAINEES
from tests.cluster.seed import DRAFT_TITLE, LIVE_TITLE

pytestmark = pytest.mark.cluster

A, B = 0, 1
CONCURRENCY = 50
PUBLISH_VISIBLE_WITHIN_SECONDS = 2.0  # the bound: GENERATION_RECHECK_SECONDS plus a request
SHEET = "姓名,单位,手机\n集群导入甲,集群测试单位,13800000021\n集群导入乙,集群测试单位,13800000022\n"


def sign_in(base_url: str, email: str, password: str) -> requests.Session:
    """The real login form (allauth), as a browser would send it."""
    browser = requests.Session()
    login_url = f"{base_url}/accounts/login/"
    assert browser.get(login_url, timeout=30).status_code == 200
    answer = browser.post(
        login_url,
        data={"login": email, "password": password, "csrfmiddlewaretoken": browser.cookies["csrftoken"]},
        allow_redirects=False,
        timeout=30,
    )
    assert answer.status_code == 302, answer.status_code
    return browser


def csrf(browser: requests.Session) -> str:
    return browser.cookies["csrftoken"]


def burst_totals(cluster, session_id: int) -> dict:
    out = cluster.run_module("tests.attendance.burst_server", "--count", str(session_id))
    return json.loads(out.strip().splitlines()[-1])


CLIENT_RETRY_PAUSES = (1, 2, 4)


def fire(cluster, phones: list, cookie_name: str, on_progress=None) -> list:
    """Every phone checks in once through HAProxy, CONCURRENCY at a time; (status, seconds, answer) each."""
    done = []

    def one(phone):
        # As checkin.js does: a network error or a 502/503/504 is sent again after 1, 2 and 4 s
        # (safe: the check-in is idempotent). HAProxy retries most of them itself; a request cut
        # after its answer began (the killed server) can only be retried by the phone.
        for pause in (*CLIENT_RETRY_PAUSES, None):
            try:
                result = post(cluster.port, phone, cookie_name)
            except Exception as error:  # a refused or reset connection
                result = (0, 0.0, {"error": repr(error)})
            if result[0] not in (0, 502, 503, 504) or pause is None:
                break
            time.sleep(pause)
        done.append(result)
        if on_progress:
            on_progress(len(done))
        return result

    with ThreadPoolExecutor(CONCURRENCY) as pool:
        return list(pool.map(one, phones))


def test_session_started_on_one_server_works_on_the_other(cluster, seeded):
    browser = sign_in(cluster.app_url(A), seeded["organiser"], seeded["password"])
    profile = browser.get(f"{cluster.app_url(B)}/accounts/profile/", allow_redirects=False, timeout=30)
    assert profile.status_code == 200
    assert seeded["organiser_name"] in profile.text
    # Signing out on B ends the session on A too.
    browser.post(f"{cluster.app_url(B)}/accounts/logout/", data={"csrfmiddlewaretoken": csrf(browser)}, timeout=30)
    again = browser.get(f"{cluster.app_url(A)}/accounts/profile/", allow_redirects=False, timeout=30)
    assert again.status_code == 302 and "/accounts/login/" in again.headers["Location"]


def test_lesson_published_through_a_is_shown_by_b_within_two_seconds(cluster, seeded):
    browser = sign_in(cluster.app_url(A), seeded["organiser"], seeded["password"])
    lesson_on_b = f"{cluster.app_url(B)}{seeded['lesson_url']}"
    for _ in range(6):  # every worker of B has read (and cached) the live version
        page = browser.get(lesson_on_b, timeout=30)
        assert page.status_code == 200 and LIVE_TITLE in page.text and DRAFT_TITLE not in page.text

    publish = f"{cluster.app_url(A)}/admin/bulk/wagtailcore/page/publish/?id={seeded['lesson_id']}"
    assert browser.get(publish, timeout=30).status_code == 200
    answer = browser.post(publish, data={"csrfmiddlewaretoken": csrf(browser)}, allow_redirects=False, timeout=30)
    assert answer.status_code == 302
    published_at = time.monotonic()
    while True:
        text = browser.get(lesson_on_b, timeout=30).text
        waited = time.monotonic() - published_at
        if DRAFT_TITLE in text:
            break
        assert waited < PUBLISH_VISIBLE_WITHIN_SECONDS, f"server B still shows the old lesson after {waited:.1f} s"
        time.sleep(0.05)
    print(f"\n[cluster] lesson published through A shown by B after {waited * 1000:.0f} ms")


def test_failed_login_throttle_counts_across_both_servers(cluster, seeded):
    email = seeded["throttled"]
    # allauth keys the count by the site's host and the email: send the Host that HAProxy passes
    # on to every server (the public one), as the servers are addressed directly here.
    public_host = {"Host": f"127.0.0.1:{cluster.port}"}
    answers = []
    for attempt in range(7):
        base = cluster.app_url(attempt % 2)  # A, B, A, B, …
        browser = requests.Session()
        browser.get(f"{base}/accounts/login/", headers=public_host, timeout=30)
        answer = browser.post(
            f"{base}/accounts/login/",
            data={"login": email, "password": "wrong-password-1", "csrfmiddlewaretoken": csrf(browser)},
            headers=public_host,
            allow_redirects=False,
            timeout=30,
        )
        answers.append(answer.status_code)
    # Five failures for this account in five minutes, wherever they were tried, then 429 on both servers.
    assert answers == [200] * 5 + [429, 429], answers
    # The right password is refused too while the throttle holds.
    browser = requests.Session()
    browser.get(f"{cluster.app_url(A)}/accounts/login/", headers=public_host, timeout=30)
    answer = browser.post(
        f"{cluster.app_url(A)}/accounts/login/",
        data={"login": email, "password": seeded["password"], "csrfmiddlewaretoken": csrf(browser)},
        headers=public_host,
        allow_redirects=False,
        timeout=30,
    )
    assert answer.status_code == 429


def test_sign_in_sheet_uploaded_through_a_is_downloaded_by_its_coordinator_through_b(cluster, seeded):
    session_id, venue_id = seeded["session_id"], seeded["venue_id"]
    browser = sign_in(cluster.app_url(A), seeded["coordinator"], seeded["password"])
    upload = f"{cluster.app_url(A)}/attendance/roster/{session_id}/{venue_id}/import/"
    assert browser.get(upload, timeout=30).status_code == 200
    answer = browser.post(
        upload,
        data={"csrfmiddlewaretoken": csrf(browser)},
        files={"file": ("集群签到表.csv", SHEET.encode("utf-8"), "text/csv")},
        allow_redirects=False,
        timeout=30,
    )
    assert answer.status_code == 302, answer.text[:500]
    preview_on_b = f"{cluster.app_url(B)}{answer.headers['Location']}"
    page = browser.get(preview_on_b, timeout=30)
    assert page.status_code == 200
    # B read the file A stored: its name and both typed-up rows are on the page.
    assert "集群签到表.csv" in page.text and "集群导入甲" in page.text and "集群导入乙" in page.text
    # The file itself, through B's scoped download view (sheets live in private storage, not /media/).
    download = browser.get(f"{preview_on_b.rstrip('/')}/file/", timeout=30)
    assert download.status_code == 200 and download.content.decode("utf-8") == SHEET
    assert not list(Path(cluster.media_root).rglob("*.csv"))  # nothing with personal data under public media


def test_burst_of_1400_split_across_both_servers_leaves_exactly_1400_records(cluster, seeded):
    burst = seeded["burst"]
    before = cluster.served_counts()
    results = fire(cluster, burst["cohorts"][0], burst["session_cookie"])
    after = cluster.served_counts()
    failures = [r for r in results if r[0] != 200 or not r[2].get("ok")]
    assert not failures, failures[:5]
    assert sum(1 for r in results if r[2]["created"]) == BURST_TRAINEES
    share = {name: after[name] - before.get(name, 0) for name in after}
    assert all(n >= BURST_TRAINEES // 4 for n in share.values()) and len(share) == 2, share
    totals = burst_totals(cluster, burst["session_id"])
    assert totals == {
        "records": BURST_TRAINEES,
        "users": BURST_TRAINEES,
        "max_per_user": 1,
        "created_history": BURST_TRAINEES,
    }
    print(f"\n[cluster] burst of {BURST_TRAINEES} through HAProxy: served {share}; database {totals}")


def test_server_killed_in_the_middle_of_a_burst_loses_nothing(cluster, seeded):
    burst = seeded["burst"]
    already = burst_totals(cluster, burst["session_id"])["records"]  # the first cohort, when run together
    killed = []

    def kill_a_third_of_the_way(done: int):
        if done >= BURST_TRAINEES // 3 and not killed:
            killed.append(done)
            cluster.kill_app(A)

    try:
        results = fire(cluster, burst["cohorts"][1], burst["session_cookie"], on_progress=kill_a_third_of_the_way)
    finally:
        cluster.restart_app(A)
    assert killed, "server A was never killed"
    failures = [r for r in results if r[0] != 200 or not r[2].get("ok")]
    assert not failures, failures[:5]
    totals = burst_totals(cluster, burst["session_id"])
    expected = already + BURST_TRAINEES
    assert totals == {"records": expected, "users": expected, "max_per_user": 1, "created_history": expected}
    print(
        f"\n[cluster] server A killed after {killed[0]} of {BURST_TRAINEES} check-ins: all {BURST_TRAINEES} "
        f"answered ok, {sum(1 for r in results if r[2]['created'])} told 'new'; database {totals}"
    )


@pytest.fixture(autouse=True)
def _both_servers_up(cluster):
    """A test that finds a server down (an earlier kill) fails clearly instead of timing out."""
    assert all(process.poll() is None for process in cluster.apps)
