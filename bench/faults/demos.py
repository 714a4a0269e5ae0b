"""The four fault demonstrations; each returns {"name", "passed", "detail"}."""

import os
import random
import signal
import time

import requests

from .. import checkins, database
from ..client import CSRF_SECRET, run_calls
from ..server import Server
from . import cluster


def _outcome(name: str, passed: bool, detail: str) -> dict:
    return {"name": name, "passed": bool(passed), "detail": detail}


def _burst_detail(row) -> str:
    e = row.extra
    return (
        f"{e['trainees']} trainees: confirmed {e['confirmed']}, records {e['records']}, lost {e['lost']}, "
        f"duplicated {e['duplicated']}; {e['retried']} check-ins needed a retry; slowest {e['max_ms']:.0f} ms"
    )


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return ""


def kill_worker_during_burst(server: Server, env: dict, manifest: dict) -> dict:
    """SIGKILL three gunicorn workers mid-burst (busy ones first); the master replaces them and phones retry."""
    killed = []

    def kill(srv):
        for delay in (0.8, 1.0, 1.0):
            time.sleep(delay)
            pids = srv.worker_pids()
            busy = [pid for pid in pids if _state(pid) == "R"]  # on the CPU: in the middle of a request
            if pids:
                victim = random.choice(busy or pids)
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

    row = checkins.run_burst(server, env, manifest, "burst", "kill", 1.0, on_start=kill)
    e = row.extra
    passed = len(killed) == 3 and e["lost"] == e["duplicated"] == e["unconfirmed"] == 0
    return _outcome("gunicorn worker killed during a check-in burst", passed, f"killed {killed}; " + _burst_detail(row))


def postgres_restart_under_load(server: Server, env: dict, manifest: dict, cluster_name: str) -> dict:
    """Restart the PostgreSQL cluster one second into a burst; no manual step afterwards."""
    timing = {}

    def restart(_srv):
        time.sleep(1.0)
        started = time.monotonic()
        cluster.restart(cluster_name)
        timing["restart_s"] = time.monotonic() - started

    row = checkins.run_burst(server, env, manifest, "burst", "restart", 1.0, on_start=restart, attempts=40)
    e = row.extra
    after = run_calls(server.base_url, checkins.checkin_calls(manifest, "readers")[:5], concurrency=5)
    passed = e["lost"] == e["duplicated"] == e["unconfirmed"] == 0 and after.statuses == {200: 5}
    detail = (
        f"pg_ctlcluster restart took {timing.get('restart_s', float('nan')):.1f} s; "
        + _burst_detail(row)
        + f"; check-ins afterwards: {dict(after.statuses)} with no restart of gunicorn"
    )
    return _outcome("PostgreSQL restarted under load", passed, detail)


def database_down(server: Server, env: dict, manifest: dict, cluster_name: str) -> dict:
    """Stop the database: check-ins get 503 + JSON, nothing is written; after it is back they succeed."""
    group = manifest["trainees"]["readers"][5:25]
    calls = [c for c in checkins.checkin_calls(manifest, "readers") if int(c.key) in {t["id"] for t in group}]
    cluster.stop(cluster_name)
    try:
        down = run_calls(server.base_url, calls, concurrency=10, keep_body=True, max_attempts=1)
    finally:
        cluster.start(cluster_name)
    codes = {o.body.decode()[:200] for o in down.outcomes}
    reader_ids = [t["id"] for t in manifest["trainees"]["readers"]]
    written = checkins.audit_sent(env, manifest, reader_ids)
    retry = run_calls(server.base_url, calls, concurrency=10, keep_body=True, max_attempts=10)
    seen = checkins.answers_seen(retry)
    final = checkins.audit_sent(env, manifest, reader_ids)
    passed = (
        down.statuses == {503: len(calls)}
        and all('"code": "database_unavailable"' in c for c in codes)
        and written["records"] == final["records"] - len(calls)
        and seen["confirmed"] == len(calls)
        and final["duplicated"] == 0
    )
    detail = (
        f"database stopped: {dict(down.statuses)} for {len(calls)} check-ins, code database_unavailable, "
        f"Retry-After 5; records written while down: {written['records'] - (final['records'] - len(calls))}; "
        f"after restart the same phones retried: {seen['confirmed']} confirmed, "
        f"duplicated {final['duplicated']}"
    )
    return _outcome("database unavailable", passed, detail)


def _upload(base_url: str, admin: dict, manifest: dict) -> requests.Response:
    cookies = {manifest["session_cookie"]: admin["session"], manifest["csrf_cookie"]: CSRF_SECRET}
    return requests.post(
        f"{base_url}/admin/documents/add/",
        data={"title": "签到表", "collection": admin["collection"], "csrfmiddlewaretoken": CSRF_SECRET},
        files={"file": ("sheet.txt", "签到表\n".encode(), "text/plain")},
        cookies=cookies,
        headers={"Referer": f"{base_url}/admin/documents/add/"},
        allow_redirects=False,
        timeout=30,
    )


def media_read_only(env: dict, manifest: dict, log_dir) -> dict:
    """Upload a document with writable media (control), then with media mounted read-only."""
    media = os.path.join(env["MEDIA_ROOT"], "documents")
    os.makedirs(media, exist_ok=True)
    admin = database.run_django_module(env, "faults.probe", "admin-session")
    count = lambda: database.run_django_module(env, "faults.probe", "documents")["documents"]  # noqa: E731
    before = count()
    with Server(env, log_dir / "gunicorn-media.log") as server:
        control = _upload(server.base_url, admin, manifest)
    after_control = count()
    with Server(env, log_dir / "gunicorn-media-ro.log", read_only=env["MEDIA_ROOT"]) as server:
        refused = _upload(server.base_url, admin, manifest)
    after_refused = count()
    passed = (
        control.status_code == 302
        and after_control == before + 1
        and refused.status_code == 503
        and ("uploads are paused" in refused.text or "上传暂停" in refused.text)  # the admin user's language
        and after_refused == after_control
    )
    detail = (
        f"writable media: HTTP {control.status_code}, documents {before}→{after_control}; "
        f'read-only media: HTTP {refused.status_code} "{_message(refused.text)}", '
        f"documents {after_control}→{after_refused} (nothing saved)"
    )
    return _outcome("media storage read-only", passed, detail)


def _message(html: str) -> str:
    start = html.find("<p>")
    return html[start + 3 : html.find("</p>", start)] if start >= 0 else html[:120]
