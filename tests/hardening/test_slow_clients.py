"""Slow clients cannot starve the workers: 50 connections that send half a request and go quiet,
and /health still answers, through `make run`'s server and through the production set-up
(gunicorn behind nginx with deploy/nginx-loket.conf). Times are in bench/RESULTS.md."""

import os
import shutil
from pathlib import Path

import pytest

from bench import servers

STALLED = 50
GENEROUS = 10.0  # seconds: this test proves that it answers, the benchmark says how fast


def need_nginx() -> None:
    if shutil.which("nginx") or Path("/usr/sbin/nginx").exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail("nginx is missing: make test installs it (scripts/system-deps.sh)")
    pytest.skip("nginx is not installed (make test installs it)")


def answers_while_stalled(port: int) -> None:
    stalled = servers.stall(port, STALLED)
    try:
        status, _ = servers.get(port, "/health", timeout=GENEROUS)
        assert status == 200
    finally:
        for s in stalled:
            s.close()


def test_make_run_server_answers_with_50_stalled_connections(tmp_path: Path) -> None:
    port = servers.free_port()
    with servers.waitress(port, servers.loket_env(tmp_path / "w.db")):
        answers_while_stalled(port)


def test_production_set_up_answers_with_50_stalled_connections(tmp_path: Path) -> None:
    need_nginx()
    app_port, proxy_port = servers.free_port(), servers.free_port()
    env = servers.loket_env(tmp_path / "g.db", WEB_CONCURRENCY="2")
    with servers.gunicorn(app_port, env), servers.nginx(proxy_port, app_port):
        answers_while_stalled(proxy_port)
