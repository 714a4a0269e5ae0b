from django.conf import settings
from django.core.management.base import BaseCommand
from tqdm import tqdm

from attendance.models import AttendanceRecord
from attendance.retention import expired_sessions, purge_session


class Command(BaseCommand):
    help = "Delete attendance of sessions that ended more than ATTENDANCE_RETENTION_DAYS ago."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only report what would be deleted.")

    def handle(self, *args, dry_run=False, **options):
        days = getattr(settings, "ATTENDANCE_RETENTION_DAYS", 0)
        if not days:
            self.stdout.write("ATTENDANCE_RETENTION_DAYS is 0: attendance is kept for ever.")
            return
        sessions = list(expired_sessions())
        if dry_run:
            total = AttendanceRecord.objects.filter(session__in=sessions).count()
            self.stdout.write(f"Would delete {total} records of {len(sessions)} sessions older than {days} days.")
            return
        deleted = 0
        for session in tqdm(sessions, unit="session", disable=options["verbosity"] == 0):
            deleted += purge_session(session)
        self.stdout.write(self.style.SUCCESS(f"Deleted {deleted} records of {len(sessions)} sessions."))
