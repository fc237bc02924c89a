"""Income and benefits: the municipality's own benefits administration, Suwinet in real life."""

import datetime as dt
from abc import abstractmethod
from dataclasses import dataclass

from app.core.connectors import Connector, Registry


@dataclass(frozen=True)
class Benefit:
    kind: str  # bijstand, aow, ww, wia, wajong, pensioen, ...
    payer: str  # Gemeente Nijmegen, UWV, SVB, a pension fund
    monthly_net_cents: int
    since: dt.date
    until: dt.date | None = None


@dataclass(frozen=True)
class Wage:
    employer: str
    monthly_gross_cents: int
    since: dt.date


@dataclass(frozen=True)
class SchemeGrant:
    """A scheme the municipality already gives this person (Meedoenregeling, ...)."""

    scheme: str  # the slug of the service page, e.g. "meedoenregeling"
    since: dt.date
    until: dt.date | None = None


@dataclass(frozen=True)
class IncomeOverview:
    """`None` for each part the purpose did not ask."""

    benefits: tuple[Benefit, ...] | None = None
    wages: tuple[Wage, ...] | None = None
    schemes: tuple[SchemeGrant, ...] | None = None


class IncomeSource(Connector):
    kind = "inkomen"
    description = (
        "The municipality's own benefits administration (bijstand, minima schemes) plus income "
        "data from UWV and SVB; in real life through Suwinet-Inkijk / Suwinet services."
    )

    @abstractmethod
    def income(self, bsn: str, fields: frozenset[str]) -> IncomeOverview:
        """Return what is known about the income of `bsn`, filled for exactly `fields`."""


income: Registry[IncomeSource] = Registry(IncomeSource)
