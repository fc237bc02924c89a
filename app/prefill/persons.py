"""The person register (BRP): people, their address, children, partner and household."""

import datetime as dt
from abc import abstractmethod
from dataclasses import dataclass

from app.core.connectors import Connector, Registry


@dataclass(frozen=True)
class Name:
    given_names: str
    prefix: str  # voorvoegsel: "de" in "Jan de Vries"
    surname: str  # geslachtsnaam without the prefix

    @property
    def full(self) -> str:
        return " ".join(p for p in (self.given_names, self.prefix, self.surname) if p)


@dataclass(frozen=True)
class Address:
    street: str
    number: int
    letter: str = ""
    addition: str = ""
    postcode: str = ""  # "6512 AB"
    city: str = ""

    @property
    def line(self) -> str:
        house = f"{self.number}{self.letter}" + (f"-{self.addition}" if self.addition else "")
        return f"{self.street} {house}"


@dataclass(frozen=True)
class ForeignAddress:
    """An address abroad (registered as a non-resident, RNI)."""

    lines: tuple[str, ...]
    country: str


@dataclass(frozen=True)
class Relative:
    """A child, partner or housemate as the register gives them."""

    bsn: str
    name: Name | None
    born: dt.date | None


@dataclass(frozen=True)
class Person:
    """What the register gives about one person; `None` where the purpose did not ask.

    `children` and `partners` are `None` when not asked and `()` when there are none.
    """

    bsn: str
    name: Name | None = None
    born: dt.date | None = None
    age: int | None = None
    address: Address | None = None
    abroad: ForeignAddress | None = None
    children: tuple[Relative, ...] | None = None
    partners: tuple[Relative, ...] | None = None


@dataclass(frozen=True)
class Household:
    """Everyone registered at the person's address, the person included."""

    members: tuple[Relative, ...]


class PersonRegister(Connector):
    kind = "personen"
    description = "Basisregistratie Personen through the Haal Centraal BRP Personen API."

    @abstractmethod
    def person(self, bsn: str, fields: frozenset[str]) -> Person | None:
        """Return the person with `bsn`, filled for exactly `fields` (None: not registered).

        :param fields: names from `VOCABULARY["personen"]` (not "huishouden").
        :raises SourceUnavailable: the register is down or too slow.
        """

    @abstractmethod
    def household(self, bsn: str) -> Household | None:
        """Return who is registered at the address of `bsn` (None: not registered here)."""


persons: Registry[PersonRegister] = Registry(PersonRegister)
