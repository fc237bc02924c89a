"""Demo capacity for Nijmegen and the public holidays, for `flask demo vullen`."""

import datetime as dt
from pathlib import Path
from typing import Any

from flask import current_app
from sqlalchemy import select

from app.booking.hours_text import parse
from app.booking.models import Agenda, ClosedDay, District, Location, OpeningHours
from app.core import yamlfiles
from app.core.time import local_today
from app.extensions import db

DEMO = Path(__file__).resolve().parent / "demo_capacity.yaml"


def easter(year: int) -> dt.date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holidays(year: int) -> list[tuple[dt.date, str, str]]:
    """The Dutch public holidays on which the municipality is closed."""
    sunday = easter(year)
    kings = dt.date(year, 4, 27)
    if kings.weekday() == 6:  # on a Sunday, King's Day is the Saturday before
        kings -= dt.timedelta(days=1)
    days = [
        (dt.date(year, 1, 1), "Nieuwjaarsdag", "New Year's Day"),
        (sunday - dt.timedelta(days=2), "Goede Vrijdag", "Good Friday"),
        (sunday + dt.timedelta(days=1), "Tweede Paasdag", "Easter Monday"),
        (kings, "Koningsdag", "King's Day"),
        (sunday + dt.timedelta(days=39), "Hemelvaartsdag", "Ascension Day"),
        (sunday + dt.timedelta(days=50), "Tweede Pinksterdag", "Whit Monday"),
        (dt.date(year, 12, 25), "Eerste Kerstdag", "Christmas Day"),
        (dt.date(year, 12, 26), "Tweede Kerstdag", "Boxing Day"),
    ]
    if year % 5 == 0:
        days.append((dt.date(year, 5, 5), "Bevrijdingsdag", "Liberation Day"))
    return days


def _hours(agenda: Agenda, text: str) -> None:
    for block in parse(text):
        agenda.hours.append(
            OpeningHours(
                weekday=block.weekday, opens=block.opens, closes=block.closes, staff=block.staff
            )
        )


def fill_holidays() -> int:
    added = 0
    this_year = local_today().year
    for year in (this_year, this_year + 1):
        for day, name_nl, name_en in holidays(year):
            exists = db.session.scalar(
                select(ClosedDay.id).where(ClosedDay.day == day, ClosedDay.agenda_id.is_(None))
            )
            if exists is None:
                db.session.add(ClosedDay(day=day, reason_nl=name_nl, reason_en=name_en))
                added += 1
    return added


def fill_capacity() -> str | None:
    """Add the demo places, pools and districts that are missing, and the holidays."""
    data: dict[str, Any] = yamlfiles.safe_load(DEMO.read_text(encoding="utf-8"))
    known = set(db.session.scalars(select(Agenda.slug)))
    added = 0
    for item in data["locations"]:
        location = db.session.scalar(select(Location).where(Location.slug == item["slug"]))
        if location is None:
            location = Location(
                slug=item["slug"],
                name=item["name"],
                kind=item["kind"],
                street=item["street"],
                postcode=item["postcode"],
                city=item["city"],
                step_free=item["step_free"],
                hearing_loop=item["hearing_loop"],
                parking_nl=item["parking"]["nl"],
                parking_en=item["parking"]["en"],
                transport_nl=item["transport"]["nl"],
                transport_en=item["transport"]["en"],
            )
            db.session.add(location)
            db.session.flush()
        for spec in item["agendas"]:
            slug = spec.get("slug") or f"{spec['channel']}-{item['slug']}"
            if slug not in known:
                agenda = Agenda(slug=slug, channel=spec["channel"], location_id=location.id)
                _hours(agenda, spec["hours"])
                db.session.add(agenda)
                added += 1
    for spec in data["pools"]:
        if spec["slug"] not in known:
            agenda = Agenda(
                slug=spec["slug"],
                channel=spec["channel"],
                team=spec["team"],
                default_pool=bool(spec.get("default")),
            )
            _hours(agenda, spec["hours"])
            db.session.add(agenda)
            added += 1
    for spec in data["districts"]:
        if spec["slug"] not in known:
            district = District(
                slug=spec["slug"],
                name=spec["name"],
                postcodes=spec["postcodes"],
                travel_minutes=spec["travel_minutes"],
            )
            db.session.add(district)
            db.session.flush()
            agenda = Agenda(slug=spec["slug"], channel="thuis", district_id=district.id)
            _hours(agenda, spec["hours"])
            db.session.add(agenda)
            added += 1
    holidays_added = fill_holidays()
    db.session.commit()
    if not added and not holidays_added:
        return None
    return f"{added} agenda's voor afspraken en {holidays_added} feestdagen toegevoegd."


DEMO_REFERENCE = "AF-4736-KM"
DEMO_OFFER_REFERENCE = "AF-7439-WT"
# The demo offer's link token (demo data only: `make run` and the page checks).
DEMO_OFFER_TOKEN = "demo-aanbod"  # noqa: S105


