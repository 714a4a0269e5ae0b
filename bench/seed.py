"""Seed a fresh bench database and write the manifest the client reads.

Run inside Django with the bench server's environment (same SECRET_KEY, so the session
hashes match):  python -m bench.seed --out var/bench/manifest.json --burst 1400 --big 0
Prints one JSON line: {"manifest": path, "seconds": ...}.
"""

import argparse
import json
import sys
import time
import traceback
from pathlib import Path


def seed(burst: int, big: int, course_sizes: list[int], graders: int = 0) -> dict:
    from django.conf import settings

    from .seeders import FeatureMissing, attendance, courses, people, quizzes

    organisation, venue = people.organisation_and_venue()
    cohorts = {"burst": burst, "big": big, "readers": 50, "graders": graders}
    trainees = {}
    for name, count in cohorts.items():
        users = people.create_trainees(count, f"bench-{name}", organisation, venue) if count else []
        keys = people.sign_in(users)
        trainees[name] = [{"id": u.pk, "session": k} for u, k in zip(users, keys, strict=True)]

    manifest = {
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "language_prefix": "",
        "trainees": trainees,
    }
    context = {"venue": venue, "organisation": organisation, "trainees": trainees, "course_sizes": course_sizes}
    for name, module in (("courses", courses), ("attendance", attendance), ("quizzes", quizzes)):
        try:
            manifest[name] = module.seed(context)
        except FeatureMissing as missing:
            manifest[name] = {"missing": str(missing)}
        except Exception as exc:  # a half-built feature must not stop the other rows
            traceback.print_exc(file=sys.stderr)
            manifest[name] = {"missing": f"seeding failed: {exc.__class__.__name__}: {exc}"}
    return manifest


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--burst", type=int, default=1400)
    parser.add_argument("--big", type=int, default=0)
    parser.add_argument("--course-sizes", default="10,200")
    parser.add_argument("--graders", type=int, default=0, help="trainees with an open 100-question attempt")
    args = parser.parse_args(argv)

    import django

    django.setup()
    started = time.monotonic()
    manifest = seed(args.burst, args.big, [int(n) for n in args.course_sizes.split(",") if n], args.graders)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(manifest))
    print(json.dumps({"manifest": str(args.out), "seconds": round(time.monotonic() - started, 1)}))


if __name__ == "__main__":
    main()
