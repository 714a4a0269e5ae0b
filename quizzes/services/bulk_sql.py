"""Statements written out where compiling them with the ORM costs more than running them.

- One UPDATE for many rows: ``UPDATE t SET … FROM (VALUES …)`` on SQLite (3.33+) and PostgreSQL.
  Django's ``bulk_update`` builds a CASE expression per field and row, which costs far more to
  compile than the update itself; other databases fall back to one UPDATE per row.
- One conditional UPDATE of plain columns (a submit closing its attempt), the ORM's ``update()``
  without its compiler.
"""

from django.db import connection

BATCH = 300


def update_rows(model, columns: list[str], rows: list[tuple]) -> None:
    """Set ``columns`` of the rows ``(pk, value, …)`` (values in the order of ``columns``)."""
    if not rows:
        return
    if connection.vendor not in ("sqlite", "postgresql"):
        for pk, *values in rows:
            model.objects.filter(pk=pk).update(**dict(zip(columns, values, strict=True)))
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    assignments = ", ".join(f"{quote(name)} = v.column{n}" for n, name in enumerate(columns, start=2))
    placeholder = "(" + ", ".join(["%s"] * (len(columns) + 1)) + ")"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            chunk = rows[start : start + BATCH]
            values = ", ".join([placeholder] * len(chunk))
            cursor.execute(
                f"UPDATE {table} SET {assignments} FROM (VALUES {values}) AS v "  # noqa: S608 - names are quoted model fields
                f"WHERE {table}.{quote(model._meta.pk.column)} = v.column1",
                [value for row in chunk for value in row],
            )


def update_where(model, values: dict, where: dict) -> int:
    """``model.objects.filter(**where).update(**values)`` for plain fields and equality; rows changed."""
    meta, quote = model._meta, connection.ops.quote_name
    set_fields = [meta.get_field(name) for name in values]
    where_fields = [meta.get_field(name) for name in where]
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in set_fields)
    conditions = " AND ".join(f"{quote(f.column)} = %s" for f in where_fields)
    params = [f.get_db_prep_save(v, connection) for f, v in zip(set_fields, values.values(), strict=True)]
    params += [f.get_db_prep_value(v, connection) for f, v in zip(where_fields, where.values(), strict=True)]
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {conditions}", params)  # noqa: S608 - names are quoted model fields
        return cursor.rowcount
