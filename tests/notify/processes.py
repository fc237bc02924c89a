"""Run `flask berichten versturen` as a real worker process against a test database."""

import os
import subprocess
import sys
from pathlib import Path

from app.config import ROOT


def worker_env(database_url: str, smtp_port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOKET_CONNECTOR_")}
    env.update(
        {
            "FLASK_APP": "app:create_app",
            "LOKET_CONFIG": "test",
            "TEST_DATABASE_URL": database_url,
            "SMTP_PORT": str(smtp_port),
            "LOKET_CONNECTOR_EMAIL": "smtp",
            "NOTIFY_LEASE_SECONDS": "1",
            "NOTIFY_POLL_SECONDS": "0.1",
            "PYTHONUNBUFFERED": "1",
            **extra,
        }
    )
    return env


def start_worker(
    database_url: str, smtp_port: int, *args: str, log: Path | None = None, **extra: str
) -> subprocess.Popen[bytes]:
    """Start a worker process; its output goes to `log` (or is dropped)."""
    out = open(log, "ab") if log else None  # noqa: SIM115 - closed right after the start
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "flask", "berichten", "versturen", *args],
            cwd=ROOT,
            env=worker_env(database_url, smtp_port, **extra),
            stdout=out or subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
    finally:
        if out is not None:
            out.close()  # the child has its own copy
