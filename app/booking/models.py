"""Tables of the booking capability: capacity (where, when, how many staff) and bookings.

Capacity: a `Location` is a building; an `Agenda` is one bookable calendar (a channel at a
location, a phone or video pool of a team, home visits in a district); `OpeningHours` say when
and with how many staff; `ClosedDay`s (holidays for every agenda, or one agenda's day) take days
out. From these, `Slot` rows of 15 minutes are made ahead of time; a slot counts its places
(`capacity`) and how many are taken (`booked`). A booking takes one place in one or more
consecutive slots, by an atomic conditional update; a CHECK constraint keeps `booked` within
`capacity` even if code were wrong.
"""

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.time import utcnow
from app.extensions import db

CHANNELS = ("balie", "telefoon", "video", "stip", "thuis")
LOCATION_KINDS = ("stadswinkel", "bibliotheek", "stip")
CONTACTS = ("email", "sms", "brief")
# bevestigd: booked; vastgehouden: held for someone on the waiting list until hold_expires_at;
# afgezegd: cancelled by the resident or staff; vervallen: a hold nobody took; geweest and
# niet_gekomen: what staff recorded afterwards.
STATUSES = ("bevestigd", "vastgehouden", "afgezegd", "vervallen", "geweest", "niet_gekomen")
ACTIVE = ("bevestigd", "vastgehouden")


class Location(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "booking_location"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))  # stadswinkel, bibliotheek, stip
    street: Mapped[str] = mapped_column(String(120))
    postcode: Mapped[str] = mapped_column(String(7))
    city: Mapped[str] = mapped_column(String(60))
    step_free: Mapped[bool] = mapped_column(Boolean, default=False)
    hearing_loop: Mapped[bool] = mapped_column(Boolean, default=False)
    parking_nl: Mapped[str] = mapped_column(String(200), default="")
    parking_en: Mapped[str] = mapped_column(String(200), default="")
    transport_nl: Mapped[str] = mapped_column(String(200), default="")
    transport_en: Mapped[str] = mapped_column(String(200), default="")

    def text(self, name: str, lang: str) -> str:
        return str(getattr(self, f"{name}_{'en' if lang == 'en' else 'nl'}"))


class District(db.Model):  # type: ignore[name-defined,misc]
    """A part of the city for home visits: which postcodes, how long the trip takes."""

    __tablename__ = "booking_district"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    # Four-digit postcode areas, comma-separated; a range as 6511-6525.
    postcodes: Mapped[str] = mapped_column(String(400))
    travel_minutes: Mapped[int] = mapped_column(Integer)

    def covers(self, postcode: str) -> bool:
        digits = postcode.replace(" ", "")[:4]
        if not digits.isdigit():
            return False
        for part in self.postcodes.split(","):
            low, _, high = part.strip().partition("-")
            if low and (low <= digits <= (high or low)):
                return True
        return False


class Agenda(db.Model):  # type: ignore[name-defined,misc]
    """One bookable calendar: a channel at a location, a team's pool, or a district."""

    __tablename__ = "booking_agenda"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    channel: Mapped[str] = mapped_column(String(20))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("booking_location.id"))
    district_id: Mapped[int | None] = mapped_column(ForeignKey("booking_district.id"))
    team: Mapped[str | None] = mapped_column(String(120))  # phone and video pools
    default_pool: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Slots exist up to this day; later days are made when someone looks that far ahead.
    made_until: Mapped[dt.date | None] = mapped_column(Date)

    location: Mapped[Location | None] = relationship()
    district: Mapped[District | None] = relationship()
    hours: Mapped[list["OpeningHours"]] = relationship(
        order_by="(OpeningHours.weekday, OpeningHours.opens)", cascade="all, delete-orphan"
    )


