"""Mijn afspraken: the bookings made while logged in, found by a keyed hash, never the BSN.

The booking capability stores `client_key(resident, "afspraken")` with a booking made while
logged in; here the same key finds them again. Changing or cancelling happens in the booking's
own pages (`/afspraak/beheer`): opening one from here starts the same manage session that the
link in the confirmation starts, after checking that the booking is this resident's.

The booking modules are imported where they are used: an app without the booking capability
(its tables, its pages) says so on Mijn afspraken instead of failing.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlalchemy import select

from app.core.capabilities import wiring
from app.core.references import keyed_hash, normalise
from app.core.time import aware, utcnow
from app.extensions import current_language, db
from app.i18n import path_in
from app.identity.resident import Resident, client_key

PURPOSE = "afspraken"  # the booking capability's key purpose
SHOWN = ("bevestigd", "geweest", "niet_gekomen", "afgezegd")
EARLIER = 10  # how many past or cancelled appointments the page lists


@dataclass(frozen=True)
class Appointment:
    reference: str
    topic: str
    when: str  # in words, in the page's language
    starts_at: dt.datetime
    place: tuple[str, ...]
    channel: str
    status: str
    can_change: bool


@dataclass(frozen=True)
class Appointments:
    upcoming: tuple[Appointment, ...]
    earlier: tuple[Appointment, ...]


def available() -> bool:
    """Whether the booking capability is wired in this app."""
    return any(c.name == "booking" for c in wiring().capabilities)


def _rows(resident: Resident) -> list[Any]:
    from app.booking.models import Booking

    key = client_key(resident, PURPOSE)
    query = select(Booking).where(Booking.client_key == key, Booking.status.in_(SHOWN))
    return list(db.session.scalars(query.order_by(Booking.starts_at)))


def _shown(booking: Any) -> Appointment:
    from app.booking import service as booking_service
    from app.booking.formatting import when_words
    from app.booking.places import place_lines
    from app.booking.topics import CHANNEL_LABELS, title_of

    lang = current_language()
    return Appointment(
        reference=booking.reference,
        topic=title_of(booking.topic, booking.topic_other),
        when=when_words(booking.starts_at, lang),
        starts_at=aware(booking.starts_at),
        place=tuple(place_lines(booking, lang)),
        channel=str(CHANNEL_LABELS.get(booking.channel, booking.channel)),
        status=booking.status,
        can_change=booking_service.can_change(booking),
    )


def listed(resident: Resident) -> Appointments | None:
    """Return the coming appointments (soonest first) and the latest earlier ones.

    None when this app has no booking capability.
    """
    if not available():
        return None
    now = utcnow()
    shown = [_shown(b) for b in _rows(resident)]
    upcoming = [a for a in shown if a.status == "bevestigd" and a.starts_at > now]
    earlier = [a for a in reversed(shown) if a not in upcoming][:EARLIER]
    return Appointments(tuple(upcoming), tuple(earlier))


def upcoming(resident: Resident) -> tuple[Appointment, ...] | None:
    found = listed(resident)
    return found.upcoming if found is not None else None


def open_to_manage(resident: Resident, reference: str) -> str | None:
    """Let this session change or cancel the resident's own booking; return where to go.

    None when the reference is not one of this resident's bookings (someone else's looks the
    same as one that does not exist).
    """
    if not available():
        return None
    from app.booking.models import Booking
    from app.booking.views_manage import allow_manage

    key = client_key(resident, PURPOSE)
    booking = db.session.scalar(
        select(Booking).where(Booking.reference == normalise(reference), Booking.client_key == key)
    )
    if booking is None:
        return None
    allow_manage(booking)
    return path_in(current_language(), "/afspraak/beheer")


def link_demo_booking() -> str | None:
    """Link the demo booking in Fatima's name to her login, as if she booked while logged in.

    `flask demo vullen`, after the booking's own demo filler: Mijn afspraken then has one.
    """
    if not available():
        return None
    from app import demo_data
    from app.booking.demo import DEMO_REFERENCE
    from app.booking.models import Booking

    booking = db.session.scalar(select(Booking).where(Booking.reference == DEMO_REFERENCE))
    if booking is None:
        return None
    residents = demo_data.population()["residents"]
    resident = next((p for p in residents if _full_name(p) == booking.name), None)
    if resident is None:
        return None
    secret = str(current_app.config["SECRET_KEY"])
    key = keyed_hash(f"bsn:{resident['bsn']}", secret, PURPOSE)
    if booking.client_key == key:
        return None
    booking.client_key = key
    db.session.commit()
    return f"Mijn afspraken: {DEMO_REFERENCE} hoort bij {resident['key']}."


def _full_name(person: dict[str, Any]) -> str:
    return f"{person.get('given_names', '')} {person.get('surname', '')}"  # surname has "de"
