"""Write the first history row of every attendance record inside the INSERT itself.

The self check-in is one autocommit INSERT ... ON CONFLICT DO NOTHING (see
attendance/checkin.py); a trigger lets that single statement also leave its
"created" entry in the history, atomically, for every path that creates records
(check-in, coordinator, import, bulk demo data). Later changes are written by the
services, which know who made them and why.
"""

from django.db import migrations

COLUMNS = (
    "record_id, changed_at, changed_by_id, from_status, to_status, from_venue_id, to_venue_id, "
    "method, note, source_file, source_line"
)
VALUES = (
    "NEW.id, NEW.server_time, NEW.recorded_by_id, '', NEW.status, NULL, NEW.venue_id, "
    "NEW.method, NEW.note, NEW.source_file, NEW.source_line"
)

SQLITE_CREATE = f"""
CREATE TRIGGER attendance_record_created AFTER INSERT ON attendance_attendancerecord
BEGIN
  INSERT INTO attendance_attendancechange ({COLUMNS}) VALUES ({VALUES});
END
"""  # noqa: S608 (built from the constants above, no user input)
SQLITE_DROP = "DROP TRIGGER IF EXISTS attendance_record_created"

POSTGRES_CREATE = [
    f"""
CREATE FUNCTION attendance_record_created() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO attendance_attendancechange ({COLUMNS}) VALUES ({VALUES});
  RETURN NULL;
END
$$
""",  # noqa: S608 (built from the constants above, no user input)
    """
CREATE TRIGGER attendance_record_created AFTER INSERT ON attendance_attendancerecord
FOR EACH ROW EXECUTE FUNCTION attendance_record_created()
""",
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS attendance_record_created ON attendance_attendancerecord",
    "DROP FUNCTION IF EXISTS attendance_record_created()",
]


def _statements(vendor: str, create: bool) -> list[str]:
    if vendor == "sqlite":
        return [SQLITE_CREATE if create else SQLITE_DROP]
    if vendor == "postgresql":
        return POSTGRES_CREATE if create else POSTGRES_DROP
    raise NotImplementedError(f"attendance history trigger: no SQL for {vendor}")


def create_trigger(apps, schema_editor):
    for sql in _statements(schema_editor.connection.vendor, create=True):
        schema_editor.execute(sql)


def drop_trigger(apps, schema_editor):
    for sql in _statements(schema_editor.connection.vendor, create=False):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("attendance", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
