"""Importing typed-up paper sign-in sheets (CSV or XLSX).

Three steps, so nothing is written before a person has seen the preview:
``read_sheet`` decodes the file (UTF-8, UTF-8 with BOM, GBK/GB18030 or UTF-16; XLSX via
openpyxl) and maps the columns by their Chinese or English headings; ``plan_import``
checks every row against the database without writing (unknown organisation, bad phone,
duplicate row, unknown venue...); ``apply_import`` writes the valid rows in one
transaction. Rows that match what is already recorded change nothing, so importing the
same sheet twice changes nothing; every written record keeps the file name and line.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import sheet_reader
from accounts.access import VenueScope
from accounts.models import Organisation, User
from accounts.validators import validate_phone

from . import services
from .codes import parse_sheet_code
from .models import AttendanceRecord, ExpectedParticipant, Method, SessionVenue, SheetImport, Status

MAX_ROWS = 5000

# Normalised heading -> field. Headings are compared after NFKC, lower-casing and
# removing spaces, so "手机号码", "Mobile" and "ＰＨＯＮＥ" all work.
HEADINGS = {
    "name": ["姓名", "名字", "name", "fullname", "realname"],
    "organisation": ["单位", "工作单位", "单位名称", "所在单位", "organisation", "organization", "company", "employer"],
    "phone": ["手机", "手机号", "手机号码", "电话", "联系电话", "联系方式", "phone", "mobile", "telephone", "tel"],
    "venue": ["分会场", "会场", "签到表编号", "subvenue", "venue", "sheetcode"],
    "status": ["状态", "出勤", "出勤情况", "签到状态", "status", "attendance"],
    "note": ["备注", "说明", "note", "notes", "remark", "remarks"],
    "signature": ["签名", "签字", "signature"],
    "time": ["签到时间", "到达时间", "时间", "checkintime", "check-intime", "time", "arrivedat", "signedat"],
}
# A closing line such as "合计：3人" or "Total: 3" is not a person.
SUMMARY_WORDS = ("合计", "总计", "小计", "共计", "总人数", "total", "sum", "subtotal")
# How far a status sits from "attended": a change towards absent is a downgrade and needs a choice.
STATUS_RANK = {Status.PRESENT: 2, Status.LATE: 2, Status.EXCUSED: 1, Status.ABSENT: 0}
TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S")
# A sheet may be signed a little before check-in opens, never long before or after the session.
TIME_MARGIN = timedelta(hours=1)
STATUS_WORDS = {
    Status.PRESENT: ["出席", "到", "已到", "参会", "签到", "已签到", "√", "✓", "✔", "v", "y", "yes", "present", "1"],
    Status.LATE: ["迟到", "late"],
    Status.EXCUSED: ["请假", "事假", "病假", "excused", "leave"],
    Status.ABSENT: ["缺席", "未到", "缺勤", "absent", "no", "n", "0", "×", "x"],
}


_norm = sheet_reader.norm
_heading_key = sheet_reader.heading_key

HEADING_LOOKUP = sheet_reader.heading_lookup(HEADINGS)
STATUS_LOOKUP = {_heading_key(word): status for status, words in STATUS_WORDS.items() for word in words}


class SheetError(services.AttendanceError):
    """The file as a whole cannot be read."""


@dataclass
class Sheet:
    columns: dict  # field -> column index
    rows: list  # (line number, {field: text})
    encoding: str
    ignored_headings: list = field(default_factory=list)
    summary_lines: list = field(default_factory=list)  # lines such as "合计：3人", skipped


# --- Reading -----------------------------------------------------------------------------------


def read_sheet(data: bytes, filename: str) -> Sheet:
    table = sheet_reader.read_table(
        data,
        filename,
        lookup=HEADING_LOOKUP,
        key_field="name",
        missing_heading_message=_("No heading row with a 姓名 / Name column was found."),
        max_rows=MAX_ROWS,
        error_class=SheetError,
    )
    rows, summary_lines = [], []
    for line, cells in table.rows:
        if is_summary_row(table.raw[line]):
            summary_lines.append(line)
            continue
        if not any(v for k, v in cells.items() if k != "signature") or not any(
            cells.get(k) for k in ("name", "phone", "organisation")
        ):
            continue  # blank rows (and rows holding only a row number) of the printed sheet
        rows.append((line, cells))
    sheet_reader.check_row_count(rows, MAX_ROWS, SheetError)
    return Sheet(
        columns=table.columns,
        rows=rows,
        encoding=table.encoding,
        ignored_headings=table.ignored_headings,
        summary_lines=summary_lines,
    )


def is_summary_row(values) -> bool:
    """A closing count line: its first filled cell starts with 合计/总计/Total…"""
    first = next((_heading_key(v) for v in values if _norm(v)), "")
    return first.startswith(SUMMARY_WORDS)


# --- Planning (no writes) ---------------------------------------------------------------------


@dataclass
class PlannedRow:
    line: int
    name: str
    organisation_name: str
    phone: str
    venue_name: str = ""
    status: str = Status.PRESENT
    note: str = ""
    user: User | None = None
    organisation: Organisation | None = None
    venue_id: int | None = None
    action: str = ""  # create, update, unchanged, new_account
    current_status: str = ""  # the status recorded before this import, "" when there is none
    signed_at: datetime | None = None  # the check-in time written on the sheet
    errors: list = field(default_factory=list)

    @property
    def status_changes(self) -> bool:
        return self.action == "update" and bool(self.current_status) and self.current_status != self.status

    @property
    def downgrade(self) -> bool:
        """Present or excused (or late) becoming excused or absent: only with the coordinator's choice."""
        return self.status_changes and STATUS_RANK[self.status] < STATUS_RANK[self.current_status]

    @property
    def current_status_label(self) -> str:
        return Status(self.current_status).label if self.current_status in Status.values else ""

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def status_label(self) -> str:
        return Status(self.status).label if self.status in Status.values else self.status

    @property
    def action_label(self) -> str:
        return {
            "create": _("new record"),
            "update": _("change record"),
            "unchanged": _("no change"),
            "new_account": _("new walk-in account and record"),
        }.get(self.action, "")


