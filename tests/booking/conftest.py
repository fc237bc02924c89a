"""Fixtures for the booking tests: demo capacity in the database and a stopped clock."""

import datetime as dt
from collections.abc import Iterator

import pytest
from flask import Flask

from app.core.time import Clock, frozen_at
from app.extensions import db

# A Monday morning in an ordinary week (no holiday, no clock change).
MONDAY = dt.datetime(2027, 3, 8, 8, 0)


@pytest.fixture
def clock() -> Iterator[Clock]:
    with frozen_at(MONDAY) as stopped:
        yield stopped


@pytest.fixture
def booking_app(app: Flask, clock: Clock) -> Flask:
    """The app with the demo places, pools, districts and holidays (no demo bookings)."""
    from app.booking.demo import fill_capacity

    with app.app_context():
        fill_capacity()
        db.session.remove()
    return app
