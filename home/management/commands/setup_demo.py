"""Load the demo data: idempotent, with a progress bar.

Each app contributes a ``demo.py`` with ``steps()`` returning ``[(label, callable)]``;
apps are run lowest first so later steps can rely on earlier data.
"""

import importlib
import time

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

DEMO_APPS = ["accounts", "home", "courses", "quizzes", "attendance"]


def collect_steps():
    steps = []
    for app in DEMO_APPS:
        try:
            module = importlib.import_module(f"{app}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app}.demo":
                raise
            continue
        steps.extend((f"{app}: {label}", func) for label, func in module.steps())
    return steps


class Command(BaseCommand):
    help = "Create or refresh the demo data (safe to run repeatedly)."

    def handle(self, *args, **options):
        steps = collect_steps()
        started = time.monotonic()
        with tqdm(total=len(steps), unit="step", disable=options["verbosity"] == 0) as bar:
            for label, func in steps:
                bar.set_description(label)
                with transaction.atomic():
                    result = func()
                if options["verbosity"] > 1:
                    bar.write(f"{label}: {result}")
                bar.update(1)
        self.stdout.write(self.style.SUCCESS(f"Demo data ready in {time.monotonic() - started:.1f}s."))
