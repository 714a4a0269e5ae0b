"""One cluster (scripts/cluster.py: HAProxy, two gunicorn servers, PostgreSQL, Redis, shared media)
for all cluster tests, seeded once.

Skipped only outside CI when haproxy is not installed; in CI a missing haproxy is a failure.
"""

import json
import os

import pytest

from scripts.cluster import Cluster, haproxy_path

BURST_TRAINEES = 1400


@pytest.fixture(scope="session")
def cluster(tmp_path_factory):
    if not haproxy_path():
        if os.environ.get("CI"):
            pytest.fail("CI: haproxy is missing; .ci/run installs it (apt-get install -y haproxy)")
        pytest.skip("haproxy is not installed (apt-get install -y haproxy); the cluster tests need it")
    with Cluster(var_dir=tmp_path_factory.mktemp("cluster")) as running:
        yield running


@pytest.fixture(scope="session")
def seeded(cluster, tmp_path_factory):
    """The people and pages of tests/cluster/seed.py, and two cohorts of 1,400 checking-in trainees."""
    folder = tmp_path_factory.mktemp("seed")
    cluster.run_module("tests.cluster.seed", str(folder / "seed.json"))
    data = json.loads((folder / "seed.json").read_text())
    # Both bursts share one training session; each cohort is a distinct set of trainees.
    cluster.run_module("tests.attendance.burst_server", str(folder / "phones.json"), str(2 * BURST_TRAINEES))
    phones = json.loads((folder / "phones.json").read_text())
    data["burst"] = {**phones, "cohorts": [phones["phones"][:BURST_TRAINEES], phones["phones"][BURST_TRAINEES:]]}
    return data
