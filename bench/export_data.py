"""Plumbing for bench.export_command: seed a throwaway database, dump it with the database's own tool.

Nothing here touches the configured database: every function runs inside a worker process whose
DATABASE_URL points at a dedicated SQLite file under var/ or a dedicated PostgreSQL database, and
``assert_throwaway`` refuses anything else.
"""

import itertools
import os
import shutil
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import connection, models, transaction

from accounts.models import Division, Organisation, User, Venue
from attendance.models import AttendanceRecord, SessionVenue, TrainingSession

BENCH_MARK = "bench_export"  # must appear in the database name
SESSIONS = 10
VENUES = 168  # the mobilisation meeting's sub-venues
UNITS = 520  # key emission units at that meeting
STATUS_CYCLE = ["present"] * 14 + ["late"] * 2 + ["excused"] + ["absent"] * 3
START = datetime(2021, 11, 10, 1, 30, tzinfo=UTC)


def default_work_dir() -> Path:
    return Path(settings.VAR_DIR) / "bench"


def sqlite_path(work_dir: Path, run: str) -> Path:
    """One file per run, so two benchmarks at once (make bench and a developer) never share it."""
    return Path(work_dir) / f"{BENCH_MARK}_{run}.sqlite3"


def assert_throwaway() -> None:
    name = str(connection.settings_dict["NAME"])
    if BENCH_MARK not in name:
        raise RuntimeError(f"Refusing to seed {name!r}: not a {BENCH_MARK} database.")


def _defaults(model) -> dict:
    """Column → value for every concrete column not set explicitly (the model's own defaults)."""
    values = {}
    for field in model._meta.concrete_fields:
        if isinstance(field, models.AutoField):
            continue
        if field.has_default():
            value = field.get_default()
        elif field.null:
            value = None
        elif isinstance(field, models.DateTimeField):
            value = START
        else:
            value = field.get_default()
        values[field.column] = value
    return values


def _db_value(value):
    if isinstance(value, datetime) and connection.vendor == "sqlite":
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
    if hasattr(value, "value") and isinstance(getattr(value, "value", None), str):  # TextChoices members
        return value.value
    return value


def insert(model, rows, **fixed) -> int:
    """Bulk insert dicts of column → value (plus ``fixed``), the rest from the model's defaults."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return 0
    base = {**_defaults(model), **fixed}
    columns = list(dict.fromkeys([*first, *base]))
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    count = 0
    # One transaction: in autocommit SQLite would commit (and sync) every row of executemany.
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in itertools.chain([first], rows):
                    copy.write_row([_db_value(row.get(c, base.get(c))) for c in columns])
                    count += 1
            return count
        marks = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608 (names come from the model)
        batch = []
        for row in itertools.chain([first], rows):
            batch.append([_db_value(row.get(c, base.get(c))) for c in columns])
            if len(batch) == 50_000:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def drop_history_trigger() -> None:
    """The history trigger would write a second million rows; the benchmark reads records only."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER IF EXISTS attendance_record_created")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS attendance_record_created ON attendance_attendancerecord")


