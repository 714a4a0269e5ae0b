"""Look inside Django for the bench: queries per page, and the check-in audit.

    python -m bench.django_probe queries MANIFEST
    python -m bench.django_probe checkins MANIFEST IDS_JSON SESSION_ID
    python -m bench.django_probe final_quiz MANIFEST
    python -m bench.django_probe delayed_code MANIFEST

Each prints one JSON line. Queries are counted with Django's test client against the
bench database (the same settings the server runs), signed in as a bench trainee.
"""

import json
import sys


def count_queries(manifest: dict) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    courses = manifest.get("courses", {})
    if "missing" in courses:
        return {}
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies[manifest["session_cookie"]] = manifest["trainees"]["readers"][0]["session"]
    paths = {"lesson": courses["lesson_path"], "index": courses["index_path"], "learning": courses["learning_path"]}
    paths.update({f"course_{size}": path for size, path in courses["course_paths"].items()})
    counts = {}
    for name, path in paths.items():
        client.get(path)  # warm caches the way a running server has them
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        counts[name] = len(captured) if response.status_code == 200 else f"HTTP {response.status_code}"
    return counts


def audit_checkins(ids_path: str, session_id: int) -> dict:
    """Audit the trainees whose check-ins were sent (a JSON list of user ids in ids_path)."""
    from .seeders.attendance import audit

    with open(ids_path) as handle:
        return audit(session_id, json.load(handle))


def main(argv: list[str]) -> None:
    import django

    django.setup()
    command, manifest_path, *rest = argv
    with open(manifest_path) as handle:
        manifest = json.load(handle)
    if command == "queries":
        result = count_queries(manifest)
    elif command == "final_quiz":
        from .seeders.quizzes import final_quiz_audit

        result = final_quiz_audit([a["id"] for a in manifest["quizzes"]["final"]["attempts"]])
    elif command == "delayed_code":
        from .seeders.attendance import delayed_code

        result = delayed_code(manifest)
    elif command == "checkins":
        result = audit_checkins(rest[0], int(rest[1]))
    else:
        raise SystemExit(f"unknown probe {command}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
