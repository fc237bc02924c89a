"""The client side of the booking race: only the standard library, so the client processes
(started with "spawn", each a fresh interpreter) are ready in a moment instead of importing the
app, Flask and SQLAlchemy first: six of those imports were most of a race test's time.

Used by tests/booking/harness.py (which re-exports these) and bench/booking_post.py.
"""

import http.client
import multiprocessing
import threading
import time
import urllib.parse
from dataclasses import dataclass

COOKIE = "loket_sessie"


@dataclass(frozen=True)
class Prepared:
    index: int
    cookie: str
    csrf: str
    key: str


@dataclass(frozen=True)
class Outcome:
    index: int
    status: int
    location: str
    seconds: float


def post_review(conn: http.client.HTTPConnection, job: Prepared) -> tuple[int, str]:
    body = urllib.parse.urlencode({"csrf_token": job.csrf, "sleutel": job.key})
    conn.request(
        "POST",
        "/afspraak/controleren",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"{COOKIE}={job.cookie}",
        },
    )
    response = conn.getresponse()
    response.read()
    return response.status, response.getheader("Location") or ""


def client_process(port: int, jobs: list[Prepared], barrier: object, results: object) -> None:
    """One client process: open every connection, wait for all processes, then post at once."""
    connections = []
    for _ in jobs:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        conn.connect()
        connections.append(conn)
    go = threading.Event()
    outcomes: list[Outcome] = []
    lock = threading.Lock()

    def run(conn: http.client.HTTPConnection, job: Prepared) -> None:
        go.wait()
        started = time.perf_counter()
        try:
            status, location = post_review(conn, job)
        except OSError as error:
            status, location = 0, repr(error)
        with lock:
            outcomes.append(Outcome(job.index, status, location, time.perf_counter() - started))

    threads = [
        threading.Thread(target=run, args=pair) for pair in zip(connections, jobs, strict=True)
    ]
    for thread in threads:
        thread.start()
    barrier.wait()  # type: ignore[attr-defined]
    go.set()
    for thread in threads:
        thread.join()
    for conn in connections:
        conn.close()
    results.put(outcomes)  # type: ignore[attr-defined]


def race(port: int, jobs: list[Prepared], processes: int) -> list[Outcome]:
    """Send every job's final POST at the same moment from `processes` client processes."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(processes)
    results = context.Queue()
    shares = [jobs[i::processes] for i in range(processes)]
    workers = [
        context.Process(target=client_process, args=(port, share, barrier, results))
        for share in shares
    ]
    for worker in workers:
        worker.start()
    outcomes: list[Outcome] = []
    for _ in workers:
        outcomes.extend(results.get(timeout=300))
    for worker in workers:
        worker.join(timeout=60)
    return outcomes


def get(port: int, path: str, cookie: str) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers={"Cookie": f"{COOKIE}={cookie}"})
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def post(port: int, path: str, cookie: str, fields: dict[str, str]) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request(
        "POST",
        path,
        body=urllib.parse.urlencode(fields),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"{COOKIE}={cookie}",
        },
    )
    try:
        response = conn.getresponse()
        response.read()
        return response.status, response.getheader("Location") or ""
    finally:
        conn.close()
