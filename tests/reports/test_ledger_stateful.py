"""Random sequences of what coordinators and trainees really do, then the same figures everywhere:
at the end of each run the venue screen, the roster home and summary (and its filters), every report
level, the CSV exports and the API agree with the attendance ledger; parents are the sum of their
children; rates stay within 0–100 %. Steps check what they show themselves (the roster page and
screen a coordinator opens, a head count's gap, a refused wrong venue).
CI runs LEDGER_EXAMPLES=200 runs of up to ten steps (.ci/run); 20 by default.

Each example builds a small province (two cities, a county venue, a city-level venue, a venue in
another city) inside a savepoint that is rolled back afterwards.
"""

import os
import time

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from wagtail.models import APIToken

from accounts import roles
from accounts.privacy import anonymise_user
from attendance import checkin, codes, ledger, services, sheet_import
from attendance.models import AttendanceRecord, ExpectedParticipant, Method, SessionVenue, Status
from tests.factories import UserFactory

from . import ledger_checks as read
from .factories import make_session, make_trainee, make_unit, make_venue

pytestmark = pytest.mark.django_db(transaction=False)

PEOPLE = 6
VENUES = 3
person_index = st.integers(0, PEOPLE - 1)
venue_index = st.integers(0, VENUES - 1)
statuses = st.sampled_from(Status.values)
SHEET_WORDS = ["出席", "迟到", "请假", "缺席"]


