"""Vehicles registered in a person's name (RDW, Basisregistratie Voertuigen)."""

import datetime as dt
from abc import abstractmethod
from dataclasses import dataclass

from app.core.connectors import Connector, Registry


@dataclass(frozen=True)
class Vehicle:
    plate: str | None = None  # kenteken, "ZZ-301-D"
    brand: str | None = None
    model: str | None = None
    kind: str | None = None  # voertuigsoort: personenauto, bedrijfsauto, motorfiets, ...
    since: dt.date | None = None  # registered in this person's name since


class VehicleRegister(Connector):
    kind = "voertuigen"
    description = (
        "Basisregistratie Voertuigen (RDW). In real life: the RDW's service for municipalities "
        "(kentekenhouder by BSN, over Digikoppeling), also reachable through Suwinet."
    )

    @abstractmethod
    def vehicles(self, bsn: str, fields: frozenset[str]) -> tuple[Vehicle, ...]:
        """Return the vehicles registered to `bsn`, filled for exactly `fields`."""


vehicles: Registry[VehicleRegister] = Registry(VehicleRegister)
