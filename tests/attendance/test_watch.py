"""Watch-time evidence: signed heartbeats credit at most real time, once, from one device;
reaching the threshold records attendance "online" with its history; stream links are bounded."""

import json
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from attendance import watch
from attendance.models import AttendanceChange, AttendanceRecord, ExpectedParticipant, Method, Status, WatchLedger
from attendance.services import AttendanceError
from attendance.stream import stream_for
from tests.attendance.factories import TrainingSessionFactory

pytestmark = pytest.mark.django_db
INTERVAL = 15


@pytest.fixture(autouse=True)
def heartbeat_interval(settings):
    settings.WATCH_HEARTBEAT_SECONDS = INTERVAL
    settings.LIVESTREAM_HLS_HOSTS = ["live.example.cn"]
    settings.LIVESTREAM_EMBED_HOSTS = ["player.bilibili.com"]


@pytest.fixture
def live(venue):
    """A 10-minute lecture that started 1 minute ago; 80 % of it is 8 minutes (25 gaps of 23 s fit)."""
    start = timezone.now() - timedelta(minutes=1)
    return TrainingSessionFactory(
        title="配额清缴直播课",
        starts_at=start,
        ends_at=start + timedelta(minutes=10),
        livestream_url="https://live.example.cn/hls/lecture.m3u8",
        venues=[venue],
    )


class Device:
    """A page as watch.js is: a device id, its key, and numbered signed heartbeats."""

    def __init__(self, user, session):
        self.user, self.session, self.id, self.seq = user, session, watch.new_device_id(), 0

    def beat(self, played, now, *, seq=None, signature=None):
        self.seq = seq if seq is not None else self.seq + 1
        played = f"{played:.1f}"
        signature = signature or watch.sign_heartbeat(self.user.pk, self.session.pk, self.id, self.seq, played)
        return watch.record_heartbeat(
            self.user, self.session, device_id=self.id, seq=self.seq, played=played, signature=signature, now=now
        )


def test_credit_never_exceeds_real_time(live, trainee):
    device, t = Device(trainee, live), live.starts_at + timedelta(seconds=30)
    assert device.beat(0, t).credited == 0  # the first heartbeat starts the clock
    assert device.beat(15, t + timedelta(seconds=15)).credited == 15
    assert device.beat(15, t + timedelta(seconds=20)).credited == 5  # only 5 s went by
    assert device.beat(60, t + timedelta(seconds=80)).credited == INTERVAL  # capped at one interval
    assert device.beat(3, t + timedelta(seconds=200)).credited == 3  # paused in between: only what played
    assert WatchLedger.objects.get().seconds == 38


def test_replayed_and_forged_heartbeats_add_nothing(live, trainee, make_trainee):
    device, t = Device(trainee, live), live.starts_at + timedelta(seconds=30)
    device.beat(0, t)
    device.beat(15, t + timedelta(seconds=15))
    replay = device.beat(15, t + timedelta(seconds=30), seq=2)
    assert replay.duplicate and replay.credited == 0
    with pytest.raises(AttendanceError) as forged:
        device.beat(15, t + timedelta(seconds=45), signature="0" * 64)
    assert forged.value.code == "forged_heartbeat"
    # Another person's key does not sign this person's heartbeat.
    other = make_trainee()
    stolen = watch.sign_heartbeat(other.pk, live.pk, device.id, 9, "15.0")
    with pytest.raises(AttendanceError):
        device.beat(15, t + timedelta(seconds=60), seq=9, signature=stolen)
    assert WatchLedger.objects.get(user=trainee).seconds == 15


def test_a_second_device_takes_over(live, trainee):
    phone, pc, t = Device(trainee, live), Device(trainee, live), live.starts_at + timedelta(seconds=30)
    phone.beat(0, t)
    phone.beat(15, t + timedelta(seconds=15))
    assert pc.beat(0, t + timedelta(seconds=20)).credited == 0  # takes over, clock restarts
    with pytest.raises(AttendanceError) as refused:
        phone.beat(15, t + timedelta(seconds=30))
    assert refused.value.code == "other_device"
    assert pc.beat(15, t + timedelta(seconds=35)).credited == 15
    assert WatchLedger.objects.get().seconds == 30


