"""Soak the outbox worker with SIGKILLs at random moments; count what is lost and duplicated.

Run: `.venv/bin/python bench/outbox_sigkill.py [messages] [kills]` (default 40 and 40). On
SQLite, and also on PostgreSQL when TEST_POSTGRES_URL is set (`scripts/with-test-services.sh`).

A real SMTP server (aiosmtpd) receives; `flask berichten versturen --loop` runs as a real
process and, once it is sending, is killed with SIGKILL at a random moment (0 to 0.25 s after
a delivery arrived), again and again, until the kills are used up or all is sent; then one
worker finishes. Each message's copies are grouped by the reference
in its subject, so a message sent twice under two different Message-IDs would be seen.
Bounded: at most `kills` kills and 300 s.

The deterministic version (a kill exactly between the server's "250" and our commit) is
tests/notify/test_worker.py::test_sigkill_after_the_server_accepted_resends_with_the_same_message_id.
"""

from __future__ import annotations

import random
import re
import shutil
import signal
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select

from app.extensions import db
from app.notify.models import OutboxMessage
from tests.conftest import drop_postgres, fresh_postgres, fresh_sqlite, make_app
from tests.notify.helpers import queue
from tests.notify.processes import start_worker
from tests.notify.smtp_server import Received, Recorder, smtp_server

DEADLINE_S = 300


def soak(database_url: str, messages: int, kills: int) -> dict[str, int]:
    app = make_app(database_url)
    with app.app_context():
        for i in range(messages):
            queue(about=f"afspraak:AF-{i:04d}-SK", commit=False)
        db.session.commit()
    rng = random.Random(9)

    def slow(got: Received) -> None:
        time.sleep(0.02)  # a real server takes a moment: kills land mid-send too

    started = time.monotonic()
    done_kills = 0
    with (
        smtp_server(Recorder(on_data=slow)) as (server, port),
        tempfile.TemporaryDirectory() as tmp,
    ):
        log = Path(tmp) / "worker.log"
        while done_kills < kills and time.monotonic() - started < DEADLINE_S:
            seen = len(server.received)
            worker = start_worker(database_url, port, "--loop", log=log)
            # Wait until this worker is sending (it first imports and starts), then kill it at
            # a random moment: while it talks to the server, waits for "250", or commits.
            while len(server.received) == seen and worker.poll() is None:
                if time.monotonic() - started > DEADLINE_S:
                    break
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, 0.25))
            worker.send_signal(signal.SIGKILL)
            worker.wait(10)
            done_kills += 1
            with app.app_context():
                left = db.session.scalar(
                    select(func.count()).where(OutboxMessage.status != "verzonden")
                )
                db.session.remove()
            if not left:
                break
        time.sleep(1.2)  # the last lease runs out
        final = start_worker(database_url, port, log=log)
        final.wait(120)
        received = list(server.received)

    by_reference: dict[str, set[str]] = defaultdict(set)
    copies: dict[str, int] = defaultdict(int)
    for got in received:
        reference = re.search(r"\((AF-\d{4}-SK)\)", str(got.message["Subject"]))
        assert reference, got.message["Subject"]
        by_reference[reference[1]].add(got.message_id)
        copies[reference[1]] += 1
    with app.app_context():
        statuses = list(db.session.scalars(select(OutboxMessage.status)))
        db.session.remove()
        db.engine.dispose()
    return {
        "messages": messages,
        "kills": done_kills,
        "e-mails received": len(received),
        "lost": messages - len(by_reference),
        "sent twice (same Message-ID)": sum(1 for n in copies.values() if n > 1),
        "sent twice with distinct Message-IDs": sum(
            1 for ids in by_reference.values() if len(ids) > 1
        ),
        "rows not 'verzonden'": sum(1 for s in statuses if s != "verzonden"),
    }


def main() -> None:
    messages = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    kills = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    folder = Path(tempfile.mkdtemp(prefix="loket-soak-"))
    results = {"sqlite": soak(fresh_sqlite(folder / "soak.db"), messages, kills)}
    import os

    if os.environ.get("TEST_POSTGRES_URL"):
        url = fresh_postgres()
        try:
            results["postgres"] = soak(url, messages, kills)
        finally:
            drop_postgres(url)
    shutil.rmtree(folder, ignore_errors=True)
    failed = False
    for name, result in results.items():
        print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in result.items()))
        failed |= bool(result["lost"] or result["sent twice with distinct Message-IDs"])
        failed |= bool(result["rows not 'verzonden'"])
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
