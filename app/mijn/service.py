"""What Mijn Loket shows a resident, read live every time: nothing here is stored.

Every part reads its own source and reports when that source is down, so the rest of the page
still works: `cases(...)` raises nothing but returns `None` for a case system that is down, the
notices list what they could not read, `details(...)` lists the registers that did not answer.
Always for `resident.client`: the person whose affairs these are (the represented person when
someone acts for another).
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from app.cases import service as cases_service
from app.cases.service import Explained
from app.core.capabilities import wiring
from app.core.connectors import ConnectorError, SourceUnavailable
from app.core.time import utcnow
from app.identity.resident import Resident, client_key
from app.notices import optout
from app.notices import service as notices
from app.notices.keys import OPTOUT, subject_key
from app.notices.labels import OWN_SOURCES
from app.notices.sources import ParkingCard, parking_cards
from app.prefill import service as registers
from app.prefill.purposes import Purpose
from app.prefill.service import Prefill, Sourced

# Mijn gegevens shows everything the registers know about the resident: that is its purpose.
DETAILS = Purpose.declare(
    "mijn:gegevens",
    {
        "personen": ["naam", "geboortedatum", "adres", "kinderen", "partner", "huishouden"],
        "reisdocumenten": ["soort", "einddatum"],
        "voertuigen": ["kenteken", "voertuig"],
        "belastingen": ["aanslagen"],
        "inkomen": ["uitkeringen", "loon", "regelingen"],
    },
)
NEEDS_YOU = "gegevens_nodig"  # a case status that asks something of the resident


@dataclass(frozen=True)
class Cases:
    running: tuple[Explained, ...]
    finished: tuple[Explained, ...]

    @property
    def needing_you(self) -> tuple[Explained, ...]:
        return tuple(c for c in self.running if c.case.status and c.case.status.key == NEEDS_YOU)


def cases(resident: Resident, lang: str) -> Cases | None:
    """The resident's cases in plain words, running first; None when the case system is down."""
    kind, subject = resident.client
    try:
        found = cases_service.cases_for(kind, subject)
    except (SourceUnavailable, ConnectorError):
        return None
    told = [cases_service.explain(c, lang) for c in found]
    return Cases(
        running=tuple(c for c in told if c.case.running),
        finished=tuple(c for c in told if not c.case.running),
    )


@dataclass(frozen=True)
class Notices:
    found: notices.Found | None  # None: opted out, or a business
    opted_out: bool


def notices_for(resident: Resident) -> Notices:
    kind, subject = resident.client
    if kind != "bsn":
        return Notices(None, False)
    opted_out = optout.is_opted_out(subject_key(kind, subject, OPTOUT))
    return Notices(None if opted_out else notices.find(subject), opted_out)


@dataclass(frozen=True)
class Details:
    registers: Prefill
    cards: Sourced[tuple[ParkingCard, ...]] | None
    unavailable: frozenset[str]


def details(resident: Resident) -> Details | None:
    """Everything the registers know about the client, each with its source; None: a business."""
    kind, subject = resident.client
    if kind != "bsn":
        return None
    found = registers.gather(subject, DETAILS)
    unavailable = set(found.unavailable)
    cards = None
    try:
        cards = Sourced(parking_cards.get().cards(subject), OWN_SOURCES["parkeerkaarten"], utcnow())
    except (SourceUnavailable, ConnectorError):
        unavailable.add("parkeerkaarten")
    return Details(found, cards, frozenset(unavailable))


@dataclass(frozen=True)
class Appointment:
    """An appointment as the booking capability reports it (provider "afspraken.van")."""

    reference: str
    topic: str
    when: dt.datetime
    place: str
    manage_url: str


def appointments(resident: Resident) -> Sequence[Appointment] | None:
    """Appointments booked while logged in (linked by `client_key(resident, "afspraken")`).

    None when no booking capability is wired or it cannot answer now.
    """
    provider = wiring().provider("afspraken.van")
    if provider is None:
        return None
    try:
        found: Sequence[Appointment] = provider(client_key(resident, "afspraken"))
    except (SourceUnavailable, ConnectorError):
        return None
    return found
