"""The one module that calls the register sources. Forms, Mijn Loket and notices use this.

Every value comes back with its source and the moment it was read, so a page can say "Uit de
Basisregistratie Personen, 3 november 2026" and how to get it corrected. Nothing is stored: the
registers are asked live each time. A source that is down or slow never blocks: single reads
raise `SourceUnavailable` within the source's timeout; `gather` reads every source a purpose
declares at the same time and reports the ones that failed, so the page opens anyway with
`UNAVAILABLE` ("Wij konden uw gegevens nu niet ophalen. Vul ze zelf in.").

    purpose = Purpose.declare("formulier:kwijtschelding", {"personen": ["naam", "adres"]})
    found = gather(bsn, purpose)
    if found.person: ... found.person.value.address, found.person.label()
    for kind in found.unavailable: ...
"""

import contextlib
import datetime as dt
import logging
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from flask import current_app
from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from app.core.connectors import ConnectorError, Registry, SourceUnavailable
from app.core.time import local, utcnow
from app.prefill import contrib  # noqa: F401 - the package of implementations
from app.prefill.contrib import demo, haal_centraal  # noqa: F401 - registers them
from app.prefill.documents import TravelDocument, travel_documents
from app.prefill.income import IncomeOverview, income
from app.prefill.persons import Household, Person, persons
from app.prefill.purposes import Purpose, PurposeError
from app.prefill.taxes import TaxAssessment, taxes
from app.prefill.vehicles import Vehicle, vehicles

log = logging.getLogger(__name__)

UNAVAILABLE = _l("Wij konden uw gegevens nu niet ophalen. Vul ze zelf in.")


@dataclass(frozen=True)
class Source:
    """A register as residents see it named, and how they get a mistake in it corrected."""

    kind: str
    from_phrase: LazyString  # "Uit de Basisregistratie Personen"
    correction: LazyString  # what to do when it is wrong
    correction_url: str  # where to do that (a page on this site)


SOURCES: Mapping[str, Source] = {
    "personen": Source(
        "personen",
        _l("Uit de Basisregistratie Personen"),
        _l(
            "Klopt dit niet? Dan past de gemeente het aan in de Basisregistratie Personen. "
            "Maak een afspraak en neem uw paspoort of ID-kaart mee."
        ),
        "/afspraak?onderwerp=uittreksel-brp",
    ),
    "huishouden": Source(
        "huishouden",
        _l("Uit de Basisregistratie Personen"),
        _l(
            "Woont er iemand anders op uw adres dan hier staat? Geef het door aan de gemeente. "
            "Dat kan met een verhuizing of een afspraak."
        ),
        "/diensten/verhuizen",
    ),
    "reisdocumenten": Source(
        "reisdocumenten",
        _l("Uit de gegevens over paspoorten en ID-kaarten"),
        _l("Klopt dit niet? Maak een afspraak bij de Stadswinkel. Wij zoeken het dan uit."),
        "/afspraak?onderwerp=id-kaart-paspoort",
    ),
    "voertuigen": Source(
        "voertuigen",
        _l("Uit het kentekenregister van de RDW"),
        _l("Klopt dit niet? Neem dan contact op met de RDW. De gemeente kan dit niet aanpassen."),
        "/contact",
    ),
    "belastingen": Source(
        "belastingen",
        _l("Uit de belastingadministratie van de gemeente"),
        _l("Klopt dit niet? Neem contact met ons op. Wij kijken het samen met u na."),
        "/contact",
    ),
    "inkomen": Source(
        "inkomen",
        _l("Uit de gegevens over uw inkomen bij de gemeente, het UWV en de SVB"),
        _l("Klopt dit niet? Vul dan in wat wel klopt. Een medewerker kijkt het na."),
        "/contact",
    ),
}


@dataclass(frozen=True)
class Sourced[T]:
    """A value read from a register, with where and when it came from."""

    value: T
    source: Source
    read_at: dt.datetime  # UTC

    @property
    def read_on(self) -> dt.date:
        return local(self.read_at).date()

    def label(self) -> str:
        """Return "Uit de Basisregistratie Personen, 3 november 2026" (in the page's language)."""
        return f"{self.source.from_phrase}, {format_date(self.read_on, 'long')}"


def _read[T](kind: str, fetch: Callable[[], T]) -> Sourced[T]:
    try:
        value = fetch()
    except SourceUnavailable:
        log.warning("source %s unavailable", kind)  # no BSN, no purpose details in the log
        raise
    except ConnectorError as error:
        log.warning("source %s failed: %s", kind, type(error).__name__)
        raise SourceUnavailable(str(error)) from error
    return Sourced(value, SOURCES[kind], utcnow())


