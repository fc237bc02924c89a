"""Local fake BRP servers (Personen and Reisdocumenten): real HTTP on a loopback port.

They answer from the same demo population as the demo sources, but build the API's own JSON
(written here independently of app/prefill), so "demo and real client give the same
dataclasses" means something. Every request that arrives and every response that leaves is
checked against the official OpenAPI document (`brp_contracts.Contract`); a violation is kept in
`contract.violations` (tests assert it stays empty) and answered with a 500, so it cannot pass
unnoticed.

Behaviour for tests: `down` (503), `slow` (seconds before answering), `drip` (seconds between
bytes), `overshare` (ignore `fields` and send everything), `drift` (a function that spoils the
response before it is checked - the contract check must catch it).
"""

import datetime as dt
import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from app import demo_data
from app.core.time import local_today
from tests.fakes.brp_contracts import Contract, ContractViolation, base_path

MONTHS = "januari februari maart april mei juni juli augustus september oktober november december"
COUNTRIES = {"Duitsland": "6029", "België": "5010"}


def brp_date(day: dt.date) -> dict[str, Any]:
    month = MONTHS.split()[day.month - 1]
    return {
        "type": "Datum",
        "datum": day.isoformat(),
        "langFormaat": f"{day.day} {month} {day.year}",
    }


