"""Deciding, without writing, what importing each row of a participant list would do.

Every lookup is one query for the whole file (accounts by phone or e-mail, organisations,
enrolments, expected participants), so planning 1,400 rows costs a handful of queries.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils.translation import gettext as _

from accounts import sheet_reader
from accounts.access import VenueScope
from accounts.models import Organisation, User, Venue
from accounts.validators import validate_credit_code, validate_phone
from attendance.models import ExpectedParticipant
from courses.models import Enrolment

from .models import Invitation

CREDIT_CODE_SHAPE = re.compile(r"^[0-9A-Z]{18}$")


class Action:
    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"


@dataclass
class PlannedRow:
    line: int
    name: str
    phone: str = ""
    email: str = ""
    organisation_text: str = ""
    job: str = ""
    venue_text: str = ""
    user: User | None = None
    matched_by: str = ""  # "phone" or "email"
    organisation: Organisation | None = None
    organisation_matched_by: str = ""  # "credit_code" or "name"
    venue: Venue | None = None
    moves_from: Venue | None = None
    courses_to_enrol: list = field(default_factory=list)
    expect: bool = False
    invite: bool = False
    profile_changes: dict = field(default_factory=dict)
    action: str = ""
    errors: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def account_label(self) -> str:
        if self.user is None:
            return _("new account")
        if self.matched_by == "phone":
            return _("existing account (same phone)")
        return _("existing account (same e-mail)")

    @property
    def organisation_label(self) -> str:
        if self.organisation is None:
            return ""
        how = _("by credit code") if self.organisation_matched_by == "credit_code" else _("by name")
        return f"{self.organisation.name} ({how})"

    @property
    def changes(self) -> list[str]:
        """What applying this row does, in words."""
        if self.action == Action.UNCHANGED:
            return [_("no change")]
        words = []
        if self.user is None:
            words.append(_("create account"))
        elif self.profile_changes:
            words.append(_("fill in profile"))
        for course in self.courses_to_enrol:
            words.append(_("enrol in “%(course)s”") % {"course": course.title})
        if self.expect and self.moves_from is not None:
            words.append(_("move from %(old)s to %(new)s") % {"old": self.moves_from.name, "new": self.venue.name})
        elif self.expect:
            words.append(_("expected at %(venue)s") % {"venue": self.venue.name})
        if self.invite:
            words.append(_("send invitation"))
        return words


@dataclass
class ImportPlan:
    rows: list
    encoding: str
    ignored_headings: list

    @property
    def error_rows(self) -> list:
        return [r for r in self.rows if r.errors]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.ok and r.action == action)

    @property
    def counts(self) -> dict:
        ok = [r for r in self.rows if r.ok]
        return {
            "rows": len(self.rows),
            "errors": len(self.rows) - len(ok),
            "new_accounts": sum(1 for r in ok if r.user is None),
            "existing_accounts": sum(1 for r in ok if r.user is not None),
            "unchanged": sum(1 for r in ok if r.action == Action.UNCHANGED),
            "enrolments": sum(len(r.courses_to_enrol) for r in ok),
            "expected": sum(1 for r in ok if r.expect),
            "invitations": sum(1 for r in ok if r.invite),
        }


def normalise_phone(value: str) -> str:
    return value.replace(" ", "").replace("-", "").replace("+86", "", 1) if value else ""


def plan_rows(rows, *, importer, session=None, courses=(), invite=True, encoding="", ignored=()) -> ImportPlan:
    """Check every row and decide what importing it would do; writes nothing."""
    venues = _venues_for(importer, session)
    venue_by_name = {sheet_reader.norm(v.name): v for v in venues.values()}
    planned = [_parse(line, cells) for line, cells in rows]
    people = _accounts(planned)
    organisations = _organisations(planned)
    user_ids = {u.pk for u in people["all"]}
    enrolled = _enrolled(user_ids, courses)
    expected = _expected(session, user_ids)
    invited = set(Invitation.objects.filter(user_id__in=user_ids).values_list("user_id", flat=True))
    seen = {}
    for row in planned:
        _check_fields(row)
        _match_organisation(row, organisations)
        _match_venue(row, session, venues, venue_by_name)
        if row.errors:
            continue
        _match_account(row, people)
        if row.errors:
            continue
        for key in (("phone", row.phone), ("email", row.email), ("user", row.user.pk if row.user else None)):
            if key[1] and key in seen:
                row.errors.append(_("Duplicate of line %(line)s.") % {"line": seen[key]})
                break
        if row.errors:
            continue
        for key in (("phone", row.phone), ("email", row.email), ("user", row.user.pk if row.user else None)):
            if key[1]:
                seen[key] = row.line
        _decide(row, session, courses, enrolled, expected, venues, invited, invite)
    return ImportPlan(rows=planned, encoding=encoding, ignored_headings=list(ignored))


def _venues_for(importer, session) -> dict:
    """Venues the importer may put people at: the session's venues they manage, else all they manage."""
    managed = VenueScope.for_user(importer).venues()
    if session is not None:
        managed = managed.filter(session_links__session=session)
    return {v.pk: v for v in managed.filter(is_active=True).order_by("name")}


