"""Where or how an appointment happens, in words: one text for pages, messages and .ics files."""

from flask_babel import force_locale
from flask_babel import gettext as _

from app.address.base import PostalAddress
from app.booking.contact import phone_words
from app.booking.models import Agenda, Booking, Location
from app.extensions import db


def location_lines(location: Location) -> list[str]:
    return [location.name, location.street, f"{location.postcode} {location.city}"]


def place_lines(booking: Booking, lang: str | None = None) -> list[str]:
    """Return the lines that say where (or how) the conversation is."""
    with force_locale(lang or booking.lang):
        agenda = db.session.get(Agenda, booking.agenda_id)
        if booking.channel in ("balie", "stip") and agenda and agenda.location:
            return location_lines(agenda.location)
        if booking.channel == "telefoon":
            return [_("Wij bellen u op %(phone)s.", phone=phone_words(booking.phone))]
        if booking.channel == "video":
            return [_("U krijgt voor het gesprek een link voor het videogesprek.")]
        if booking.channel == "thuis" and booking.address:
            address = PostalAddress.from_data(booking.address)
            return [_("Bij u thuis"), f"{address.street} {address.house}", address.postcode]
        return []


def location_text(booking: Booking) -> str:
    """One line for the LOCATION of an .ics file."""
    return ", ".join(place_lines(booking))


def bring_lines(booking: Booking, lang: str | None = None) -> list[str]:
    """What to bring or have ready."""
    with force_locale(lang or booking.lang):
        lines = [_("De brieven of papieren waar uw vraag over gaat.")]
        if booking.channel in ("balie", "stip"):
            lines.insert(0, _("Uw paspoort, identiteitskaart of rijbewijs."))
        if booking.channel == "video":
            lines.append(_("Een telefoon, tablet of computer met camera."))
        return lines
