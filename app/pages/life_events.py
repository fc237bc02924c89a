"""The life events that group services on the home page, in the residents' own words."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString


@dataclass(frozen=True)
class LifeEvent:
    slug: str
    title: LazyString
    description: LazyString


LIFE_EVENTS: tuple[LifeEvent, ...] = (
    LifeEvent(
        "geld-en-inkomen", _l("Geld en inkomen"), _l("Weinig geld, schulden of hulp bij kosten.")
    ),
    LifeEvent(
        "paspoort-en-identiteit",
        _l("Paspoort en identiteit"),
        _l("Een paspoort of ID-kaart aanvragen."),
    ),
    LifeEvent(
        "wonen-en-verhuizen", _l("Wonen en verhuizen"), _l("Verhuizen, parkeren en inschrijven.")
    ),
    LifeEvent("zorg-en-hulp", _l("Zorg en hulp"), _l("Hulp thuis, zorgverzekering en parkeren.")),
    LifeEvent("afval-en-buurt", _l("Afval en buurt"), _l("Grof afval en problemen op straat.")),
    LifeEvent(
        "geboorte-en-overlijden",
        _l("Geboorte en overlijden"),
        _l("Een kind is geboren of iemand is overleden."),
    ),
    LifeEvent("hulp-en-contact", _l("Hulp en contact"), _l("Met iemand praten of hulp krijgen.")),
)
LIFE_EVENT_SLUGS = frozenset(e.slug for e in LIFE_EVENTS)
