"""`make bench`: seed a fresh database, serve it with gunicorn and production settings, measure.

Every figure is a ratio to a bare Django view served by the same server in the same run,
so the table says what the application costs on top of Django itself, whatever the machine.

Modules: run (the command), server (gunicorn), database (fresh SQLite/PostgreSQL),
seed and seeders/ (data through the apps' own models and services), client (asyncio load
generator), scenarios (one function per table row), django_probe (queries per page and
check-in audit, run inside Django), report (table, JSON, Markdown).
"""
