"""Capacity: slots from opening hours, in Nijmegen's time across both clock changes, holidays
and closed days, and changes a beheerder makes."""

import datetime as dt

import pytest
from flask import Flask
from sqlalchemy import select

from app.booking import capacity, closing
from app.booking.demo import easter, holidays
from app.booking.formatting import time_words, when_words
from app.booking.hours_text import HoursError, format_hours, parse
from app.booking.models import Agenda, OpeningHours, Slot
from app.core.time import frozen_at, local, local_datetime
from app.extensions import db
from tests.conftest import both_databases


def agenda(slug: str) -> Agenda:
    found = db.session.scalar(select(Agenda).where(Agenda.slug == slug))
    assert found is not None
    return found


def slots_on(a: Agenda, day: dt.date) -> list[Slot]:
    start, end = capacity.start_of(day), capacity.start_of(day + dt.timedelta(days=1))
    return list(
        db.session.scalars(
            select(Slot)
            .where(Slot.agenda_id == a.id, Slot.starts_at >= start, Slot.starts_at < end)
            .order_by(Slot.starts_at)
        )
    )


def night_pool(day: dt.date) -> Agenda:
    """A (test) pool open from 1.00 to 4.00 at night: through the hour the clocks change."""
    pool = Agenda(slug=f"nacht-{day}", channel="telefoon", team="Nachtdienst")
    pool.hours.append(
        OpeningHours(weekday=day.weekday(), opens=dt.time(1), closes=dt.time(4), staff=1)
    )
    db.session.add(pool)
    db.session.commit()
    capacity.ensure_slots(pool, day)
    return pool


@both_databases()
def test_the_desk_opens_at_nine_on_both_sides_of_the_spring_change(booking_app: Flask) -> None:
    with booking_app.app_context(), frozen_at(dt.datetime(2027, 3, 22, 8, 0)):
        desk = agenda("balie-stadswinkel")
        capacity.ensure_slots(desk)
        before = slots_on(desk, dt.date(2027, 3, 25))  # Thursday, winter time
        after = slots_on(desk, dt.date(2027, 3, 30))  # Tuesday, summer time
        assert local(before[0].starts_at).time() == local(after[0].starts_at).time() == dt.time(9)
        assert before[0].starts_at.replace(tzinfo=dt.UTC).hour == 8  # winter: UTC+1
        assert after[0].starts_at.replace(tzinfo=dt.UTC).hour == 7  # summer: UTC+2
        assert local(before[-1].starts_at).time() == dt.time(19, 45)  # late opening on Thursday
        assert local(after[-1].starts_at).time() == dt.time(16, 45)
        assert len(before) == 11 * 4 and len(after) == 8 * 4


@both_databases()
def test_the_night_the_clocks_go_forward_has_no_slots_in_the_missing_hour(
    booking_app: Flask,
) -> None:
    night = dt.date(2027, 3, 28)
    with booking_app.app_context(), frozen_at(dt.datetime(2027, 3, 27, 12, 0)):
        pool = night_pool(night)
        walls = [local(s.starts_at).strftime("%H:%M") for s in slots_on(pool, night)]
        assert walls == ["01:00", "01:15", "01:30", "01:45", "03:00", "03:15", "03:30", "03:45"]
        starts = capacity.free_starts(pool, 2, capacity.start_of(night))
        # 01:45 + 15 minutes is 03:00: back to back in real time, so a 30-minute call fits.
        assert [local(s).strftime("%H:%M") for s in starts][:5] == [
            "01:00",
            "01:15",
            "01:30",
            "01:45",
            "03:00",
        ]


@both_databases()
def test_the_night_the_clocks_go_back_has_the_double_hour_twice(booking_app: Flask) -> None:
    night = dt.date(2027, 10, 31)
    with booking_app.app_context(), frozen_at(dt.datetime(2027, 10, 30, 12, 0)):
        pool = night_pool(night)
        slots = slots_on(pool, night)
        assert len(slots) == 16  # four real hours
        labels = [time_words(s.starts_at.replace(tzinfo=dt.UTC), "nl") for s in slots]
        assert labels.count("2.30 uur (zomertijd)") == 1
        assert labels.count("2.30 uur (wintertijd)") == 1
        assert "1.30 uur" in labels and "3.30 uur" in labels
        english = time_words(slots[6].starts_at.replace(tzinfo=dt.UTC), "en")
        assert english == "2:30 (summer time)"
        assert when_words(slots[0].starts_at, "nl") == "zondag 31 oktober 2027 om 1.00 uur"


