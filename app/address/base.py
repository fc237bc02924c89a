"""The `adressen` connector kind: find a Dutch address by postcode and house number."""

import re
from abc import abstractmethod
from dataclasses import dataclass

from app.core.connectors import Connector, Registry

POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")
HOUSE_NUMBER = re.compile(r"^\s*([0-9]{1,5})\s*$")


def normalise_postcode(typed: str | None) -> str | None:
    """Return "6511 PS" for "6511ps", "6511 PS" or " 6511  ps"; None when it is no postcode."""
    match = POSTCODE.match(typed or "")
    if match is None:
        return None
    return f"{match.group(1)} {match.group(2).upper()}"


def normalise_number(typed: str | None) -> str | None:
    match = HOUSE_NUMBER.match(typed or "")
    return str(int(match.group(1))) if match and int(match.group(1)) > 0 else None


@dataclass(frozen=True)
class AddressQuery:
    postcode: str  # normalised: "6511 PS"
    number: str  # digits only: "30"
    suffix: str = ""  # letter or addition as typed: "A", "bis", "2-hoog"


@dataclass(frozen=True)
class PostalAddress:
    """An address a letter can go to (also typed by hand, then `source` is "zelf")."""

    street: str
    number: str
    postcode: str
    city: str
    suffix: str = ""
    source: str = "zelf"

    @property
    def house(self) -> str:
        """Return "12" or "3 A" or "14-bis" as written on an envelope."""
        if not self.suffix:
            return self.number
        joiner = "" if self.suffix[0] in "-" else " "
        return f"{self.number}{joiner}{self.suffix}"

    @property
    def line(self) -> str:
        return f"{self.street} {self.house}, {self.postcode} {self.city}"

    def to_data(self) -> dict[str, str]:
        return {
            "street": self.street,
            "number": self.number,
            "suffix": self.suffix,
            "postcode": self.postcode,
            "city": self.city,
            "source": self.source,
        }

    @classmethod
    def from_data(cls, data: dict[str, str]) -> "PostalAddress":
        return cls(
            street=data["street"],
            number=data["number"],
            postcode=data["postcode"],
            city=data["city"],
            suffix=data.get("suffix", ""),
            source=data.get("source", "zelf"),
        )


class AddressLookup(Connector):
    """Find addresses. Raise `SourceUnavailable` when the source is down or too slow."""

    kind = "adressen"

    @abstractmethod
    def find(self, query: AddressQuery) -> list[PostalAddress]:
        """Return every address at this postcode and number (several when there are additions)."""


addresses: Registry[AddressLookup] = Registry(AddressLookup)