def select(value: Any, paths: Iterable[str]) -> Any:
    """Keep only what `fields` asks for, as the BRP API does ("naam.voornamen", ...).

    A polymorphic object keeps its `type`; a path naming a group keeps the whole group.
    """
    paths = list(paths)
    if isinstance(value, list):
        return [select(item, paths) for item in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key in paths:
            out[key] = item
            continue
        deeper = [p[len(key) + 1 :] for p in paths if p.startswith(key + ".")]
        if deeper:
            chosen = select(item, deeper)
            if chosen not in ({}, []):
                out[key] = chosen
    if out and "type" in value and "type" not in out:
        out["type"] = value["type"]
    return out


class FakeServer:
    """A WSGI app on 127.0.0.1:<free port> in a daemon thread; `url` is its base address."""

    contract_name: str

    def __init__(self) -> None:
        self.contract = Contract(self.contract_name)
        self.contract.warm()
        self.received: list[dict[str, Any]] = []
        self.down = False
        self.slow = 0.0
        self.drip = 0.0
        self.overshare = False
        self.drift: Callable[[Any], None] | None = None
        self.base = base_path(self.contract_name)
        self._server = make_server("127.0.0.1", 0, self._wsgi, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}{self.base}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def __enter__(self) -> "FakeServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def handle(self, request: Request, mock: Any) -> tuple[int, Any, str, dict[str, str]]:
        raise NotImplementedError

    def _wsgi(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        request = Request(environ)
        body = request.get_data()
        mock = self.contract.request(
            request.method,
            request.path,
            body=body or None,
            query=request.args.to_dict(),
            headers=dict(request.headers),
            content_type=request.content_type or "",
        )
        try:
            self.contract.check_request(mock)
        except ContractViolation as error:
            return Response(str(error), 500)(environ, start_response)
        if self.slow:
            time.sleep(self.slow)
        status, payload, content_type, headers = self.handle(request, mock)
        if self.drift is not None and status < 300:
            self.drift(payload)
        try:
            self.contract.check_response(mock, status, payload, content_type, headers)
        except ContractViolation as error:
            return Response(str(error), 500)(environ, start_response)
        data = json.dumps(payload).encode()
        response = Response(
            self._dripping(data) if self.drip else data, status, headers, content_type=content_type
        )
        return response(environ, start_response)

    def _dripping(self, data: bytes) -> Iterator[bytes]:
        for i in range(len(data)):
            time.sleep(self.drip)
            yield data[i : i + 1]

    def problem(self, status: int, title: str, code: str) -> tuple[int, Any, str, dict[str, str]]:
        return (
            status,
            {
                "type": "https://www.rfc-editor.org/rfc/rfc9110",
                "title": title,
                "status": status,
                "instance": "http://127.0.0.1/fake",
                "code": code,
            },
            "application/problem+json",
            {},
        )


def _name(record: dict[str, Any]) -> dict[str, Any]:
    name = {"voornamen": record["given_names"]}
    surname = record["surname"]
    if record.get("prefix"):
        name["voorvoegsel"] = record["prefix"]
        surname = surname[len(record["prefix"]) + 1 :]
    name["geslachtsnaam"] = surname
    return name


def _related(bsn: str) -> dict[str, Any]:
    record = demo_data.person(bsn)
    assert record is not None, bsn
    return {
        "burgerservicenummer": bsn,
        "naam": _name(record),
        "geboorte": {"datum": brp_date(record["born"])},
    }


def brp_person(record: dict[str, Any]) -> dict[str, Any]:
    """The full BRP Personen `Persoon` for a demo record (before `fields` selects from it)."""
    today = local_today()
    born = record["born"]
    person: dict[str, Any] = {
        "burgerservicenummer": record["bsn"],
        "naam": _name(record),
        "geboorte": {"datum": brp_date(born)},
        "leeftijd": today.year - born.year - ((today.month, today.day) < (born.month, born.day)),
        "geslacht": {
            "code": record.get("gender", "O"),
            "omschrijving": {"V": "vrouw", "M": "man"}.get(record.get("gender", ""), "onbekend"),
        },
        "kinderen": [_related(b) for b in record.get("children", [])],
        "partners": [_related(record["partner"])] if record.get("partner") else [],
    }
    if record.get("address"):
        a = record["address"]
        where: dict[str, Any] = {
            "officieleStraatnaam": a["street"],
            "korteStraatnaam": a["street"][:24],
            "huisnummer": int(a["number"]),
            "postcode": a["postcode"].replace(" ", ""),
            "woonplaats": a["city"],
        }
        if a.get("letter"):
            where["huisletter"] = a["letter"]
        if a.get("addition"):
            where["huisnummertoevoeging"] = a["addition"]
        person["verblijfplaats"] = {
            "type": "Adres",
            "verblijfadres": where,
            "adresseerbaarObjectIdentificatie": a["object_id"],
            "datumVan": brp_date(dt.date(2015, 1, 1)),
        }
    elif record.get("abroad"):
        b = record["abroad"]
        where = {f"regel{i}": b[f"line{i}"] for i in (1, 2, 3) if b.get(f"line{i}")}
        where["land"] = {"code": COUNTRIES.get(b["country"], "0000"), "omschrijving": b["country"]}
        person["verblijfplaats"] = {"type": "VerblijfplaatsBuitenland", "verblijfadres": where}
    return person


class FakeBrpPersonen(FakeServer):
    contract_name = "brp-personen"
    JSON = "application/json; charset=utf-8"

    def handle(self, request: Request, mock: Any) -> tuple[int, Any, str, dict[str, str]]:
        if self.down:
            return self.problem(
                503, "Bronservice BRP is tijdelijk niet beschikbaar.", "notAvailable"
            )
        if request.path != f"{self.base}/personen":
            return self.problem(404, "Niet gevonden.", "notFound")
        query = json.loads(request.get_data())
        self.received.append(query)
        if query["type"] == "RaadpleegMetBurgerservicenummer":
            records = [r for b in query["burgerservicenummer"] if (r := demo_data.person(b))]
        elif query["type"] == "ZoekMetAdresseerbaarObjectIdentificatie":
            wanted = query["adresseerbaarObjectIdentificatie"]
            records = [
                p for p in demo_data.people() if (p.get("address") or {}).get("object_id") == wanted
            ]
        else:
            return self.problem(400, "Deze zoekvraag kent de fake niet.", "unsupported")
        found = [brp_person(r) for r in records]
        if not self.overshare:
            found = [select(p, query["fields"]) for p in found]
        return 200, {"type": query["type"], "personen": found}, self.JSON, {}


class FakeBrpReisdocumenten(FakeServer):
    contract_name = "brp-reisdocumenten"
    JSON = "application/json; charset=utf-8"
    SOORT = {
        "paspoort": ("PN", "Nationaal paspoort"),
        "id-kaart": ("NI", "Nederlandse identiteitskaart"),
    }

    def handle(self, request: Request, mock: Any) -> tuple[int, Any, str, dict[str, str]]:
        if self.down:
            return self.problem(
                503, "Bronservice BRP is tijdelijk niet beschikbaar.", "notAvailable"
            )
        query = json.loads(request.get_data())
        self.received.append(query)
        record = demo_data.person(query.get("burgerservicenummer", "")) or {}
        documents = []
        for d in record.get("documents", []):
            code, text = self.SOORT[d["kind"]]
            document: dict[str, Any] = {
                "reisdocumentnummer": d["number"],
                "soort": {"code": code, "omschrijving": text},
                "datumEindeGeldigheid": brp_date(demo_data.day(d, "expires", local_today())),  # type: ignore[arg-type]
                "houder": {"burgerservicenummer": record["bsn"]},
            }
            if d.get("withdrawn"):
                document["inhoudingOfVermissing"] = {
                    "datum": brp_date(local_today()),
                    "aanduiding": {"code": "V", "omschrijving": "vermissing"},
                }
            documents.append(document)
        if not self.overshare:
            documents = [select(d, query["fields"]) for d in documents]
        return 200, {"type": query["type"], "reisdocumenten": documents}, self.JSON, {}
