"""PDOK Locatieserver (the free public address search of the Dutch government) as `pdok`.

We rely on this much of its `free` endpoint (unofficial summary, see pdok_schema.md):
GET {ADDRESS_PDOK_URL}/free?q=...&fq=type:adres&fq=postcode:6511PS&fq=huisnummer:30&rows=20
→ {"response": {"numFound": N, "docs": [{"straatnaam", "huisnummer", "huisletter"?,
"huisnummertoevoeging"?, "postcode", "woonplaatsnaam"}]}}.
"""

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from app.address.base import AddressLookup, AddressQuery, PostalAddress, addresses
from app.core.connectors import ConnectorError, SourceUnavailable

DEFAULT_URL = "https://api.pdok.nl/bzk/locatieserver/search/v3_1"
FIELDS = "straatnaam,huisnummer,huisletter,huisnummertoevoeging,postcode,woonplaatsnaam"


@addresses.register("pdok")
class PdokAddresses(AddressLookup):
    description = "PDOK Locatieserver v3.1, free endpoint (BAG addresses)."

    @property
    def base_url(self) -> str:
        return str(self.config.get("ADDRESS_PDOK_URL") or DEFAULT_URL).rstrip("/")

    @property
    def timeout(self) -> float:
        return float(self.config.get("ADDRESS_TIMEOUT_SECONDS", 3))

    def find(self, query: AddressQuery) -> list[PostalAddress]:
        compact = query.postcode.replace(" ", "")
        params = [
            ("q", f"{compact} {query.number}"),
            ("fq", "type:adres"),
            ("fq", f"postcode:{compact}"),
            ("fq", f"huisnummer:{query.number}"),
            ("fl", FIELDS),
            ("rows", "20"),
        ]
        url = f"{self.base_url}/free?{urllib.parse.urlencode(params)}"
        request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                body = json.loads(response.read().decode("utf-8"))
        except (TimeoutError, urllib.error.URLError) as error:
            raise SourceUnavailable(f"PDOK did not answer: {type(error).__name__}") from error
        except (ValueError, UnicodeDecodeError) as error:
            raise ConnectorError("PDOK answered with something that is not JSON") from error
        return [a for a in (_address(doc) for doc in _docs(body)) if a is not None]


def _docs(body: Any) -> list[dict[str, Any]]:
    try:
        docs = body["response"]["docs"]
    except (KeyError, TypeError) as error:
        raise ConnectorError("PDOK answered without response.docs") from error
    if not isinstance(docs, list):
        raise ConnectorError("PDOK's response.docs is not a list")
    return [d for d in docs if isinstance(d, dict)]


def _address(doc: dict[str, Any]) -> PostalAddress | None:
    street, city, postcode = doc.get("straatnaam"), doc.get("woonplaatsnaam"), doc.get("postcode")
    number = doc.get("huisnummer")
    if not (street and city and postcode and number):
        return None
    compact = str(postcode).replace(" ", "").upper()
    # "12 A", "12-2", "12 A-2": the letter after a space, an addition after a dash.
    suffix = str(doc.get("huisletter") or "")
    addition = str(doc.get("huisnummertoevoeging") or "")
    if addition:
        suffix = f"{suffix}-{addition}"
    return PostalAddress(
        street=str(street),
        number=str(number),
        postcode=f"{compact[:4]} {compact[4:]}",
        city=str(city),
        suffix=suffix,
        source="pdok",
    )
