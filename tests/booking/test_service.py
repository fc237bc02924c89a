"""Booking, moving and cancelling in the service layer: idempotent, never over the capacity,
one consistent state when a move and a cancel race each other."""

import datetime as dt
import threading
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from app.booking import capacity, service
from app.booking.capacity import SlotFull
from app.booking.models import ACTIVE, Agenda, Booking, BookingToken, BookingUnit, Slot
from app.core.time import frozen_at, local_datetime
from app.extensions import db
from app.notify import outbox
from tests.booking.conftest import MONDAY
from tests.conftest import both_databases

TUESDAY_TEN = local_datetime(dt.date(2027, 3, 9), dt.time(10))


def desk() -> Agenda:
    found = db.session.scalar(select(Agenda).where(Agenda.slug == "balie-stadswinkel"))
    assert found is not None
    capacity.ensure_slots(found)
    return found


def request(
    start: dt.datetime = TUESDAY_TEN, minutes: int = 30, key: str | None = None, name: str = "Eva"
) -> service.BookingRequest:
    return service.BookingRequest(
        topic="kwijtschelding",
        channel="balie",
        agenda_id=desk().id,
        starts_at=start,
        minutes=minutes,
        details=service.Details(name, "email", "eva@voorbeeld.nl"),
        idempotency_key=key,
    )


def assert_counters_match_bookings() -> None:
    """Every slot's counter equals the active bookings holding a place in it."""
    held = dict(
        db.session.execute(
            select(BookingUnit.slot_id, func.count())
            .join(Booking)
            .where(Booking.status.in_(ACTIVE))
            .group_by(BookingUnit.slot_id)
        ).all()
    )
    for slot in db.session.scalars(select(Slot).where(Slot.booked > 0)):
        assert slot.booked == held.get(slot.id, 0), slot.starts_at
    for slot_id, count in held.items():
        assert db.session.get(Slot, slot_id).booked == count


@both_databases()
def test_a_booking_takes_a_place_in_each_of_its_slots(booking_app: Flask) -> None:
    with booking_app.test_request_context():
        booked = service.book(request())
        slots = db.session.scalars(
            select(Slot).join(BookingUnit).where(BookingUnit.booking_id == booked.booking.id)
        ).all()
        assert len(slots) == 2 and all(s.booked == 1 for s in slots)
        assert booked.booking.reference.startswith("AF-")
        stored = db.session.scalars(select(BookingToken.token_hash)).all()
        assert booked.token not in stored and len(stored) == 1  # only the hash
        assert service.by_token(booked.token).id == booked.booking.id
        assert service.by_token(booked.token + "x") is None


@both_databases()
def test_the_same_request_twice_books_once(booking_app: Flask) -> None:
    with booking_app.test_request_context():
        first = service.book(request(key="klik-1"))
        second = service.book(request(key="klik-1"))
        assert second.again and second.booking.id == first.booking.id
        assert second.token != first.token  # a new link for the second page
        assert db.session.scalar(select(func.count()).select_from(Booking)) == 1
        assert_counters_match_bookings()


@both_databases()
def test_a_full_slot_books_nothing(booking_app: Flask) -> None:
    with booking_app.test_request_context():
        for i in range(4):  # four staff on Tuesday
            service.book(request(name=f"Inwoner {i}"))
        with pytest.raises(SlotFull):
            service.book(request(name="Te laat"))
        assert db.session.scalar(select(func.count()).select_from(Booking)) == 4
        assert_counters_match_bookings()


@both_databases()
def test_a_time_that_does_not_exist_books_nothing(booking_app: Flask) -> None:
    with booking_app.test_request_context(), pytest.raises(SlotFull):
        service.book(request(start=local_datetime(dt.date(2027, 3, 9), dt.time(7))))


