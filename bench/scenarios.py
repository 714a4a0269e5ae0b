"""One function per measured page: each returns LoadStats; the ratios are made in run.py.

Page rows send a fixed number of requests at the bench concurrency, stopping early at a
time cap so `make bench` stays bounded; each page is warmed up first (template loading,
first connections) so the first worker's imports are not measured.
"""

from itertools import cycle, islice

from .client import Call, LoadStats, run_calls
from .server import BARE_PATH

CONCURRENCY = 50
PAGE_REQUESTS = 1500
PAGE_SECONDS = 8.0
WARMUP_REQUESTS = 100


def measured(server, calls: list[Call], **options) -> LoadStats:
    """run_calls against the server, recording the workers' CPU time it cost."""
    cpu_before = server.cpu_seconds()
    stats = run_calls(server.base_url, calls, **options)
    stats.server_cpu_seconds = server.cpu_seconds() - cpu_before
    return stats


def _measure(server, calls: list[Call], seconds: float = PAGE_SECONDS, warm_up: bool = True) -> LoadStats:
    if warm_up:
        run_calls(server.base_url, calls[:WARMUP_REQUESTS], concurrency=10)
    stats = measured(server, calls, concurrency=CONCURRENCY, time_limit=seconds)
    failed = {status: n for status, n in stats.statuses.items() if not 200 <= status < 400}
    if failed:
        raise RuntimeError(f"{calls[0].path}: unexpected answers {failed}")
    return stats


def bare(server, requests: int = 4000, seconds: float = 6.0) -> LoadStats:
    return _measure(server, [Call(BARE_PATH)] * requests, seconds)


def anonymous_page(server, path: str, requests: int = PAGE_REQUESTS) -> LoadStats:
    return _measure(server, [Call(path)] * requests)


def signed_in_page(server, path: str, manifest: dict, cohort: str = "readers") -> LoadStats:
    """The page as seen by signed-in trainees, taking turns across the cohort's sessions."""
    cookie = manifest["session_cookie"]
    trainees = manifest["trainees"][cohort]
    calls = [Call(path, cookies={cookie: t["session"]}) for t in islice(cycle(trainees), PAGE_REQUESTS)]
    return _measure(server, calls)


def first_views(server, paths: list[str], manifest: dict, trainees: list[dict] | None = None) -> LoadStats:
    """Each trainee (the burst cohort by default) opens one of the pages once, taking the paths in turn.

    The warm-up is made by other trainees (the readers), so every measured view is that
    trainee's first; what is the same for everyone (a lesson's body, an outline) is warm, as on
    an event day, when 1,400 trainees read the same lessons: each path is opened once by a
    reader, the readers taking turns.
    """
    cookie = manifest["session_cookie"]
    trainees = manifest["trainees"]["burst"] if trainees is None else trainees
    readers = manifest["trainees"]["readers"]
    warm = [
        Call(path, cookies={cookie: readers[n % len(readers)]["session"]})
        for n, path in enumerate(paths * max(1, len(readers) // len(paths)))
    ]
    run_calls(server.base_url, warm, concurrency=10)
    calls = [
        Call(paths[n % len(paths)], cookies={cookie: t["session"]}) for n, t in enumerate(trainees[:PAGE_REQUESTS])
    ]
    return _measure(server, calls, warm_up=False)
