"""Words for the codes the registers and the booking give (Mijn gegevens, Mijn afspraken)."""

from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l

DOCUMENTS = {
    "paspoort": _l("Paspoort"),
    "id-kaart": _l("ID-kaart"),
    "ander": _l("Ander reisdocument"),
}
TAX_KINDS = {
    "ozb": _l("Onroerendezaakbelasting (OZB)"),
    "afvalstoffenheffing": _l("Afvalstoffenheffing"),
    "rioolheffing": _l("Rioolheffing"),
    "hondenbelasting": _l("Hondenbelasting"),
}
TAX_STATES = {
    "open": _l("nog te betalen"),
    "betaald": _l("betaald"),
    "termijnen": _l("u betaalt in termijnen"),
    "kwijtgescholden": _l("u hoeft niet te betalen (kwijtschelding)"),
}
BENEFITS = {
    "bijstand": _l("Bijstand"),
    "aow": _l("AOW"),
    "ww": _l("WW"),
    "wia": _l("WIA"),
    "wajong": _l("Wajong"),
    "pensioen": _l("Pensioen"),
}
SCHEMES = {
    "meedoenregeling": _l("Meedoenregeling"),
    "kwijtschelding": _l("Kwijtschelding"),
    "individuele-inkomenstoeslag": _l("Individuele inkomenstoeslag"),
    "collectieve-zorgverzekering": _l("Collectieve zorgverzekering"),
}
VEHICLES = {
    "personenauto": _l("personenauto"),
    "bedrijfsauto": _l("bedrijfsauto"),
    "motorfiets": _l("motor"),
}
APPOINTMENT_STATES = {
    "bevestigd": _l("gepland"),
    "geweest": _l("u bent geweest"),
    "niet_gekomen": _l("u kwam niet"),
    "afgezegd": _l("afgezegd"),
}


def euros(cents: int) -> str:
    """Return "€ 1.452,00" (or "€ 1,452.00" on an English page)."""
    return "€ " + format_decimal(cents / 100, format="#,##0.00")


def label(labels: dict[str, object], code: str | None) -> str:
    """Return the words for `code`, or the code itself when it has none (a new kind)."""
    return str(labels.get(code or "", code or ""))


# The link after "Klopt dit niet?" per source (its URL is the source's `correction_url`).
CORRECTION_LINKS = {
    "personen": _l("Maak een afspraak"),
    "huishouden": _l("Geef een verhuizing door"),
    "reisdocumenten": _l("Maak een afspraak"),
    "voertuigen": _l("Neem contact op"),
    "belastingen": _l("Neem contact op"),
    "inkomen": _l("Neem contact op"),
}

# Where Mijn gegevens says it differently from a form ("Vul dan in wat wel klopt" needs a form).
CORRECTIONS = {
    "inkomen": _l("Klopt dit niet? Neem contact met ons op. Een medewerker kijkt het na."),
}
