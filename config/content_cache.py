"""Values read from published pages, cached until the content changes.

Every key carries the content generation, a number that home.signals bumps when a page is
saved, published, unpublished, moved or deleted, or a site or privacy setting changes; nothing has to be
found and deleted. The anonymous page cache, course outlines, template fragments (lesson
bodies), the menu, the language switcher and quiz grading (pass marks, answer keys; quizzes.signals
bumps the generation when the question bank changes) use it (docs/ARCHITECTURE.md, "Caches").

Each process also keeps the values it used last in memory (unpickling a 200-lesson course
outline from the shared cache costs more than reading it from a dict), and it reads the
generation from the shared cache at most every GENERATION_RECHECK_SECONDS, so a page view does
not pay a Redis round trip per cached value. Another process therefore sees a change up to that
long later.
"""

import time
from collections import OrderedDict
from collections.abc import Callable
from threading import Lock

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "anon-page-cache:generation"
# Part of every key: raise it when the shape of a cached value changes (a dataclass gains a
# field), so a deploy never reads values pickled by the previous code from the shared cache.
VALUE_LAYOUT = 3
GENERATION_RECHECK_SECONDS = 1.0
# Several values per page (privacy, translations, quizzes of a lesson) for every page people open.
RECENT_VALUES = 4096

_lock = Lock()
_generation: tuple[float, int] = (0.0, 0)  # (read at, value)
_recent: OrderedDict[str, tuple[float, object]] = OrderedDict()  # key → (expires at, value)


def _fresh_generation() -> int:
    # From the clock, not 1: after the cache is emptied (a Redis restart) no new number repeats
    # an old one that a process may still hold values under.
    return time.time_ns() // 1000


def current_generation() -> int:
    global _generation
    read_at, value = _generation
    now = time.monotonic()
    if now - read_at >= GENERATION_RECHECK_SECONDS:
        value = cache.get_or_set(GENERATION_KEY, _fresh_generation, timeout=None)
        _generation = (now, value)
    return value


def content_changed(**_kwargs) -> None:
    """Signal receiver: whatever was cached from pages is stale from now on."""
    global _generation
    try:
        value = cache.incr(GENERATION_KEY)
    except ValueError:
        value = _fresh_generation()
        cache.set(GENERATION_KEY, value, timeout=None)
    _generation = (time.monotonic(), value)


def remember(name: str, parts: tuple, build: Callable[[], object]) -> object:
    """``build()``'s value for this generation and these key parts, from memory, the cache, or built."""
    key = ":".join(str(part) for part in (name, VALUE_LAYOUT, current_generation(), *parts))
    seconds = settings.CONTENT_CACHE_SECONDS
    expires, value = _recent.get(key, (0.0, None))
    if value is None or expires < time.monotonic():
        value = cache.get(key)
        if value is None:
            value = build()
            cache.set(key, value, seconds)
        with _lock:
            _recent[key] = (time.monotonic() + seconds, value)
            while len(_recent) > RECENT_VALUES:
                _recent.popitem(last=False)
    return value


def remember_each(name: str, ids, build: Callable[[list], dict]) -> dict:
    """``{id: value}`` for each of ``ids`` under this generation, from memory, the cache, or
    ``build(ids still missing)`` (one call for all of them, which may leave out ids it has no value for).
    """
    keys = {i: f"{name}:{VALUE_LAYOUT}:{current_generation()}:{i}" for i in ids}
    now = time.monotonic()
    found, missing = {}, []
    for i, key in keys.items():
        expires, value = _recent.get(key, (0.0, None))
        if value is None or expires < now:
            missing.append(i)
        else:
            found[i] = value
    if not missing:
        return found
    shared = cache.get_many([keys[i] for i in missing])
    fetched = {i: shared[keys[i]] for i in missing if shared.get(keys[i]) is not None}
    built = build([i for i in missing if i not in fetched])
    seconds = settings.CONTENT_CACHE_SECONDS
    if built:
        cache.set_many({keys[i]: value for i, value in built.items()}, seconds)
    fetched.update(built)
    with _lock:
        for i, value in fetched.items():
            _recent[keys[i]] = (now + seconds, value)
        while len(_recent) > RECENT_VALUES:
            _recent.popitem(last=False)
    found.update(fetched)
    return found


def forget_recent() -> None:
    """Drop this process's copies (tests start each case from an empty cache)."""
    global _generation
    with _lock:
        _recent.clear()
        _generation = (0.0, 0)