def test_holidays_are_the_dutch_public_holidays() -> None:
    assert easter(2027) == dt.date(2027, 3, 28)
    assert easter(2028) == dt.date(2028, 4, 16)
    days = dict((d, name) for d, name, _ in holidays(2027))
    assert days[dt.date(2027, 3, 29)] == "Tweede Paasdag"
    assert days[dt.date(2027, 4, 27)] == "Koningsdag"
    assert days[dt.date(2027, 5, 6)] == "Hemelvaartsdag"
    assert dt.date(2027, 5, 5) not in days  # Liberation Day off only once in five years
    assert dict((d, n) for d, n, _ in holidays(2025))[dt.date(2025, 4, 26)] == "Koningsdag"


@both_databases()
def test_no_slots_on_a_holiday(booking_app: Flask) -> None:
    with booking_app.app_context(), frozen_at(dt.datetime(2027, 3, 22, 8, 0)):
        desk = agenda("balie-stadswinkel")
        capacity.ensure_slots(desk)
        assert slots_on(desk, dt.date(2027, 3, 26)) == []  # Good Friday
        assert slots_on(desk, dt.date(2027, 3, 29)) == []  # Easter Monday
        assert slots_on(desk, dt.date(2027, 3, 30)) != []


def test_working_days_skip_weekends_and_holidays(booking_app: Flask) -> None:
    with booking_app.app_context(), frozen_at(dt.datetime(2027, 3, 24, 8, 0)):
        # Wednesday + 3 working days: Thursday, (Good Friday), (weekend), (Easter Monday),
        # Tuesday, Wednesday.
        assert capacity.add_working_days(dt.date(2027, 3, 24), 3) == dt.date(2027, 3, 31)


def test_making_slots_twice_changes_nothing(booking_app: Flask) -> None:
    with booking_app.app_context():
        desk = agenda("balie-stadswinkel")
        capacity.ensure_slots(desk)
        count = db.session.query(Slot).count()
        desk.made_until = None
        db.session.commit()
        capacity.ensure_slots(desk)
        assert db.session.query(Slot).count() == count


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("ma 9.00-17.00 4", None),
        ("maandag 9:00-12:00 2\nmaandag 13.00-17.00 2", None),
        ("ma 9.10-17.00 4", "kwartier"),
        ("ma 17.00-9.00 4", "na de openingstijd"),
        ("maandag de hele dag", "Regel 1 klopt niet"),
        ("", "minstens één regel"),
    ],
)
def test_hours_as_a_beheerder_types_them(
    booking_app: Flask, text: str, problem: str | None
) -> None:
    with booking_app.test_request_context():
        if problem is None:
            blocks = parse(text)
            assert parse(format_hours(blocks)) == blocks
        else:
            with pytest.raises(HoursError, match=problem):
                parse(text)


@both_databases()
def test_fewer_staff_never_removes_booked_places(booking_app: Flask) -> None:
    from app.booking import service

    with booking_app.test_request_context(), frozen_at(dt.datetime(2027, 3, 8, 8, 0)):
        desk = agenda("balie-stadswinkel")
        capacity.ensure_slots(desk)
        start = local_datetime(dt.date(2027, 3, 9), dt.time(10))
        for i in range(3):
            service.book(
                service.BookingRequest(
                    topic="kwijtschelding",
                    channel="balie",
                    agenda_id=desk.id,
                    starts_at=start,
                    minutes=15,
                    details=service.Details(f"Inwoner {i}", "email", f"i{i}@voorbeeld.nl"),
                )
            )
        rebuilt = closing.set_hours(desk, parse("di 9.00-17.00 1"))
        assert rebuilt.short == 1  # 10.00 on Tuesday: three bookings, one member of staff
        slot = db.session.scalar(
            select(Slot).where(Slot.agenda_id == desk.id, Slot.starts_at == start)
        )
        assert slot is not None and slot.capacity == slot.booked == 3
        monday = slots_on(desk, dt.date(2027, 3, 15))
        assert monday == [] or all(s.capacity == 0 for s in monday)  # no hours on Monday now
        tuesday = slots_on(desk, dt.date(2027, 3, 16))
        assert tuesday and all(s.capacity == 1 for s in tuesday)
