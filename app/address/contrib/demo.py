"""The demo address source: the fictitious addresses of app/demo_data/residents.yaml."""

import functools
from pathlib import Path
from typing import Any

from app.address.base import AddressLookup, AddressQuery, PostalAddress, addresses
from app.core import yamlfiles

POPULATION = Path(__file__).resolve().parents[2] / "demo_data" / "residents.yaml"


@functools.cache
def demo_addresses() -> tuple[PostalAddress, ...]:
    data: dict[str, Any] = yamlfiles.safe_load(POPULATION.read_text(encoding="utf-8"))
    raw = [r["address"] for r in data["residents"] if "address" in r]
    raw += list(data.get("addresses", []))
    found: list[PostalAddress] = []
    for item in raw:
        address = PostalAddress(
            street=item["street"],
            number=str(item["number"]),
            postcode=item["postcode"],
            city=item["city"],
            suffix=str(item.get("suffix", "")),
            source="demo",
        )
        if address not in found:
            found.append(address)
    return tuple(found)


@addresses.register("demo")
class DemoAddresses(AddressLookup):
    description = "Fictitious addresses from app/demo_data/residents.yaml."

    def find(self, query: AddressQuery) -> list[PostalAddress]:
        return [
            a for a in demo_addresses() if a.postcode == query.postcode and a.number == query.number
        ]
