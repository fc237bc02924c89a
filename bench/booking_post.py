"""Latency of the final booking POST ("Afspraak maken") with 50 residents booking at once.

Run: `.venv/bin/python bench/booking_post.py [users] [bookings_per_user]` (default 50 and 6).
On SQLite, and also on PostgreSQL when TEST_POSTGRES_URL is set
(`scripts/with-test-services.sh .venv/bin/python bench/booking_post.py`).

Set-up as in the race test (tests/booking/harness.py): every resident's flow is prepared up to
the last step through the service layer; gunicorn with 4 sync workers serves the real app on a
copy of the migrated database. Then `users` client threads (in 5 processes, so the client does
not measure its own GIL) each send their POSTs one after the other, a new connection each as a
browser behind nginx would: a closed loop with `users` requests in flight. All book the same
15-minute slot, with room for everyone: the worst case for the database (one hot row), and
every POST books. Times are per POST, from sending to the last byte of the 303, after 40
unmeasured warm-up bookings. Each POST writes the booking, its place, a link token and the
confirmation in the outbox (rendered), in one transaction.

The machine is shared: read the numbers with its load average (printed).
"""

from __future__ import annotations

import http.client
import json
import multiprocessing
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.booking import harness
from tests.conftest import drop_postgres, fresh_postgres, fresh_sqlite, make_app

PROCESSES = 5
WARM_UP = 40  # bookings before the measurement


def _user(port: int, jobs: list[harness.Prepared], out: list[tuple[int, float]]) -> None:
    for job in jobs:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        started = time.perf_counter()
        try:
            status, location = harness.post_review(conn, job)
            ok = status == 303 and location.endswith("/afspraak/bevestiging")
            code = status if ok or status != 303 else 409  # 409: "net vol" (should not happen)
        except OSError:
            code = 0
        finally:
            conn.close()
        out.append((code, time.perf_counter() - started))


def _process(port: int, users: list[list[harness.Prepared]], barrier, results) -> None:  # type: ignore[no-untyped-def]
    outs: list[list[tuple[int, float]]] = [[] for _ in users]
    threads = [
        threading.Thread(target=_user, args=(port, jobs, out))
        for jobs, out in zip(users, outs, strict=True)
    ]
    barrier.wait()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put([item for out in outs for item in out])


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def run(database_url: str, users: int, per_user: int) -> dict[str, object]:
    app = make_app(database_url)
    total = users * per_user
    agenda_id = harness.seed_agenda(app, places=total + WARM_UP, booked=0, name="bench")
    prepared = harness.prepare(app, agenda_id, total + WARM_UP)
    warm_up, jobs = prepared[:WARM_UP], prepared[WARM_UP:]
    by_user = [jobs[u::users] for u in range(users)]
    shares = [by_user[p::PROCESSES] for p in range(PROCESSES)]
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(PROCESSES + 1)
    results = context.Queue()
    with harness.gunicorn(database_url, workers=4) as port:
        # Not measured: every worker's first requests compile templates and open connections.
        warm = [threading.Thread(target=_user, args=(port, warm_up[i::4], [])) for i in range(4)]
        for thread in warm:
            thread.start()
        for thread in warm:
            thread.join()
        processes = [
            context.Process(target=_process, args=(port, share, barrier, results))
            for share in shares
        ]
        for process in processes:
            process.start()
        barrier.wait()
        started = time.perf_counter()
        outcomes = [item for _ in processes for item in results.get(timeout=600)]
        elapsed = time.perf_counter() - started
        for process in processes:
            process.join(timeout=60)
    counted = harness.count(app, agenda_id)  # the warm-up's bookings included
    times = [seconds for code, seconds in outcomes]
    return {
        "database": "postgresql" if database_url.startswith("postgresql") else "sqlite",
        "users": users,
        "posts": len(outcomes),
        "booked": sum(1 for code, _ in outcomes if code == 303),
        "errors": sum(1 for code, _ in outcomes if code != 303),
        "bookings_in_db": counted.bookings - WARM_UP,
        "p50_ms": round(percentile(times, 0.50) * 1000, 1),
        "p95_ms": round(percentile(times, 0.95) * 1000, 1),
        "p99_ms": round(percentile(times, 0.99) * 1000, 1),
        "max_ms": round(max(times) * 1000, 1),
        "posts_per_s": round(len(outcomes) / elapsed, 1),
        "load_average": round(os.getloadavg()[0], 1),
    }


def main() -> None:
    users = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    per_user = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    folder = Path(tempfile.mkdtemp(prefix="loket-booking-bench-"))
    print(json.dumps(run(fresh_sqlite(folder / "bench.db"), users, per_user)), flush=True)
    if os.environ.get("TEST_POSTGRES_URL"):
        url = fresh_postgres()
        try:
            print(json.dumps(run(url, users, per_user)), flush=True)
        finally:
            drop_postgres(url)


if __name__ == "__main__":
    main()
