"""The event day in a real browser: watching the live lecture (a short HLS stream made here
with ffmpeg, played by hls.js) accrues watch time only while playing and visible, replayed
or forged heartbeats add nothing; and a check-in typed while the venue's network is down
is kept on the phone and counted once when the network returns, after the code rotated."""

import json
import shutil
import subprocess
import threading
import time
from datetime import timedelta
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts import roles
from attendance import codes
from attendance.models import AttendanceRecord, ExpectedParticipant, Method, WatchLedger
from tests.attendance.factories import TrainingSessionFactory
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_attendance import phone_shot, sign_in
from tests.factories import UserFactory, VenueFactory

STREAM_PORT = 9950  # this helper's range; the stream has its own origin, as a CDN would
HEARTBEAT_SECONDS = 2
WAIT = 20_000


class CorsHandler(SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def hls_stream(tmp_path):
    """A 60-second test picture as an HLS playlist of 2-second segments, served on its own port."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        pytest.fail("ffmpeg is missing: apt-get install ffmpeg")
    subprocess.run(
        [ffmpeg, "-v", "error", "-f", "lavfi", "-i", "testsrc=size=160x90:rate=10", "-t", "60",
         "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "20",
         "-f", "hls", "-hls_time", "2", "-hls_playlist_type", "vod", str(tmp_path / "lecture.m3u8")],
        check=True,
    )  # fmt: skip
    server = ThreadingHTTPServer(("127.0.0.1", STREAM_PORT), partial(CorsHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{STREAM_PORT}/lecture.m3u8"
    server.shutdown()
    server.server_close()


@pytest.fixture
def stream_settings(settings):
    host = f"127.0.0.1:{STREAM_PORT}"
    settings.WATCH_HEARTBEAT_SECONDS = HEARTBEAT_SECONDS
    settings.LIVESTREAM_HLS_HOSTS = [host]
    directives = dict(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
    for directive in ("connect-src", "media-src"):
        directives[directive] = [*directives[directive], host]
    settings.CONTENT_SECURITY_POLICY = {**settings.CONTENT_SECURITY_POLICY, "DIRECTIVES": directives}


def watched(user) -> float:
    ledger = WatchLedger.objects.filter(user=user).first()
    return ledger.seconds if ledger else 0.0


def wait_until(condition, seconds=25):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.25)
    return False


@pytest.mark.parametrize("viewport", [DESKTOP], indirect=True)
def test_watch_time_accrues_only_while_playing_and_visible(
    live_server, page, viewport, hls_stream, stream_settings, screenshot
):
    venue = VenueFactory(name="东营市分会场")
    start = timezone.now() - timedelta(minutes=1)
    session = TrainingSessionFactory(
        title="全国碳市场配额清缴直播", starts_at=start, ends_at=start + timedelta(minutes=30),
        livestream_url=hls_stream, venues=[venue],
    )  # fmt: skip
    viewer = UserFactory(real_name="王在线", roles=[roles.TRAINEE], default_venue=venue)
    sign_in(page.context, live_server, viewer)
    beats = []
    page.on("request", lambda r: beats.append(r.post_data) if r.url.endswith("/heartbeat/") else None)
    page.goto(f"{live_server.url}/attendance/sessions/{session.pk}/")
    expect(page.get_by_role("heading", name="直播", exact=True)).to_be_visible()
    expect(page.get_by_text("线上出勤")).to_be_visible()
    assert page.evaluate("typeof Hls !== 'undefined' && Hls.isSupported()")  # hls.js from our static files

    page.evaluate("() => { const v = document.querySelector('video'); v.muted = true; return v.play(); }")
    assert wait_until(lambda: watched(viewer) >= 3), "watch time did not accrue while playing"
    screenshot("live-session-playing")

    # Paused: nothing more is credited.
    page.evaluate("document.querySelector('video').pause()")
    time.sleep(1.5)
    paused_at = watched(viewer)
    time.sleep(3 * HEARTBEAT_SECONDS)
    assert watched(viewer) == paused_at

    # Playing again, then the page hidden (another tab, a locked screen): the video keeps playing,
    # but nothing more is credited.
    page.evaluate("document.querySelector('video').play()")
    assert wait_until(lambda: watched(viewer) >= paused_at + 2)
    page.evaluate(
        """() => {
            Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});
            document.dispatchEvent(new Event('visibilitychange'));
        }"""
    )
    time.sleep(1.5)
    hidden_at = watched(viewer)
    time.sleep(3 * HEARTBEAT_SECONDS)
    assert watched(viewer) == hidden_at
    assert page.evaluate("!document.querySelector('video').paused")

    # A heartbeat sent again, and one with a forged signature, add nothing.
    sent = json.loads(next(body for body in reversed(beats) if body and json.loads(body)["played"] != "0.0"))
    replay = page.evaluate(
        """async (body) => {
            const csrf = document.querySelector('[data-watch] input[name=csrfmiddlewaretoken]').value;
            const headers = {'Content-Type': 'application/json', 'X-CSRFToken': csrf};
            const post = (b) => fetch('heartbeat/', {method: 'POST', headers, body: JSON.stringify(b)})
                .then(async r => [r.status, await r.json()]);
            const again = await post(body);
            const forged = await post({...body, seq: body.seq + 1000, played: '15.0', signature: 'ab'.repeat(32)});
            return {again, forged};
        }""",
        sent,
    )
    assert replay["again"][0] == 200 and replay["again"][1]["duplicate"] and replay["again"][1]["credited"] == 0
    assert replay["forged"][0] == 403
    assert watched(viewer) == hidden_at


@pytest.fixture
def offline_event(db):
    venue = VenueFactory(name="利津县分会场")
    session = TrainingSessionFactory(title="县级分会场签到演练", venues=[venue], code_rotation_seconds=15)
    people = [UserFactory(real_name=name, roles=[roles.TRAINEE]) for name in ("赵离线", "钱重开")]
    for person in people:
        ExpectedParticipant.objects.create(session=session, venue=venue, user=person)
    return session, venue, people


@pytest.mark.parametrize("viewport", [PHONE], indirect=True)
def test_check_in_typed_offline_is_sent_when_the_network_returns(live_server, browser, viewport, offline_event):
    session, venue, (stays, reopens) = offline_event
    code = codes.current_code(session.pk, venue.pk, session.code_rotation_seconds).code
    phones = {}
    for person in (stays, reopens):
        context = browser.new_context(viewport=PHONE, locale="zh-CN")
        sign_in(context, live_server, person)
        phone = context.new_page()
        phone.goto(f"{live_server.url}/attendance/check-in/")
        context.set_offline(True)
        phone.get_by_label("屏幕上的签到码").fill(code)
        phone.get_by_role("button", name="签到").click()
        expect(phone.locator(".outcome")).to_contain_text("已保存在本机，尚未确认")
        phones[person] = (context, phone)
    phone_shot(phones[stays][1], "offline-saved")
    assert not AttendanceRecord.objects.exists()
    # The second trainee closes the page while still offline.
    phones[reopens][1].close()

    # Wait until the code on the screen has rotated (and its grace period passed).
    assert wait_until(
        lambda: (
            codes.classify_code(code, session.pk, venue.pk, session.code_rotation_seconds, look_back=False) != "valid"
        ),
        seconds=40,
    )

    context, phone = phones[stays]
    context.set_offline(False)  # the "online" event sends what was kept
    expect(phone.locator(".outcome")).to_contain_text("签到成功", timeout=WAIT)
    expect(phone.locator(".outcome")).to_contain_text(venue.name)

    context, _closed = phones[reopens]
    context.set_offline(False)
    reopened = context.new_page()
    reopened.goto(f"{live_server.url}/attendance/check-in/")  # sent again on the next page load
    expect(reopened.locator(".outcome")).to_contain_text("签到成功", timeout=WAIT)
    reopened.reload()  # nothing is left to send, and nothing is sent twice
    expect(reopened.locator("form[data-checkin-form]")).to_be_visible()
    assert reopened.evaluate("localStorage.getItem('attendance.pending-checkins')") is None

    records = AttendanceRecord.objects.filter(session=session).order_by("user__real_name")
    assert records.count() == 2
    for record in records:
        assert record.method == Method.CODE and record.venue == venue
        assert record.device_time is not None and record.device_time < record.server_time
        # the device time is when the code was typed: the code was valid then, not at the receipt
        assert (
            codes.classify_code(
                code, session.pk, venue.pk, session.code_rotation_seconds, record.device_time.timestamp()
            )
            == "valid"
        )
    for context, _page in phones.values():
        context.close()
