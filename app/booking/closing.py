"""What a beheerder changes: opening hours and staff, a closed day, the length per topic.

Closing a day with bookings moves each one to the first free time after that day at the same
place (a letter-only resident from three working days on, so the letter arrives first) and
tells the resident by their own channel, with a link to choose another time. Where no time is
free, the booking is cancelled and the message says to call.
"""

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import delete, select

from app.booking import capacity, notices, rules
from app.booking.hours_text import Block
from app.booking.models import (
    ACTIVE,
    Agenda,
    Booking,
    BookingUnit,
    ClosedDay,
    OpeningHours,
    TopicLength,
)
from app.booking.tx import write_transaction
from app.core.time import aware, local_today
from app.extensions import db


@dataclass
class Closed:
    moved: list[str] = field(default_factory=list)  # references
    cancelled: list[str] = field(default_factory=list)
    released: int = 0  # waiting-list offers on that day given back


def set_hours(agenda: Agenda, blocks: list[Block]) -> capacity.Rebuilt:
    """Replace an agenda's opening hours and bring its future slots in line."""
    capacity.ensure_slots(agenda)
    with write_transaction():
        db.session.execute(delete(OpeningHours).where(OpeningHours.agenda_id == agenda.id))
        for block in blocks:
            db.session.add(
                OpeningHours(
                    agenda_id=agenda.id,
                    weekday=block.weekday,
                    opens=block.opens,
                    closes=block.closes,
                    staff=block.staff,
                )
            )
        db.session.flush()
        db.session.refresh(agenda)
        rebuilt = capacity.rebuild(agenda)
        from app.booking.waiting import offer_freed

        offer_freed(agenda.id)
    return rebuilt


def set_length(topic: str, minutes: int) -> None:
    existing = db.session.get(TopicLength, topic)
    if existing is None:
        db.session.add(TopicLength(topic=topic, minutes=minutes))
    else:
        existing.minutes = minutes
    db.session.commit()


def agendas_for(agenda_id: int | None) -> list[Agenda]:
    query = select(Agenda).where(Agenda.active.is_(True))
    if agenda_id is not None:
        query = query.where(Agenda.id == agenda_id)
    return list(db.session.scalars(query))


def affected(agenda_id: int | None, day: dt.date) -> list[Booking]:
    """The bookings and held offers on a day that closing it would touch."""
    ids = [a.id for a in agendas_for(agenda_id)]
    start, end = capacity.start_of(day), capacity.start_of(day + dt.timedelta(days=1))
    return list(
        db.session.scalars(
            select(Booking)
            .where(
                Booking.agenda_id.in_(ids),
                Booking.status.in_(ACTIVE),
                Booking.starts_at >= start,
                Booking.starts_at < end,
            )
            .order_by(Booking.starts_at)
        )
    )


def close_day(agenda_id: int | None, day: dt.date, reason_nl: str, reason_en: str) -> Closed:
    """Close a day (one agenda, or everywhere when `agenda_id` is None) and move its bookings."""
    from app.booking.service import _claim, _move_units, _unit_ids, add_token
    from app.booking.waiting import _release

    agendas = agendas_for(agenda_id)
    for agenda in agendas:
        capacity.ensure_slots(agenda)
    result = Closed()
    with write_transaction():
        exists = db.session.scalar(
            select(ClosedDay.id).where(
                ClosedDay.day == day,
                ClosedDay.agenda_id.is_(None)
                if agenda_id is None
                else ClosedDay.agenda_id == agenda_id,
            )
        )
        if exists is None:
            db.session.add(
                ClosedDay(
                    agenda_id=agenda_id,
                    day=day,
                    reason_nl=reason_nl,
                    reason_en=reason_en or reason_nl,
                )
            )
        ids = [a.id for a in agendas]
        # No new bookings on that day from here on, while the existing ones are moved.
        capacity.close_slots(ids, day)
        for booking in affected(agenda_id, day):
            if booking.status == "vastgehouden":
                result.released += _release(booking.id, only_expired=False, offer=False)
                continue
            old = aware(booking.starts_at)
            units = capacity.units_for(int((aware(booking.ends_at) - old).total_seconds() // 60))
            wanted = list((booking.support or {}).get("nodig", []))
            earliest = max(
                rules.earliest(booking.contact, wanted, booking.printed, False),
                capacity.start_of(day + dt.timedelta(days=1)),
            )
            target = db.session.get(Agenda, booking.agenda_id)
            assert target is not None
            starts = capacity.free_starts(target, units, earliest, make=False)
            reason = reason_en if booking.lang == "en" and reason_en else reason_nl
            _claim(booking, booking.version)
            if starts:
                _move_units(booking, starts[0])
                db.session.refresh(booking)
                notices.day_closed(booking, add_token(booking), reason, old, moved=True)
                result.moved.append(booking.reference)
            else:
                capacity.give_back(_unit_ids(booking.id))
                db.session.execute(delete(BookingUnit).where(BookingUnit.booking_id == booking.id))
                booking.status = "afgezegd"
                booking.support = None
                db.session.flush()
                notices.day_closed(booking, None, reason, old, moved=False)
                result.cancelled.append(booking.reference)
        capacity.close_slots(ids, day)
    return result


def closed_days_ahead() -> list[ClosedDay]:
    return list(
        db.session.scalars(
            select(ClosedDay).where(ClosedDay.day >= local_today()).order_by(ClosedDay.day)
        )
    )
