"""Publishing a whole course tree at once (demo data, ``import_course --publish``)."""

from wagtail.models import Page


def publish_course_tree(course, user=None) -> int:
    """Publish the latest revision of the course and every page below it; returns how many."""
    published = 0
    for page in Page.objects.descendant_of(course, inclusive=True).order_by("path").specific():
        if page.live and not page.has_unpublished_changes:
            continue
        revision = page.latest_revision or page.save_revision(user=user)
        revision.publish(user=user, skip_permission_checks=True)  # a command, run by an administrator
        published += 1
    return published
