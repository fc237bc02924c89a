"""Race the last step of the booking flow through the real HTTP stack.

The flows are prepared up to the last step through the service layer (the flow store, a session
cookie and a CSRF token per resident, as a browser would hold them); then only the final POST
is raced: several client processes, each with many connections opened beforehand, wait behind a
barrier and send "Afspraak maken" at the same moment to gunicorn with several workers.

Used by tests/booking/test_race.py and bench/booking_post_bench.py.
"""

import datetime as dt
import http.client
import multiprocessing
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, session
from flask_wtf.csrf import generate_csrf
from sqlalchemy import func, select

from app.booking import capacity, service
from app.booking.models import Agenda, Booking, BookingUnit, Location, OpeningHours, Slot
from app.booking.steps import time_value
from app.booking.views import wizard
from app.core.time import frozen_at, local_datetime
from app.extensions import db

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"
# A Monday morning in Nijmegen; the raced slot is the next day at 10.00.
NOW = dt.datetime(2027, 3, 22, 8, 0)
SLOT_DAY = dt.date(2027, 3, 23)
SLOT_AT = local_datetime(SLOT_DAY, dt.time(10, 0))
TOPIC = "bewonersparkeervergunning"  # 15 minutes: one slot
COOKIE = "loket_sessie"
FULL = "Dit tijdstip is net vol. Kies een ander tijdstip."


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


def seed_agenda(app: Flask, places: int, booked: int, slots: int = 2, name: str = "race") -> int:
    """Make a desk agenda whose slots have `places` places, `booked` of them taken already."""
    with app.app_context(), frozen_at(NOW):
        location = Location(
            slug=name,
            name="Racebalie",
            kind="stadswinkel",
            street="Mariënburg 30",
            postcode="6511 PS",
            city="Nijmegen",
            step_free=True,
            hearing_loop=True,
        )
        agenda = Agenda(slug=f"balie-{name}", channel="balie", location=location)
        closes = (dt.datetime.combine(SLOT_DAY, dt.time(10, 0)) + capacity.SLOT * slots).time()
        agenda.hours.append(
            OpeningHours(
                weekday=SLOT_DAY.weekday(), opens=dt.time(10, 0), closes=closes, staff=places
            )
        )
        db.session.add(agenda)
        db.session.commit()
        capacity.ensure_slots(agenda, SLOT_DAY)
        for i in range(booked):
            service.book(
                service.BookingRequest(
                    topic=TOPIC,
                    channel="balie",
                    agenda_id=agenda.id,
                    starts_at=SLOT_AT,
                    minutes=15,
                    details=service.Details(f"Eerder {i}", "email", f"eerder{i}@voorbeeld.nl"),
                    idempotency_key=f"eerder-{name}-{i}",
                )
            )
        return int(agenda.id)


def answers(agenda_id: int, index: int) -> dict[str, dict[str, object]]:
    return {
        "onderwerp": {"onderwerp": TOPIC, "anders": ""},
        "kanaal": {"kanaal": "balie"},
        "ondersteuning": {"nodig": [], "taal": ""},
        "waar": {"soort": "plek", "agenda": agenda_id},
        "wanneer": {"tijd": time_value(SLOT_AT), "agenda": agenda_id, "minuten": 15},
        "gegevens": {
            "naam": f"Inwoner {index}",
            "bericht": "email",
            "email": f"inwoner{index}@voorbeeld.nl",
            "telefoon": "",
            "zelf_printen": False,
        },
    }


def prepare(app: Flask, agenda_id: int, count: int, start: int = 0) -> list[Prepared]:
    """Bring `count` residents to the last step: a flow, a session cookie, a CSRF token each."""
    prepared = []
    serializer = app.session_interface.get_signing_serializer(app)  # type: ignore[attr-defined]
    with frozen_at(NOW):
        for index in range(start, start + count):
            # Each its own request and app context: Flask-WTF keeps the token in `g`.
            with app.test_request_context("/afspraak/controleren"):
                flow = wizard.start(answers(agenda_id, index))
                csrf = generate_csrf()
                cookie = serializer.dumps(dict(session))
                prepared.append(Prepared(index, cookie, csrf, str(flow.data["sleutel"])))
    return prepared


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def gunicorn(
    database_url: str, workers: int = 4, app_spec: str = 'app:create_app("test")'
) -> Iterator[int]:
    """Run gunicorn on the database with the clock at NOW; yield its port."""
    port = free_port()
    env = dict(
        os.environ,
        TEST_DATABASE_URL=database_url,
        LOKET_NOW=NOW.isoformat(),
        PYTHONPATH=str(ROOT),
    )
    process = subprocess.Popen(
        [
            str(GUNICORN),
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--backlog",
            "2048",
            "--timeout",
            "120",
            "--log-level",
            "warning",
            app_spec,
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            try:
                conn.request("GET", "/health")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                pass
            finally:
                conn.close()
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.2)
        # Every worker must have started (and loaded the app) before the race.
        time.sleep(1.0)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


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


def _client(port: int, jobs: list[Prepared], barrier: object, results: object) -> None:
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
        context.Process(target=_client, args=(port, share, barrier, results)) for share in shares
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


@dataclass(frozen=True)
class Count:
    bookings: int  # bookings holding a place in the raced slot
    booked: int  # the slot's own counter


def flows_of(app: Flask, jobs: list[Prepared]) -> dict[int, dict[str, object]]:
    """The flow-store data of each job's booking flow, read from the database."""
    from app.core.flows import FlowEntry

    serializer = app.session_interface.get_signing_serializer(app)  # type: ignore[attr-defined]
    found = {}
    with app.app_context():
        for job in jobs:
            flow_id = serializer.loads(job.cookie)["flows"]["afspraak"]
            entry = db.session.get(FlowEntry, flow_id)
            found[job.index] = dict(entry.data) if entry is not None else {}
        db.session.remove()
    return found


def count(app: Flask, agenda_id: int) -> Count:
    with app.app_context():
        slot = db.session.scalar(
            select(Slot).where(Slot.agenda_id == agenda_id, Slot.starts_at == SLOT_AT)
        )
        assert slot is not None
        holders = db.session.scalar(
            select(func.count())
            .select_from(BookingUnit)
            .join(Booking)
            .where(BookingUnit.slot_id == slot.id, Booking.status == "bevestigd")
        )
        result = Count(int(holders or 0), slot.booked)
        db.session.remove()
        db.engine.dispose()
        return result
