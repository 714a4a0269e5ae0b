"""manage.py import_course FILE.md [--publish]: create or update a course from Markdown."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from courses.importer import ImportErrors, import_course_file
from courses.publishing import publish_course_tree


class Command(BaseCommand):
    help = "Create or update a course from a Markdown file, as a draft (see docs/example_course.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the course's Markdown file; images and documents relative to it")
        parser.add_argument("--user", help="email of the author recorded on the revisions")
        parser.add_argument("--publish", action="store_true", help="publish the course and all its pages")

    def handle(self, *args, **options):
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(email=options["user"].lower()).first()
            if user is None:
                raise CommandError(f"No user with email {options['user']}")
        try:
            result = import_course_file(options["file"], user=user)
        except ImportErrors as exc:
            lines = [f"{options['file']}:{line}: {message}" for line, message in exc.errors]
            raise CommandError("The course was not imported:\n" + "\n".join(lines)) from exc
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
        if options["publish"]:
            publish_course_tree(result.course, user=user)
        state = "published" if options["publish"] else "saved as a draft"
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.course.title}: {result.created} pages created, {result.updated} updated, {state}."
            )
        )
