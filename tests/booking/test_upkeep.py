"""`flask afspraken herinneringen` (once per appointment, also when run twice) and
`flask afspraken opschonen` (personal data gone, also from the database file; counts kept)."""

import datetime as dt
from pathlib import Path

from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import select
from sqlalchemy.engine import make_url

from app.booking import service, upkeep
from app.booking.models import AppointmentCount, Booking, BookingToken
from app.core.time import Clock, frozen_at, local_datetime
from app.extensions import db
from tests.booking.test_service import desk, request
from tests.conftest import both_databases


def booked(
    start: dt.datetime, contact: str = "email", name: str = "Eva Visser", **extra: object
) -> int:
    req = request(start=start, name=name)
    details = service.Details(
        name,
        contact,
        "eva@voorbeeld.nl" if contact == "email" else "",
        "+31612345678" if contact == "sms" else "",
    )
    return service.book(
        service.BookingRequest(**{**req.__dict__, "details": details, **extra})
    ).booking.id


@both_databases()
def test_reminders_go_once_the_day_before_and_not_by_letter(
    booking_app: Flask, runner: FlaskCliRunner
) -> None:
    # Monday 1 November 2027, the day after the clocks went back: Sunday has 25 hours.
    with booking_app.test_request_context(), frozen_at(dt.datetime(2027, 10, 28, 9, 0)):
        monday = local_datetime(dt.date(2027, 11, 1), dt.time(9, 0))
        by_mail = booked(monday)
        by_sms = booked(monday + dt.timedelta(hours=1), "sms")
        from app.address.base import PostalAddress

        letter = service.book(
            service.BookingRequest(
                **{
                    **request(start=monday + dt.timedelta(hours=2)).__dict__,
                    "details": service.Details(
                        "Anna",
                        "brief",
                        address=PostalAddress("Proefweg", "45", "6532 EF", "Nijmegen"),
                    ),
                }
            )
        ).booking.id
        later = booked(monday + dt.timedelta(days=1))
    with frozen_at(dt.datetime(2027, 10, 31, 23, 30)):  # Sunday late, winter time since 3.00
        first = runner.invoke(args=["afspraken", "herinneringen"])
        second = runner.invoke(args=["afspraken", "herinneringen"])
    assert first.exit_code == second.exit_code == 0
    assert "2 herinneringen" in first.output and "0 herinneringen" in second.output
    with booking_app.app_context():
        reminded = {
            b.id
            for b in db.session.scalars(select(Booking).where(Booking.reminded_at.is_not(None)))
        }
        assert reminded == {by_mail, by_sms}
        assert letter not in reminded and later not in reminded


@both_databases()
def test_support_needs_go_when_the_appointment_is_over(booking_app: Flask, clock: Clock) -> None:
    with booking_app.test_request_context():
        start = local_datetime(dt.date(2027, 3, 9), dt.time(10))
        booking_id = booked(start, support={"nodig": ["gebarentolk"]})
        clock.advance(dt.timedelta(days=1))  # Tuesday 8.00: not yet
        assert upkeep.purge().support == 0
        clock.advance(dt.timedelta(hours=3))  # 11.00: over
        assert upkeep.purge().support == 1
        db.session.expire_all()
        assert db.session.get(Booking, booking_id).support is None


@both_databases()
def test_bookings_go_thirty_days_after_and_only_counts_stay(
    booking_app: Flask, runner: FlaskCliRunner
) -> None:
    with booking_app.test_request_context(), frozen_at(dt.datetime(2027, 3, 8, 8, 0)):
        start = local_datetime(dt.date(2027, 3, 9), dt.time(10))
        kept = booked(start + dt.timedelta(days=7), name="Blijft Nog")
        gone = booked(start, name="Verdwijnt Helemaal")
        service.record_outcome  # noqa: B018 - recorded below, after the appointment
    with frozen_at(dt.datetime(2027, 3, 9, 11, 0)), booking_app.app_context():
        assert service.record_outcome(gone, "geweest")
    with frozen_at(dt.datetime(2027, 4, 9, 12, 0)):
        result = runner.invoke(args=["afspraken", "opschonen"])
        again = runner.invoke(args=["afspraken", "opschonen"])
    assert result.exit_code == again.exit_code == 0, result.output
    assert "1 afspraken" in result.output and "0 afspraken" in again.output
    with booking_app.app_context():
        assert db.session.get(Booking, gone) is None and db.session.get(Booking, kept) is not None
        assert (
            db.session.scalars(select(BookingToken).where(BookingToken.booking_id == gone)).all()
            == []
        )
        counts = db.session.scalars(select(AppointmentCount)).all()
        assert [(c.day, c.topic, c.channel, c.outcome, c.count) for c in counts] == [
            (dt.date(2027, 3, 9), "kwijtschelding", "balie", "geweest", 1)
        ]


def test_the_deleted_name_is_gone_from_the_database_file(
    booking_app: Flask, runner: FlaskCliRunner
) -> None:
    from app.address.base import PostalAddress
    from app.notify.models import DemoDelivery, Letter, OutboxMessage
    from app.notify.worker import Worker

    with booking_app.test_request_context(), frozen_at(dt.datetime(2027, 3, 8, 8, 0)):
        start = local_datetime(dt.date(2027, 3, 9), dt.time(10))
        booked(start, name="Zeldzaam Achternaamvoorbeeld")
        service.book(  # a letter: its PDF is kept in the database until the purge
            service.BookingRequest(
                **{
                    **request(start=start + dt.timedelta(hours=1)).__dict__,
                    "details": service.Details(
                        "Briefje Achternaamvoorbeeld",
                        "brief",
                        address=PostalAddress(
                            "Zeldzaamstraatvoorbeeld", "7", "6532 EF", "Nijmegen"
                        ),
                    ),
                }
            )
        )
        tally = Worker().run_once()  # the e-mail (a demo copy) and the letter's PDF are made
        assert (tally.handled, tally.letters) == (2, 1)
        path = Path(make_url(str(db.engine.url)).database or "")
    db_bytes = path.read_bytes() + (
        Path(f"{path}-wal").read_bytes() if Path(f"{path}-wal").exists() else b""
    )
    assert b"Achternaamvoorbeeld" in db_bytes
    with frozen_at(dt.datetime(2027, 4, 20, 12, 0)):
        assert runner.invoke(args=["afspraken", "opschonen", "--dagen", "30"]).exit_code == 0
    with booking_app.app_context():
        db.session.remove()
        db.engine.dispose()
    remaining = path.read_bytes() + (
        Path(f"{path}-wal").read_bytes() if Path(f"{path}-wal").exists() else b""
    )
    assert b"Achternaamvoorbeeld" not in remaining
    assert b"eva@voorbeeld.nl" not in remaining
    assert b"Zeldzaamstraatvoorbeeld" not in remaining
    with booking_app.app_context():  # the messages, their demo copies and the PDF are gone
        for table in (OutboxMessage, DemoDelivery, Letter):
            assert db.session.scalars(select(table)).all() == [], table


def test_the_number_of_days_is_a_setting(booking_app: Flask, runner: FlaskCliRunner) -> None:
    with booking_app.test_request_context(), frozen_at(dt.datetime(2027, 3, 8, 8, 0)):
        booked(local_datetime(dt.date(2027, 3, 9), dt.time(10)))
    with frozen_at(dt.datetime(2027, 3, 20, 12, 0)):
        assert "0 afspraken" in runner.invoke(args=["afspraken", "opschonen"]).output
        assert (
            "1 afspraken" in runner.invoke(args=["afspraken", "opschonen", "--dagen", "10"]).output
        )
    _ = desk
