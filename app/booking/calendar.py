"""An appointment as an iCalendar file (RFC 5545), made with the icalendar library.

Times are written in Europe/Amsterdam with the zone's rules included (VTIMEZONE), so a calendar
shows 9.30 on both sides of a daylight-saving change. A wall-clock time that happens twice (the
night the clocks go back) is ambiguous in local time, so that one is written in UTC. An alarm
goes off the day before.
"""

import datetime as dt

import icalendar
from flask_babel import force_locale
from flask_babel import gettext as _

from app.booking.models import Booking
from app.booking.places import bring_lines, location_text
from app.booking.topics import title_of
from app.core.time import AMSTERDAM, aware, local, utcnow

PRODUCT = "-//Gemeente Nijmegen//Loket afspraken//NL"


def _happens_twice(moment: dt.datetime) -> bool:
    wall = local(moment).replace(tzinfo=None)
    return (
        wall.replace(tzinfo=AMSTERDAM, fold=0).utcoffset()
        != wall.replace(tzinfo=AMSTERDAM, fold=1).utcoffset()
    )


def _moment(moment: dt.datetime) -> dt.datetime:
    return aware(moment) if _happens_twice(moment) else local(moment)


def change_site() -> str:
    from app.booking.notices import public_url

    return public_url().split("://", 1)[-1] + "/afspraak/wijzigen"


def ics(booking: Booking) -> bytes:
    """Return the .ics file of a booking, in the booking's language."""
    with force_locale(booking.lang):
        topic = title_of(booking.topic, booking.topic_other, booking.lang)
        calendar = icalendar.Calendar()
        calendar.add("prodid", PRODUCT)
        calendar.add("version", "2.0")
        calendar.add("method", "PUBLISH")
        event = icalendar.Event()
        domain = change_site().split("/", 1)[0]
        event.add("uid", f"{booking.reference}@{domain}")
        event.add("dtstamp", utcnow())
        event.add("dtstart", _moment(booking.starts_at))
        event.add("dtend", _moment(booking.ends_at))
        event.add("summary", _("Afspraak met de gemeente: %(topic)s", topic=topic))
        event.add("location", location_text(booking))
        lines = [
            _("Afspraaknummer: %(reference)s", reference=booking.reference),
            _("Neem mee:"),
            *[f"- {line}" for line in bring_lines(booking)],
            _("Veranderen of afzeggen: ga naar %(site)s of bel 14 024.", site=change_site()),
        ]
        event.add("description", "\n".join(lines))
        event.add("sequence", booking.version)
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", dt.timedelta(days=-1))
        alarm.add("description", _("Morgen hebt u een afspraak met de gemeente."))
        event.add_component(alarm)
        calendar.add_component(event)
        year = local(booking.starts_at).year
        calendar.add_missing_timezones(
            first_date=dt.date(year - 1, 1, 1), last_date=dt.date(year + 1, 12, 31)
        )
        return bytes(calendar.to_ical())
