"""Demo capacity for Nijmegen and the public holidays, for `flask demo vullen`."""

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select

from app.booking.hours_text import parse
from app.booking.models import Agenda, ClosedDay, District, Location, OpeningHours
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
    data: dict[str, Any] = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
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
            slug = f"{spec['channel']}-{item['slug']}"
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