def _parse(line: int, cells: dict) -> PlannedRow:
    organisation = cells.get("credit_code") or cells.get("organisation", "")
    return PlannedRow(
        line=line,
        name=cells.get("name", "")[:50],
        phone=normalise_phone(cells.get("phone", "")),
        email=cells.get("email", "").lower()[:254],
        organisation_text=organisation[:200],
        job=cells.get("job", "")[:100],
        venue_text=cells.get("venue", "")[:200],
    )


def _check_fields(row: PlannedRow) -> None:
    if not row.name:
        row.errors.append(_("Name missing."))
    phone_ok = True
    if row.phone:
        try:
            validate_phone(row.phone)
        except ValidationError:
            phone_ok = False
            row.errors.append(_("Bad phone number “%(value)s”.") % {"value": row.phone})
    if phone_ok and not row.email and not (len(row.phone) == 11 and row.phone.startswith("1")):
        row.errors.append(_("A mobile number or an e-mail address is needed to invite this person."))
    if row.email:
        try:
            validate_email(row.email)
        except ValidationError:
            row.errors.append(_("Bad e-mail address “%(value)s”.") % {"value": row.email})
    if not row.organisation_text:
        row.errors.append(_("Organisation (name or unified social credit code) missing."))


def _organisations(planned) -> dict:
    texts = {r.organisation_text for r in planned if r.organisation_text}
    codes = {t.upper() for t in texts}
    found = Organisation.objects.filter(Q(name__in=texts) | Q(credit_code__in=codes)).only("id", "name", "credit_code")
    lookup = {}
    for org in found:
        lookup[("name", org.name)] = org
        if org.credit_code:
            lookup[("credit_code", org.credit_code)] = org
    return lookup


def _match_organisation(row: PlannedRow, organisations: dict) -> None:
    text = row.organisation_text
    if not text:
        return
    code = text.upper()
    if CREDIT_CODE_SHAPE.match(code):
        try:
            validate_credit_code(code)
        except ValidationError as error:
            row.errors.append(error.messages[0])
            return
        row.organisation = organisations.get(("credit_code", code))
        row.organisation_matched_by = "credit_code"
        if row.organisation is None:
            row.errors.append(_("No organisation has the credit code %(code)s.") % {"code": code})
        return
    row.organisation = organisations.get(("name", text))
    row.organisation_matched_by = "name"
    if row.organisation is None:
        row.errors.append(
            _("Unknown organisation “%(value)s”: add it under Organisations, or use its credit code.") % {"value": text}
        )