def test_reaching_the_threshold_records_online_attendance_once(live, venue, trainee):
    ExpectedParticipant.objects.create(session=live, venue=venue, user=trainee)
    device, t = Device(trainee, live), live.starts_at
    device.beat(0, t)
    result = None
    for step in range(1, 33):  # 32 heartbeats of 15 s = 8 minutes
        result = device.beat(15, t + timedelta(seconds=15 * step))
        if step < 32:
            assert not result.attended and not AttendanceRecord.objects.exists()
    assert result.attended
    record = AttendanceRecord.objects.get()
    assert (record.method, record.status, record.venue) == (Method.ONLINE, Status.PRESENT, venue)
    change = AttendanceChange.objects.get(record=record)  # history, as for every record
    assert change.method == Method.ONLINE and change.to_status == Status.PRESENT
    device.beat(15, t + timedelta(seconds=15 * 33))
    assert AttendanceRecord.objects.count() == 1 and AttendanceChange.objects.count() == 1


def test_an_absent_mark_becomes_present_online(live, venue, trainee, venue_coordinator):
    from attendance.models import SessionVenue
    from attendance.services import mark

    trainee.default_venue = venue
    trainee.save()
    mark(SessionVenue.objects.get(session=live, venue=venue), [trainee.pk], Status.ABSENT, by=venue_coordinator)
    with timezone.override("UTC"):
        assert watch.record_online_attendance(trainee, live, now=timezone.now())
    record = AttendanceRecord.objects.get()
    assert record.status == Status.PRESENT
    assert record.changes.last().method == Method.ONLINE


def test_heartbeats_outside_the_lecture_are_refused(live, trainee):
    device = Device(trainee, live)
    with pytest.raises(AttendanceError) as info:
        device.beat(0, live.ends_at + timedelta(minutes=1))
    assert info.value.code == "not_live"


@hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 23), st.floats(0, 150), st.booleans()), min_size=1, max_size=25))
def test_total_credit_is_bounded_by_wall_time_whatever_the_page_sends(live, trainee, beats):
    """Any sequence of heartbeats (gaps, claimed seconds, replays) credits at most the time that passed."""
    WatchLedger.objects.all().delete()
    device, t0 = Device(trainee, live), live.starts_at
    t = t0
    for gap, played, replay in beats:
        t += timedelta(seconds=gap)
        device.beat(played, t, seq=max(device.seq, 1) if replay else None)
    ledger = WatchLedger.objects.get()
    assert ledger.seconds <= (t - t0).total_seconds() + 1e-6


def test_heartbeat_endpoint(client, live, trainee):
    client.force_login(trainee)
    page = client.get(reverse("attendance:session", args=[live.pk]))
    html = page.content.decode()
    assert page.status_code == 200 and "配额清缴直播课" in html and "lecture.m3u8" in html
    assert "vendor/hls.min.js" in html and "线上" in html
    device = html.split('data-device="', 1)[1].split('"', 1)[0]
    url = reverse("attendance:heartbeat", args=[live.pk])

    def post(seq, played="0.0", signature=None):
        signature = signature or watch.sign_heartbeat(trainee.pk, live.pk, device, seq, played)
        body = {"device": device, "seq": seq, "played": played, "signature": signature}
        return client.post(url, json.dumps(body), content_type="application/json")

    assert post(1).json()["ok"]
    assert post(1).json()["duplicate"]
    assert post(2, signature="f" * 64).status_code == 403
    assert client.post(url, "not json", content_type="application/json").status_code == 400
    assert client.post(url, "x" * 5000, content_type="application/json").status_code == 400
    assert post(3, played="nan").status_code == 400


@pytest.mark.parametrize(
    "url, kind",
    [
        ("https://live.example.cn/hls/a.m3u8", "hls"),
        ("https://cdn.live.example.cn/a.m3u8?token=1", "hls"),
        ("https://player.bilibili.com/player.html?bvid=BV1", "embed"),
        ("https://evil.example.com/a.m3u8", None),
        ("https://player.bilibili.com.evil.cn/x", None),
        ("http://player.bilibili.com/x", None),
        ("javascript:alert(1)", None),
        ("https://user:pw@live.example.cn/a.m3u8", None),
        ("https://live.example.cn/" + "a" * 600 + ".m3u8", None),
    ],
)
def test_stream_links_are_bounded_to_allowed_hosts(url, kind):
    stream = stream_for(url)
    assert (stream.kind if stream else None) == kind


def test_the_model_refuses_a_stream_from_elsewhere(live):
    live.livestream_url = "https://evil.example.com/x.m3u8"
    with pytest.raises(ValidationError) as info:
        live.full_clean()
    assert "livestream_url" in info.value.message_dict
