"""Which notices apply to a resident now, computed live from the registers and our own sources.

    found = find(bsn)            # Found(notices, unavailable, person)
    for notice in found.notices: describe(notice, "nl") ...   (app/notices/describe.py)

Nothing is stored: Mijn Loket calls this on every visit and `flask meldingen versturen` for every
resident of the selection. A source that is down does not stop the others: the rules that need
it are left out this time and `unavailable` says which data could not be read (a notice is never
concluded from data that is missing). The opt-out is checked by the callers (`visible_for`,
`app/notices/sending.py`), before anything is read.
"""

import datetime as dt
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.core.connectors import ConnectorError, SourceUnavailable
from app.core.time import local_today, utcnow
from app.notices import optout
from app.notices.catalogue import Rule, catalogue
from app.notices.keys import OPTOUT, subject_key
from app.notices.labels import CARDS, DOCUMENTS, OWN_SOURCES
from app.notices.situation import Used, situation
from app.notices.sources import ParkingCard, ParkingPlan, parking_cards, parking_plans
from app.prefill import service as registers
from app.prefill.income import IncomeOverview
from app.prefill.persons import Person
from app.prefill.service import Prefill, Sourced
from app.regelingen.rules import AUTOMATIC, LIKELY, Outcome, evaluate

log = logging.getLogger(__name__)
ORDER = {"actie": 0, "regeling": 1, "vanzelf": 2}


@dataclass(frozen=True)
class Notice:
    """One notice for one resident, with the data it used; words come from `describe`."""

    rule: Rule
    occurrence: str  # what makes it this notice: sent once per resident and occurrence
    forget_after: dt.date  # when Loket may forget that it sent this
    values: Mapping[str, Callable[..., str]] = field(default_factory=dict)  # placeholders
    used: tuple[Used, ...] = ()
    outcome: Outcome | None = None  # a scheme's verdict and reasons
    variant: str = ""  # "" or e.g. "keuring", "verlopen": other title and reason texts
    due: dt.date | None = None  # the date it is about (sooner is more urgent)
    form: str | None = None  # the form to apply with (prefilled when logged in)
    booking: str | None = None  # the booking topic

    @property
    def kind(self) -> str:
        """The rule's kind, or its variant's (`soort_keuring: actie`: then it is to do)."""
        return str(self.rule.param(f"soort_{self.variant}") or self.rule.kind)


@dataclass(frozen=True)
class Found:
    notices: tuple[Notice, ...]
    unavailable: frozenset[str]  # source kinds that could not be read
    person: Person | None  # name and address, to send a letter


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier (the last day of the month when it has no such day)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - every month has a 28th


def first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _read_own[T](kind: str, read: Callable[[], T]) -> Sourced[T]:
    try:
        return Sourced(read(), OWN_SOURCES[kind], utcnow())
    except SourceUnavailable:
        log.warning("source %s unavailable", kind)
        raise
    except ConnectorError as error:
        log.warning("source %s failed: %s", kind, type(error).__name__)
        raise SourceUnavailable(str(error)) from error


def _documents(found: Prefill, today: dt.date) -> list[Notice]:
    rule = catalogue().rule("reisdocument")
    notices = []
    documents = found.documents
    assert documents is not None
    for document in documents.value:
        if document.withdrawn or document.expires is None:
            continue
        start = months_before(document.expires, int(rule.param("venster_maanden")))
        if not start <= today <= document.expires + dt.timedelta(days=rule.param("na_einde_dagen")):
            continue
        what = DOCUMENTS.get(document.kind or "ander", DOCUMENTS["ander"])
        expires = document.expires
        notices.append(
            Notice(
                rule=rule,
                occurrence=f"reisdocument:{document.kind}:{expires.isoformat()}",
                forget_after=expires + dt.timedelta(days=int(rule.param("onthouden_dagen"))),
                values={
                    "document": lambda w=what: str(w),
                    "datum": lambda e=expires: format_date(e, "long"),
                },
                used=(
                    Used(
                        _l("Geldig tot"),
                        lambda w=what, e=expires: (
                            f"{first_upper(str(w))}: {format_date(e, 'long')}"
                        ),
                        documents.source,
                        documents.read_at,
                    ),
                ),
                variant="verlopen" if expires < today else "",
                due=expires,
                booking=str(rule.param("afspraak")),
            )
        )
    return notices


def _schemes(
    found: Prefill, bsn: str, partner: Sourced[IncomeOverview] | None, today: dt.date
) -> list[Notice]:
    facts, used = situation(found, bsn, partner, today)
    notices = []
    for outcome in evaluate(facts):
        if outcome.verdict not in (LIKELY, AUTOMATIC):
            continue
        rule = catalogue().rule("regeling" if outcome.verdict == LIKELY else "vanzelf")
        slug = outcome.scheme.slug
        notices.append(
            Notice(
                rule=rule,
                occurrence=f"{rule.key}:{slug}:{today.year}",
                forget_after=today + dt.timedelta(days=int(rule.param("onthouden_dagen"))),
                values={"regeling": lambda o=outcome: _scheme_name(o)},
                used=tuple(used),
                outcome=outcome,
                form=outcome.scheme.next.get("formulier") if outcome.verdict == LIKELY else None,
                booking=outcome.scheme.next.get("afspraak"),
            )
        )
    return notices


