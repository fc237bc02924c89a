"""The case system (zaaksysteem): every submission becomes a case with statuses.

In real life a ZGW Zaken API (contrib/zgw.py); for `make run` and the tests a demo case system
in Loket's own database (contrib/demo.py). Status keys and case types are those of
`content/zaakstatussen.yaml`; `app/cases/statuses.py` turns a key into the plain sentence a
resident reads.
"""

import datetime as dt
from abc import abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.core.connectors import Connector, ConnectorError, Registry
from app.prefill.persons import Address, Name


class UnknownCase(ConnectorError):
    """No case has this reference."""


@dataclass(frozen=True)
class Party:
    """Who a case is about (the initiator), or who acts for them."""

    subject_type: str  # "bsn" or "kvk"
    subject: str
    name: str
    address: Address | None = None  # its postcode is the second factor of /zaak-status
    kind: str = ""  # for a representative: "machtiging", "bewindvoerder", ...
    name_parts: Name | None = None  # as the BRP gives it, when known (the case system keeps parts)

    @property
    def postcode(self) -> str:
        return self.address.postcode if self.address else ""


@dataclass(frozen=True)
class NewCase:
    """A submission to register as a case."""

    case_type: str  # a key of content/zaakstatussen.yaml ("kwijtschelding", ...)
    reference: str  # the readable reference Loket gave it ("AF-4736-KM"), unique
    description: str  # short, at most 80 characters ("Kwijtschelding 2026")
    initiator: Party
    submission: Mapping[str, Any] = field(default_factory=dict)  # the answers, as JSON
    representative: Party | None = None  # a helper or bewindvoerder who submitted it


@dataclass(frozen=True)
class Step:
    """A status the case reached."""

    key: str  # a status key of content/zaakstatussen.yaml ("ontvangen", "besluit", ...)
    set_at: dt.datetime  # UTC
    note: str = ""


@dataclass(frozen=True)
class Case:
    reference: str
    case_type: str
    description: str
    started: dt.date
    steps: tuple[Step, ...]  # oldest first
    ended: dt.date | None = None

    @property
    def status(self) -> Step | None:
        return self.steps[-1] if self.steps else None

    @property
    def running(self) -> bool:
        return self.ended is None


@dataclass(frozen=True)
class Lookup:
    """A case found by its reference, with the postcode of its initiator (for /zaak-status)."""

    case: Case
    initiator_postcode: str


@dataclass(frozen=True)
class Submission:
    version: int
    data: Mapping[str, Any]
    note: str
    at: dt.datetime


class CaseSystem(Connector):
    kind = "zaken"
    description = "A zaaksysteem with the ZGW Zaken API."

    @abstractmethod
    def create(self, new: NewCase) -> Case:
        """Register a case for a submission, with its initiator and the status "ontvangen".

        Safe to repeat: a second call with the same reference and initiator finishes what the
        first left undone and returns the case. The same reference for another initiator is a
        clash (`ConnectorError`): pick a new reference.

        :raises SourceUnavailable: the case system is down; the caller keeps the submission
            and tries again (nothing may be lost).
        """

    @abstractmethod
    def cases_for(self, subject_type: str, subject: str) -> tuple[Case, ...]:
        """Return the cases this person or business started, newest first."""

    @abstractmethod
    def by_reference(self, reference: str) -> Lookup | None:
        """Return the case with this reference and its initiator's postcode, or None."""

    @abstractmethod
    def set_status(self, reference: str, key: str, note: str = "") -> Case:
        """Give the case a new status (e.g. "ingetrokken" when the resident withdraws).

        :raises UnknownCase: no case has this reference.
        """

    @abstractmethod
    def add_submission(self, reference: str, data: Mapping[str, Any], note: str) -> None:
        """Keep a corrected version of what was submitted next to the earlier ones.

        :raises UnknownCase: no case has this reference.
        """

    @abstractmethod
    def submissions(self, reference: str) -> tuple[Submission, ...]:
        """Return every version of what was submitted, oldest first (for staff and tests)."""


case_systems: Registry[CaseSystem] = Registry(CaseSystem)