@dataclass
class ImportPlan:
    rows: list
    encoding: str
    ignored_headings: list
    summary_lines: list = field(default_factory=list)

    @property
    def downgrades(self) -> list:
        return [r for r in self.rows if r.ok and r.downgrade]

    @property
    def status_changes(self) -> list:
        return [r for r in self.rows if r.ok and r.status_changes]

    @property
    def error_rows(self) -> list:
        return [r for r in self.rows if r.errors]

    @property
    def writes(self) -> int:
        return sum(1 for r in self.rows if r.ok and r.action != "unchanged")


def _status_for(cells: dict, has_signature_column: bool) -> str | None:
    raw = cells.get("status", "")
    if raw:
        return STATUS_LOOKUP.get(_heading_key(raw))
    if has_signature_column:
        return Status.PRESENT if cells.get("signature") else Status.ABSENT
    return Status.PRESENT


def parse_signed_at(raw: str, session) -> datetime:
    """The check-in time on a sheet ("09:05", or with a date) as an aware datetime; ValueError when not
    a time or when it lies outside the session (an hour before check-in opens to the session's end)."""
    text = raw.strip()[:40]
    for pattern in TIME_FORMATS:
        try:
            parsed = datetime.strptime(text, pattern)
        except ValueError:
            continue
        break
    else:
        raise ValueError("not a time")
    earliest, latest = session.checkin_opens_at - TIME_MARGIN, session.ends_at
    if "%Y" in pattern:
        candidates = [timezone.make_aware(parsed)]
    else:  # a time alone means the session's day (or the day check-in opened, across midnight)
        days = {timezone.localtime(moment).date() for moment in (session.starts_at, earliest, latest)}
        candidates = [timezone.make_aware(datetime.combine(day, parsed.time())) for day in sorted(days)]
    for moment in candidates:
        if earliest <= moment <= latest:
            return moment
    raise ValueError("outside the session")


