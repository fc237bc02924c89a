"""The waiting list: "Laat het me weten als er eerder plek is".

When a place frees up (a cancellation, a move, more staff, an offer nobody took), the first
entry on the list for that topic and agenda (channel and location) with a wish for an earlier
time gets an offer: the time is held for them for two hours (a booking with status
`vastgehouden`) and they are told by e-mail or SMS. Taking it books it, or moves their own
booking there; saying no, or not answering in time, gives the place to the next one and takes
them off the list.
"""

import datetime as dt
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import delete, select, update

from app.booking import capacity, notices
from app.booking.capacity import SLOT, SlotFull
from app.booking.models import Agenda, Booking, BookingUnit, WaitingListEntry
from app.booking.tx import rowcount, write_transaction
from app.core.time import aware, local, utcnow
from app.extensions import db

MAX_OFFERS_AT_ONCE = 20


class OfferGone(Exception):
    """The offer expired, was taken or declined already."""


def hold_time() -> dt.timedelta:
    return dt.timedelta(minutes=int(current_app.config.get("BOOKING_HOLD_MINUTES", 120)))


@dataclass(frozen=True)
class Wish:
    """Who wants an earlier time, and how to tell them."""

    topic: str
    channel: str
    agenda_id: int
    minutes: int
    name: str
    contact: str  # email or sms
    email: str
    phone: str
    lang: str
    before: dt.datetime
    topic_other: str = ""
    booking_id: int | None = None
    home_reason: str = ""
    address: dict[str, str] | None = None
    support: dict[str, object] | None = None


def join(wish: Wish) -> WaitingListEntry:
    """Put a wish on the list (one per booking: joining again replaces the old entry)."""
    if wish.contact not in ("email", "sms"):
        raise ValueError("the waiting list tells people by e-mail or SMS only")
    if wish.booking_id is not None:
        db.session.execute(
            delete(WaitingListEntry).where(
                WaitingListEntry.booking_id == wish.booking_id,
                WaitingListEntry.status == "wachtend",
            )
        )
    entry = WaitingListEntry(
        topic=wish.topic,
        topic_other=wish.topic_other,
        channel=wish.channel,
        agenda_id=wish.agenda_id,
        minutes=wish.minutes,
        name=wish.name,
        contact=wish.contact,
        email=wish.email,
        phone=wish.phone,
        lang=wish.lang,
        booking_id=wish.booking_id,
        before=wish.before,
        home_reason=wish.home_reason,
        address=wish.address,
        support=wish.support,
        ends_on=local(wish.before).date(),
        created_at=utcnow(),
    )
    db.session.add(entry)
    db.session.commit()
    return entry


def on_list(booking_id: int) -> bool:
    return (
        db.session.scalar(
            select(WaitingListEntry.id).where(
                WaitingListEntry.booking_id == booking_id,
                WaitingListEntry.status.in_(("wachtend", "aangeboden")),
            )
        )
        is not None
    )


def offer_freed(agenda_id: int, topic: str | None = None) -> int:
    """Offer free earlier times to the entries waiting for this agenda; call in a transaction.

    Returns how many offers were made.
    """
    agenda = db.session.get(Agenda, agenda_id)
    if agenda is None:
        return 0
    query = (
        select(WaitingListEntry)
        .where(WaitingListEntry.agenda_id == agenda_id, WaitingListEntry.status == "wachtend")
        .order_by(WaitingListEntry.created_at, WaitingListEntry.id)
        .limit(MAX_OFFERS_AT_ONCE)
    )
    if topic is not None:
        query = query.where(WaitingListEntry.topic == topic)
    # Someone must be able to read the offer and answer it before the appointment starts.
    earliest = capacity.earliest_today() + hold_time()
    made = 0
    for entry in db.session.scalars(query).all():
        units = capacity.units_for(entry.minutes)
        before = aware(entry.before)
        starts = capacity.free_starts(agenda, units, earliest, before - SLOT, make=False)
        starts = [s for s in starts if s < before]
        if not starts:
            continue
        try:
            with db.session.begin_nested():
                _hold(entry, agenda, starts[0], units)
            made += 1
        except SlotFull:
            continue
    return made


