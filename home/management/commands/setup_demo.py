"""Load the demo data: idempotent, with a progress bar.

Each app contributes a ``demo.py`` with ``steps()`` returning ``[(label, callable)]``;
apps are run lowest first so later steps can rely on earlier data, and
``home.demo_learning`` last because it needs everybody's data.
"""

import importlib
import time

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

DEMO_MODULES = [
    "accounts.demo",
    "home.demo",
    "courses.demo",
    "quizzes.demo",
    "attendance.demo",
    "home.demo_learning",
]


def collect_steps():
    steps = []
    for name in DEMO_MODULES:
        module = importlib.import_module(name)
        app = name.split(".", 1)[0]
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
