"""Capacity: turn opening hours into slots, find free times, take and give back places.

Slots are 15 minutes. A conversation of 30 minutes takes one place in two consecutive slots.
Slots are made ahead (`ensure_slots`) up to the booking horizon; making them twice, or on two
machines at once, changes nothing (the unique start per agenda, and ON CONFLICT DO NOTHING).

Times are made in Europe/Amsterdam wall-clock time and stored in UTC: opening at 9.00 is 08.00
UTC in winter and 07.00 UTC in summer, and on the nights the clocks change a day is 23 or 25
hours long (the slots follow the real hours, see `day_plan`).
"""

import datetime as dt
import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from flask import current_app, g
from sqlalchemy import and_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.booking.models import Agenda, ClosedDay, Slot
from app.booking.tx import rowcount
from app.core.time import aware, local, local_datetime, local_today, utcnow
from app.extensions import db

SLOT = dt.timedelta(minutes=15)
SLOT_MINUTES = 15


class SlotFull(Exception):
    """One of the slots has no place left (someone else was just faster)."""


def units_for(minutes: int) -> int:
    """Return how many 15-minute slots a conversation of `minutes` takes."""
    return max(1, math.ceil(minutes / SLOT_MINUTES))


def horizon_days() -> int:
    return int(current_app.config.get("BOOKING_HORIZON_DAYS", 56))


# --- closed days and working days ------------------------------------------------------------


def closed_days(agenda_id: int | None, start: dt.date, end: dt.date) -> dict[dt.date, ClosedDay]:
    """Return the closed days between start and end (inclusive) for an agenda, holidays too."""
    rows = db.session.scalars(
        select(ClosedDay).where(
            ClosedDay.day >= start,
            ClosedDay.day <= end,
            (ClosedDay.agenda_id.is_(None))
            if agenda_id is None
            else ((ClosedDay.agenda_id == agenda_id) | ClosedDay.agenda_id.is_(None)),
        )
    )
    return {row.day: row for row in rows}


def _holidays(start: dt.date, end: dt.date) -> dict[dt.date, ClosedDay]:
    """Holidays between start and end, kept for the rest of the request."""
    cache: dict[tuple[dt.date, dt.date], dict[dt.date, ClosedDay]] = g.setdefault(
        "booking_holidays", {}
    )
    if (start, end) not in cache:
        cache[(start, end)] = closed_days(None, start, end)
    return cache[(start, end)]


def add_working_days(day: dt.date, count: int) -> dt.date:
    """Return the day `count` working days after `day` (no weekends, no holidays)."""
    holidays = _holidays(day, day + dt.timedelta(days=count * 3 + 14))
    current = day
    added = 0
    while added < count:
        current += dt.timedelta(days=1)
        if current.weekday() < 5 and current not in holidays:
            added += 1
    return current


# --- making slots ------------------------------------------------------------------------------


def day_plan(agenda: Agenda, day: dt.date, closed: bool) -> dict[dt.datetime, int]:
    """Return {slot start (UTC): places} for one day from the agenda's opening hours.

    The slots run in real time from the opening to the closing moment, so on the night the
    clocks go forward there are no slots in the missing hour and on the night they go back the
    hour that happens twice has slots twice.
    """
    plan: dict[dt.datetime, int] = {}
    if closed:
        return plan
    for hours in agenda.hours:
        if hours.weekday != day.weekday() or hours.staff <= 0:
            continue
        start = local_datetime(day, hours.opens)
        end = local_datetime(day, hours.closes)
        moment = start
        while moment + SLOT <= end:
            plan[moment] = plan.get(moment, 0) + hours.staff
            moment += SLOT
    return plan


def _insert_ignoring_existing(rows: list[dict[str, object]]) -> None:
    if not rows:
        return
    dialect = db.session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = (
        insert(Slot).values(rows).on_conflict_do_nothing(index_elements=["agenda_id", "starts_at"])
    )
    db.session.execute(statement)


def ensure_slots(agenda: Agenda, until: dt.date | None = None) -> None:
    """Make the agenda's slots up to `until` (default: the horizon). Safe to run twice."""
    until = until or local_today() + dt.timedelta(days=horizon_days())
    made = agenda.made_until
    if made is not None and made >= until:
        return
    start = max(local_today(), (made + dt.timedelta(days=1)) if made else local_today())
    closed = closed_days(agenda.id, start, until)
    rows: list[dict[str, object]] = []
    day = start
    while day <= until:
        for moment, places in day_plan(agenda, day, day in closed).items():
            rows.append({"agenda_id": agenda.id, "starts_at": moment, "capacity": places})
        day += dt.timedelta(days=1)
    for index in range(0, len(rows), 500):
        _insert_ignoring_existing(rows[index : index + 500])
    db.session.execute(
        update(Agenda)
        .where(Agenda.id == agenda.id, (Agenda.made_until.is_(None)) | (Agenda.made_until < until))
        .values(made_until=until)
    )
    db.session.commit()
    agenda.made_until = until


@dataclass(frozen=True)
class Rebuilt:
    changed: int  # slots whose number of places changed
    short: int  # slots that keep more bookings than there are staff now


