"""Fingerprints of a whole database: every table's row count and a hash of its sorted rows.

Two databases with equal snapshots hold the same data, row for row; PostgreSQL
snapshots include sequence positions too, so a restored database hands out new ids
after the old ones instead of colliding with them.
"""

import hashlib
import sqlite3

import psycopg


def sqlite_snapshot(path) -> dict:
    conn = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        snapshot = {}
        for table in tables:
            rows = sorted(repr(row) for row in conn.execute(f'SELECT * FROM "{table}"'))  # noqa: S608
            snapshot[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
        return snapshot
    finally:
        conn.close()


def postgres_snapshot(url: str) -> dict:
    with psycopg.connect(url) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            ).fetchall()
        ]
        snapshot = {}
        for table in tables:
            count, digest = conn.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{table}\" t"  # noqa: S608
            ).fetchone()
            snapshot[table] = (count, digest)
        for (sequence,) in conn.execute(
            "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename"
        ).fetchall():
            snapshot[f"sequence:{sequence}"] = conn.execute(f'SELECT last_value FROM "{sequence}"').fetchone()[0]  # noqa: S608
        return snapshot
