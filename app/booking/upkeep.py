"""The scheduled commands: reminders the day before, and deleting what is no longer needed."""

import datetime as dt
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.booking import capacity, notices, waiting
from app.booking.models import (
    AppointmentCount,
    Booking,
    BookingToken,
    BookingUnit,
    Slot,
    WaitingListEntry,
    WrittenQuestion,
)
from app.booking.tx import rowcount, write_transaction
from app.core.storage import wipe_deleted
from app.core.time import local, local_today, utcnow
from app.extensions import db

OUTCOMES = {"geweest": "geweest", "niet_gekomen": "niet_gekomen", "afgezegd": "afgezegd"}


def send_reminders() -> int:
    """Remind everyone with an appointment tomorrow by e-mail or SMS, once. Safe to run twice.

    Letter-only residents get none (a letter would arrive too late; their confirmation says so).
    Also gives back waiting-list offers nobody answered in time.
    """
    waiting.expire_holds()
    tomorrow = local_today() + dt.timedelta(days=1)
    start = capacity.start_of(tomorrow)
    end = capacity.start_of(tomorrow + dt.timedelta(days=1))
    due = list(
        db.session.scalars(
            select(Booking.id).where(
                Booking.status == "bevestigd",
                Booking.contact.in_(("email", "sms")),
                Booking.reminded_at.is_(None),
                Booking.starts_at >= start,
                Booking.starts_at < end,
            )
        )
    )
    sent = 0
    for booking_id in due:
        from app.booking.service import add_token

        with write_transaction():
            # Whoever sets reminded_at first sends it: a second run, or a second machine,
            # finds it set and skips.
            claimed = db.session.execute(
                update(Booking)
                .execution_options(synchronize_session=False)
                .where(
                    Booking.id == booking_id,
                    Booking.reminded_at.is_(None),
                    Booking.status == "bevestigd",
                )
                .values(reminded_at=utcnow())
            )
            if rowcount(claimed) != 1:
                continue
            booking = db.session.get(Booking, booking_id)
            assert booking is not None
            db.session.refresh(booking)
            notices.reminder(booking, add_token(booking))
            sent += 1
    return sent


@dataclass(frozen=True)
class Purged:
    support: int
    bookings: int
    waiting: int
    questions: int
    slots: int


def retention_days() -> int:
    return int(current_app.config.get("BOOKING_RETENTION_DAYS", 30))


def _count(booking: Booking) -> None:
    dialect = db.session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    outcome = OUTCOMES.get(booking.status, "onbekend")
    statement = insert(AppointmentCount).values(
        day=local(booking.starts_at).date(),
        topic=booking.topic,
        channel=booking.channel,
        outcome=outcome,
        by_staff=booking.booked_by is not None,
        count=1,
    )
    statement = statement.on_conflict_do_update(
        index_elements=["day", "topic", "channel", "outcome", "by_staff"],
        set_={"count": AppointmentCount.count + 1},
    )
    db.session.execute(statement)


def _forget_messages(about: str) -> None:
    from app.notify import outbox

    outbox.delete_about(about)


def purge(days: int | None = None) -> Purged:
    """Delete personal data that is no longer needed; keep anonymous counts. Safe to run twice.

    - support needs (health data): once the appointment is over;
    - bookings, their links and messages: `days` after the appointment (default 30);
    - waiting-list entries: after the day they waited for;
    - written questions: `days` after the answer.
    """
    days = retention_days() if days is None else days
    now = utcnow()
    cutoff = now - dt.timedelta(days=days)
    support = rowcount(
        db.session.execute(
            update(Booking)
            .execution_options(synchronize_session=False)
            .where(Booking.ends_at < now, Booking.support.is_not(None))
            .values(support=None)
        )
    )
    db.session.commit()
    due = list(db.session.scalars(select(Booking.id).where(Booking.starts_at < cutoff)))
    bookings = 0
    for booking_id in due:
        with write_transaction():
            booking = db.session.get(Booking, booking_id)
            if booking is None:
                continue
            db.session.execute(delete(BookingToken).where(BookingToken.booking_id == booking_id))
            db.session.execute(delete(BookingUnit).where(BookingUnit.booking_id == booking_id))
            db.session.execute(
                update(WaitingListEntry)
                .where(WaitingListEntry.booking_id == booking_id)
                .values(booking_id=None)
            )
            gone = rowcount(db.session.execute(delete(Booking).where(Booking.id == booking_id)))
            if gone == 1:  # a second purger running at the same time counts nothing twice
                if booking.status != "vervallen":
                    _count(booking)
                _forget_messages(booking.about)
                bookings += 1
    waiting_gone = rowcount(
        db.session.execute(
            delete(WaitingListEntry).where(
                WaitingListEntry.ends_on < local_today(), WaitingListEntry.status == "wachtend"
            )
        )
    )
    old_questions = list(
        db.session.scalars(
            select(WrittenQuestion).where(
                WrittenQuestion.status == "beantwoord", WrittenQuestion.answered_at < cutoff
            )
        )
    )
    for question in old_questions:
        _forget_messages(question.about)
        db.session.delete(question)
    slots = rowcount(
        db.session.execute(
            delete(Slot).where(Slot.starts_at < cutoff, ~Slot.id.in_(select(BookingUnit.slot_id)))
        )
    )
    db.session.commit()
    wipe_deleted()
    return Purged(support, bookings, waiting_gone, len(old_questions), slots)


def counts_total() -> int:
    return int(db.session.scalar(select(func.coalesce(func.sum(AppointmentCount.count), 0))) or 0)
