"""Settings layers.

base.py holds everything shared; dev.py (the default for manage.py) adds debugging
and console email; test.py trades safety for speed; production.py reads secrets and
hosts from the environment and refuses to start without SECRET_KEY. Every layer
does ``from .base import *`` and overrides only what differs.
"""
