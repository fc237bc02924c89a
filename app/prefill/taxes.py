"""Municipal tax assessments (afvalstoffenheffing, rioolheffing, OZB) and their state."""

from abc import abstractmethod
from dataclasses import dataclass

from app.core.connectors import Connector, Registry

# open: still to pay; betaald: paid; termijnen: paying in instalments;
# kwijtgescholden: remitted (kwijtschelding granted).
STATES = ("open", "betaald", "termijnen", "kwijtgescholden")


@dataclass(frozen=True)
class TaxItem:
    kind: str  # afvalstoffenheffing, rioolheffing, ozb, hondenbelasting, ...
    amount_cents: int


@dataclass(frozen=True)
class TaxAssessment:
    year: int
    number: str
    state: str  # one of STATES
    items: tuple[TaxItem, ...]

    @property
    def total_cents(self) -> int:
        return sum(item.amount_cents for item in self.items)


class TaxAdministration(Connector):
    kind = "belastingen"
    description = (
        "The municipality's tax administration (in real life a tax system such as those of "
        "the tax cooperations; whether Nijmegen or BSR collects is still to verify)."
    )

    @abstractmethod
    def assessments(self, bsn: str, fields: frozenset[str]) -> tuple[TaxAssessment, ...]:
        """Return the assessments of `bsn`, newest first (only with the field "aanslagen")."""


taxes: Registry[TaxAdministration] = Registry(TaxAdministration)