def _demo_request(
    agenda: Agenda, start: dt.datetime, name: str, email: str, key: str, **extra: Any
) -> Any:
    from app.booking.service import BookingRequest, Details

    return BookingRequest(
        topic=extra.pop("topic", "kwijtschelding"),
        channel=agenda.channel,
        agenda_id=agenda.id,
        starts_at=start,
        minutes=30,
        details=Details(name, "email", email),
        idempotency_key=key,
        **extra,
    )


def _full_slots(agenda: Agenda, start: dt.datetime, units: int) -> None:
    """Make sure the slots exist (today may be a day without opening hours)."""
    from sqlalchemy.dialects.postgresql import insert as pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    from app.booking.capacity import SLOT
    from app.booking.models import Slot

    insert = pg_insert if db.session.get_bind().dialect.name == "postgresql" else sqlite_insert
    for i in range(units):
        db.session.execute(
            insert(Slot)
            .values(agenda_id=agenda.id, starts_at=start + SLOT * i, capacity=1, booked=0)
            .on_conflict_do_nothing(index_elements=["agenda_id", "starts_at"])
        )
    db.session.commit()


def _demo_offer(desk: Agenda, start: dt.datetime) -> None:
    """An offer from the waiting list, held for two hours, with a known demo link token."""
    from app.booking.models import BookingToken, WaitingListEntry
    from app.booking.tx import write_transaction
    from app.booking.waiting import _hold
    from app.core.references import token_hash
    from app.core.time import utcnow

    entry = WaitingListEntry(
        topic="kwijtschelding",
        channel=desk.channel,
        agenda_id=desk.id,
        minutes=30,
        name="Kees Hendriks",
        contact="email",
        email="kees@voorbeeld.nl",
        before=start + dt.timedelta(days=1),
        ends_on=local_today() + dt.timedelta(days=60),
        created_at=utcnow(),
    )
    db.session.add(entry)
    db.session.commit()
    with write_transaction():
        _hold(entry, desk, start, 2)
        hold = entry.offer
        assert hold is not None
        hold.reference = DEMO_OFFER_REFERENCE
        secret = str(current_app.config["SECRET_KEY"])
        db.session.add(
            BookingToken(booking_id=hold.id, token_hash=token_hash(DEMO_OFFER_TOKEN, secret))
        )


def fill_demo_bookings() -> str | None:
    """A few fictitious bookings so the staff pages and the change pages have something."""
    from app.booking import capacity, service
    from app.booking.models import Booking, WrittenQuestion
    from app.booking.rules import earliest
    from app.core.time import aware, local_datetime, utcnow

    desk = db.session.scalar(select(Agenda).where(Agenda.slug == "balie-stadswinkel"))
    if desk is None:
        return None
    made = []
    demo = db.session.scalar(select(Booking).where(Booking.reference == DEMO_REFERENCE))
    if demo is None or demo.status != "bevestigd" or aware(demo.starts_at) <= utcnow():
        if demo is not None:
            db.session.delete(demo)
            db.session.commit()
        starts = capacity.free_starts(desk, 2, earliest(None, ["tolk"], False, False))
        if starts:
            booked = service.book(
                _demo_request(
                    desk,
                    starts[0],
                    "Fatima El Amrani",
                    "fatima@voorbeeld.nl",
                    f"demo-{DEMO_REFERENCE}-{starts[0].isoformat()}",
                    support={"nodig": ["tolk"], "taal": "Arabisch"},
                )
            )
            booked.booking.reference = DEMO_REFERENCE
            db.session.commit()
            made.append(DEMO_REFERENCE)
    today = local_today()
    for hour, name in ((9, "Jan de Vries"), (10, "Eva Visser")):
        start = local_datetime(today, dt.time(hour, 0))
        key = f"demo-vandaag-{today.isoformat()}-{hour}"
        if db.session.scalar(select(Booking.id).where(Booking.idempotency_key == key)) is None:
            _full_slots(desk, start, 2)
            try:
                service.book(
                    _demo_request(desk, start, name, f"{name.split()[0].lower()}@voorbeeld.nl", key)
                )
                made.append(name)
            except capacity.SlotFull:
                pass
    offer = db.session.scalar(select(Booking).where(Booking.reference == DEMO_OFFER_REFERENCE))
    offer_open = (
        offer is not None
        and offer.status == "vastgehouden"
        and offer.hold_expires_at is not None
        and aware(offer.hold_expires_at) > utcnow()
    )
    if not offer_open:
        if offer is not None:
            db.session.delete(offer)
            db.session.commit()
        starts = capacity.free_starts(desk, 2, earliest(None, [], False, False))
        if starts:
            _demo_offer(desk, starts[-1])
            made.append(DEMO_OFFER_REFERENCE)
    if db.session.scalar(select(WrittenQuestion.id)) is None:
        from app.booking.questions import Question, ask

        ask(
            Question(
                topic="kwijtschelding",
                text=(
                    "Ik kan niet bellen, want ik hoor slecht. Moet ik elk jaar opnieuw "
                    "kwijtschelding vragen?"
                ),
                name="Anna Jansen",
                contact="email",
                email="anna@voorbeeld.nl",
            )
        )
        made.append("vraag")
    return f"Demo-afspraken gemaakt: {', '.join(made)}." if made else None
