"""Exporters: each export is a small class with an identifier, a name, a filter form and rows.

Formats (CSV, XLSX) are written once in ``writers``; an exporter only says what its rows are.
``QueryExporter`` declares columns as SQL expressions and streams rows straight from a database
cursor in batches, so memory stays flat however many rows there are.
"""

import csv
import io
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass

from django import forms
from django.db import connections, transaction
from django.db.models import F, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.access import VenueScope as Scope
from accounts.spreadsheet import SafeCellText, safe_cell

from ..errors import ReportError
from .sql import LocalDateTimeText

BATCH_SIZE = 2000


class Exporter:
    """Base class. Subclasses set ``identifier``, ``verbose_name``, ``form_class`` and yield rows."""

    identifier = ""
    verbose_name = ""
    description = ""
    form_class: type[forms.Form] = forms.Form
    # True when batches() already applied the cell rule to every text cell (QueryExporter does it in SQL).
    rows_are_neutralised = False
    # A class handed to a template is data, not something to call.
    do_not_call_in_templates = True

    def __init__(self, scope: Scope, filters: dict | None = None):
        self.scope = scope
        self.filters = {k: v for k, v in (filters or {}).items() if v not in (None, "")}
        # Streamed responses run after the view has returned (and after the admin's language
        # override has ended), so headers and labels use the language active now.
        self.language = get_language()

    @classmethod
    def form(cls, scope: Scope, data=None, **kwargs) -> forms.Form:
        return cls.form_class(data, scope=scope, **kwargs)

    def headers(self) -> list[str]:
        raise NotImplementedError

    def rows(self) -> Iterator[Sequence]:
        raise NotImplementedError

    def count(self) -> int | None:
        """How many rows there will be (for progress bars), or None when unknown."""
        return None

    def batches(self, size: int = BATCH_SIZE) -> Iterator[list]:
        batch = []
        for row in self.rows():
            batch.append(row if self.rows_are_neutralised else [safe_cell(v) for v in row])
            if len(batch) >= size:
                yield batch
                batch = []
        if batch:
            yield batch

    def file_stem(self) -> str:
        return self.identifier


@dataclass
class Column:
    header: object  # a lazy translated string: headers follow the language active when exporting
    expression: object  # a field path or a Django expression
    text: bool = True  # the cell rule in SQL (text that people typed or that could start like a formula)
    when: str = ""  # "datetime" formats a datetime in local time


class QueryExporter(Exporter):
    """An exporter whose rows are one SELECT: cells are prepared by the database."""

    rows_are_neutralised = True
    using = "default"

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def queryset(self) -> QuerySet:
        raise NotImplementedError

    def headers(self) -> list[str]:
        with translation.override(self.language):
            return [str(column.header) for column in self.columns()]

    def select(self) -> QuerySet:
        """The final values_list query: one aliased, prepared expression per column."""
        return self._prepared(self.queryset(), self.columns())

    @staticmethod
    def _prepared(queryset: QuerySet, columns: list[Column]) -> QuerySet:
        annotations = {}
        for index, column in enumerate(columns):
            expression = F(column.expression) if isinstance(column.expression, str) else column.expression
            if column.when == "datetime":
                expression = LocalDateTimeText(expression)
            elif column.text:
                expression = SafeCellText(expression)
            annotations[f"c{index}"] = expression
        return queryset.annotate(**annotations).values_list(*annotations)

    def sql(self) -> tuple[str, tuple]:
        with translation.override(self.language):
            return self.select().query.sql_with_params()

    def count(self) -> int:
        return self.queryset().count()

    def batches(self, size: int = BATCH_SIZE) -> Iterator[list]:
        sql, params = self.sql()
        connection = connections[self.using]
        # PostgreSQL: a server-side cursor inside a read transaction streams rows as they come
        # (outside one, Django asks for WITH HOLD, which materialises the whole result first).
        # SQLite's cursor already steps through the result; no transaction, so no write lock.
        streaming = connection.vendor == "postgresql" and connection.get_autocommit()
        read = transaction.atomic(using=self.using) if streaming else nullcontext()
        with read, connection.chunked_cursor() as cursor:
            cursor.execute(sql, params)
            while batch := cursor.fetchmany(size):
                yield batch

    def rows(self) -> Iterator[Sequence]:
        for batch in self.batches():
            yield from batch

    def database_csv(self) -> Iterator[bytes] | None:
        """The CSV rows written by the database itself, streamed in chunks (None where it cannot).

        PostgreSQL: COPY (SELECT ...) TO STDOUT. SQLite: the SELECT's rows go straight from the
        sqlite3 cursor to the csv module, skipping the ORM; the cells are already neutralised,
        labelled and in local time from the SELECT itself.
        """
        connection = connections[self.using]
        if connection.vendor == "postgresql":
            return self._copy_chunks(connection)
        if connection.vendor == "sqlite":
            return self._sqlite_lines(connection)
        return None

    def _sqlite_lines(self, connection) -> Iterator[bytes]:
        sql, params = self.sql()
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        with connection.chunked_cursor() as cursor:
            cursor.execute(sql, params)
            while batch := cursor.fetchmany(BATCH_SIZE):
                # sqlite3's tuples straight into the csv module's C writer: faster than building
                # each line in SQL (make bench's export rows measure it).
                writer.writerows(batch)
                yield buffer.getvalue().encode("utf-8")
                buffer.seek(0)
                buffer.truncate()

    def _copy_chunks(self, connection) -> Iterator[bytes]:
        from psycopg import ClientCursor

        sql, params = self.sql()
        connection.ensure_connection()
        # COPY takes no bound parameters, so psycopg writes them into the statement, quoted.
        statement = ClientCursor(connection.connection).mogrify(sql, params)
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY ({statement}) TO STDOUT WITH (FORMAT csv)") as copy,
        ):
            for chunk in copy:
                yield bytes(chunk)


# --- helpers shared by the exporters ---------------------------------------------------------------


def person_name(path: str = "user"):
    """The trainee's real name, or their email when they have none."""
    return Coalesce(NullIf(F(f"{path}__real_name"), Value("")), F(f"{path}__email"))


def division_name(path: str):
    """A division's name in the export's language (English when there is one and English is active)."""
    if (get_language() or "").startswith("en"):
        return Coalesce(NullIf(F(f"{path}__name_en"), Value("")), F(f"{path}__name"))
    return F(f"{path}__name")


def labels(choices) -> dict:
    return {value: str(label) for value, label in choices}


class ExporterRegistry:
    def __init__(self):
        self._exporters: dict[str, type[Exporter]] = {}

    def register(self, exporter: type[Exporter]) -> type[Exporter]:
        if not exporter.identifier or exporter.identifier in self._exporters:
            raise ValueError(f"Exporter identifier missing or taken: {exporter.identifier!r}")
        self._exporters[exporter.identifier] = exporter
        return exporter

    def get(self, identifier: str) -> type[Exporter]:
        try:
            return self._exporters[identifier]
        except KeyError:
            raise ReportError("unknown_export", _("There is no such export.")) from None

    def all(self) -> list[type[Exporter]]:
        return list(self._exporters.values())

    def identifiers(self) -> list[str]:
        return list(self._exporters)


registry = ExporterRegistry()
