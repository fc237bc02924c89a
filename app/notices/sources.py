"""The municipality's own data the notices need besides the registers of app/prefill.

- `parkeerkaarten`: disabled parking cards the municipality issued (its permit administration),
  with the end date and whether a new medical check is needed. Demo only: a real client depends
  on the permit system the municipality uses.
- `parkeerplannen`: streets where paid parking is coming, and from when (from the council's
  traffic decisions). The real source is a file the parking team keeps (`bestand`, CSV).

Only `app/notices/service.py` calls these (through `read_cards` and `read_plans`).
"""

import csv
import datetime as dt
from abc import abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import demo_data
from app.core.connectors import Connector, ConnectorError, Registry, SourceUnavailable
from app.core.time import local_today


@dataclass(frozen=True)
class ParkingCard:
    number: str
    kind: str  # bestuurderskaart or passagierskaart
    expires: dt.date
    new_assessment_needed: bool


class ParkingCards(Connector):
    kind = "parkeerkaarten"
    description = "The municipality's administration of disabled parking cards (BABW art. 49)."

    @abstractmethod
    def cards(self, bsn: str) -> tuple[ParkingCard, ...]:
        """Return the cards issued to `bsn`. :raises SourceUnavailable: down or too slow."""


@dataclass(frozen=True)
class ParkingPlan:
    zone: str
    streets: tuple[str, ...]
    city: str
    starts: dt.date

    def covers(self, street: str, city: str) -> bool:
        wanted = _plain(street)
        return _plain(city) == _plain(self.city) and any(_plain(s) == wanted for s in self.streets)


def _plain(text: str) -> str:
    return " ".join(text.lower().split())


class ParkingPlans(Connector):
    kind = "parkeerplannen"
    description = "Streets where paid parking is coming (the council's traffic decisions)."

    @abstractmethod
    def plans(self) -> tuple[ParkingPlan, ...]:
        """Return every plan that has not started yet or started recently."""


parking_cards: Registry[ParkingCards] = Registry(ParkingCards)
parking_plans: Registry[ParkingPlans] = Registry(ParkingPlans)


class _Demo(Connector):
    def __init__(self, config: Mapping[str, Any]) -> None:
        if not config.get("DEMO_SOURCES"):
            raise ConnectorError(f"the demo {self.kind} source is switched off here (DEMO_SOURCES)")
        super().__init__(config)

    def _check_up(self, person: Mapping[str, Any] | None = None) -> None:
        down = set(self.config.get("DEMO_SOURCES_DOWN") or ())
        if person is not None:
            down |= set(person.get("storing") or ())  # a demo resident to try an outage with
        if self.kind in down:
            raise SourceUnavailable(f"demo {self.kind} is switched off")


@parking_cards.register("demo")
class DemoParkingCards(_Demo, ParkingCards):
    description = "Fictitious cards in app/demo_data/residents.yaml (parking_cards)."

    def cards(self, bsn: str) -> tuple[ParkingCard, ...]:
        person = demo_data.person(bsn)
        self._check_up(person)
        today = local_today()
        return tuple(
            ParkingCard(
                number=str(c["number"]),
                kind=str(c["kind"]),
                expires=demo_data.day(c, "expires", today) or today,
                new_assessment_needed=bool(c.get("new_assessment_needed", False)),
            )
            for c in (person or {}).get("parking_cards", [])
        )


@parking_plans.register("demo")
class DemoParkingPlans(_Demo, ParkingPlans):
    description = "Fictitious plans in app/demo_data/residents.yaml (parking_plans)."

    def plans(self) -> tuple[ParkingPlan, ...]:
        self._check_up()
        today = local_today()
        return tuple(
            ParkingPlan(
                zone=str(p["zone"]),
                streets=tuple(str(s) for s in p["streets"]),
                city=str(p["city"]),
                starts=demo_data.day(p, "starts", today) or today,
            )
            for p in demo_data.population().get("parking_plans", [])
        )


@parking_plans.register("bestand")
class FileParkingPlans(ParkingPlans):
    """A CSV file the parking team keeps: `zone;straat;plaats;startdatum` (2027-03-01), one
    street per line, with that header. Set `PARKEERPLANNEN_BESTAND` to its path."""

    description = "A CSV file of planned paid-parking streets (PARKEERPLANNEN_BESTAND)."
    COLUMNS = ("zone", "straat", "plaats", "startdatum")

    def __init__(self, config: Mapping[str, Any]) -> None:
        super().__init__(config)
        self.path = Path(str(config.get("PARKEERPLANNEN_BESTAND") or ""))
        if not str(config.get("PARKEERPLANNEN_BESTAND") or ""):
            raise ConnectorError("PARKEERPLANNEN_BESTAND is not set")

    def plans(self) -> tuple[ParkingPlan, ...]:
        try:
            text = self.path.read_text(encoding="utf-8-sig")
        except OSError as error:
            raise SourceUnavailable(f"cannot read the parking plans: {error.strerror}") from None
        rows = list(csv.DictReader(text.splitlines(), delimiter=";"))
        if rows and set(self.COLUMNS) - set(rows[0]):
            raise ConnectorError(f"the parking plans need the columns {';'.join(self.COLUMNS)}")
        grouped: dict[tuple[str, str, dt.date], list[str]] = {}
        for number, row in enumerate(rows, start=2):
            try:
                starts = dt.date.fromisoformat(row["startdatum"].strip())
            except ValueError:
                raise ConnectorError(f"line {number}: startdatum must be like 2027-03-01") from None
            key = (row["zone"].strip(), row["plaats"].strip(), starts)
            grouped.setdefault(key, []).append(row["straat"].strip())
        return tuple(
            ParkingPlan(zone, tuple(streets), city, starts)
            for (zone, city, starts), streets in grouped.items()
        )
