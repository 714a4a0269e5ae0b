"""The user row that authentication reads on every signed-in request, without compiling a query each time.

django.contrib.auth's ``ModelBackend.get_user`` (allauth's backend inherits it) calls
``User._default_manager.get(pk=...)`` for every request of a signed-in person: the session names
the user, and the row is read fresh so that a deactivated account or a changed password (the
session hash) takes effect at once. Building that query through the ORM costs several times more
than sending it, so ``UserManager.get(pk=...)`` sends the statement the ORM compiled for the first
such call of the process (per database), with the new id, and builds the user as the ORM would
(the same columns, database converters and ``Model.from_db``). Only the SQL text is kept: the row
is read from the database every time, and every other lookup goes through the ORM as usual.
"""

from django.db import connections

_statements: dict[tuple, tuple] = {}  # (model, database alias) -> (sql, attnames, converters)


def _statement(queryset) -> tuple:
    key = (queryset.model, queryset.db)
    statement = _statements.get(key)
    if statement is None:
        # The placeholder id is replaced by the real one at execution; the query has no other parameter.
        compiler = queryset.filter(pk=0).order_by().query.get_compiler(queryset.db)
        sql, params = compiler.as_sql()
        if list(params) != [0]:
            raise ValueError(f"Unexpected parameters in the user-by-id statement: {params!r}")
        columns = [column for column, _sql, _alias in compiler.select]
        statement = (sql, [column.target.attname for column in columns], compiler.get_converters(columns))
        _statements[key] = statement
    return statement


def get_by_pk(queryset, pk):
    """``queryset.get(pk=pk)`` for an unfiltered queryset, sending a statement compiled once."""
    model = queryset.model
    sql, attnames, converters = _statement(queryset)
    connection = connections[queryset.db]
    with connection.cursor() as cursor:
        cursor.execute(sql, [model._meta.pk.get_db_prep_value(pk, connection)])
        row = cursor.fetchone()
    if row is None:
        raise model.DoesNotExist(f"{model._meta.object_name} matching query does not exist.")
    if converters:
        row = list(row)
        for position, (functions, expression) in converters.items():
            for function in functions:
                row[position] = function(row[position], expression, connection)
    return model.from_db(queryset.db, attnames, row)
