"""Deliver the outbox: once (from cron) or in a loop (a worker process)."""

import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from notifications import services


class Command(BaseCommand):
    help = _("Queue due reminders, then send waiting messages (e-mail and SMS); --loop keeps running.")

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help=_("Keep running, one pass every --interval seconds."))
        parser.add_argument("--interval", type=int, default=30, help=_("Seconds between passes (5-3600)."))
        parser.add_argument("--limit", type=int, default=500, help=_("Messages per pass (1-10000)."))

    def handle(self, *args, loop=False, interval=30, limit=500, **options):
        interval = min(max(interval, 5), 3600)
        limit = min(max(limit, 1), 10_000)
        while True:
            queued = services.run_producers()
            counts = services.process_outbox(limit=limit)
            if queued or counts or not loop:
                self.stdout.write(
                    _("Queued %(queued)d; sent %(sent)d, to retry %(retry)d, failed %(failed)d.")
                    % {"queued": queued, "sent": counts["sent"], "retry": counts["retry"], "failed": counts["failed"]}
                )
            if not loop:
                return
            try:
                time.sleep(interval)
            except KeyboardInterrupt:
                return
