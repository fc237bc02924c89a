"""Rate limits hold across workers: they live in Redis, not in each worker's memory."""

from pathlib import Path

import pytest

from bench import servers
from tests.conftest import redis_url

# Every test process shares one Redis server and these tests use it (one flushes it): one process.
pytestmark = pytest.mark.xdist_group("redis")

LIMIT = 60  # /zoeken: 60/minute per address (app/pages/views.py)


def test_a_limit_is_exact_across_four_gunicorn_workers(tmp_path: Path) -> None:
    import redis

    url = redis_url()
    redis.Redis.from_url(url).flushdb()
    port = servers.free_port()
    env = servers.loket_env(tmp_path / "r.db", RATELIMIT_STORAGE_URI=url, WEB_CONCURRENCY="4")
    with servers.gunicorn(port, env):
        codes = [servers.get(port, "/zoeken?q=afval")[0] for _ in range(LIMIT + 20)]
    assert codes.count(200) == LIMIT  # the health checks while starting are not limited
    assert codes[LIMIT:] == [429] * 20