def plan_import(session_venue: SessionVenue, sheet: Sheet, user) -> ImportPlan:
    """Check every row and decide what importing it would do; writes nothing."""
    session = session_venue.session
    managed = VenueScope.for_user(user).filter(SessionVenue.objects.filter(session=session).select_related("venue"))
    venues = {sv.venue_id: sv.venue for sv in managed}
    venue_by_name = {_norm(v.name): v.id for v in venues.values()}
    organisations = {}
    roster = _session_people(session.pk)
    records = {r.user_id: r for r in AttendanceRecord.objects.filter(session=session)}
    seen = {}
    planned = []
    for line, cells in sheet.rows:
        row = PlannedRow(
            line=line,
            name=cells.get("name", ""),
            organisation_name=cells.get("organisation", ""),
            phone=cells.get("phone", "").replace(" ", "").replace("-", "") if cells.get("phone") else "",
            venue_name=cells.get("venue", ""),
            note=cells.get("note", "")[:300],
        )
        planned.append(row)
        if not row.name:
            row.errors.append(_("Name missing."))
        status = _status_for(cells, "signature" in sheet.columns)
        if status is None:
            row.errors.append(_("Unknown status “%(value)s”.") % {"value": cells.get("status")})
        else:
            row.status = status
        if cells.get("time"):
            try:
                row.signed_at = parse_signed_at(cells["time"], session)
            except ValueError:
                row.errors.append(
                    _("Check-in time “%(value)s” is not a time during this session.") % {"value": cells["time"]}
                )
            else:
                # Signed after the late threshold, with no status written: late, as a self check-in would be.
                if row.status == Status.PRESENT and not cells.get("status") and row.signed_at > session.late_after:
                    row.status = Status.LATE
        if row.phone:
            try:
                validate_phone(row.phone)
            except ValidationError:
                row.errors.append(_("Bad phone number “%(value)s”.") % {"value": cells.get("phone")})
        if row.organisation_name:
            if row.organisation_name not in organisations:
                organisations[row.organisation_name] = Organisation.objects.filter(
                    Q(name=row.organisation_name) | Q(credit_code=row.organisation_name.upper())
                ).first()
            row.organisation = organisations[row.organisation_name]
            if row.organisation is None:
                row.errors.append(_("Unknown organisation “%(value)s”.") % {"value": row.organisation_name})
        row.venue_id = _venue_for(row.venue_name, session.pk, session_venue.venue_id, venues, venue_by_name)
        if row.venue_id is None:
            row.errors.append(_("Unknown sub-venue “%(value)s”.") % {"value": row.venue_name})
        if row.errors:
            continue
        row.user, problem = _match_person(row, roster)
        if problem:
            row.errors.append(problem)
            continue
        key = row.user.pk if row.user else ("new", row.name, row.phone, row.organisation_name)
        if key in seen:
            row.errors.append(_("Duplicate of line %(line)s.") % {"line": seen[key]})
            continue
        seen[key] = line
        record = records.get(row.user.pk) if row.user else None
        row.current_status = record.status if record is not None else ""
        if record is not None and record.venue_id != row.venue_id and record.venue_id not in venues:
            row.errors.append(_("Already recorded at another sub-venue."))
        elif row.user is None:
            row.action = "new_account"
        elif record is None:
            row.action = "create"
        elif record.status == row.status and record.venue_id == row.venue_id:
            row.action = "unchanged"
        else:
            row.action = "update"
    return ImportPlan(
        rows=planned,
        encoding=sheet.encoding,
        ignored_headings=sheet.ignored_headings,
        summary_lines=sheet.summary_lines,
    )


def _venue_for(value, session_id, default_venue_id, venues, venue_by_name) -> int | None:
    """A venue this user manages in this session: by sheet code or name; blank means the page's venue."""
    if not value:
        return default_venue_id
    coded = parse_sheet_code(value)
    if coded is not None:
        return coded[1] if coded[0] == session_id and coded[1] in venues else None
    return venue_by_name.get(value)


def _session_people(session_id: int) -> list[User]:
    """Everyone already linked to the session: re-imports match them (including walk-in accounts) first."""
    ids = set(ExpectedParticipant.objects.filter(session_id=session_id).values_list("user_id", flat=True))
    ids |= set(AttendanceRecord.objects.filter(session_id=session_id).values_list("user_id", flat=True))
    return list(User.objects.filter(id__in=ids).only("id", "real_name", "phone", "organisation_id", "email"))


