"""SQL expressions that let the database prepare export cells, so Python only copies rows.

Doing the cell rule (accounts.spreadsheet.SafeCellText), status labels and local-time formatting in the SELECT keeps a
million-row export close to the speed of the database's own CSV dump.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import CharField, Func


class LocalDateTimeText(Func):
    """A datetime column as 'YYYY-MM-DD HH:MM:SS' text in the site's time zone.

    PostgreSQL converts with the zone's rules; SQLite (which stores UTC text) adds the zone's
    current UTC offset, exact for zones without daylight saving such as Asia/Shanghai.
    """

    arity = 1
    output_field = CharField()

    def as_sql(self, compiler, connection):
        inner_sql, params = compiler.compile(self.source_expressions[0])
        if connection.vendor == "postgresql":
            return f"TO_CHAR({inner_sql} AT TIME ZONE %s, %s)", (*params, settings.TIME_ZONE, "YYYY-MM-DD HH24:MI:SS")
        offset = datetime.now(ZoneInfo(settings.TIME_ZONE)).utcoffset()
        minutes = int(offset.total_seconds() // 60) if offset else 0
        return f"STRFTIME(%s, {inner_sql}, %s)", ("%Y-%m-%d %H:%M:%S", *params, f"{minutes:+d} minutes")
