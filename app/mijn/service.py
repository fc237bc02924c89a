"""What Mijn Loket shows a resident, read live every time: nothing here is stored.

Every part reads its own source and says when that source is down, so the rest of the page
still works: `cases(...)` returns `None` for a case system that is down, `attention(...)` lists
what it could not check, `details(...)` lists the registers that did not answer. Always for
`resident.client`: the person whose affairs these are (the represented person when someone
acts for another).
"""

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask_babel.speaklater import LazyString

from app.cases import service as cases_service
from app.cases.service import Explained
from app.core.capabilities import wiring
from app.core.connectors import ConnectorError, SourceUnavailable
from app.identity.resident import Resident
from app.prefill import service as registers
from app.prefill.purposes import Purpose
from app.prefill.service import SOURCES, Prefill, Source

log = logging.getLogger(__name__)

# Mijn gegevens shows what the registers know about the resident: that is its purpose.
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
ATTENTION = "mijn.aandacht"  # provider: fn(resident) -> [item with title, text, url], urgent first
SETTINGS = "mijn.instellingen"  # provider: fn(resident) -> (template name, context) or None


@dataclass(frozen=True)
class Cases:
    running: tuple[Explained, ...]
    finished: tuple[Explained, ...]

    @property
    def needing_you(self) -> tuple[Explained, ...]:
        return tuple(c for c in self.running if c.case.status and c.case.status.key == NEEDS_YOU)


def cases(resident: Resident, lang: str) -> Cases | None:
    """Return the resident's cases in plain words, newest first; None when the system is down."""
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
class Item:
    """Something that needs the resident's attention ("Belangrijk voor u")."""

    title: str
    text: str
    url: str


@dataclass(frozen=True)
class Attention:
    items: tuple[Item, ...]
    incomplete: bool  # a provider could not check everything now


def _item(raw: Any) -> Item:
    get = raw.get if isinstance(raw, Mapping) else lambda name: getattr(raw, name)
    return Item(str(get("title")), str(get("text")), str(get("url")))


def attention(resident: Resident) -> Attention:
    """Return what other capabilities say needs attention, in their order (urgent first)."""
    items: list[Item] = []
    incomplete = False
    for provider in wiring().providers_named(ATTENTION):
        try:
            items.extend(_item(raw) for raw in provider(resident) or ())
        except (SourceUnavailable, ConnectorError):
            log.warning("a provider of %s could not answer", ATTENTION)
            incomplete = True
    return Attention(tuple(items), incomplete)


def settings_sections(resident: Resident) -> list[tuple[str, dict[str, Any]]]:
    """Return the sections other capabilities add to Mijn instellingen (template, context)."""
    sections = []
    for provider in wiring().providers_named(SETTINGS):
        section = provider(resident)
        if section is not None:
            sections.append(section)
    return sections


@dataclass(frozen=True)
class Details:
    found: Prefill
    unavailable: tuple[Source, ...]  # what could not be loaded now, in page order

    @property
    def missing(self) -> frozenset[str]:
        return frozenset(s.kind for s in self.unavailable)


ORDER = ("personen", "huishouden", "reisdocumenten", "voertuigen", "belastingen", "inkomen")


def details(resident: Resident) -> Details | None:
    """Read everything the registers know about the client, live; None for a business."""
    kind, subject = resident.client
    if kind != "bsn":
        return None
    found = registers.gather(subject, DETAILS)
    down = tuple(SOURCES[k] for k in ORDER if k in found.unavailable)
    return Details(found, down)


def source_names(sources: tuple[Source, ...]) -> list[LazyString]:
    return [s.from_phrase for s in sources]
