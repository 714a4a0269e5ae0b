"""1,400 concurrent check-ins against a real server (gunicorn, 4 sync workers) on a file-backed
SQLite database, and on PostgreSQL when DATABASE_URL is set.

Every trainee checks in at once (threads released together), a tenth of them twice: the
database must end with exactly one record and one "created" history row per trainee, and no
request may fail. Latencies are printed (run with -s to see them); nothing is asserted
about time.
"""

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRAINEES = 1400
REPEATS = 140
CSRF = "burstcsrfsecretburstcsrfsecret12"  # 32 characters: an unmasked CSRF secret


def backends():
    names = ["sqlite"]
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        names.append("postgresql")
    return names


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server_env(request, tmp_path):
    """Environment for a fresh database of the requested kind (dropped afterwards)."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.test", "VAR_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)})
    if request.param == "sqlite":
        yield env
        return
    import psycopg

    base = urlsplit(os.environ["DATABASE_URL"])
    name = f"burst_{os.getpid()}_{int(time.time())}"
    admin_url = urlunsplit(base._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    env["DATABASE_URL"] = urlunsplit(base._replace(path=f"/{name}"))
    yield env
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(env, *args):
    subprocess.run([sys.executable, *args], cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)


def post(port: int, phone: dict, cookie_name: str) -> tuple[int, float, dict]:
    body = f"csrfmiddlewaretoken={CSRF}&device_time=".encode()
    headers = {
        "Cookie": f"{cookie_name}={phone['cookie']}; csrftoken={CSRF}",
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/json",
        "Host": "127.0.0.1",
    }
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request("POST", phone["path"], body=body, headers=headers)
        response = conn.getresponse()
        payload = response.read()
    finally:
        conn.close()
    elapsed = time.perf_counter() - started
    try:
        data = json.loads(payload)
    except ValueError:
        data = {"raw": payload[:200].decode(errors="replace")}
    return response.status, elapsed, data


def warm_up(port: int, phones: list, cookie_name: str) -> None:
    """Let every worker load its code and templates first (GET shows the page; it checks nobody in)."""
    for phone in phones:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", phone["path"], headers={"Cookie": f"{cookie_name}={phone['cookie']}", "Host": "127.0.0.1"})
        assert conn.getresponse().status == 200
        conn.close()


@pytest.mark.parametrize("server_env", backends(), indirect=True)
def test_1400_concurrent_check_ins(server_env, tmp_path):
    run(server_env, "manage.py", "migrate", "--noinput", "-v0")
    manifest_path = tmp_path / "phones.json"
    run(server_env, "-m", "tests.attendance.burst_server", str(manifest_path), str(TRAINEES))
    manifest = json.loads(manifest_path.read_text())
    port = free_port()
    command = [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "4", "--backlog", "2048", "--timeout", "120", "--log-level", "warning"]
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env=server_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.time() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.time() < deadline and server.poll() is None, "server did not start"
                time.sleep(0.2)

        phones = manifest["phones"]
        warm_up(port, phones[:16], manifest["session_cookie"])
        calls = phones + phones[:REPEATS]  # a tenth scan twice, at the same moment
        results = [None] * len(calls)
        barrier = threading.Barrier(len(calls))

        def worker(index, phone):
            barrier.wait()
            try:
                results[index] = post(port, phone, manifest["session_cookie"])
            except Exception as exc:  # a refused connection counts as a failure below
                results[index] = (0, 0.0, {"error": repr(exc)})

        threads = [threading.Thread(target=worker, args=(i, p), daemon=True) for i, p in enumerate(calls)]
        for thread in threads:
            thread.start()
        started = time.perf_counter()
        for thread in threads:
            thread.join(timeout=300)
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    statuses = [r[0] for r in results]
    failures = [r for r in results if r[0] != 200 or not r[2].get("ok")]
    assert not failures, failures[:5]
    assert not any(s >= 500 for s in statuses)
    assert sum(1 for r in results if r[2]["created"]) == TRAINEES

    out = subprocess.run(
        [sys.executable, "-m", "tests.attendance.burst_server", "--count", str(manifest["session_id"])],
        cwd=ROOT,
        env=server_env,
        check=True,
        capture_output=True,
        text=True,
    )
    totals = json.loads(out.stdout.strip().splitlines()[-1])
    assert totals == {"records": TRAINEES, "users": TRAINEES, "max_per_user": 1, "created_history": TRAINEES}

    latencies = sorted(r[1] * 1000 for r in results)
    p50 = statistics.median(latencies)
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    backend = "PostgreSQL" if "DATABASE_URL" in server_env else "SQLite (file, WAL)"
    print(
        f"\n[burst] {backend}: {len(calls)} check-ins ({TRAINEES} trainees + {REPEATS} repeats) released at once, "
        f"gunicorn 4 sync workers: p50 {p50:.0f} ms, p99 {p99:.0f} ms, max {latencies[-1]:.0f} ms, "
        f"wall {wall:.1f} s, {len(calls) / wall:.0f} check-ins/s"
    )
