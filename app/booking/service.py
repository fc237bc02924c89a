"""Booking, moving and cancelling appointments. Only this module (and its siblings) write them.

Every change runs in one `write_transaction()`: the places in the slots, the booking row, its
token and its messages in the outbox commit together or not at all.
"""

import datetime as dt
import hmac
from dataclasses import dataclass, field
from typing import Any

from flask import current_app
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from app.address.base import PostalAddress
from app.booking import capacity, notices, waiting
from app.booking.capacity import SLOT, SlotFull
from app.booking.contact import second_factor_forms
from app.booking.models import ACTIVE, Agenda, Booking, BookingToken, BookingUnit
from app.booking.tx import rowcount, write_transaction
from app.core.references import new_reference, new_token, token_hash
from app.core.time import aware, utcnow
from app.extensions import db

REFERENCE_TRIES = 8


class BookingChanged(Exception):
    """The booking changed (or was cancelled) since it was shown: show it again."""


@dataclass(frozen=True)
class Details:
    """Who the appointment is for and how we reach them."""

    name: str
    contact: str  # email, sms, brief
    email: str = ""
    phone: str = ""
    address: PostalAddress | None = None
    printed: bool = False  # the confirmation is printed now (desk, library, at home)


@dataclass(frozen=True)
class BookingRequest:
    topic: str
    channel: str
    agenda_id: int
    starts_at: dt.datetime
    minutes: int
    details: Details
    topic_other: str = ""
    home_reason: str = ""
    support: dict[str, Any] | None = None
    lang: str = "nl"
    client_key: str | None = None
    booked_by: int | None = None
    booked_via: str | None = None
    idempotency_key: str | None = None

    @property
    def units(self) -> int:
        return capacity.units_for(self.minutes)


@dataclass(frozen=True)
class Booked:
    booking: Booking
    token: str  # the raw token for the links on the confirmation; only its hash is stored
    again: bool = False  # this request had been sent before (a double click)


@dataclass
class Counts:
    moved: int = 0
    cancelled: int = 0
    references: list[str] = field(default_factory=list)


def secret() -> str:
    return str(current_app.config["SECRET_KEY"])


def add_token(booking: Booking) -> str:
    """Give a booking a new link token; return the token (only its hash is stored)."""
    token = new_token()
    db.session.add(BookingToken(booking_id=booking.id, token_hash=token_hash(token, secret())))
    return token


def _unused_reference() -> str:
    for _ in range(REFERENCE_TRIES):
        reference = new_reference("AF")
        if db.session.scalar(select(Booking.id).where(Booking.reference == reference)) is None:
            return reference
    raise RuntimeError("no free booking reference after several tries")


def _units(booking: Booking, ids: list[int]) -> None:
    booking.units = [BookingUnit(slot_id=i) for i in ids]


def book(request: BookingRequest) -> Booked:
    """Book the appointment, or return the booking this same request made before.

    :raises SlotFull: when the time has just been taken; nothing is stored then.
    """
    for attempt in range(2):
        try:
            return _book(request)
        except IntegrityError:
            # The same idempotency key committed in between (PostgreSQL lets the second insert
            # wait for the first): this is a resubmit, show the booking that exists. Otherwise
            # two new references clashed: try once more.
            db.session.rollback()
            existing = _by_key(request.idempotency_key)
            if existing is not None:
                with write_transaction():
                    token = add_token(existing)
                return Booked(existing, token, again=True)
            if attempt:
                raise
    raise AssertionError("unreachable")


def _by_key(key: str | None) -> Booking | None:
    if not key:
        return None
    return db.session.scalar(select(Booking).where(Booking.idempotency_key == key))


def _book(request: BookingRequest) -> Booked:
    agenda = db.session.get(Agenda, request.agenda_id)
    if agenda is None or not agenda.active:
        raise SlotFull(request.starts_at)
    with write_transaction():
        existing = _by_key(request.idempotency_key)
        if existing is not None:
            return Booked(existing, add_token(existing), again=True)
        now = utcnow()
        d = request.details
        booking = Booking(
            reference=_unused_reference(),
            status="bevestigd",
            topic=request.topic,
            topic_other=request.topic_other,
            channel=request.channel,
            agenda_id=agenda.id,
            starts_at=request.starts_at,
            ends_at=request.starts_at + SLOT * request.units,
            name=d.name,
            contact=d.contact,
            email=d.email,
            phone=d.phone,
            address=d.address.to_data() if d.address else None,
            home_reason=request.home_reason,
            support=request.support or None,
            lang=request.lang,
            printed=d.printed,
            client_key=request.client_key,
            booked_by=request.booked_by,
            booked_via=request.booked_via,
            idempotency_key=request.idempotency_key,
            created_at=now,
            updated_at=now,
        )
        db.session.add(booking)
        db.session.flush()  # a second request with the same key stops here
        _units(booking, capacity.take(agenda.id, request.starts_at, request.units))
        token = add_token(booking)
        notices.confirmed(booking, token)
    return Booked(booking, token)


# --- finding a booking again -------------------------------------------------------------------


def by_token(token: str | None) -> Booking | None:
    """Return the active or past booking a link token opens, or None."""
    if not token or len(token) > 100:
        return None
    hashed = token_hash(token, secret())
    return db.session.scalar(
        select(Booking).join(BookingToken).where(BookingToken.token_hash == hashed)
    )