def _match_venue(row: PlannedRow, session, venues: dict, venue_by_name: dict) -> None:
    if row.venue_text:
        row.venue = venue_by_name.get(row.venue_text)
        if row.venue is None:
            if session is not None:
                message = _("“%(value)s” is not a sub-venue of this session that you manage.")
            else:
                message = _("“%(value)s” is not a sub-venue you manage.")
            row.errors.append(message % {"value": row.venue_text})
    elif session is not None:
        if len(venues) == 1:
            row.venue = next(iter(venues.values()))
        else:
            row.errors.append(_("Sub-venue missing."))


def _accounts(planned) -> dict:
    phones = {r.phone for r in planned if r.phone}
    emails = {r.email for r in planned if r.email}
    users = list(
        User.objects.filter(Q(phone__in=phones) | Q(email__in=emails)).only(
            "id",
            "email",
            "phone",
            "real_name",
            "is_active",
            "organisation_id",
            "job_title",
            "default_venue_id",
            "password",
        )
    )
    by_phone, by_email = {}, {}
    for user in users:
        if user.phone:
            by_phone.setdefault(normalise_phone(user.phone), []).append(user)
        by_email[user.email] = user
    return {"all": users, "phone": by_phone, "email": by_email}


def _match_account(row: PlannedRow, people: dict) -> None:
    phone_users = people["phone"].get(row.phone, []) if row.phone else []
    email_user = people["email"].get(row.email) if row.email else None
    if len(phone_users) > 1:
        row.errors.append(_("Several accounts have the phone number %(phone)s.") % {"phone": row.phone})
        return
    phone_user = phone_users[0] if phone_users else None
    if phone_user and email_user and phone_user.pk != email_user.pk:
        row.errors.append(
            _("The phone number belongs to %(a)s and the e-mail address to %(b)s.")
            % {"a": phone_user.display_name, "b": email_user.display_name}
        )
        return
    user = phone_user or email_user
    if user is None:
        return
    if user.real_name and user.real_name != row.name:
        if phone_user:
            message = _("This phone number belongs to %(name)s.")
        else:
            message = _("This e-mail address belongs to %(name)s.")
        row.errors.append(message % {"name": user.real_name})
        return
    if not user.is_active:
        row.errors.append(_("The account of %(name)s is deactivated.") % {"name": row.name})
        return
    row.user, row.matched_by = user, ("phone" if phone_user else "email")


def _enrolled(user_ids, courses) -> set:
    keys = [c.translation_key for c in courses]
    if not keys or not user_ids:
        return set()
    return set(
        Enrolment.objects.filter(user_id__in=user_ids, course__translation_key__in=keys).values_list(
            "user_id", "course__translation_key"
        )
    )


def _expected(session, user_ids) -> dict:
    if session is None or not user_ids:
        return {}
    rows = ExpectedParticipant.objects.filter(session=session, user_id__in=user_ids).values_list("user_id", "venue_id")
    return dict(rows)


def _decide(row, session, courses, enrolled, expected, venues, invited, invite) -> None:
    user = row.user
    row.courses_to_enrol = [c for c in courses if user is None or (user.pk, c.translation_key) not in enrolled]
    if session is not None:
        current = expected.get(user.pk) if user else None
        if current is None:
            row.expect = True
        elif current != row.venue.pk:
            if current not in venues:
                row.errors.append(_("Already expected at a sub-venue you do not manage."))
                return
            row.expect, row.moves_from = True, venues[current]
    if user is None:
        row.invite = invite
        row.action = Action.NEW
        return
    row.profile_changes = {
        field: value
        for field, value, current in (
            ("organisation_id", row.organisation.pk, user.organisation_id),
            ("job_title", row.job, user.job_title),
            ("phone", row.phone, user.phone),
            ("default_venue_id", row.venue.pk if row.venue else None, user.default_venue_id),
        )
        if value and not current
    }
    row.invite = invite and not user.has_usable_password() and user.pk not in invited
    changed = row.courses_to_enrol or row.expect or row.invite or row.profile_changes
    row.action = Action.UPDATE if changed else Action.UNCHANGED
