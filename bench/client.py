"""An asyncio load generator (aiohttp): a list of calls, a fixed concurrency, latency percentiles.

Each call carries its own cookies (a trainee's session) in a Cookie header, so one
client connection pool serves thousands of distinct users. Calls marked retryable are
sent again after a dropped connection or a 502/503, which is safe only because the
server's check-in is idempotent; the latency of a call includes its retries, as a
person holding the phone would feel it.
"""

import asyncio
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field

import aiohttp

RETRY_STATUSES = {502, 503, 504}
# Django accepts an unmasked 32-character CSRF secret as the token; the client sends the
# same value as cookie and form field/header, as a browser's form would after a page load.
CSRF_SECRET = "benchcsrfsecretbenchcsrfsecret01"  # noqa: S105 (not a secret: a per-run form token)


@dataclass
class Call:
    path: str
    method: str = "GET"
    cookies: dict = field(default_factory=dict)
    headers: dict = field(default_factory=dict)
    data: dict | list | None = None  # form fields; a list of pairs for repeated names
    key: str = ""  # who made the call (a trainee id), for auditing check-ins
    retryable: bool = False


@dataclass
class Outcome:
    key: str
    status: int  # 0 when the connection failed on every attempt
    seconds: float
    attempts: int
    body: bytes = b""
    location: str = ""  # where a redirect pointed


@dataclass
class LoadStats:
    outcomes: list[Outcome]
    wall_seconds: float
    server_cpu_seconds: float = 0.0  # the gunicorn workers' CPU time while this ran (set by the caller)

    @property
    def statuses(self) -> Counter:
        return Counter(o.status for o in self.outcomes)

    @property
    def ok(self) -> int:
        return sum(1 for o in self.outcomes if 200 <= o.status < 400)

    @property
    def rate(self) -> float:
        return self.ok / self.wall_seconds if self.wall_seconds else 0.0

    def percentile_ms(self, pct: float) -> float:
        times = sorted(o.seconds for o in self.outcomes if 200 <= o.status < 400)
        if not times:
            return float("nan")
        if len(times) == 1:
            return times[0] * 1000
        return statistics.quantiles(times, n=100, method="inclusive")[int(pct) - 1] * 1000

    @property
    def cpu_ms_per_request(self) -> float:
        return 1000 * self.server_cpu_seconds / self.ok if self.ok else float("nan")

    @property
    def retried(self) -> int:
        return sum(1 for o in self.outcomes if o.attempts > 1)


def cookie_header(cookies: dict) -> str:
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


async def _send(session: aiohttp.ClientSession, base_url: str, call: Call, keep_body: bool, max_attempts: int):
    started = time.perf_counter()
    headers = dict(call.headers)
    if call.cookies:
        headers["Cookie"] = cookie_header(call.cookies)
    attempts, status, body, location = 0, 0, b"", ""
    while attempts < max_attempts:
        attempts += 1
        try:
            async with session.request(
                call.method, base_url + call.path, headers=headers, data=call.data, allow_redirects=False
            ) as response:
                status, body = response.status, await response.read()
                location = response.headers.get("Location", "")
        except (TimeoutError, aiohttp.ClientError):
            status = 0
        if not (call.retryable and (status == 0 or status in RETRY_STATUSES)):
            break
        await asyncio.sleep(min(0.05 * attempts, 0.5))
    return Outcome(call.key, status, time.perf_counter() - started, attempts, body if keep_body else b"", location)


async def _run(base_url, calls, concurrency, time_limit, keep_body, max_attempts) -> LoadStats:
    queue = iter(calls)
    outcomes: list[Outcome] = []
    deadline = time.perf_counter() + time_limit if time_limit else None
    timeout = aiohttp.ClientTimeout(total=60)
    connector = aiohttp.TCPConnector(limit=concurrency, force_close=True)
    async with aiohttp.ClientSession(
        connector=connector, timeout=timeout, cookie_jar=aiohttp.DummyCookieJar(), auto_decompress=True
    ) as session:

        async def worker():
            for call in queue:
                outcomes.append(await _send(session, base_url, call, keep_body, max_attempts))
                if deadline and time.perf_counter() > deadline:
                    return

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return LoadStats(outcomes, time.perf_counter() - started)


def run_calls(
    base_url: str,
    calls: list[Call],
    concurrency: int = 50,
    time_limit: float | None = None,
    keep_body: bool = False,
    max_attempts: int = 1,
) -> LoadStats:
    """Send the calls with `concurrency` in flight; stop early once `time_limit` seconds have passed."""
    return asyncio.run(_run(base_url, calls, concurrency, time_limit, keep_body, max_attempts))