def by_reference(reference: str, second: str) -> Booking | None:
    """Return the booking with this reference if `second` is its e-mail, phone or postcode.

    A wrong reference and a wrong second factor give the same None, and take the same work.
    """
    booking = db.session.scalar(select(Booking).where(Booking.reference == reference))
    given = second_factor_forms(second)
    stored = set()
    if booking is not None:
        stored = {booking.email, booking.phone}
        if booking.address:
            stored.add(str(booking.address.get("postcode", "")))
    stored = {s for s in stored if s} or {"-"}
    match = any(hmac.compare_digest(g.encode(), s.encode()) for g in given for s in stored)
    return booking if booking is not None and match else None


def can_change(booking: Booking) -> bool:
    return booking.status == "bevestigd" and aware(booking.starts_at) > utcnow()


# --- moving and cancelling ---------------------------------------------------------------------


def _claim(booking: Booking, version: int) -> None:
    """Raise the version, so of two changes racing each other only the first goes through."""
    result = db.session.execute(
        update(Booking)
        .execution_options(synchronize_session=False)
        .where(Booking.id == booking.id, Booking.version == version, Booking.status == "bevestigd")
        .values(version=Booking.version + 1, updated_at=utcnow())
    )
    if rowcount(result) != 1:
        raise BookingChanged(booking.reference)


def _unit_ids(booking_id: int) -> list[int]:
    return list(
        db.session.scalars(select(BookingUnit.slot_id).where(BookingUnit.booking_id == booking_id))
    )


def _move_units(booking: Booking, start: dt.datetime) -> list[int]:
    """Take the places at `start` and give back the old ones; return the old slot ids."""
    units = capacity.units_for(_minutes(booking))
    new_ids = capacity.take(booking.agenda_id, start, units)
    old_ids = _unit_ids(booking.id)
    db.session.execute(delete(BookingUnit).where(BookingUnit.booking_id == booking.id))
    for slot_id in new_ids:
        db.session.add(BookingUnit(booking_id=booking.id, slot_id=slot_id))
    capacity.give_back(old_ids)
    db.session.execute(
        update(Booking)
        .execution_options(synchronize_session=False)
        .where(Booking.id == booking.id)
        .values(starts_at=start, ends_at=start + SLOT * units, reminded_at=None)
    )
    return old_ids


def _minutes(booking: Booking) -> int:
    return int((aware(booking.ends_at) - aware(booking.starts_at)).total_seconds() // 60)


def reschedule(booking_id: int, version: int, start: dt.datetime) -> str:
    """Move a booking to `start`; the old time stays booked until the new one is taken.

    Returns a fresh link token for the change message.

    :raises SlotFull: the new time is gone; the booking keeps its old time.
    :raises BookingChanged: it was changed or cancelled in between.
    """
    with write_transaction():
        booking = db.session.get(Booking, booking_id)
        if booking is None:
            raise BookingChanged(str(booking_id))
        _claim(booking, version)
        old = aware(booking.starts_at)
        _move_units(booking, start)
        db.session.refresh(booking)
        token = add_token(booking)
        notices.changed(booking, token, old)
        waiting.offer_freed(booking.agenda_id, booking.topic)
    return token


def cancel(booking_id: int, version: int, by_staff: bool = False) -> Booking:
    """Cancel a booking and give its places back (the waiting list gets the first chance).

    :raises BookingChanged: it was changed or cancelled in between.
    """
    with write_transaction():
        booking = db.session.get(Booking, booking_id)
        if booking is None:
            raise BookingChanged(str(booking_id))
        _claim(booking, version)
        capacity.give_back(_unit_ids(booking.id))
        db.session.execute(delete(BookingUnit).where(BookingUnit.booking_id == booking.id))
        db.session.execute(
            update(Booking)
            .execution_options(synchronize_session=False)
            .where(Booking.id == booking.id)
            .values(status="afgezegd", support=None, hold_expires_at=None)
        )
        db.session.refresh(booking)
        notices.cancelled(booking)
        waiting.offer_freed(booking.agenda_id, booking.topic)
    return booking


def record_outcome(booking_id: int, outcome: str) -> bool:
    """Record "geweest" or "niet gekomen" for an appointment that has started."""
    if outcome not in ("geweest", "niet_gekomen"):
        raise ValueError(outcome)
    result = db.session.execute(
        update(Booking)
        .execution_options(synchronize_session=False)
        .where(
            Booking.id == booking_id,
            Booking.status.in_(("bevestigd", "geweest", "niet_gekomen")),
            Booking.starts_at <= utcnow() + dt.timedelta(hours=12),
        )
        .values(status=outcome, updated_at=utcnow(), version=Booking.version + 1)
    )
    db.session.commit()
    return bool(rowcount(result))


def active_on(agenda_ids: list[int], start: dt.datetime, end: dt.datetime) -> list[Booking]:
    return list(
        db.session.scalars(
            select(Booking)
            .where(
                Booking.agenda_id.in_(agenda_ids),
                Booking.status.in_(ACTIVE),
                Booking.starts_at >= start,
                Booking.starts_at < end,
            )
            .order_by(Booking.starts_at)
        )
    )
