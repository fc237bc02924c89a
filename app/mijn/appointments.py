from __future__ import annotations  # TEMP

"""Mijn afspraken: the bookings made while logged in, found by a keyed hash, never the BSN.

The booking capability stores `client_key(resident, "afspraken")` with a booking made while
logged in; here the same key finds them again. Changing or cancelling happens in the booking's
own pages (`/afspraak/beheer`): opening one from here starts the same manage session that the
link in the confirmation starts, after checking that the booking is this resident's.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.core.references import normalise
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


def _rows(resident: Resident) -> list[Booking]:
    key = client_key(resident, PURPOSE)
    query = select(Booking).where(Booking.client_key == key, Booking.status.in_(SHOWN))
    return list(db.session.scalars(query.order_by(Booking.starts_at)))


def _shown(booking: Booking) -> Appointment:
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


def listed(resident: Resident) -> Appointments:  # TEMP until booking merges
    return Appointments((), ())


def _listed(resident: Resident) -> Appointments:
    """Return the resident's coming appointments (soonest first) and the latest earlier ones."""
    now = utcnow()
    shown = [_shown(b) for b in _rows(resident)]
    upcoming = [a for a in shown if a.status == "bevestigd" and a.starts_at > now]
    earlier = [a for a in reversed(shown) if a not in upcoming][:EARLIER]
    return Appointments(tuple(upcoming), tuple(earlier))


def upcoming(resident: Resident) -> tuple[Appointment, ...]:
    return listed(resident).upcoming


def open_to_manage(resident: Resident, reference: str) -> str | None:
    """Let this session change or cancel the resident's own booking; return where to go.

    None when the reference is not one of this resident's bookings (someone else's looks the
    same as one that does not exist).
    """
    key = client_key(resident, PURPOSE)
    booking = db.session.scalar(
        select(Booking).where(Booking.reference == normalise(reference), Booking.client_key == key)
    )
    if booking is None:
        return None
    allow_manage(booking)
    return path_in(current_language(), "/afspraak/beheer")