@both_databases()
def test_moving_keeps_the_old_time_until_the_new_one_is_taken(booking_app: Flask) -> None:
    with booking_app.test_request_context():
        booked = service.book(request()).booking
        later = TUESDAY_TEN + dt.timedelta(hours=2)
        for i in range(4):
            service.book(request(start=later, name=f"Vol {i}"))
        with pytest.raises(SlotFull):
            service.reschedule(booked.id, booked.version, later)
        db.session.refresh(booked)
        assert (
            booked.starts_at.replace(tzinfo=dt.UTC) == TUESDAY_TEN and booked.status == "bevestigd"
        )
        free = later + dt.timedelta(hours=1)
        service.reschedule(booked.id, booked.version, free)
        db.session.refresh(booked)
        assert booked.starts_at.replace(tzinfo=dt.UTC) == free
        assert_counters_match_bookings()
        with pytest.raises(service.BookingChanged):  # the version shown is old now
            service.reschedule(booked.id, booked.version - 1, TUESDAY_TEN)


@both_databases()
def test_cancelling_gives_the_places_back_and_forgets_the_support_needs(booking_app: Flask) -> None:
    with booking_app.test_request_context():
        req = request()
        booked = service.book(
            service.BookingRequest(
                **{**req.__dict__, "support": {"nodig": ["tolk"], "taal": "Pools"}}
            )
        ).booking
        cancelled = service.cancel(booked.id, booked.version)
        assert cancelled.status == "afgezegd" and cancelled.support is None
        assert_counters_match_bookings()
        with pytest.raises(service.BookingChanged):
            service.cancel(booked.id, booked.version)


def test_reference_and_second_factor(booking_app: Flask) -> None:
    with booking_app.test_request_context():
        booked = service.book(
            service.BookingRequest(
                **{
                    **request().__dict__,
                    "details": service.Details("Jan", "sms", "", "+31612345678"),
                }
            )
        ).booking
        ref = booked.reference
        assert service.by_reference(ref, "06-12345678").id == booked.id
        assert service.by_reference(ref, "+31 6 1234 5678").id == booked.id
        assert service.by_reference(ref, "0612345679") is None
        assert service.by_reference(ref, "") is None
        assert service.by_reference("AF-3333-AA", "0612345678") is None


def race_move_and_cancel(
    app: Flask, booking_id: int, version: int, start: dt.datetime
) -> dict[str, str]:
    """Move and cancel one booking at the same moment, each in its own thread and session."""
    barrier = threading.Barrier(2)
    results: dict[str, str] = {}

    def attempt(name: str, change: Any) -> None:
        with app.test_request_context():
            barrier.wait()
            try:
                change()
                results[name] = "ok"
            except service.BookingChanged:
                results[name] = "changed"
            finally:
                db.session.remove()

    threads = [
        threading.Thread(
            target=attempt,
            args=(
                "move",
                lambda: service.reschedule(booking_id, version, start + dt.timedelta(days=1)),
            ),
        ),
        threading.Thread(
            target=attempt, args=("cancel", lambda: service.cancel(booking_id, version))
        ),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@both_databases()
def test_a_move_and_a_cancel_racing_leave_one_consistent_state(booking_app: Flask) -> None:
    """Twenty times: a move and a cancel of the same booking at the same moment."""
    outcomes = []
    with booking_app.test_request_context(), frozen_at(MONDAY):
        ids = [
            service.book(
                request(start=TUESDAY_TEN + dt.timedelta(minutes=30 * (i % 8)), name=f"R{i}")
            ).booking
            for i in range(20)
        ]
        jobs = [(b.id, b.version, b.starts_at.replace(tzinfo=dt.UTC)) for b in ids]
        db.session.remove()
    with frozen_at(MONDAY):
        for booking_id, version, start in jobs:
            results = race_move_and_cancel(booking_app, booking_id, version, start)
            outcomes.append(tuple(sorted(results.items())))
            assert sorted(results.values()) == ["changed", "ok"], results
    with booking_app.app_context():
        for booking_id, _, start in jobs:
            booking = db.session.get(Booking, booking_id)
            units = db.session.scalars(
                select(BookingUnit).where(BookingUnit.booking_id == booking_id)
            ).all()
            # The resident is told exactly what happened: one change or one cancellation.
            told = [m.kind for m in outbox.messages_about(booking.about)]
            expected = "afspraak_afgezegd" if booking.status == "afgezegd" else "afspraak_gewijzigd"
            assert told == ["afspraak_bevestiging", expected], told
            if booking.status == "afgezegd":
                assert units == []
            else:
                assert booking.starts_at.replace(tzinfo=dt.UTC) == start + dt.timedelta(days=1)
                assert len(units) == 2
        assert_counters_match_bookings()
