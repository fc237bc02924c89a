"""How fast the outbox queues and delivers, on SQLite: enqueue (rendering included) and one
worker sending over SMTP to a local aiosmtpd, and making letter PDFs.

Run: `.venv/bin/python bench/outbox_throughput.py [messages]` (default 200). The machine is
shared and noisy: read the numbers as an order of magnitude. A municipality sends thousands of
messages a day, not per second: the goal is that a confirmation leaves within seconds and a
day's letters are ready within a minute.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.extensions import db
from app.notify.mail.base import mail_transports
from app.notify.worker import Worker
from tests.conftest import fresh_sqlite, make_app
from tests.notify.helpers import JAN, queue
from tests.notify.smtp_server import smtp_server


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    folder = Path(tempfile.mkdtemp(prefix="loket-outbox-bench-"))
    app = make_app(fresh_sqlite(folder / "bench.db"))
    with app.app_context():
        timings = []
        for i in range(count):
            start = time.perf_counter()
            queue(about=f"afspraak:AF-{i:04d}-BN")  # render + insert + commit, as a booking does
            timings.append(time.perf_counter() - start)
        print(
            f"enqueue + commit: median {statistics.median(timings) * 1000:.1f} ms, "
            f"p95 {sorted(timings)[int(0.95 * len(timings))] * 1000:.1f} ms"
        )
        with smtp_server() as (server, port):
            mail = mail_transports.create({**app.config, "SMTP_PORT": port}, "smtp")
            start = time.perf_counter()
            tally = Worker(mail=mail).run_once()
            spent = time.perf_counter() - start
        assert tally.sent == count and len(server.received) == count
        print(f"one worker, SMTP: {count} e-mails in {spent:.1f} s = {count / spent:.0f}/s")

        letters = max(count // 4, 10)
        for i in range(letters):
            queue("brief", JAN, about=f"afspraak:AF-{i:04d}-BR", commit=False)
        db.session.commit()
        start = time.perf_counter()
        tally = Worker().run_once()
        spent = time.perf_counter() - start
        assert tally.letters == letters
        print(f"one worker, letters: {letters} PDFs in {spent:.1f} s = {letters / spent:.1f}/s")
        db.session.remove()
        db.engine.dispose()


if __name__ == "__main__":
    main()
