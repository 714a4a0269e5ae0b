"""SQL expressions that let the database prepare export cells, so Python only copies rows.

Doing the formula neutralisation, status labels and local-time formatting in the SELECT keeps a
million-row export close to the speed of the database's own CSV dump.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import CharField, Expression, Value
from django.db.models.functions import Coalesce

# Spreadsheet programs treat a cell starting with one of these as a formula (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Neutralised(Expression):
    """Text with a leading apostrophe when it starts like a formula; NULL becomes ''."""

    output_field = CharField()

    def __init__(self, expression):
        super().__init__(output_field=CharField())
        self.inner = Coalesce(expression, Value(""), output_field=CharField())

    def get_source_expressions(self):
        return [self.inner]

    def set_source_expressions(self, exprs):
        (self.inner,) = exprs

    def as_sql(self, compiler, connection):
        inner_sql, inner_params = compiler.compile(self.inner)
        marks = ", ".join(["%s"] * len(FORMULA_STARTS))
        sql = f"CASE WHEN SUBSTR({inner_sql}, 1, 1) IN ({marks}) THEN %s || {inner_sql} ELSE {inner_sql} END"
        params = (*inner_params, *FORMULA_STARTS, "'", *inner_params, *inner_params)
        return sql, params


class LocalDateTimeText(Expression):
    """A datetime column as 'YYYY-MM-DD HH:MM:SS' text in the site's time zone.

    PostgreSQL converts with the zone's rules; SQLite (which stores UTC text) adds the zone's
    current UTC offset, exact for zones without daylight saving such as Asia/Shanghai.
    """

    output_field = CharField()

    def __init__(self, expression):
        super().__init__(output_field=CharField())
        self.inner = expression

    def get_source_expressions(self):
        return [self.inner]

    def set_source_expressions(self, exprs):
        (self.inner,) = exprs

    def as_sql(self, compiler, connection):
        inner_sql, params = compiler.compile(self.inner)
        if connection.vendor == "postgresql":
            return f"TO_CHAR({inner_sql} AT TIME ZONE %s, %s)", (*params, settings.TIME_ZONE, "YYYY-MM-DD HH24:MI:SS")
        offset = datetime.now(ZoneInfo(settings.TIME_ZONE)).utcoffset()
        minutes = int(offset.total_seconds() // 60) if offset else 0
        return f"STRFTIME(%s, {inner_sql}, %s)", ("%Y-%m-%d %H:%M:%S", *params, f"{minutes:+d} minutes")