def _hold(entry: WaitingListEntry, agenda: Agenda, start: dt.datetime, units: int) -> None:
    from app.booking.service import _unused_reference, add_token

    now = utcnow()
    hold = Booking(
        reference=_unused_reference(),
        status="vastgehouden",
        topic=entry.topic,
        topic_other=entry.topic_other,
        channel=entry.channel,
        agenda_id=agenda.id,
        starts_at=start,
        ends_at=start + SLOT * units,
        name=entry.name,
        contact=entry.contact,
        email=entry.email,
        phone=entry.phone,
        address=entry.address,
        home_reason=entry.home_reason,
        support=entry.support,
        lang=entry.lang,
        hold_expires_at=now + hold_time(),
        created_at=now,
        updated_at=now,
    )
    db.session.add(hold)
    db.session.flush()
    hold.units = [BookingUnit(slot_id=i) for i in capacity.take(agenda.id, start, units)]
    entry.status = "aangeboden"
    entry.offer_id = hold.id
    token = add_token(hold)
    notices.offered(hold, token, hold_time())


def entry_for(hold: Booking) -> WaitingListEntry | None:
    return db.session.scalar(select(WaitingListEntry).where(WaitingListEntry.offer_id == hold.id))


def accept(hold_id: int) -> Booking:
    """Take an offered time: book it, or move the resident's own booking there.

    :raises OfferGone: the two hours are over, or it was answered already.
    """
    from app.booking.service import _claim, _unit_ids, add_token

    with write_transaction():
        hold = db.session.get(Booking, hold_id)
        entry = entry_for(hold) if hold is not None else None
        result = db.session.execute(
            update(Booking)
            .execution_options(synchronize_session=False)
            .where(
                Booking.id == hold_id,
                Booking.status == "vastgehouden",
                Booking.hold_expires_at > utcnow(),
            )
            .values(status="bevestigd", hold_expires_at=None, version=Booking.version + 1)
        )
        if hold is None or rowcount(result) != 1:
            raise OfferGone(hold_id)
        original = db.session.get(Booking, entry.booking_id) if entry and entry.booking_id else None
        if original is not None and original.status == "bevestigd":
            _claim(original, original.version)
            old_start = aware(original.starts_at)
            old_ids = _unit_ids(original.id)
            db.session.execute(delete(BookingUnit).where(BookingUnit.booking_id == original.id))
            db.session.execute(
                update(BookingUnit)
                .where(BookingUnit.booking_id == hold.id)
                .values(booking_id=original.id)
            )
            capacity.give_back(old_ids)
            db.session.execute(
                update(Booking)
                .execution_options(synchronize_session=False)
                .where(Booking.id == original.id)
                .values(starts_at=hold.starts_at, ends_at=hold.ends_at, reminded_at=None)
            )
            if entry is not None:
                db.session.delete(entry)
            db.session.delete(hold)
            db.session.flush()
            db.session.refresh(original)
            notices.changed(original, add_token(original), old_start)
            offer_freed(original.agenda_id, original.topic)
            return original
        if entry is not None:
            db.session.delete(entry)
        db.session.refresh(hold)
        notices.confirmed(hold, add_token(hold))
        return hold


def decline(hold_id: int) -> None:
    """Say no to an offer: the place goes to the next one on the list."""
    with write_transaction():
        _release(hold_id, only_expired=False)


def _release(hold_id: int, only_expired: bool, offer: bool = True) -> bool:
    from app.booking.service import _unit_ids

    conditions = [Booking.id == hold_id, Booking.status == "vastgehouden"]
    if only_expired:
        conditions.append(Booking.hold_expires_at <= utcnow())
    result = db.session.execute(
        update(Booking)
        .execution_options(synchronize_session=False)
        .where(*conditions)
        .values(status="vervallen", version=Booking.version + 1)
    )
    if rowcount(result) != 1:
        return False
    hold = db.session.get(Booking, hold_id)
    assert hold is not None
    capacity.give_back(_unit_ids(hold_id))
    db.session.execute(delete(BookingUnit).where(BookingUnit.booking_id == hold_id))
    db.session.execute(delete(WaitingListEntry).where(WaitingListEntry.offer_id == hold_id))
    if offer:
        offer_freed(hold.agenda_id, hold.topic)
    return True


def expire_holds() -> int:
    """Release offers nobody answered within the two hours; return how many."""
    due = list(
        db.session.scalars(
            select(Booking.id).where(
                Booking.status == "vastgehouden", Booking.hold_expires_at <= utcnow()
            )
        )
    )
    released = 0
    for hold_id in due:
        with write_transaction():
            released += _release(hold_id, only_expired=True)
    return released
