"""The one module that calls the case system. Forms, Mijn Loket and /zaak-status use this.

    case = submit(NewCase("kwijtschelding", new_reference("AF"), "Kwijtschelding 2026",
                          initiator=Party("bsn", bsn, name, address), submission=answers))
    cases = cases_for("bsn", bsn)              # Mijn zaken (raises SourceUnavailable)
    case = status_by_reference(typed, postcode)  # /zaak-status: None for any mismatch
    explain(case, "nl")                        # the plain sentence, what next, by when, who

Every status change made through Loket is passed to the functions other capabilities register
as `providers={"zaken.status": fn}` (fn(change: StatusChange)), so the notify capability can
tell the resident through the outbox. A listener adds to the caller's transaction and does not
commit: this module commits once, after every listener. For a demo case the new status is in
that same commit, so a listener that cannot queue its message rolls the change back. In real
life the case system announces its own changes through the ZGW Notificaties API; that
subscription is still to be built (see README.md).
"""

import datetime as dt
import hmac
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.cases.base import Case, Lookup, NewCase, Party, Submission, UnknownCase, case_systems
from app.cases.contrib import demo, zgw  # noqa: F401 - registers the implementations
from app.cases.statuses import catalogue
from app.core.capabilities import wiring
from app.core.connectors import ConnectorError, SourceUnavailable
from app.core.references import normalise
from app.extensions import db

log = logging.getLogger(__name__)

__all__ = ["Case", "NewCase", "Party", "SourceUnavailable", "StatusNotChanged", "UnknownCase"]


@dataclass(frozen=True)
class StatusChange:
    """A case reached a new status; `initiator` is whom to tell (None when unknown here)."""

    case: Case
    initiator: Party | None


@dataclass(frozen=True)
class Explained:
    """A case as a resident reads it, in one language."""

    case: Case
    name: str  # "Hulp thuis (Wmo)"
    sentence: str  # "Een medewerker bekijkt uw aanvraag."
    next: str  # what happens next
    expected_by: dt.date | None  # None when the case has ended
    team: str  # "het Wmo-loket" (say: "Bel 14 024 en vraag naar het Wmo-loket")


def _guarded(method: str, *args: Any) -> Any:
    """Call the case system's `method`; any failure of its own becomes `SourceUnavailable`."""
    try:
        return getattr(case_systems.get(), method)(*args)
    except (SourceUnavailable, UnknownCase):
        raise
    except ConnectorError as error:
        log.warning("case system failed: %s", type(error).__name__)
        raise SourceUnavailable(str(error)) from error


def submit(new: NewCase) -> Case:
    """Register `new` as a case. :raises SourceUnavailable: keep the submission, try again."""
    if new.case_type not in catalogue().case_types:
        raise ValueError(
            f"unknown case type {new.case_type!r}: add it to content/zaakstatussen.yaml"
        )
    case: Case = _guarded("create", new)
    return case


def cases_for(subject_type: str, subject: str) -> tuple[Case, ...]:
    """Return the cases a person (bsn) or business (kvk) started, newest first."""
    cases: tuple[Case, ...] = _guarded("cases_for", subject_type, subject)
    return cases


def _postcode(value: str) -> str:
    return "".join(value.split()).upper()


def status_by_reference(reference: str, postcode: str) -> Case | None:
    """Return the case when the reference and its initiator's postcode both match, else None.

    A wrong reference and a wrong postcode give the same answer, so the lookup cannot tell
    anyone which references exist. Loket stores nothing for this: the postcode is checked
    against the initiator's address in the case system.
    """
    found: Lookup | None = _guarded("by_reference", normalise(reference))
    expected = _postcode(found.initiator_postcode) if found else "0000XX"
    matches = hmac.compare_digest(expected.encode(), _postcode(postcode).encode())
    return found.case if found is not None and matches and expected else None


def withdraw(reference: str, initiator: Party | None = None) -> Case:
    """Withdraw a case at the resident's request (status "ingetrokken")."""
    return set_status(reference, "ingetrokken", "Ingetrokken door de inwoner.", initiator)


def correct(reference: str, data: Mapping[str, Any], note: str) -> None:
    """Keep a corrected version of the submission; the case keeps every version."""
    _guarded("add_submission", normalise(reference), data, note)


def submissions(reference: str) -> tuple[Submission, ...]:
    versions: tuple[Submission, ...] = _guarded("submissions", normalise(reference))
    return versions


class StatusNotChanged(ConnectorError):
    """A listener could not queue its message, so the demo case keeps its old status."""


def set_status(reference: str, key: str, note: str = "", initiator: Party | None = None) -> Case:
    """Give a case a new status, tell the capabilities that listen ("zaken.status"), commit."""
    case: Case = _guarded("set_status", normalise(reference), key, note)
    _announce(StatusChange(case, initiator))
    db.session.commit()
    return case


def advance_demo_case(reference: str, to: str | None = None) -> Case:
    """Move a demo case to its next status, or to `to` (`flask zaken status`; demos, tests).

    The listeners hear whom to tell (the case's initiator), with `to` as well as without.
    The demo case lives in Loket's own database, so the new status and the messages the
    listeners queue are committed together, once: the resident is told of every change.

    :raises UnknownCase: no such case. :raises ConnectorError: unknown status, ended case.
    :raises StatusNotChanged: a listener could not queue its message (say, the BRP is down
        and a letter is due); nothing changed, try again later.
    """
    system = case_systems.get()
    if not isinstance(system, demo.DemoCaseSystem):
        raise ConnectorError("only demo cases can be moved by Loket: the case system does this")
    ref = normalise(reference)
    case = system.stage_status(ref, system.next_status(ref) if to is None else to)
    try:
        _announce(StatusChange(case, system.initiator(case.reference)))
        db.session.commit()
    except ConnectorError as error:  # SourceUnavailable as well
        db.session.rollback()
        log.warning("status of %s not changed: %s", ref, type(error).__name__)
        raise StatusNotChanged(ref) from error
    except BaseException:
        db.session.rollback()
        raise
    return case


def _announce(change: StatusChange) -> None:
    """Tell every listener; they add to the caller's transaction and do not commit."""
    for listener in wiring().providers_named("zaken.status"):
        listener(change)


def explain(case: Case, lang: str) -> Explained:
    """Return the case in plain words: name, status sentence, what next, by when, who."""
    texts = catalogue()
    kind = texts.case_types[case.case_type]
    status = case.status.key if case.status else kind.statuses[0]
    return Explained(
        case=case,
        name=kind.name[lang],
        sentence=texts.statuses[status].sentence[lang],
        next=texts.statuses[status].next[lang],
        expected_by=kind.expected_by(case.started) if case.running else None,
        team=kind.team[lang],
    )
