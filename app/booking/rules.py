"""When a booking can be at the earliest, and which places suit which support needs."""

import datetime as dt

from flask import current_app

from app.booking import capacity
from app.booking.models import Location
from app.core.time import local_today

# Support needs that need someone arranged ahead: an interpreter is booked days before.
NEEDS_LEAD_TIME = ("tolk", "gebarentolk")
SUPPORT = ("tolk", "gebarentolk", "rolstoel", "ringleiding", "extra_tijd", "meenemen")
EXTRA_MINUTES = 15


def _setting(name: str, default: int) -> int:
    return int(current_app.config.get(name, default))


def earliest(contact: str | None, needs: list[str], printed: bool, by_staff: bool) -> dt.datetime:
    """Return the first moment a new appointment may start.

    An hour from now at the soonest; with an interpreter two working days on; with a letter as
    the only confirmation three working days on, so the letter arrives first (not when the
    confirmation is printed now, at the desk, by a helper or at home).
    """
    moment = capacity.earliest_today()
    today = local_today()
    if any(n in NEEDS_LEAD_TIME for n in needs):
        days = _setting("BOOKING_INTERPRETER_WORKING_DAYS", 2)
        moment = max(moment, capacity.start_of(capacity.add_working_days(today, days)))
    if contact == "brief" and not printed and not by_staff:
        days = _setting("BOOKING_LETTER_WORKING_DAYS", 3)
        moment = max(moment, capacity.start_of(capacity.add_working_days(today, days)))
    return moment


def letter_first_day() -> dt.date:
    return capacity.add_working_days(local_today(), _setting("BOOKING_LETTER_WORKING_DAYS", 3))


def minutes_with(base: int, needs: list[str], travel: int = 0) -> int:
    """Return how long the slot must be: extra time adds a quarter, a home visit the travel."""
    minutes = base + (EXTRA_MINUTES if "extra_tijd" in needs else 0)
    return minutes + 2 * travel


def suits(location: Location, needs: list[str]) -> bool:
    """A wheelchair needs a step-free entrance; a hearing aid a hearing loop."""
    if "rolstoel" in needs and not location.step_free:
        return False
    return not ("ringleiding" in needs and not location.hearing_loop)