def _scheme_name(outcome: Outcome) -> str:
    from app.notices.situation import words_lang

    return outcome.scheme.text("naam", words_lang())


def _cards(cards: Sourced[tuple[ParkingCard, ...]], today: dt.date) -> list[Notice]:
    rule = catalogue().rule("gehandicaptenparkeerkaart")
    notices = []
    for card in cards.value:
        start = months_before(card.expires, int(rule.param("venster_maanden")))
        if not start <= today <= card.expires:
            continue
        kind = CARDS.get(card.kind, card.kind)
        notices.append(
            Notice(
                rule=rule,
                occurrence=f"gehandicaptenparkeerkaart:{card.number}:{card.expires.isoformat()}",
                forget_after=card.expires + dt.timedelta(days=int(rule.param("onthouden_dagen"))),
                values={"datum": lambda c=card: format_date(c.expires, "long")},
                used=(
                    Used(
                        _l("Uw gehandicaptenparkeerkaart"),
                        lambda c=card, k=kind: _(
                            "%(kind)s %(number)s, geldig tot %(day)s",
                            kind=first_upper(str(k)),
                            number=c.number,
                            day=format_date(c.expires, "long"),
                        ),
                        cards.source,
                        cards.read_at,
                    ),
                    Used(
                        _l("Nieuwe keuring nodig"),
                        lambda c=card: _("Ja") if c.new_assessment_needed else _("Nee"),
                        cards.source,
                        cards.read_at,
                    ),
                ),
                variant="keuring" if card.new_assessment_needed else "",
                due=card.expires,
                form=str(rule.param("formulier")) if card.new_assessment_needed else None,
                booking=str(rule.param("afspraak")) if card.new_assessment_needed else None,
            )
        )
    return notices


def _parking(
    found: Prefill, plans: Sourced[tuple[ParkingPlan, ...]], today: dt.date
) -> list[Notice]:
    rule = catalogue().rule("parkeren")
    registered = found.person
    person = registered.value if registered else None
    vehicles = found.vehicles
    if registered is None or person is None or person.address is None or vehicles is None:
        return []
    cars = [v for v in vehicles.value if v.kind == "personenauto" and v.plate]
    if not cars:
        return []
    address = person.address
    notices = []
    for plan in plans.value:
        opens = months_before(plan.starts, int(rule.param("venster_maanden")))
        if not (plan.covers(address.street, address.city) and opens <= today < plan.starts):
            continue
        plate = str(cars[0].plate)
        notices.append(
            Notice(
                rule=rule,
                occurrence=f"parkeren:{plan.zone}:{plan.starts.isoformat()}",
                forget_after=plan.starts + dt.timedelta(days=int(rule.param("onthouden_dagen"))),
                values={
                    "datum": lambda p=plan: format_date(p.starts, "long"),
                    "straat": lambda a=address: a.street,
                    "kenteken": lambda k=plate: k,
                    "zone": lambda p=plan: p.zone,
                },
                used=(
                    Used(
                        _l("Uw straat"),
                        lambda a=address: a.street,
                        registered.source,
                        registered.read_at,
                    ),
                    Used(_l("Uw auto"), lambda k=plate: k, vehicles.source, vehicles.read_at),
                    Used(
                        _l("Betaald parkeren vanaf"),
                        lambda p=plan: format_date(p.starts, "long"),
                        plans.source,
                        plans.read_at,
                    ),
                ),
                due=plan.starts,
                form=str(rule.param("formulier")),
            )
        )
    return notices


def _partner_income(found: Prefill, bsn: str, today: dt.date) -> Sourced[IncomeOverview] | None:
    from app.notices.situation import household_of

    if not (found.person and found.person.value and found.household):
        return None
    partner = household_of(found, bsn, today).partner_bsn
    return registers.income_of(partner, catalogue().purpose()) if partner else None


def find(bsn: str) -> Found:
    """Return the notices that apply to `bsn` today (the opt-out is the caller's to check)."""
    today = local_today()
    found = registers.gather(bsn, catalogue().purpose())
    unavailable = set(found.unavailable)
    person = found.person.value if found.person else None
    if person is None:
        return Found((), frozenset(unavailable), None)
    notices: list[Notice] = []
    if found.documents is not None:
        notices += _documents(found, today)
    if not {"personen", "huishouden", "inkomen"} & unavailable:
        try:
            partner = _partner_income(found, bsn, today)
            notices += _schemes(found, bsn, partner, today)
        except SourceUnavailable:
            unavailable.add("inkomen")
    try:
        notices += _cards(
            _read_own("parkeerkaarten", lambda: parking_cards.get().cards(bsn)), today
        )
    except SourceUnavailable:
        unavailable.add("parkeerkaarten")
    if found.vehicles is not None and person.address is not None:
        try:
            plans = _read_own("parkeerplannen", lambda: parking_plans.get().plans())
            notices += _parking(found, plans, today)
        except SourceUnavailable:
            unavailable.add("parkeerplannen")
    notices.sort(key=lambda n: (ORDER[n.kind], n.due or dt.date.max, n.occurrence))
    return Found(tuple(notices), frozenset(unavailable), person)


def visible_for(subject_type: str, subject: str) -> Found | None:
    """The notices to show in Mijn Loket, or None when this resident opted out (or is a
    business: notices are for residents)."""
    if subject_type != "bsn" or optout.is_opted_out(subject_key("bsn", subject, OPTOUT)):
        return None
    return find(subject)
