"""The check-in rows: a burst of distinct trainees at concurrency 50, then an audit in the database.

Ratio = check-ins per second ÷ bare requests per second. Lost = trainees with no
attendance record after the burst; duplicated = records (or "created" history rows)
beyond one per trainee. Failed calls are retried (the check-in is idempotent), as a
phone would retry.
"""

import json
import threading
from collections import Counter

from . import database
from .client import run_calls
from .report import Row, missing_row
from .scenarios import measured

BURST_TRAINEES = 1400
BIG_CHECKINS = 20_000
BIG_TIME_CAP_SECONDS = 150  # keeps `make bench` bounded on a slow or busy machine
CONCURRENCY = 50
P99_GOAL_MS = 150
MAX_ATTEMPTS = 8  # a phone retries a failed check-in; safe because the server's check-in is idempotent
BURST_NAME = "check-in burst, {n} distinct trainees"
LATE_NAME = "check-in burst, {n} trainees, 30 % sent 5 min late (offline)"
BIG_NAME = "{n} check-ins"
GOALS = {"SQLite": "≥ 0.3"}  # no client/server round trip on SQLite, so a higher goal


def goal(db: str) -> str:
    return GOALS.get(db, "≥ 0.25")


def _missing(db: str, reason: str, big: bool, n_burst: int = BURST_TRAINEES, n_big: int = BIG_CHECKINS) -> list[Row]:
    rows = [missing_row(BURST_NAME.format(n=f"{n_burst:,}"), db, goal(db), reason)]
    if big:
        rows.append(missing_row(BIG_NAME.format(n=f"{n_big:,}"), db, goal(db), reason))
    return rows


def postgres_missing_rows(reason: str, n_burst: int = BURST_TRAINEES, n_big: int = BIG_CHECKINS) -> list[Row]:
    return _missing("PostgreSQL", reason, True, n_burst, n_big)


def checkin_calls(manifest: dict, cohort: str) -> list:
    from .seeders.attendance import checkin_calls as build

    return build(manifest, cohort)


def answers_seen(stats) -> dict:
    """What the phones were told: check-ins confirmed, and trainees told "new" more than once."""
    created = Counter()
    confirmed = set()
    for outcome in stats.outcomes:
        if outcome.status == 200:
            answer = json.loads(outcome.body)
            if answer.get("ok"):
                confirmed.add(outcome.key)
                created[outcome.key] += bool(answer.get("created"))
    return {"confirmed": len(confirmed), "told_new_twice": sum(1 for n in created.values() if n > 1)}


def audit_sent(env: dict, manifest: dict, user_ids: list[int], session_key: str = "session_id") -> dict:
    ids_path = database.BENCH_DIR / "audit-ids.json"
    ids_path.write_text(json.dumps(sorted(user_ids)))
    session_id = str(manifest["attendance"][session_key])
    return database.run_django_module(env, "django_probe", "checkins", env["BENCH_MANIFEST"], str(ids_path), session_id)


def run_burst(
    server,
    env: dict,
    manifest: dict,
    cohort: str,
    name: str,
    bare_rate: float,
    on_start=None,
    attempts=MAX_ATTEMPTS,
    time_limit: float | None = None,
    calls=None,
    session_key: str = "session_id",
) -> Row:
    """One check-in per trainee of the cohort at concurrency 50, then the database audit.

    on_start(server) runs in a thread while the burst is in flight (the fault scripts kill
    a worker or restart PostgreSQL there).
    """
    db = env["BENCH_DB_LABEL"]
    calls = checkin_calls(manifest, cohort) if calls is None else calls
    helper = threading.Thread(target=on_start, args=(server,)) if on_start else None
    if helper:
        helper.start()
    stats = measured(
        server, calls, concurrency=CONCURRENCY, keep_body=True, max_attempts=attempts, time_limit=time_limit
    )
    if helper:
        helper.join()
    sent = {int(o.key) for o in stats.outcomes}  # all of them, unless the time cap stopped the burst early
    audit = audit_sent(env, manifest, list(sent), session_key)
    audit.update(answers_seen(stats))
    audit["unconfirmed"] = len(sent) - audit["confirmed"]
    p99 = stats.percentile_ms(99)
    audit["duplicated"] += audit["told_new_twice"]
    goals_met = p99 < P99_GOAL_MS and audit["lost"] == audit["unconfirmed"] == audit["duplicated"] == 0
    detail = (
        f"{stats.rate:.0f} check-ins/s; p50 {stats.percentile_ms(50):.0f} ms; p99 {p99:.0f} ms (goal < {P99_GOAL_MS}); "
        f"server CPU {stats.cpu_ms_per_request:.1f} ms each; "
        f"lost {audit['lost']}, duplicated {audit['duplicated']}, unconfirmed {audit['unconfirmed']}; "
        f"retried {stats.retried}; "
        f"answers {dict(stats.statuses)}"
    )
    if len(sent) < len(calls):
        detail += f"; stopped at the {time_limit:.0f} s cap after {len(sent):,} of {len(calls):,}"
    return Row(
        name.format(n=f"{len(calls):,}"),
        db,
        stats.rate / bare_rate,
        goal(db),
        detail,
        extra={
            "rate": stats.rate,
            "cpu_ms": stats.cpu_ms_per_request,
            "p50_ms": stats.percentile_ms(50),
            "p99_ms": p99,
            "retried": stats.retried,
            "max_ms": max((o.seconds for o in stats.outcomes), default=0) * 1000,
            **audit,
            "goals_met": goals_met,
        },
    )


def burst_rows(server, env: dict, manifest: dict, bare_rate: float, big: bool) -> list[Row]:
    db = env["BENCH_DB_LABEL"]
    attendance = manifest.get("attendance", {})
    if "missing" in attendance:
        cohorts = manifest["trainees"]
        return _missing(db, attendance["missing"], big, len(cohorts["burst"]), len(cohorts["big"]))
    run_calls(server.base_url, checkin_calls(manifest, "readers"), concurrency=10)  # warm-up, not measured
    rows = [run_burst(server, env, manifest, "burst", BURST_NAME, bare_rate)]
    if "late_session_id" in attendance:
        rows.append(late_burst_row(server, env, manifest, bare_rate))
    if big and manifest["trainees"]["big"]:
        rows.append(run_burst(server, env, manifest, "big", BIG_NAME, bare_rate, time_limit=BIG_TIME_CAP_SECONDS))
    return rows


def late_burst_row(server, env: dict, manifest: dict, bare_rate: float) -> Row:
    """The same trainees at a second session: 70 % check in now, 30 % send the code they typed
    five minutes earlier while the venue's network was down (attendance.codes.entry_moment)."""
    from .seeders.attendance import late_checkin_calls

    delayed = database.run_django_module(env, "django_probe", "delayed_code", env["BENCH_MANIFEST"])
    calls = late_checkin_calls(manifest, "burst", delayed)
    return run_burst(server, env, manifest, "burst", LATE_NAME, bare_rate, calls=calls, session_key="late_session_id")
