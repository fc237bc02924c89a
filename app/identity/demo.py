"""The fictitious residents of app/demo_data/residents.yaml, as the demo login offers them."""

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core import yamlfiles
from app.identity.resident import Representation, Resident

POPULATION = Path(__file__).resolve().parent.parent / "demo_data" / "residents.yaml"


@dataclass(frozen=True)
class DemoChoice:
    key: str
    name: str
    situation: str
    situation_en: str
    business: bool = False


@functools.cache
def population() -> dict[str, Any]:
    return dict(yamlfiles.safe_load(POPULATION.read_text(encoding="utf-8")))


def _name(person: dict[str, Any]) -> str:
    return f"{person['given_names']} {person['surname']}"


def person_by_bsn(bsn: str) -> dict[str, Any] | None:
    data = population()
    for person in [*data["residents"], *data.get("others", [])]:
        if person["bsn"] == bsn:
            return dict(person)
    return None


def choices(method: str) -> list[DemoChoice]:
    """Return who can log in with `method`: businesses with eHerkenning, residents otherwise."""
    data = population()
    if method == "eherkenning":
        return [
            DemoChoice(b["key"], b["name"], b["situation"], b["situation_en"], True)
            for b in data.get("businesses", [])
        ]
    return [
        DemoChoice(p["key"], _name(p), p["situation"], p["situation_en"]) for p in data["residents"]
    ]


def demo_resident(key: str, method: str) -> Resident | None:
    """Return the demo resident (or business) `key` as the broker would report them."""
    data = population()
    if method == "eherkenning":
        business = next((b for b in data.get("businesses", []) if b["key"] == key), None)
        if business is None:
            return None
        return Resident("kvk", business["kvk"], business["name"], method, "")
    person = next((p for p in data["residents"] if p["key"] == key), None)
    if person is None:
        return None
    acting = None
    if person.get("acting_for"):
        other = person_by_bsn(person["acting_for"]["bsn"])
        if other is not None:
            acting = Representation("bsn", other["bsn"], _name(other), person["acting_for"]["kind"])
    return Resident("bsn", person["bsn"], _name(person), method, "", acting)
