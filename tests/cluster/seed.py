"""Set-up for the cluster tests, run in a subprocess with the app servers' own settings.

    python -m tests.cluster.seed OUT.json

creates an organiser who may publish (a superuser), a course whose lesson has a saved but
unpublished draft, and a coordinator of a venue taking part in an open training session; writes
their emails, the lesson's URL and ids to OUT.json. (The check-in burst uses
tests.attendance.burst_server.)
"""

import json
import os
import sys

LIVE_TITLE = "集群测试课时（已发布）"
DRAFT_TITLE = "集群测试课时（新版本）"


def setup(out_path: str) -> None:
    from accounts import roles
    from courses.demo import build_course_indexes
    from courses.models import CourseIndexPage
    from home.demo import build_home_pages
    from tests.attendance.factories import TrainingSessionFactory
    from tests.courses.factories import lessons_of, make_course
    from tests.factories import TEST_PASSWORD, UserFactory, VenueFactory

    build_home_pages()
    build_course_indexes()
    index = CourseIndexPage.objects.get(locale__language_code="zh-hans")
    lesson = lessons_of(make_course(modules=1, lessons_per_module=1, index=index))[0]
    lesson.title = LIVE_TITLE
    lesson.save_revision().publish()
    lesson.title = DRAFT_TITLE
    lesson.save_revision()  # a draft: the live page still shows LIVE_TITLE

    organiser = UserFactory(email="cluster-organiser@example.org", real_name="集群组织者", roles=[roles.ORGANISER])
    organiser.is_staff = organiser.is_superuser = True
    organiser.save()
    venue = VenueFactory(name="集群测试分会场")
    session = TrainingSessionFactory(title="集群测试场次", venues=[venue])
    coordinator = UserFactory(email="cluster-coordinator@example.org", roles=[roles.COORDINATOR])
    venue.coordinators.add(coordinator)
    throttled = UserFactory(email="cluster-throttled@example.org", roles=[roles.TRAINEE])
    with open(out_path, "w", encoding="utf-8") as fh:
        json.dump(
            {
                "password": TEST_PASSWORD,
                "organiser": organiser.email,
                "organiser_name": organiser.real_name,
                "coordinator": coordinator.email,
                "throttled": throttled.email,
                "lesson_id": lesson.pk,
                "lesson_url": lesson.url,
                "session_id": session.pk,
                "venue_id": venue.pk,
            },
            fh,
        )


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    import django

    django.setup()
    setup(sys.argv[1])
