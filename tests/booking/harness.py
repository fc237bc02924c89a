"""Race the last step of the booking flow through the real HTTP stack.

The flows are prepared up to the last step through the service layer (the flow store, a session
cookie and a CSRF token per resident, as a browser would hold them); then only the final POST
is raced: several client processes, each with many connections opened beforehand, wait behind a
barrier and send "Afspraak maken" at the same moment to gunicorn with several workers.

Used by tests/booking/test_race.py and bench/booking_post_bench.py.
"""

import datetime as dt
import http.client
import os
import socket
import subprocess
import sys
import time
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
from bench import servers

# The client side, re-exported for the tests and the bench (see race_client.py for why apart).
from tests.booking.race_client import COOKIE as COOKIE
from tests.booking.race_client import Outcome as Outcome
from tests.booking.race_client import Prepared
from tests.booking.race_client import get as get
from tests.booking.race_client import post as post
from tests.booking.race_client import post_review as post_review
from tests.booking.race_client import race as race

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"
# A Monday morning in Nijmegen; the raced slot is the next day at 10.00.
NOW = dt.datetime(2027, 3, 22, 8, 0)
SLOT_DAY = dt.date(2027, 3, 23)
SLOT_AT = local_datetime(SLOT_DAY, dt.time(10, 0))
TOPIC = "bewonersparkeervergunning"  # 15 minutes: one slot
FULL = "Dit tijdstip is net vol. Kies een ander tijdstip."


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
        start_new_session=True,  # stopped with its workers at once: servers.kill_group
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
        servers.kill_group(process)


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
