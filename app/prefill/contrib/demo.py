"""Demo sources: every register answered from the fictitious population in app/demo_data.

They give exactly what the real clients give for the same person (tests/prefill compares them
field by field), and honour the purpose the same way: a field that was not asked stays `None`.
`DEMO_SOURCES_DOWN` (config; from `LOKET_DEMO_STORING`, comma-separated kinds) makes a source act
as if it were down, to try the "Vul ze zelf in" path; a person's `storing:` list in
residents.yaml does the same for that person only.
"""

from collections.abc import Mapping
from typing import Any

from app import demo_data
from app.core.connectors import Connector, ConnectorError, SourceUnavailable
from app.core.time import local_today
from app.prefill.documents import TravelDocument, TravelDocuments, travel_documents
from app.prefill.income import Benefit, IncomeOverview, IncomeSource, SchemeGrant, Wage, income
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
from app.prefill.taxes import TaxAdministration, TaxAssessment, TaxItem, taxes
from app.prefill.vehicles import Vehicle, VehicleRegister, vehicles


def age_on(born: Any, today: Any) -> int:
    return int(today.year - born.year - ((today.month, today.day) < (born.month, born.day)))


def sorted_members(members: list[Relative]) -> tuple[Relative, ...]:
    """Oldest first, then by BSN: the order both the demo and the real client give."""
    return tuple(sorted(members, key=lambda m: (m.born.isoformat() if m.born else "9", m.bsn)))


class _Demo(Connector):
    description = "Fictitious population in app/demo_data/residents.yaml."

    def __init__(self, config: Mapping[str, Any]) -> None:
        if not config.get("DEMO_SOURCES"):
            raise ConnectorError(f"the demo {self.kind} source is switched off here (DEMO_SOURCES)")
        super().__init__(config)

    def _check_up(self) -> None:
        if self.kind in set(self.config.get("DEMO_SOURCES_DOWN") or ()):
            raise SourceUnavailable(f"demo {self.kind} is switched off (DEMO_SOURCES_DOWN)")

    def _record(self, bsn: str) -> dict[str, Any] | None:
        self._check_up()
        record = demo_data.person(bsn)
        if record is not None and self.kind in (record.get("storing") or ()):
            # A demo person's `storing:` list: this source is down for them (Mijn's page states).
            raise SourceUnavailable(f"demo {self.kind} is down for this person (storing)")
        return record


def _name(record: Mapping[str, Any]) -> Name:
    prefix = str(record.get("prefix", ""))
    surname = str(record["surname"])
    if prefix and surname.startswith(prefix + " "):
        surname = surname[len(prefix) + 1 :]
    return Name(str(record["given_names"]), prefix, surname)


def _relative(bsn: str) -> Relative:
    record = demo_data.person(bsn) or {}
    return Relative(bsn, _name(record) if record else None, record.get("born"))


def _address(record: Mapping[str, Any]) -> Address | None:
    address = record.get("address")
    if not address:
        return None
    return Address(
        street=address["street"],
        number=int(address["number"]),
        letter=str(address.get("letter", "")),
        addition=str(address.get("addition", "")),
        postcode=address["postcode"],
        city=address["city"],
    )


def _abroad(record: Mapping[str, Any]) -> ForeignAddress | None:
    abroad = record.get("abroad")
    if not abroad:
        return None
    lines = tuple(str(abroad[k]) for k in ("line1", "line2", "line3") if abroad.get(k))
    return ForeignAddress(lines, str(abroad["country"]))


@persons.register("demo")
class DemoPersons(_Demo, PersonRegister):
    def person(self, bsn: str, fields: frozenset[str]) -> Person | None:
        record = self._record(bsn)
        if record is None:
            return None
        children = [_relative(b) for b in record.get("children", [])]
        partners = [_relative(record["partner"])] if record.get("partner") else []
        return Person(
            bsn=bsn,
            name=_name(record) if "naam" in fields else None,
            born=record["born"] if "geboortedatum" in fields else None,
            age=age_on(record["born"], local_today()) if "leeftijd" in fields else None,
            address=_address(record) if "adres" in fields else None,
            abroad=_abroad(record) if "adres" in fields else None,
            children=tuple(children) if "kinderen" in fields else None,
            partners=tuple(partners) if "partner" in fields else None,
        )

    def household(self, bsn: str) -> Household | None:
        record = self._record(bsn)
        if record is None or not record.get("address"):
            return None
        home = record["address"]["object_id"]
        members = [
            _relative(p["bsn"])
            for p in demo_data.people()
            if (p.get("address") or {}).get("object_id") == home
        ]
        return Household(sorted_members(members))


@travel_documents.register("demo")
class DemoTravelDocuments(_Demo, TravelDocuments):
    def documents(self, bsn: str, fields: frozenset[str]) -> tuple[TravelDocument, ...]:
        record = self._record(bsn) or {}
        today = local_today()
        return tuple(
            TravelDocument(
                kind=d["kind"] if "soort" in fields else None,
                expires=demo_data.day(d, "expires", today) if "einddatum" in fields else None,
                number=d["number"] if "nummer" in fields else None,
                withdrawn=bool(d.get("withdrawn", False)) if "einddatum" in fields else None,
            )
            for d in record.get("documents", [])
        )


@vehicles.register("demo")
class DemoVehicles(_Demo, VehicleRegister):
    def vehicles(self, bsn: str, fields: frozenset[str]) -> tuple[Vehicle, ...]:
        record = self._record(bsn) or {}
        about = "voertuig" in fields
        return tuple(
            Vehicle(
                plate=v["plate"] if "kenteken" in fields else None,
                brand=v["brand"] if about else None,
                model=v["model"] if about else None,
                kind=v["kind"] if about else None,
                since=v["since"] if about else None,
            )
            for v in record.get("vehicles", [])
        )


@taxes.register("demo")
class DemoTaxes(_Demo, TaxAdministration):
    def assessments(self, bsn: str, fields: frozenset[str]) -> tuple[TaxAssessment, ...]:
        record = self._record(bsn) or {}
        if "aanslagen" not in fields:
            return ()
        found = [
            TaxAssessment(
                year=int(t["year"]),
                number=str(t["number"]),
                state=str(t["status"]),
                items=tuple(TaxItem(i["kind"], demo_data.cents(i["amount"])) for i in t["items"]),
            )
            for t in record.get("taxes", [])
        ]
        return tuple(sorted(found, key=lambda a: -a.year))


@income.register("demo")
class DemoIncome(_Demo, IncomeSource):
    def income(self, bsn: str, fields: frozenset[str]) -> IncomeOverview:
        data = (self._record(bsn) or {}).get("income") or {}
        return IncomeOverview(
            benefits=tuple(
                Benefit(
                    b["kind"],
                    b["payer"],
                    demo_data.cents(b["monthly_net"]),
                    b["since"],
                    b.get("until"),
                )
                for b in data.get("benefits", [])
            )
            if "uitkeringen" in fields
            else None,
            wages=tuple(
                Wage(w["employer"], demo_data.cents(w["monthly_gross"]), w["since"])
                for w in data.get("wages", [])
            )
            if "loon" in fields
            else None,
            schemes=tuple(
                SchemeGrant(s["scheme"], s["since"], s.get("until"))
                for s in data.get("schemes", [])
            )
            if "regelingen" in fields
            else None,
        )
