"""Real clients for the Haal Centraal BRP APIs (RvIG): Personen v2 and Reisdocumenten v2.

Both are `POST` queries with an explicit `fields` list. Purpose limitation lives here: a Loket
field stands for exactly the BRP fields in `BRP_FIELDS` / `DOCUMENT_FIELDS`, the request carries
exactly those, and the answer is read for those only - if a gateway sends more, it is dropped.
Tested against the official OpenAPI documents (tests/prefill/test_contracts.py).
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from app.core.connectors import SourceUnavailable
from app.prefill.contrib.demo import sorted_members
from app.prefill.documents import TravelDocument, TravelDocuments, travel_documents
from app.prefill.http import Endpoint, request
from app.prefill.persons import (
    Address,
    ForeignAddress,
    Household,
    Name,
    Person,
    PersonRegister,
    Relative,
    persons,
)

JSON = "application/json; charset=utf-8"
_NAME = ("naam.voornamen", "naam.voorvoegsel", "naam.geslachtsnaam")
_ADDRESS = tuple(
    f"verblijfplaats.verblijfadres.{part}"
    for part in (
        "officieleStraatnaam",
        "huisnummer",
        "huisletter",
        "huisnummertoevoeging",
        "postcode",
        "woonplaats",
        "regel1",
        "regel2",
        "regel3",
        "land",
    )
)


def _related(group: str) -> tuple[str, ...]:
    return (
        f"{group}.burgerservicenummer",
        *(f"{group}.{f}" for f in _NAME),
        f"{group}.geboorte.datum",
    )


# Loket field -> the BRP Personen fields it stands for (one RaadpleegMetBurgerservicenummer).
BRP_FIELDS: Mapping[str, tuple[str, ...]] = {
    "naam": _NAME,
    "geboortedatum": ("geboorte.datum",),
    "leeftijd": ("leeftijd",),
    "adres": _ADDRESS,
    "kinderen": _related("kinderen"),
    "partner": _related("partners"),
}
# "huishouden" takes two queries: the address object of the person, then who lives there.
HOUSEHOLD_ADDRESS_FIELDS = ("verblijfplaats.adresseerbaarObjectIdentificatie",)
HOUSEHOLD_MEMBER_FIELDS = ("burgerservicenummer", *_NAME, "geboorte.datum")

# Loket field -> the Reisdocumenten fields it stands for.
DOCUMENT_FIELDS: Mapping[str, tuple[str, ...]] = {
    "soort": ("soort",),
    "einddatum": ("datumEindeGeldigheid", "inhoudingOfVermissing"),
    "nummer": ("reisdocumentnummer",),
}
# Reisdocument soort codes (BRP table 48): passports and the ID card; anything else is "ander".
PASSPORTS = {"PN", "PB", "PD", "PF", "PV", "PZ", "TN", "TE", "ZN"}
ID_CARDS = {"NI", "EI"}


def brp_fields(fields: Iterable[str], mapping: Mapping[str, tuple[str, ...]]) -> list[str]:
    """Return the API fields that `fields` stand for, in a stable order, without repeats."""
    out: list[str] = []
    for name in sorted(fields):
        out.extend(f for f in mapping.get(name, ()) if f not in out)
    return out


def _date(value: Any) -> dt.date | None:
    """Read an AbstractDatum; a partly unknown date (JaarDatum, DatumOnbekend) gives None."""
    if isinstance(value, Mapping) and value.get("type") == "Datum" and value.get("datum"):
        try:
            return dt.date.fromisoformat(str(value["datum"]))
        except ValueError:
            return None
    return None


def _name(value: Any) -> Name | None:
    if not isinstance(value, Mapping) or not value:
        return None
    return Name(
        str(value.get("voornamen", "")),
        str(value.get("voorvoegsel", "")),
        str(value.get("geslachtsnaam", "")),
    )


def _postcode(value: str) -> str:
    compact = value.replace(" ", "").upper()
    return f"{compact[:4]} {compact[4:]}" if len(compact) == 6 else value


def _relative(value: Mapping[str, Any]) -> Relative:
    return Relative(
        str(value.get("burgerservicenummer", "")),
        _name(value.get("naam")),
        _date((value.get("geboorte") or {}).get("datum")),
    )


def _places(place: Any) -> tuple[Address | None, ForeignAddress | None]:
    if not isinstance(place, Mapping):
        return None, None
    where = place.get("verblijfadres") or {}
    if place.get("type") == "Adres" and where.get("officieleStraatnaam"):
        return (
            Address(
                street=str(where["officieleStraatnaam"]),
                number=int(where.get("huisnummer", 0)),
                letter=str(where.get("huisletter", "")),
                addition=str(where.get("huisnummertoevoeging", "")),
                postcode=_postcode(str(where.get("postcode", ""))),
                city=str(where.get("woonplaats", "")),
            ),
            None,
        )
    if place.get("type") == "VerblijfplaatsBuitenland":
        lines = tuple(str(where[k]) for k in ("regel1", "regel2", "regel3") if where.get(k))
        country = str((where.get("land") or {}).get("omschrijving", ""))
        return None, ForeignAddress(lines, country)
    return None, None


class _HaalCentraal:
    prefix: str

    def __init__(self, config: Mapping[str, Any]) -> None:
        super().__init__(config)  # type: ignore[call-arg]
        self.endpoint = Endpoint.from_config(config, self.prefix)
        self.http = self.endpoint.client()

    def _query(self, path: str, body: Mapping[str, Any]) -> Mapping[str, Any]:
        answer = request(
            self.endpoint, self.http, "POST", path, json_body=body, headers={"Content-Type": JSON}
        ).json()
        if not isinstance(answer, Mapping):
            raise SourceUnavailable(f"{path}: unexpected answer")
        return answer


@persons.register("http")
class HaalCentraalPersonen(_HaalCentraal, PersonRegister):
    description = "Haal Centraal BRP Personen API v2 (POST /personen)."
    prefix = "BRP_PERSONEN"

    def _one(self, bsn: str, fields: list[str]) -> Mapping[str, Any] | None:
        answer = self._query(
            "/personen",
            {
                "type": "RaadpleegMetBurgerservicenummer",
                "burgerservicenummer": [bsn],
                "fields": fields,
            },
        )
        found = [p for p in answer.get("personen") or [] if isinstance(p, Mapping)]
        return found[0] if found else None

    def person(self, bsn: str, fields: frozenset[str]) -> Person | None:
        wanted = brp_fields(fields, BRP_FIELDS)
        if not wanted:  # the API refuses an empty fields list; nothing was asked
            return Person(bsn)
        found = self._one(bsn, wanted)
        if found is None:
            return None
        address, abroad = (
            _places(found.get("verblijfplaats")) if "adres" in fields else (None, None)
        )
        return Person(
            bsn=bsn,
            name=_name(found.get("naam")) if "naam" in fields else None,
            born=_date((found.get("geboorte") or {}).get("datum"))
            if "geboortedatum" in fields
            else None,
            age=int(found["leeftijd"]) if "leeftijd" in fields and "leeftijd" in found else None,
            address=address,
            abroad=abroad,
            children=tuple(_relative(k) for k in found.get("kinderen") or [])
            if "kinderen" in fields
            else None,
            partners=tuple(_relative(p) for p in found.get("partners") or [])
            if "partner" in fields
            else None,
        )

    def household(self, bsn: str) -> Household | None:
        found = self._one(bsn, list(HOUSEHOLD_ADDRESS_FIELDS))
        place = (found or {}).get("verblijfplaats") or {}
        object_id = place.get("adresseerbaarObjectIdentificatie")
        if not object_id:
            return None
        answer = self._query(
            "/personen",
            {
                "type": "ZoekMetAdresseerbaarObjectIdentificatie",
                "adresseerbaarObjectIdentificatie": str(object_id),
                "fields": list(HOUSEHOLD_MEMBER_FIELDS),
            },
        )
        members = [_relative(p) for p in answer.get("personen") or [] if isinstance(p, Mapping)]
        return Household(sorted_members(members))


@travel_documents.register("http")
class HaalCentraalReisdocumenten(_HaalCentraal, TravelDocuments):
    description = "Haal Centraal Reisdocumenten API v2 (POST /reisdocumenten)."
    prefix = "BRP_REISDOCUMENTEN"

    def documents(self, bsn: str, fields: frozenset[str]) -> tuple[TravelDocument, ...]:
        wanted = brp_fields(fields, DOCUMENT_FIELDS)
        if not wanted:
            return ()
        answer = self._query(
            "/reisdocumenten",
            {"type": "ZoekMetBurgerservicenummer", "burgerservicenummer": bsn, "fields": wanted},
        )
        return tuple(
            self._document(d, fields)
            for d in answer.get("reisdocumenten") or []
            if isinstance(d, Mapping)
        )

    @staticmethod
    def _document(value: Mapping[str, Any], fields: frozenset[str]) -> TravelDocument:
        code = str((value.get("soort") or {}).get("code", ""))
        kind = "paspoort" if code in PASSPORTS else "id-kaart" if code in ID_CARDS else "ander"
        return TravelDocument(
            kind=kind if "soort" in fields else None,
            expires=_date(value.get("datumEindeGeldigheid")) if "einddatum" in fields else None,
            number=str(value["reisdocumentnummer"])
            if "nummer" in fields and value.get("reisdocumentnummer")
            else None,
            withdrawn=bool(value.get("inhoudingOfVermissing")) if "einddatum" in fields else None,
        )