def _match_person(row: PlannedRow, roster: list[User]) -> tuple[User | None, str]:
    """The account a row means, or None for a new walk-in account; or an error message."""

    def fits(user: User) -> bool:
        if row.phone and user.phone and user.phone.replace("-", "") != row.phone:
            return False
        return not (row.organisation and user.organisation_id and user.organisation_id != row.organisation.pk)

    candidates = [u for u in roster if u.real_name == row.name and fits(u)]
    if not candidates and row.phone:
        candidates = list(User.objects.filter(is_active=True, phone=row.phone))
        mismatched = [u for u in candidates if u.real_name and u.real_name != row.name]
        if candidates and len(mismatched) == len(candidates):
            # Never say whose it is: the owner may be anyone in the province.
            return None, _("This phone number belongs to another account.")
    if not candidates and row.organisation:
        candidates = list(User.objects.filter(is_active=True, real_name=row.name, organisation=row.organisation))
    if len(candidates) > 1:
        return None, _("Several people match %(name)s; add a phone number.") % {"name": row.name}
    return (candidates[0] if candidates else None), ""


# --- Writing -----------------------------------------------------------------------------------


def store_upload(session_venue: SessionVenue, uploaded_file, user) -> SheetImport:
    """Keep the uploaded file so the confirmed import reads exactly what was previewed."""
    import hashlib

    data = uploaded_file.read()
    uploaded_file.seek(0)
    return SheetImport.objects.create(
        session_id=session_venue.session_id,
        venue_id=session_venue.venue_id,
        file=uploaded_file,
        original_name=uploaded_file.name[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by=user,
    )


def plan_stored(sheet_import: SheetImport, session_venue: SessionVenue, user) -> ImportPlan:
    if not sheet_import.file:
        raise SheetError(
            "file_removed",
            _("This sheet's file has been removed (an account on it was closed, or its retention period ended)."),
        )
    with sheet_import.file.open("rb") as fh:
        data = fh.read()
    plan = plan_import(session_venue, read_sheet(data, sheet_import.original_name), user)
    if sheet_import.encoding != plan.encoding:
        SheetImport.objects.filter(pk=sheet_import.pk).update(encoding=plan.encoding)
    return plan


@transaction.atomic
def apply_import(
    sheet_import: SheetImport,
    session_venue: SessionVenue,
    user,
    *,
    skip_errors: bool = False,
    downgrade_lines=(),
    all_downgrades: bool = False,
) -> int:
    """Write the valid rows in one transaction; returns how many records were created or changed.

    A row that would lower a recorded status (present or excused to absent…) is written only when
    the coordinator chose it: its line is in ``downgrade_lines``, or ``all_downgrades`` is set.
    Other downgrades are left as recorded.
    """
    plan = plan_stored(sheet_import, session_venue, user)
    if not plan.rows:
        raise services.AttendanceError("no_rows", _("The file has no rows to import."))
    if plan.error_rows and not skip_errors:
        raise services.AttendanceError("rows_with_errors", _("Fix the rows with errors, or choose to skip them."))
    chosen = {int(line) for line in downgrade_lines}
    now = timezone.now()
    written = 0
    source = sheet_import.original_name
    for row in plan.rows:
        if not row.ok or row.action == "unchanged":
            continue
        if row.downgrade and not (all_downgrades or row.line in chosen):
            continue
        person = row.user or services.create_walk_in_account(
            real_name=row.name, phone=row.phone, organisation=row.organisation, venue_id=row.venue_id
        )
        ExpectedParticipant.objects.get_or_create(
            session_id=session_venue.session_id,
            user=person,
            defaults={"venue_id": row.venue_id, "source": ExpectedParticipant.Source.IMPORT},
        )
        record = AttendanceRecord.objects.select_for_update().filter(session_id=session_venue.session_id, user=person)
        record = record.first()
        if record is None:
            AttendanceRecord.objects.create(
                session_id=session_venue.session_id,
                user=person,
                venue_id=row.venue_id,
                status=row.status,
                method=Method.IMPORT,
                device_time=row.signed_at,
                server_time=now,
                recorded_by=user,
                note=row.note,
                sheet_import=sheet_import,
                source_file=source,
                source_line=row.line,
            )
            written += 1
        elif services.change_record(
            record,
            status=row.status,
            venue_id=row.venue_id,
            by=user,
            method=Method.IMPORT,
            note=row.note,
            source_file=source,
            source_line=row.line,
            now=now,
        ):
            AttendanceRecord.objects.filter(pk=record.pk).update(
                sheet_import=sheet_import, source_file=source, source_line=row.line, device_time=row.signed_at
            )
            written += 1
    SheetImport.objects.filter(pk=sheet_import.pk).update(imported_at=now, rows_written=written)
    return written
