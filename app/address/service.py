"""The one place that calls the address connector; the booking flow and others use this."""

import logging
from dataclasses import dataclass

from app.address.base import AddressQuery, PostalAddress, addresses
from app.core.connectors import ConnectorError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Lookup:
    """What the lookup found: one address, several to choose from, none, or no answer."""

    found: list[PostalAddress]
    unavailable: bool = False

    @property
    def address(self) -> PostalAddress | None:
        return self.found[0] if len(self.found) == 1 else None


def _same_suffix(a: str, b: str) -> bool:
    def clean(s: str) -> str:
        return "".join(c for c in s.upper() if c.isalnum())

    return clean(a) == clean(b)


def look_up(query: AddressQuery) -> Lookup:
    """Look up an address; a typed addition picks one of several at the same number."""
    try:
        found = addresses.get().find(query)
    except ConnectorError as error:
        log.warning("address lookup failed: %s", type(error).__name__)
        return Lookup([], unavailable=True)
    if query.suffix:
        matching = [a for a in found if _same_suffix(a.suffix, query.suffix)]
        return Lookup(matching)
    plain = [a for a in found if not a.suffix]
    return Lookup(plain or found)