class OpeningHours(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "booking_hours"
    __table_args__ = (
        CheckConstraint("weekday >= 0 AND weekday <= 6", name="ck_booking_hours_weekday"),
        CheckConstraint("staff >= 0", name="ck_booking_hours_staff"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agenda_id: Mapped[int] = mapped_column(ForeignKey("booking_agenda.id"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)  # 0 = Monday
    opens: Mapped[dt.time] = mapped_column(Time)
    closes: Mapped[dt.time] = mapped_column(Time)
    staff: Mapped[int] = mapped_column(Integer)  # people per slot


class ClosedDay(db.Model):  # type: ignore[name-defined,misc]
    """A day without appointments: a holiday (no agenda: everywhere) or one agenda's day."""

    __tablename__ = "booking_closed_day"
    __table_args__ = (UniqueConstraint("agenda_id", "day", name="uq_booking_closed_day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agenda_id: Mapped[int | None] = mapped_column(ForeignKey("booking_agenda.id"), index=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    reason_nl: Mapped[str] = mapped_column(String(200))
    reason_en: Mapped[str] = mapped_column(String(200))


class TopicLength(db.Model):  # type: ignore[name-defined,misc]
    """How long a conversation about a topic takes (default: the page's `booking.minutes`)."""

    __tablename__ = "booking_topic_length"

    topic: Mapped[str] = mapped_column(String(80), primary_key=True)
    minutes: Mapped[int] = mapped_column(Integer)


class Slot(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "booking_slot"
    __table_args__ = (
        UniqueConstraint("agenda_id", "starts_at", name="uq_booking_slot_start"),
        CheckConstraint("booked >= 0 AND booked <= capacity", name="ck_booking_slot_places"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agenda_id: Mapped[int] = mapped_column(ForeignKey("booking_agenda.id"))
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    capacity: Mapped[int] = mapped_column(Integer)
    booked: Mapped[int] = mapped_column(Integer, default=0)


class Booking(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "booking"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    # Raised by every change, so a reschedule and a cancel racing each other cannot both win.
    version: Mapped[int] = mapped_column(Integer, default=1)
    topic: Mapped[str] = mapped_column(String(80))
    topic_other: Mapped[str] = mapped_column(String(200), default="")
    channel: Mapped[str] = mapped_column(String(20))
    agenda_id: Mapped[int] = mapped_column(ForeignKey("booking_agenda.id"), index=True)
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    ends_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    name: Mapped[str] = mapped_column(String(120))
    contact: Mapped[str] = mapped_column(String(10))  # email, sms, brief
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    # For a letter or a home visit: {street, number, suffix, postcode, city, source}.
    address: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    home_reason: Mapped[str] = mapped_column(String(300), default="")
    # Health data: kept only until the appointment is over (see purge.py).
    support: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    lang: Mapped[str] = mapped_column(String(2), default="nl")
    printed: Mapped[bool] = mapped_column(Boolean, default=False)
    client_key: Mapped[str | None] = mapped_column(String(64), index=True)
    booked_by: Mapped[int | None] = mapped_column(Integer)  # staff account id
    booked_via: Mapped[str | None] = mapped_column(String(20))  # balie, telefoon (staff)
    idempotency_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    hold_expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    reminded_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    agenda: Mapped[Agenda] = relationship()
    units: Mapped[list["BookingUnit"]] = relationship(cascade="all, delete-orphan")

    @property
    def about(self) -> str:
        """What the outbox files its messages under, so the purge can find them."""
        return f"afspraak:{self.reference}"


class BookingUnit(db.Model):  # type: ignore[name-defined,misc]
    """One slot a booking takes a place in (a 30-minute conversation takes two)."""

    __tablename__ = "booking_unit"

    booking_id: Mapped[int] = mapped_column(
        ForeignKey("booking.id", ondelete="CASCADE"), primary_key=True
    )
    slot_id: Mapped[int] = mapped_column(ForeignKey("booking_slot.id"), primary_key=True)


class BookingToken(db.Model):  # type: ignore[name-defined,misc]
    """A link to change or cancel a booking without an account: only the hash is stored."""

    __tablename__ = "booking_token"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    booking_id: Mapped[int] = mapped_column(
        ForeignKey("booking.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class WaitingListEntry(db.Model):  # type: ignore[name-defined,misc]
    """ "Laat het me weten als er eerder plek is": told by e-mail or SMS when a place frees up."""

    __tablename__ = "booking_waiting"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    topic: Mapped[str] = mapped_column(String(80))
    topic_other: Mapped[str] = mapped_column(String(200), default="")
    channel: Mapped[str] = mapped_column(String(20))
    agenda_id: Mapped[int] = mapped_column(ForeignKey("booking_agenda.id"), index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(120))
    contact: Mapped[str] = mapped_column(String(10))  # email or sms
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    lang: Mapped[str] = mapped_column(String(2), default="nl")
    # What a booking made from the offer needs (no booking yet): kept with the entry only.
    home_reason: Mapped[str] = mapped_column(String(300), default="")
    address: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    support: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # The booking to move to the earlier time, if there is one.
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("booking.id", ondelete="SET NULL"))
    # Only times before this one count (the booked time, or the first free time shown).
    before: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(20), default="wachtend")  # wachtend, aangeboden
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("booking.id", ondelete="SET NULL"))
    ends_on: Mapped[dt.date] = mapped_column(Date)  # after this day the entry is deleted
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    offer: Mapped["Booking | None"] = relationship(foreign_keys=[offer_id])


class WrittenQuestion(db.Model):  # type: ignore[name-defined,misc]
    """A question sent in writing (/contact/vraag), answered by staff by e-mail, SMS or letter."""

    __tablename__ = "booking_question"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    topic: Mapped[str] = mapped_column(String(80))
    question: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(String(120))
    contact: Mapped[str] = mapped_column(String(10))
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    address: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    lang: Mapped[str] = mapped_column(String(2), default="nl")
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[int | None] = mapped_column(Integer)
    answered_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    @property
    def about(self) -> str:
        return f"vraag:{self.reference}"


class AppointmentCount(db.Model):  # type: ignore[name-defined,misc]
    """What is left of purged bookings: anonymous counts per day, topic, channel and outcome."""

    __tablename__ = "booking_count"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    topic: Mapped[str] = mapped_column(String(80), primary_key=True)
    channel: Mapped[str] = mapped_column(String(20), primary_key=True)
    outcome: Mapped[str] = mapped_column(String(20), primary_key=True)
    by_staff: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
