"""The bench server's settings: production's, plus the bare view every figure is divided by.

Only `make bench` (bench.database.base_env) runs with these, so production URLs never include
the bare view.
"""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
