"""The admin's participant import from the shell: preview by default, --apply to write."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from accounts.models import User
from attendance.models import TrainingSession
from courses.models import CoursePage
from registration import services
from registration.reading import ImportError_


class Command(BaseCommand):
    help = _("Import a participant list (CSV or XLSX): accounts, enrolments, expected participants, invitations.")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--as-user", required=True, help=_("E-mail of the organiser or coordinator importing."))
        parser.add_argument("--session", type=int, help=_("Training session id: expect everyone there."))
        parser.add_argument("--course", action="append", default=[], help=_("Course slug to enrol in (repeatable)."))
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, choices=[c for c, _n in settings.LANGUAGES])
        parser.add_argument("--no-invitations", action="store_true")
        parser.add_argument("--apply", action="store_true", help=_("Write; without it only the preview is printed."))
        parser.add_argument(
            "--skip-errors", action="store_true", help=_("Import the valid rows of a file with errors.")
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path})
        importer = User.objects.filter(email=options["as_user"].lower(), is_active=True).first()
        if importer is None:
            raise CommandError(_("No active user with that e-mail address."))
        session = None
        if options["session"]:
            session = TrainingSession.objects.filter(pk=options["session"]).first()
            if session is None:
                raise CommandError(_("No training session with that id."))
        courses = list(CoursePage.objects.live().filter(slug__in=options["course"]))
        missing = set(options["course"]) - {c.slug for c in courses}
        if missing:
            raise CommandError(_("No live course with the slug: %(slugs)s") % {"slugs": ", ".join(sorted(missing))})
        try:
            stored = services.store_upload(
                name=path.name,
                data=path.read_bytes(),
                importer=importer,
                session=session,
                courses=courses,
                language=options["language"],
                send_invitations=not options["no_invitations"],
            )
            plan = services.plan_stored(stored, importer)
        except ImportError_ as error:
            raise CommandError(error.message) from error
        for row in plan.error_rows:
            self.stderr.write(_("Line %(line)s: %(errors)s") % {"line": row.line, "errors": " ".join(row.errors)})
        self.stdout.write(" ".join(f"{key}={value}" for key, value in plan.counts.items()))
        if not options["apply"]:
            self.stdout.write(_("Preview only; add --apply to import."))
            return
        if plan.error_rows and not options["skip_errors"]:
            raise CommandError(_("Fix the rows with errors, or choose to skip them."))
        totals = {}
        with tqdm(total=len(plan.rows), unit=_("rows"), disable=options["verbosity"] == 0) as progress:
            for start in range(0, len(plan.rows), services.BATCH_ROWS):
                done = services.apply(stored, importer, skip_errors=True, start=start, stop=start + services.BATCH_ROWS)
                for key in ("accounts", "enrolments", "expected", "invitations"):
                    totals[key] = totals.get(key, 0) + done[key]
                progress.update(done["done_rows"] - progress.n)
        self.stdout.write(" ".join(f"{key}={value}" for key, value in totals.items()))
