"""Submit and grade attempts whose time limit has passed (run from cron, e.g. every 5 minutes).

Expired attempts are also closed whenever their trainee or an instructor looks at them; this
command only makes the results tables complete without waiting for a visit.
"""

from django.core.management.base import BaseCommand

from quizzes.services import close_expired_attempts


class Command(BaseCommand):
    help = "Submit and grade quiz attempts whose deadline has passed."

    def handle(self, *args, **options):
        closed = close_expired_attempts()
        self.stdout.write(f"{closed} expired attempts submitted and graded.")
