"""The .ics file: made with icalendar, in Europe/Amsterdam across both clock changes, an alarm
the day before, and one URL for both languages."""

import datetime as dt

import icalendar
from flask import Flask
from sqlalchemy import select

from app.booking import calendar, capacity, service
from app.booking.models import Agenda, OpeningHours
from app.core.time import frozen_at, local_datetime
from app.extensions import db
from tests.booking.walk import book, soup


def booking_at(
    start: dt.datetime, slug: str = "balie-stadswinkel", lang: str = "nl"
) -> service.Booked:
    agenda = db.session.scalar(select(Agenda).where(Agenda.slug == slug))
    capacity.ensure_slots(agenda, (start + dt.timedelta(days=1)).date())
    return service.book(
        service.BookingRequest(
            topic="kwijtschelding",
            channel=agenda.channel,
            agenda_id=agenda.id,
            starts_at=start,
            minutes=30,
            details=service.Details(
                "Eva Visser", "email", "eva@voorbeeld.nl", phone="+31612345678"
            ),
            lang=lang,
        )
    )


def event_of(data: bytes) -> icalendar.Event:
    parsed = icalendar.Calendar.from_ical(data)
    assert parsed.walk("VTIMEZONE"), "the zone's rules are included"
    (event,) = parsed.walk("VEVENT")
    return event


def test_an_appointment_after_the_spring_change(booking_app: Flask) -> None:
    with booking_app.test_request_context(), frozen_at(dt.datetime(2027, 3, 22, 8, 0)):
        booked = booking_at(local_datetime(dt.date(2027, 3, 30), dt.time(9, 30)))
        raw = calendar.ics(booked.booking)
        assert b"DTSTART;TZID=Europe/Amsterdam:20270330T093000" in raw
        assert b"DTEND;TZID=Europe/Amsterdam:20270330T100000" in raw
        event = event_of(raw)
        assert event.decoded("dtstart").utcoffset() == dt.timedelta(hours=2)
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("trigger") == dt.timedelta(days=-1)
        assert str(event["uid"]).startswith(booked.booking.reference)
        assert "Mariënburg 30" in str(event["location"])
        assert booked.booking.reference in str(event["description"])


def test_an_appointment_before_the_autumn_change(booking_app: Flask) -> None:
    with booking_app.test_request_context(), frozen_at(dt.datetime(2027, 10, 25, 8, 0)):
        from app.booking.demo import fill_holidays

        fill_holidays()
        booked = booking_at(local_datetime(dt.date(2027, 10, 29), dt.time(9, 0)))
        event = event_of(calendar.ics(booked.booking))
        assert event.decoded("dtstart").utcoffset() == dt.timedelta(hours=2)


def test_the_hour_that_happens_twice_is_written_in_utc(booking_app: Flask) -> None:
    with booking_app.test_request_context(), frozen_at(dt.datetime(2027, 10, 30, 12, 0)):
        pool = Agenda(slug="nacht", channel="telefoon", team="Nachtdienst")
        pool.hours.append(OpeningHours(weekday=6, opens=dt.time(1), closes=dt.time(4), staff=1))
        db.session.add(pool)
        db.session.commit()
        second = dt.datetime(2027, 10, 31, 1, 30, tzinfo=dt.UTC)  # 2.30 winter time
        booked = booking_at(second, slug="nacht")
        raw = calendar.ics(booked.booking)
        assert b"DTSTART:20271031T013000Z" in raw
        assert event_of(raw).decoded("dtstart") == second


def test_english_bookings_get_an_english_file(booking_app: Flask) -> None:
    with booking_app.test_request_context(), frozen_at(dt.datetime(2027, 3, 8, 8, 0)):
        booked = booking_at(local_datetime(dt.date(2027, 3, 9), dt.time(10)), lang="en")
        event = event_of(calendar.ics(booked.booking))
        assert str(event["summary"]).startswith("Appointment")


def test_the_file_has_one_url_for_both_languages(booking_app: Flask) -> None:
    client = booking_app.test_client()
    page = book(client)
    link = soup(page).find("a", string="Zet de afspraak in uw agenda")["href"]
    assert link.startswith("/afspraak/agenda.ics?code=")
    response = client.get(link)
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    assert response.headers["Cache-Control"] == "no-store"
    assert client.get("/en" + link).status_code == 301
    assert client.get("/afspraak/agenda.ics?code=verkeerd").status_code == 404
    assert client.get("/afspraak/agenda.ics").status_code == 404
