"""The cluster row: the check-in burst through HAProxy and two app servers (scripts/cluster.py).

Ratio = check-ins per second through HAProxy ÷ the bare view through the same HAProxy and the
same two servers, so it shows what the check-in costs on that path, not what the extra hop
costs. On one 2-core machine the two servers share the cores: this row proves that nothing is
lost or duplicated across servers and shows the proxy's latency, not added capacity. The
floor is the mean of the bare view before and after, as in the other rows.
"""

import json
from pathlib import Path

from scripts.cluster import Cluster, haproxy_path

from . import checkins, database, scenarios
from .client import run_calls
from .report import Row, missing_row

NAME = "check-in burst, {n} distinct trainees, HAProxy + 2 app servers"
LABEL = "PostgreSQL"


class _Target:
    """What the bench's scenarios need from a server: a URL and the workers' CPU time."""

    def __init__(self, cluster: Cluster):
        self.cluster = cluster
        self.base_url = cluster.url
        self.workers = cluster.workers * len(cluster.apps)

    def cpu_seconds(self) -> float:
        return self.cluster.cpu_seconds()


def cluster_rows(burst: int, say=print) -> list[Row]:
    name = NAME.format(n=f"{burst:,}")
    if not haproxy_path():
        return [missing_row(name, LABEL, "≥ 0.25", "haproxy is not installed (apt-get install -y haproxy)")]
    if not database.postgres_available():
        return [missing_row(name, LABEL, "≥ 0.25", "PostgreSQL not reachable on 127.0.0.1:5432")]
    if not database.redis_available():
        return [missing_row(name, LABEL, "≥ 0.25", "Redis not reachable (the cluster shares sessions and caches)")]
    say("cluster: HAProxy + two app servers on a fresh PostgreSQL database")
    with Cluster(
        var_dir=database.BENCH_DIR / "cluster",
        redis_url=database.REDIS_URL,
        postgres_url=database.POSTGRES_SERVER_URL,
        db_prefix="bench_cluster",
        extra_env={"DJANGO_SETTINGS_MODULE": "bench.settings"},
    ) as cluster:
        manifest_path = database.BENCH_DIR / "manifest-cluster.json"
        env = {**cluster.env, "BENCH_DB_LABEL": LABEL, "BENCH_MANIFEST": str(manifest_path)}
        database.run_django_module(
            env, "seed", "--out", str(manifest_path), "--burst", str(burst), "--big", "0", "--graders", "0"
        )
        manifest = json.loads(Path(manifest_path).read_text())
        target = _Target(cluster)
        say("cluster: measuring")
        before = scenarios.bare(target)
        if "missing" in manifest.get("attendance", {}):
            return [missing_row(name, LABEL, "≥ 0.25", manifest["attendance"]["missing"])]
        run_calls(target.base_url, checkins.checkin_calls(manifest, "readers"), concurrency=10)  # warm-up
        row = checkins.run_burst(target, env, manifest, "burst", NAME, before.rate)
        after = scenarios.bare(target)
        served = cluster.served_counts()
    floor = (before.rate + after.rate) / 2
    row.ratio = row.extra["rate"] / floor
    row.detail += f"; bare view through HAProxy {floor:.0f} req/s; answered by {served}"
    # Two servers share this machine's cores, so the single-server p99 goal does not apply here;
    # the row's goal is the ratio with nothing lost, duplicated or unconfirmed.
    audit = row.extra
    row.extra["goals_met"] = audit["lost"] == audit["duplicated"] == audit["unconfirmed"] == 0
    row.detail = row.detail.replace(f" (goal < {checkins.P99_GOAL_MS})", " (no p99 goal: two servers share the cores)")
    row.extra.update(bare_rate=floor, served=served)
    return [row]
