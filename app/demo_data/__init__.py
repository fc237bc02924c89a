"""The one fictitious population every demo connector reads (residents.yaml, see README.md)."""

import datetime as dt
import functools
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.core import yamlfiles

POPULATION = Path(__file__).resolve().parent / "residents.yaml"


@functools.cache
def population() -> dict[str, Any]:
    return dict(yamlfiles.safe_load(POPULATION.read_text(encoding="utf-8")))


def people() -> list[dict[str, Any]]:
    """Everyone in the population: residents who log in, then children and partners."""
    data = population()
    return [*data["residents"], *data.get("others", [])]


def person(bsn: str) -> dict[str, Any] | None:
    return next((dict(p) for p in people() if p["bsn"] == bsn), None)


def day(entry: dict[str, Any], name: str, today: dt.date) -> dt.date | None:
    """Read a date written absolutely (`expires`) or relative to today (`expires_in_days`)."""
    if entry.get(name) is not None:
        value = entry[name]
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    if entry.get(f"{name}_in_days") is not None:
        return today + dt.timedelta(days=int(entry[f"{name}_in_days"]))
    if entry.get(f"{name}_days_ago") is not None:
        return today - dt.timedelta(days=int(entry[f"{name}_days_ago"]))
    return None


def cents(euros: str | int | float) -> int:
    """Return "312.00" as 31200 (money is kept in whole cents)."""
    return int(Decimal(str(euros)) * 100)
