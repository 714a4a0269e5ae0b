"""The bench's own machinery, small: seed through the apps, one tiny check-in burst against a live server.

No timing is asserted; what is asserted is that every trainee is checked in exactly once,
that the pages the bench measures answer 200 to the signed-in sessions it created, and
that a missing feature becomes an n/a row instead of a crash.
"""

import json

import pytest
from django.urls import reverse

from bench import report
from bench.checkins import answers_seen, checkin_calls
from bench.client import Call, run_calls
from bench.seed import seed
from bench.seeders import FeatureMissing, attendance, require

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_seed_and_a_tiny_burst_against_a_live_server(live_server):
    manifest = json.loads(json.dumps(seed(burst=12, big=0, course_sizes=[10], graders=2)))
    for app in ("courses", "attendance", "quizzes"):
        assert "missing" not in manifest[app], manifest[app]

    # Twice each, as a phone retrying would: still one record per trainee.
    calls = checkin_calls(manifest, "burst") * 2
    stats = run_calls(live_server.url, calls, concurrency=4, keep_body=True, max_attempts=3)
    assert stats.statuses == {200: 24}
    seen = answers_seen(stats)
    assert seen == {"confirmed": 12, "told_new_twice": 0}
    audit = attendance.audit(manifest["attendance"]["session_id"], [t["id"] for t in manifest["trainees"]["burst"]])
    assert audit == {"trainees": 12, "records": 12, "lost": 0, "duplicated": 0}

    cookie = {manifest["session_cookie"]: manifest["trainees"]["readers"][0]["session"]}
    courses = manifest["courses"]
    pages = [Call(courses["index_path"]), Call(courses["lesson_path"], cookies=cookie)]
    pages.append(Call(courses["course_paths"]["10"], cookies=cookie))
    page_stats = run_calls(live_server.url, pages, concurrency=1, keep_body=True)
    assert [o.status for o in page_stats.outcomes] == [200, 200, 200]
    signed_in = [reverse("account_logout").encode() in o.body for o in page_stats.outcomes]
    assert signed_in == [False, True, True]  # the seeded session cookies really sign the trainee in


def test_bare_view_is_mounted_only_by_the_bench_settings(client, settings):
    assert client.get("/__bench__/bare/").status_code == 404  # the site's own URLs
    settings.ROOT_URLCONF = "bench.urls"
    response = client.get("/__bench__/bare/")
    assert response.status_code == 200 and response.content == b"ok"


def test_a_missing_feature_is_an_na_row_not_a_crash():
    with pytest.raises(FeatureMissing):
        require("reports.no_such_module_yet")
    row = report.missing_row("export ratios", "—", "", "not built", "not available yet")
    ok = report.Row("check-in burst", "SQLite", 0.31, "≥ 0.25", extra={"goals_met": False})
    lines = report.table_lines([row, ok])
    assert "not available yet" in lines[2]
    assert "0.31" in lines[3] and "NO" in lines[3]  # ratio met, but p99/lost/duplicated were not
