"""The negative control: the same app, but booking checks the free places first and inserts
after, in an ordinary transaction (check-then-insert). The race test shows it overbooks.

gunicorn loads it as `tests.booking.naive_app:create()`. Never used outside the tests.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask
from sqlalchemy import func, select

from app import create_app


def create() -> Flask:
    from app.booking import capacity, service
    from app.booking.capacity import SlotFull
    from app.booking.models import Booking, BookingUnit, Slot
    from app.extensions import db

    original_book = service._book

    @contextmanager
    def plain_transaction() -> Iterator[None]:
        try:
            yield
            db.session.commit()
        except BaseException:
            db.session.rollback()
            raise

    def check_places(request: service.BookingRequest) -> None:
        ids = capacity.slot_ids(request.agenda_id, request.starts_at, request.units)
        if ids is None:
            raise SlotFull(request.starts_at)
        for slot_id in ids:
            taken = db.session.scalar(
                select(func.count())
                .select_from(BookingUnit)
                .join(Booking)
                .where(BookingUnit.slot_id == slot_id, Booking.status == "bevestigd")
            )
            places = db.session.scalar(select(Slot.capacity).where(Slot.id == slot_id))
            if (taken or 0) >= (places or 0):
                raise SlotFull(request.starts_at)

    def take_without_counting(agenda_id, start, units):  # type: ignore[no-untyped-def]
        ids = capacity.slot_ids(agenda_id, start, units)
        if ids is None:
            raise SlotFull(start)
        return ids

    def naive_book(request: service.BookingRequest) -> service.Booked:
        check_places(request)
        return original_book(request)

    service.write_transaction = plain_transaction  # type: ignore[assignment]
    capacity.take = take_without_counting  # type: ignore[assignment]
    service._book = naive_book  # type: ignore[assignment]
    return create_app("test")
