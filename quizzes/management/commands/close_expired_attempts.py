"""Submit and grade attempts whose time limit has passed (run from cron, e.g. every 5 minutes).

Pages never grade (a GET writes nothing): an expired attempt is graded when its trainee submits
it, starts another, or by this command, which makes the results tables complete.
"""

from django.core.management.base import BaseCommand

from quizzes.services import close_expired_attempts


class Command(BaseCommand):
    help = "Submit and grade quiz attempts whose deadline has passed."

    def handle(self, *args, **options):
        closed = close_expired_attempts()
        self.stdout.write(f"{closed} expired attempts submitted and graded.")
