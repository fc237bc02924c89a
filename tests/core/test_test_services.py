"""The servers `make test` starts are really there (under CI=true a missing one fails)."""

import socket
from urllib.parse import urlsplit

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import postgres_url, redis_url

# Every test process shares one Redis server and these tests use it (one flushes it): one process.
pytestmark = pytest.mark.xdist_group("redis")


def test_redis_answers() -> None:
    url = urlsplit(redis_url())
    with socket.create_connection((url.hostname, url.port or 6379), timeout=2) as conn:
        conn.sendall(b"PING\r\n")
        assert conn.recv(16) == b"+PONG\r\n"


def test_postgres_answers() -> None:
    engine = create_engine(postgres_url())
    with engine.connect() as conn:
        assert conn.execute(text("SELECT 1")).scalar() == 1
    engine.dispose()