def seed(rows: int) -> dict:
    """Sessions × trainees = ``rows`` attendance records, in as few statements as possible."""
    assert_throwaway()
    drop_history_trigger()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # a throwaway file: no journal, no fsync
            cursor.execute("PRAGMA journal_mode=OFF")
            cursor.execute("PRAGMA synchronous=OFF")
    users = -(-rows // SESSIONS)
    counties = list(Division.objects.filter(level="county").values_list("adcode", "parent_id"))
    insert(
        Venue,
        (
            {
                "name": f"基准分会场{i:03d}",
                "city_id": counties[i % len(counties)][1],
                "county_id": counties[i % len(counties)][0],
            }
            for i in range(VENUES)
        ),
        level="county",
    )
    venue_ids = list(Venue.objects.order_by("pk").values_list("pk", "city_id"))
    insert(
        Organisation,
        ({"name": f"基准热电有限公司{i:04d}", "city_id": venue_ids[i % VENUES][1]} for i in range(UNITS)),
        kind="key_emitter",
        credit_code=None,
    )
    unit_ids = list(Organisation.objects.order_by("pk").values_list("pk", flat=True))
    insert(
        User,
        (
            {
                "email": f"bench{i}@example.org",
                # Every thousandth name looks like a formula, so neutralisation is part of the work.
                "real_name": f"=学员{i}" if i % 1000 == 0 else f"学员{i}",
                "phone": f"138{i:08d}",
                "organisation_id": unit_ids[i % UNITS],
                "default_venue_id": venue_ids[i % VENUES][0],
            }
            for i in range(users)
        ),
        password="!",  # noqa: S106 (an unusable password, as set_unusable_password writes)
        is_active=True,
        date_joined=START,
    )
    user_ids = list(User.objects.filter(email__startswith="bench").order_by("pk").values_list("pk", flat=True))
    insert(
        TrainingSession,
        (
            {
                "title": f"碳市场能力建设培训第{s + 1}场",
                "starts_at": START + timedelta(days=s),
                "ends_at": START + timedelta(days=s, hours=3),
                "checkin_opens_at": START + timedelta(days=s, minutes=-30),
                "checkin_closes_at": START + timedelta(days=s, hours=3),
                "late_after": START + timedelta(days=s),
                "created_at": START,
                "updated_at": START,
            }
            for s in range(SESSIONS)
        ),
    )
    session_ids = list(TrainingSession.objects.order_by("pk").values_list("pk", flat=True))
    insert(SessionVenue, ({"session_id": s, "venue_id": v} for s in session_ids for v, _city in venue_ids))
    started = time.monotonic()
    written = insert(AttendanceRecord, _records(session_ids, user_ids, venue_ids, rows), method="qr", note="")
    seconds = time.monotonic() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"records": written, "insert_seconds": seconds, "users": len(user_ids), "sessions": len(session_ids)}


def _records(session_ids, user_ids, venue_ids, rows):
    n = 0
    for s_index, session_id in enumerate(session_ids):
        for u_index, user_id in enumerate(user_ids):
            if n == rows:
                return
            yield {
                "session_id": session_id,
                "user_id": user_id,
                "venue_id": venue_ids[u_index % VENUES][0],
                "status": STATUS_CYCLE[(u_index + s_index) % len(STATUS_CYCLE)],
                "server_time": START + timedelta(days=s_index, seconds=u_index % 3600),
            }
            n += 1


def inline_sql(sql: str, params) -> str:
    """The export's SELECT with its parameters written in, for the database's command-line tool."""
    if connection.vendor == "postgresql":
        from psycopg import ClientCursor

        with connection.cursor() as cursor:
            return ClientCursor(cursor.connection).mogrify(sql, params)

    def quote(value) -> str:
        if value is None:
            return "NULL"
        if isinstance(value, bool):
            return "1" if value else "0"
        if isinstance(value, int | float):
            return repr(value)
        return "'" + str(value).replace("'", "''") + "'"

    return sql % tuple(quote(p) for p in params)


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise RuntimeError(
            f"{name} is missing (Debian: apt-get install {'sqlite3' if name == 'sqlite3' else 'postgresql-client'})"
        )
    return path


def database_dump(sql: str, output: Path, database_url: str) -> float:
    """Seconds the database's own tool takes to write the same SELECT as CSV (sqlite3 -csv, psql COPY)."""
    started = time.monotonic()
    with open(output, "wb") as handle:
        if connection.vendor == "sqlite":
            script = f".headers on\n.mode csv\n{sql};\n"
            subprocess.run(  # noqa: S603 (the sqlite3 command-line tool, our own SQL)
                [tool("sqlite3"), str(connection.settings_dict["NAME"])],
                input=script.encode(),
                stdout=handle,
                check=True,
            )
        else:
            copy = f"COPY ({sql}) TO STDOUT WITH (FORMAT csv, HEADER)"
            subprocess.run(  # noqa: S603 (the psql command-line tool, our own SQL)
                [tool("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", database_url, "-c", copy],
                stdout=handle,
                check=True,
                env={**os.environ, "PGOPTIONS": "-c client_min_messages=warning"},
            )
    return time.monotonic() - started