def person(bsn: str, purpose: Purpose) -> Sourced[Person | None]:
    """Read the person register for `bsn`, only the fields `purpose` declares.

    :raises PurposeError: the purpose declares nothing from "personen".
    :raises SourceUnavailable: the register is down or too slow.
    """
    fields = purpose.require("personen") - {"huishouden"}
    if not fields:
        raise PurposeError(f"{purpose.name} declares only huishouden: use household()")
    return _read("personen", lambda: persons.get().person(bsn, fields))


def household(bsn: str, purpose: Purpose) -> Sourced[Household | None]:
    """Read who is registered at the address of `bsn` (the purpose must declare huishouden)."""
    purpose.require("personen", "huishouden")
    return _read("huishouden", lambda: persons.get().household(bsn))


def documents(bsn: str, purpose: Purpose) -> Sourced[tuple[TravelDocument, ...]]:
    """Read the passports and ID cards of `bsn`, with the fields `purpose` declares."""
    fields = purpose.require("reisdocumenten")
    return _read("reisdocumenten", lambda: travel_documents.get().documents(bsn, fields))


def vehicles_of(bsn: str, purpose: Purpose) -> Sourced[tuple[Vehicle, ...]]:
    """Read the vehicles registered to `bsn`."""
    fields = purpose.require("voertuigen")
    return _read("voertuigen", lambda: vehicles.get().vehicles(bsn, fields))


def tax_assessments(bsn: str, purpose: Purpose) -> Sourced[tuple[TaxAssessment, ...]]:
    """Read the municipal tax assessments of `bsn`, newest first."""
    fields = purpose.require("belastingen")
    return _read("belastingen", lambda: taxes.get().assessments(bsn, fields))


def income_of(bsn: str, purpose: Purpose) -> Sourced[IncomeOverview]:
    """Read income, benefits and schemes the municipality already gives `bsn`."""
    fields = purpose.require("inkomen")
    return _read("inkomen", lambda: income.get().income(bsn, fields))


@dataclass(frozen=True)
class Prefill:
    """Everything a purpose may read about one person; what failed is in `unavailable`.

    Each attribute is `None` when the purpose does not declare it or its source failed.
    """

    person: Sourced[Person | None] | None = None
    household: Sourced[Household | None] | None = None
    documents: Sourced[tuple[TravelDocument, ...]] | None = None
    vehicles: Sourced[tuple[Vehicle, ...]] | None = None
    taxes: Sourced[tuple[TaxAssessment, ...]] | None = None
    income: Sourced[IncomeOverview] | None = None
    unavailable: frozenset[str] = field(default_factory=frozenset)

    @property
    def message(self) -> LazyString | None:
        """The line to show when a source failed (None when everything came)."""
        return UNAVAILABLE if self.unavailable else None


# Prefill attribute -> (source kind, reader, whether the purpose declares it)
_READERS: Mapping[
    str, tuple[str, Callable[[str, Purpose], Sourced[Any]], Callable[[Purpose], bool]]
] = {
    "person": ("personen", person, lambda p: bool(p.fields_for("personen") - {"huishouden"})),
    "household": ("huishouden", household, lambda p: "huishouden" in p.fields_for("personen")),
    "documents": ("reisdocumenten", documents, lambda p: bool(p.fields_for("reisdocumenten"))),
    "vehicles": ("voertuigen", vehicles_of, lambda p: bool(p.fields_for("voertuigen"))),
    "taxes": ("belastingen", tax_assessments, lambda p: bool(p.fields_for("belastingen"))),
    "income": ("inkomen", income_of, lambda p: bool(p.fields_for("inkomen"))),
}


def gather(bsn: str, purpose: Purpose) -> Prefill:
    """Read every source `purpose` declares, all at once; never raises for a failing source.

    The slowest source decides how long this takes, and each has its own short timeout.
    """
    wanted = {name: spec for name, spec in _READERS.items() if spec[2](purpose)}
    if not wanted:
        return Prefill()
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    _connectors_made(wanted)

    def run(name: str) -> Sourced[Any]:
        with app.app_context():
            return wanted[name][1](bsn, purpose)

    found: dict[str, Any] = {}
    failed: set[str] = set()
    with ThreadPoolExecutor(max_workers=len(wanted), thread_name_prefix="prefill") as pool:
        futures = {name: pool.submit(run, name) for name in wanted}
        for name, future in futures.items():
            try:
                found[name] = future.result()
            except SourceUnavailable:
                failed.add(wanted[name][0])
    return Prefill(**found, unavailable=frozenset(failed))


def _connectors_made(wanted: Mapping[str, Any]) -> None:
    """Make the connectors once in this thread, so the worker threads do not race to."""
    registries: Mapping[str, Registry[Any]] = {
        "personen": persons,
        "huishouden": persons,
        "reisdocumenten": travel_documents,
        "voertuigen": vehicles,
        "belastingen": taxes,
        "inkomen": income,
    }
    for name in wanted:
        with contextlib.suppress(ConnectorError):  # reported per source by its reader
            registries[wanted[name][0]].get()