def rebuild(agenda: Agenda, start: dt.date | None = None) -> Rebuilt:
    """Bring the made slots from `start` on in line with changed hours or staff.

    A slot never gets fewer places than it has bookings: those bookings stay, and the count of
    such slots is returned so the beheerder can arrange it.
    """
    start = start or local_today()
    end = agenda.made_until
    if end is None or end < start:
        return Rebuilt(0, 0)
    closed = closed_days(agenda.id, start, end)
    wanted: dict[dt.datetime, int] = {}
    day = start
    while day <= end:
        wanted.update(day_plan(agenda, day, day in closed))
        day += dt.timedelta(days=1)
    first = local_datetime(start, dt.time(0, 0))
    existing = {
        aware(s.starts_at): s
        for s in db.session.scalars(
            select(Slot).where(Slot.agenda_id == agenda.id, Slot.starts_at >= first)
        )
    }
    changed = short = 0
    for moment, slot in existing.items():
        places = wanted.get(moment, 0)
        new_capacity = max(places, slot.booked)
        if slot.booked > places:
            short += 1
        if new_capacity != slot.capacity:
            changed += 1
            # Without syncing: by default every statement would evaluate its condition against
            # every slot in the session (all of `existing`), quadratic in the agenda's length.
            db.session.execute(
                update(Slot)
                .where(Slot.id == slot.id, Slot.booked <= new_capacity)
                .values(capacity=new_capacity)
                .execution_options(synchronize_session=False)
            )
            db.session.expire(slot, ["capacity"])
    missing = [
        {"agenda_id": agenda.id, "starts_at": m, "capacity": p}
        for m, p in wanted.items()
        if m not in existing
    ]
    changed += len(missing)
    _insert_ignoring_existing(missing)
    return Rebuilt(changed, short)


# --- free times ----------------------------------------------------------------------------------


def free_starts(
    agenda: Agenda,
    units: int,
    earliest: dt.datetime,
    latest: dt.datetime | None = None,
    make: bool = True,
) -> list[dt.datetime]:
    """Return every start from `earliest` where `units` consecutive slots each have a place.

    With `make` the slots up to the horizon are made first (and committed): leave it off inside
    a write transaction.
    """
    if make:
        ensure_slots(agenda)
    conditions = [
        Slot.agenda_id == agenda.id,
        Slot.starts_at >= earliest,
        Slot.booked < Slot.capacity,
    ]
    if latest is not None:
        conditions.append(Slot.starts_at < latest + SLOT * units)
    free = [aware(m) for m in db.session.scalars(select(Slot.starts_at).where(and_(*conditions)))]
    free.sort()
    return runs(free, units, latest)


def runs(free: Sequence[dt.datetime], units: int, latest: dt.datetime | None) -> list[dt.datetime]:
    """Return the starts of `units` back-to-back free slots within one local day."""
    starts = []
    for index, moment in enumerate(free):
        if latest is not None and moment > latest:
            break
        window = free[index : index + units]
        if len(window) < units:
            break
        back_to_back = all(b - a == SLOT for a, b in itertools.pairwise(window))
        if back_to_back and local(window[-1]).date() == local(moment).date():
            starts.append(moment)
    return starts


def is_free(agenda: Agenda, start: dt.datetime, units: int, make: bool = True) -> bool:
    return start in free_starts(agenda, units, start, start, make=make)


def group_by_day(starts: Iterable[dt.datetime]) -> list[tuple[dt.date, list[dt.datetime]]]:
    days: dict[dt.date, list[dt.datetime]] = {}
    for moment in starts:
        days.setdefault(local(moment).date(), []).append(moment)
    return sorted(days.items())


# --- taking and giving back places -----------------------------------------------------------


def slot_ids(agenda_id: int, start: dt.datetime, units: int) -> list[int] | None:
    """Return the ids of the `units` slots from `start`, or None when they do not all exist."""
    moments = [start + SLOT * i for i in range(units)]
    rows = db.session.execute(
        select(Slot.id, Slot.starts_at).where(
            Slot.agenda_id == agenda_id, Slot.starts_at.in_(moments)
        )
    ).all()
    by_start = {aware(m): i for i, m in rows}
    if set(by_start) != set(moments):
        return None
    return [by_start[m] for m in moments]


def take(agenda_id: int, start: dt.datetime, units: int) -> list[int]:
    """Take one place in each of the slots; call inside `write_transaction()`.

    Each slot is taken with `UPDATE ... SET booked = booked + 1 WHERE booked < capacity`: the
    database decides, so two requests can never both take the last place. The slots are taken
    in time order, so two transactions never wait for each other crosswise.

    :raises SlotFull: when a slot has no place left; roll back, the others are then given back.
    """
    ids = slot_ids(agenda_id, start, units)
    if ids is None:
        raise SlotFull(start)
    for slot_id in ids:
        result = db.session.execute(
            update(Slot)
            .where(Slot.id == slot_id, Slot.booked < Slot.capacity)
            .values(booked=Slot.booked + 1)
        )
        if rowcount(result) != 1:
            raise SlotFull(start)
    return ids


def give_back(ids: Iterable[int]) -> None:
    for slot_id in sorted(ids):
        db.session.execute(
            update(Slot).where(Slot.id == slot_id, Slot.booked > 0).values(booked=Slot.booked - 1)
        )


def close_slots(agenda_ids: Sequence[int], day: dt.date) -> None:
    """Give the day's slots no places beyond what is booked (call after moving the bookings)."""
    first = local_datetime(day, dt.time(0, 0))
    last = local_datetime(day + dt.timedelta(days=1), dt.time(0, 0))
    db.session.execute(
        update(Slot)
        .where(Slot.agenda_id.in_(agenda_ids), Slot.starts_at >= first, Slot.starts_at < last)
        .values(capacity=Slot.booked)
    )


def earliest_today() -> dt.datetime:
    """The first time that can still be booked today: an hour from now."""
    notice = int(current_app.config.get("BOOKING_MIN_NOTICE_MINUTES", 60))
    return utcnow() + dt.timedelta(minutes=notice)


def start_of(day: dt.date) -> dt.datetime:
    return local_datetime(day, dt.time(0, 0))
