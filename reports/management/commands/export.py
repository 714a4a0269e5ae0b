"""Write one of the reports exports to a file, with a progress bar.

    manage.py export attendance --format csv --output attendance.csv --city 370100 --status absent
    manage.py export rosters --format xlsx --output rosters.xlsx --as-user coordinator@example.org

Filters go through the export's own form, so they are checked exactly as in the admin.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from tqdm import tqdm

from accounts.access import VenueScope
from accounts.models import User
from reports.errors import ReportError, reporting_scope
from reports.exports import registry
from reports.exports.writers import write_csv, write_xlsx

FILTER_NAMES = (
    "session",
    "city",
    "county",
    "venue",
    "organisation",
    "status",
    "quiz",
    "course",
    "passed",
    "completed",
    "gap",
)


class Command(BaseCommand):
    help = "Export a report (attendance, rosters, quiz_results, course_completions, coverage) to CSV or XLSX."

    def add_arguments(self, parser):
        parser.add_argument("name", choices=registry.identifiers())
        parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        parser.add_argument("--output", required=True, help="File to write.")
        parser.add_argument("--language", default="zh-hans", help="Language of headers and labels (zh-hans or en).")
        parser.add_argument("--as-user", help="Limit the export to what this user (e.g. a coordinator) may see.")
        for name in FILTER_NAMES:
            parser.add_argument(f"--{name}", help=f"Filter: {name} (as in the admin form).")

    def handle(self, *args, **options):
        exporter_class = registry.get(options["name"])
        with translation.override(options["language"]):
            scope = self._scope(options.get("as_user"))
            data = {name: options[name] for name in FILTER_NAMES if options.get(name) is not None}
            form = exporter_class.form(scope, data=data)
            unknown = set(data) - set(form.fields)
            if unknown:
                raise CommandError(f"{options['name']} has no filter {', '.join(sorted(unknown))}")
            if not form.is_valid():
                raise CommandError(form.errors.as_text())
            exporter = exporter_class(scope, form.cleaned_data)
            started = time.monotonic()
            # Counting is a whole extra pass over the query: only for a progress bar someone sees.
            total = exporter.count() if options["verbosity"] else None
            write = write_csv if options["format"] == "csv" else write_xlsx
            with tqdm(total=total, unit="row", disable=options["verbosity"] == 0) as bar:
                rows = write(exporter, options["output"], progress=bar.update)
        seconds = time.monotonic() - started
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"{rows} rows written to {options['output']} in {seconds:.1f}s."))

    def _scope(self, email):
        if not email:
            return VenueScope.everything()
        user = User.objects.filter(email=email.strip().lower()).first()
        if user is None:
            raise CommandError(f"No user {email}")
        try:
            return reporting_scope(user)
        except ReportError as error:
            raise CommandError(str(error.message)) from None
