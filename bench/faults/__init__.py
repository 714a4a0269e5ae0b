"""Fault demonstrations: `python -m bench.faults.run` (results go into docs/DEPLOYMENT.md).

1. a gunicorn worker is killed during a check-in burst: no check-in lost or doubled;
2. PostgreSQL restarts under load: the app recovers with no manual step;
3. the database is down: check-in answers 503 and writes nothing;
4. media storage is read-only: an upload gets a clear 503, and nothing is saved.

PostgreSQL faults run against a dedicated cluster ("faults", port 5433, created on first
use) so that stopping and restarting it never disturbs anything else using the main
cluster on 5432; `--cluster main` targets the main one instead.
"""