class AttendanceLedgerMachine(RuleBasedStateMachine):
    """The world lives in a savepoint opened by ``build`` and rolled back in ``teardown``."""

    @initialize()
    def build(self):
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        cache.clear()  # session info is cached by id, and ids come back after a rollback
        checkin.forget_recent_sessions()
        self.venues = [
            make_venue("370100", "370102", name="历下区分会场"),
            make_venue("370100", None, name="济南市分会场", level="city"),
            make_venue("370200", "370202", name="市南区分会场"),
        ]
        unit = make_unit("370100", "370102", name="历下热电有限公司")
        # Only the first four have a default venue (expected from the start); the others walk in.
        self.people = [
            make_trainee(self.venues[n % VENUES], unit, real_name=f"学员{n}", phone=f"1380000{n:04d}")
            for n in range(PEOPLE)
        ]
        for person in self.people[4:]:
            person.default_venue = None
            person.save(update_fields=["default_venue"])
        self.session = make_session(self.venues, days_ago=0)
        # make_session's session is in the past; open its check-in window now.
        from django.utils import timezone

        now = timezone.now()
        type(self.session).objects.filter(pk=self.session.pk).update(
            starts_at=now - timezone.timedelta(minutes=5),
            checkin_opens_at=now - timezone.timedelta(minutes=30),
            late_after=now - timezone.timedelta(minutes=5),
            checkin_closes_at=now + timezone.timedelta(hours=2),
            ends_at=now + timezone.timedelta(hours=3),
        )
        self.session.refresh_from_db()
        self.links = [SessionVenue.objects.get(session=self.session, venue=v) for v in self.venues]
        self.coordinators = []
        for venue in self.venues:
            coordinator = UserFactory(roles=[roles.COORDINATOR], organisation=None)
            venue.coordinators.add(coordinator)
            self.coordinators.append(coordinator)
        organiser = UserFactory(roles=[roles.ORGANISER], organisation=None)
        _token, plaintext = APIToken.create_token(user=organiser, name="ledger test")
        self.api_auth = {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}
        self.client = Client()
        self.client.force_login(organiser)
        self.sheets = 0

    def teardown(self):
        if getattr(self, "atomic", None) is None:
            return
        try:
            # Reading every page after every step made a run cost seconds. What the readers show
            # depends only on the state, and runs of every length from one step up are generated,
            # so checking at the end of each run covers every prefix and lets CI afford hundreds.
            self.every_reader_agrees_with_the_ledger()
        finally:
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)

    def person(self, n):
        person = self.people[n]
        person.refresh_from_db()
        return person

    def refused_ok(self, action, *args, **kwargs):
        """Run a domain action; a refusal (wrong venue, recorded elsewhere…) is a normal outcome."""
        try:
            with transaction.atomic():
                return action(*args, **kwargs)
        except services.AttendanceError:
            return None

    # --- What people do --------------------------------------------------------------------------

    @rule(n=person_index, v=venue_index)
    def expect(self, n, v):
        services.add_expected_users(
            self.session, [(self.people[n].pk, self.venues[v].pk)], ExpectedParticipant.Source.IMPORT
        )

    @rule(n=person_index, v=venue_index)
    def check_in_by_code(self, n, v):
        person = self.person(n)
        if not person.is_active:
            return
        code = codes.current_code(self.session.pk, self.venues[v].pk, self.session.code_rotation_seconds, time.time())
        self.refused_ok(checkin.check_in_with_code, person, code.code)

    @rule(n=person_index, v=venue_index)
    def scan_qr(self, n, v):
        person = self.person(n)
        if not person.is_active:
            return
        venue = self.venues[v]
        code = codes.current_code(self.session.pk, venue.pk, self.session.code_rotation_seconds, time.time())
        ticket = self.refused_ok(checkin.ticket_for_scan, self.session.pk, venue.pk, code.code)
        if ticket:
            self.refused_ok(checkin.check_in_with_ticket, person, ticket)

    @rule(n=person_index, v=venue_index)
    def walk_in(self, n, v):
        self.refused_ok(services.add_walk_in, self.links[v], self.person(n), by=self.coordinators[v])

    @rule(v=venue_index)
    def walk_in_without_account(self, v):
        newcomer = services.create_walk_in_account(real_name="临时来宾", venue=self.venues[v])
        services.add_walk_in(self.links[v], newcomer, by=self.coordinators[v])

    @rule(chosen=st.sets(person_index, min_size=1, max_size=PEOPLE), v=venue_index, status=statuses)
    def bulk_mark(self, chosen, v, status):
        services.mark(self.links[v], [self.people[n].pk for n in chosen], status, by=self.coordinators[v])

    @rule(
        v=venue_index,
        lines=st.lists(
            st.tuples(person_index, st.sampled_from(["出席", "迟到", "请假", "缺席"])), min_size=1, max_size=4
        ),
        apply_downgrades=st.booleans(),
        total_line=st.booleans(),
    )
    def import_sheet(self, v, lines, apply_downgrades, total_line):
        rows = [f"{self.person(n).real_name or '无名'},{self.person(n).phone},{word}" for n, word in lines]
        text = "姓名,手机,状态\n" + "\n".join(rows) + (f"\n合计：{len(rows)}人,," if total_line else "") + "\n"
        self.sheets += 1
        upload = SimpleUploadedFile(f"sheet{self.sheets}.csv", text.encode())
        stored = sheet_import.store_upload(self.links[v], upload, self.coordinators[v])
        before = dict(AttendanceRecord.objects.filter(session=self.session).values_list("user_id", "status"))
        plan = sheet_import.plan_stored(stored, self.links[v], self.coordinators[v])
        self.refused_ok(
            sheet_import.apply_import,
            stored,
            self.links[v],
            self.coordinators[v],
            skip_errors=True,
            all_downgrades=apply_downgrades,
        )
        if not apply_downgrades:  # a status is never lowered without the coordinator's choice
            after = dict(AttendanceRecord.objects.filter(session=self.session).values_list("user_id", "status"))
            for row in plan.downgrades:
                assert after[row.user.pk] == before[row.user.pk]

    @rule(n=person_index, status=statuses, move_to=st.none() | venue_index)
    def correct_record(self, n, status, move_to):
        record = AttendanceRecord.objects.filter(session=self.session, user=self.people[n]).first()
        if record is None:
            return
        with transaction.atomic():
            services.change_record(
                record,
                status=status,
                venue_id=self.venues[move_to].pk if move_to is not None else None,
                by=self.coordinators[0],
                method=Method.COORDINATOR,
            )

    @rule(n=person_index, expected_at=venue_index, arrives_at=venue_index)
    def arrive_at_the_wrong_venue(self, n, expected_at, arrives_at):
        person = self.person(n)
        if expected_at == arrives_at or not person.is_active:
            return
        services.add_expected_users(
            self.session, [(person.pk, self.venues[expected_at].pk)], ExpectedParticipant.Source.IMPORT
        )
        really_expected = ExpectedParticipant.objects.get(session=self.session, user=person).venue_id
        had_record = AttendanceRecord.objects.filter(session=self.session, user=person).exists()
        result = self.refused_ok(
            checkin.check_in, person, self.session.pk, self.venues[arrives_at].pk, method=Method.QR
        )
        if really_expected != self.venues[arrives_at].pk and not had_record:
            assert result is None  # refused: they are expected elsewhere
        # The coordinator there adds them as a walk-in (refused if recorded at another venue).
        self.refused_ok(services.add_walk_in, self.links[arrives_at], person, by=self.coordinators[arrives_at])

    @rule(n=person_index)
    def close_account(self, n):
        person = self.person(n)
        if person.is_active:
            anonymise_user(person)

    @rule(v=venue_index, count=st.integers(0, 12))
    def head_count(self, v, count):
        services.record_head_count(self.links[v], count, by=self.coordinators[v])
        self.links[v].refresh_from_db()
        tally = services.venue_summary(self.links[v])
        assert tally.head_count_gap == count - tally.attended

    @rule(v=venue_index)
    def read_the_pages(self, v):
        """A coordinator opens the roster page, each of its filters, and the venue screen."""
        expected = read.ledger_by_venue(self.session)[self.venues[v].pk]
        read.roster_summary_by_venue(self.session, filters=[*Status.values, ledger.NOT_RECORDED])
        summary = read.roster_page_summary(self.client, self.session, self.venues[v].pk)
        assert summary == {
            "Expected": expected["expected"],
            "Present": expected["present"],
            "Late": expected["late"],
            "Excused": expected["excused"],
            "Absent": expected["absent"],
            "Not recorded": expected["not_recorded"],
        }
        state = self.client.get(f"/attendance/screen/{self.session.pk}/{self.venues[v].pk}/state/").json()
        assert (state["count"], state["expected"], len(state["waiting"])) == (
            expected["present"] + expected["late"],
            expected["expected"],
            expected["not_recorded"],
        )

    # --- What everyone reads ----------------------------------------------------------------------

    def every_reader_agrees_with_the_ledger(self):
        """At the end of each run: every page, export and the API, and every report level."""
        truth = read.ledger_by_venue(self.session)
        assert read.roster_summary_by_venue(self.session) == truth
        assert read.report_venue_rows(self.session) == truth
        roster_export, record_export = read.export_rows_by_venue(self.session)
        assert roster_export == truth
        for venue_id, figures in truth.items():
            assert {s: record_export[venue_id][s] for s in Status.values} == {s: figures[s] for s in Status.values}
        assert read.api_venue_rows(self.client, self.api_auth, self.session) == truth
        home = read.roster_home_by_venue(self.session)
        for venue_id, shown in read.screen_by_venue(self.session).items():
            attended = truth[venue_id]["present"] + truth[venue_id]["late"]
            assert shown == {
                "attended": attended,
                "expected": truth[venue_id]["expected"],
                "not_recorded": truth[venue_id]["not_recorded"],
            }
            assert home[venue_id] == (attended, truth[venue_id]["expected"])
        read.check_report_levels(self.session)


def test_every_figure_agrees_after_any_sequence_of_actions(db):
    run_state_machine_as_test(
        AttendanceLedgerMachine,
        settings=settings(
            max_examples=int(os.environ.get("LEDGER_EXAMPLES", 20)),
            stateful_step_count=10,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        ),
    )
