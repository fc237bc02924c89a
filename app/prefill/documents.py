"""Travel documents (passport, ID card) as registered in the BRP, with their expiry date."""

import datetime as dt
from abc import abstractmethod
from dataclasses import dataclass

from app.core.connectors import Connector, Registry

KINDS = ("paspoort", "id-kaart", "ander")


@dataclass(frozen=True)
class TravelDocument:
    """One document; `None` where the purpose did not ask."""

    kind: str | None = None  # one of KINDS
    expires: dt.date | None = None
    number: str | None = None
    # Reported lost or stolen, or taken in: no longer valid whatever `expires` says. Read with
    # `expires` (the "einddatum" field).
    withdrawn: bool | None = None


class TravelDocuments(Connector):
    kind = "reisdocumenten"
    description = "Reisdocumenten in the BRP through the Haal Centraal Reisdocumenten API."

    @abstractmethod
    def documents(self, bsn: str, fields: frozenset[str]) -> tuple[TravelDocument, ...]:
        """Return the documents of `bsn`, filled for exactly `fields`.

        :raises SourceUnavailable: the register is down or too slow.
        """


travel_documents: Registry[TravelDocuments] = Registry(TravelDocuments)
