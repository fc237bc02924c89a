"""A local fake ZGW Zaken API (zaken, rollen, statussen, zaakobjecten): real HTTP, in memory.

Like the BRP fakes, every request and response is checked against the official OpenAPI document
(`brp_contracts.Contract("zgw-zaken")`). It checks the bearer JWT (HS256 with the client's
secret), pages lists (`page_size`), derives a ROL's omschrijving from its roltype and ends a
ZAAK when a final status type is set, as a real case system does.
"""

import datetime as dt
import json
import uuid
from collections.abc import Mapping
from typing import Any

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import OctKey
from werkzeug.wrappers import Request

from app.core.time import local_today, utcnow
from tests.fakes.brp_server import FakeServer

Answer = tuple[int, Any, str, dict[str, str]]
JSON = "application/json"
CRS = {"Content-Crs": "EPSG:4326"}


class FakeZaken(FakeServer):
    contract_name = "zgw-zaken"

    def __init__(
        self,
        client_id: str,
        secret: str,
        roltypes: Mapping[str, tuple[str, str]],
        final_statustypes: set[str],
    ) -> None:
        super().__init__()
        self.client_id, self.secret = client_id, secret
        self.roltypes = roltypes  # roltype URL -> (omschrijving, omschrijvingGeneriek)
        self.final = final_statustypes
        self.page_size = 100
        self.refuse_once: set[str] = set()  # resources whose next POST fails (a crash midway)
        self.store: dict[str, dict[str, dict[str, Any]]] = {
            "zaken": {},
            "rollen": {},
            "statussen": {},
            "zaakobjecten": {},
        }

    # -- HTTP ------------------------------------------------------------------------------

    def handle(self, request: Request, mock: Any) -> Answer:
        if self.down:
            return self._fout(500, "Interne serverfout", "error")  # the document has no 503
        if not self._authorised(request.headers.get("Authorization", "")):
            return self._fout(403, "Geen geldige autorisatie", "permission_denied")
        parts = request.path[len(self.base) :].strip("/").split("/")
        resource = parts[0]
        if resource not in self.store or len(parts) > 1:
            return self._fout(404, "Niet gevonden", "not_found")
        if request.method == "POST":
            if resource in self.refuse_once:
                self.refuse_once.discard(resource)
                return self._fout(500, "Interne serverfout", "error")
            body = json.loads(request.get_data())
            self.received.append({"method": "POST", "resource": resource, "body": body})
            return getattr(self, f"_create_{resource}")(body)
        self.received.append(
            {"method": "GET", "resource": resource, "query": request.args.to_dict()}
        )
        return self._list(resource, request.args.to_dict())

    def _authorised(self, header: str) -> bool:
        if not header.startswith("Bearer "):
            return False
        try:
            token = jwt.decode(header[7:], OctKey.import_key(self.secret), algorithms=["HS256"])
        except (JoseError, ValueError):
            return False
        return token.claims.get("client_id") == self.client_id

    def _fout(self, status: int, title: str, code: str) -> Answer:
        return (
            status,
            {
                "type": "",
                "code": code,
                "title": title,
                "status": status,
                "detail": title,
                "instance": f"urn:uuid:{uuid.uuid4()}",
            },
            "application/problem+json",
            {},
        )

    def _url(self, resource: str, key: str) -> str:
        return f"{self.url}/{resource}/{key}"

    def _new(self, resource: str) -> tuple[str, str]:
        key = str(uuid.uuid4())
        return key, self._url(resource, key)

    def _list(self, resource: str, query: dict[str, str]) -> Answer:
        page = int(query.pop("page", "1") or 1)
        items = [i for i in self.store[resource].values() if self._matches(resource, i, query)]
        chunk = items[(page - 1) * self.page_size : page * self.page_size]
        more = page * self.page_size < len(items)
        base = f"{self.url}/{resource}"
        params = "&".join(f"{k}={v}" for k, v in query.items())
        body = {
            "count": len(items),
            "next": f"{base}?{params}&page={page + 1}" if more else None,
            "previous": f"{base}?{params}&page={page - 1}" if page > 1 else None,
            "results": chunk,
        }
        return 200, body, JSON, dict(CRS) if resource == "zaken" else {}

    def _matches(self, resource: str, item: dict[str, Any], query: dict[str, str]) -> bool:
        for name, wanted in query.items():
            if name == "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn":
                if not any(
                    r["zaak"] == item["url"]
                    and r["betrokkeneIdentificatie"].get("inpBsn") == wanted
                    for r in self.store["rollen"].values()
                ):
                    return False
            elif name == "rol__omschrijvingGeneriek":
                if not any(
                    r["zaak"] == item["url"] and r["omschrijvingGeneriek"] == wanted
                    for r in self.store["rollen"].values()
                ):
                    return False
            elif str(item.get(name)) != wanted:
                return False
        return True

    # -- resources -------------------------------------------------------------------------

    def _create_zaken(self, body: dict[str, Any]) -> Answer:
        key, url = self._new("zaken")
        zaak = {
            **body,
            "url": url,
            "uuid": key,
            "registratiedatum": body.get("registratiedatum", local_today().isoformat()),
            "einddatum": None,
            "einddatumGepland": None,
            "uiterlijkeEinddatumAfdoening": None,
            "publicatiedatum": None,
            "vertrouwelijkheidaanduiding": "openbaar",
            "betalingsindicatie": "",
            "betalingsindicatieWeergave": "",
            "laatsteBetaaldatum": None,
            # zaakgeometrie, verlenging and processobject are left out: the document declares them
            # `nullable` next to `allOf`, which JSON Schema reads as "null is not an object".
            "opschorting": {"indicatie": False, "reden": ""},
            "hoofdzaak": None,
            "deelzaken": [],
            "relevanteAndereZaken": [],
            "eigenschappen": [],
            "rollen": [],
            "status": None,
            "zaakinformatieobjecten": [],
            "zaakobjecten": [],
            "kenmerken": [],
            "archiefnominatie": "",
            "archiefstatus": "nog_te_archiveren",
            "archiefactiedatum": None,
            "resultaat": None,
            "productenOfDiensten": [],
        }
        if any(
            z["identificatie"] == body.get("identificatie") for z in self.store["zaken"].values()
        ):
            return (
                400,
                {
                    "type": "",
                    "code": "invalid",
                    "title": "Ongeldige gegevens",
                    "status": 400,
                    "detail": "identificatie bestaat al",
                    "instance": f"urn:uuid:{key}",
                    "invalidParams": [
                        {
                            "name": "identificatie",
                            "code": "identificatie-niet-uniek",
                            "reason": "Deze identificatie bestaat al.",
                        }
                    ],
                },
                "application/problem+json",
                {},
            )
        self.store["zaken"][key] = zaak
        return 201, zaak, JSON, {**CRS, "Location": url}

    def _zaak_of(self, url: str) -> dict[str, Any] | None:
        return next((z for z in self.store["zaken"].values() if z["url"] == url), None)

    def _create_rollen(self, body: dict[str, Any]) -> Answer:
        zaak = self._zaak_of(body["zaak"])
        if zaak is None or body["roltype"] not in self.roltypes:
            return self._invalid("zaak" if zaak is None else "roltype")
        key, url = self._new("rollen")
        omschrijving, generiek = self.roltypes[body["roltype"]]
        rol = {
            "betrokkene": "",
            "afwijkendeNaamBetrokkene": "",
            "indicatieMachtiging": "",
            "contactpersoonRol": None,
            **body,
            "url": url,
            "uuid": key,
            "omschrijving": omschrijving,
            "omschrijvingGeneriek": generiek,
            "registratiedatum": utcnow().isoformat(),
            "statussen": [],
        }
        self.store["rollen"][key] = rol
        zaak["rollen"].append(url)
        return 201, rol, JSON, {}

    def _create_statussen(self, body: dict[str, Any]) -> Answer:
        zaak = self._zaak_of(body["zaak"])
        if zaak is None:
            return self._invalid("zaak")
        key, url = self._new("statussen")
        for other in self.store["statussen"].values():
            if other["zaak"] == zaak["url"]:
                other["indicatieLaatstGezetteStatus"] = False
        status = {
            "statustoelichting": "",
            "gezetdoor": "",
            **body,
            "url": url,
            "uuid": key,
            "indicatieLaatstGezetteStatus": True,
            "zaakinformatieobjecten": [],
        }
        self.store["statussen"][key] = status
        zaak["status"] = url
        if body["statustype"] in self.final:
            zaak["einddatum"] = dt.date.fromisoformat(body["datumStatusGezet"][:10]).isoformat()
        return 201, status, JSON, {}

    def _create_zaakobjecten(self, body: dict[str, Any]) -> Answer:
        zaak = self._zaak_of(body["zaak"])
        if zaak is None:
            return self._invalid("zaak")
        key, url = self._new("zaakobjecten")
        item = {"object": "", "relatieomschrijving": "", **body, "url": url, "uuid": key}
        self.store["zaakobjecten"][key] = item
        zaak["zaakobjecten"].append(url)
        return 201, item, JSON, {}

    def _invalid(self, name: str) -> Answer:
        return (
            400,
            {
                "type": "",
                "code": "invalid",
                "title": "Ongeldige gegevens",
                "status": 400,
                "detail": f"{name} is ongeldig",
                "instance": f"urn:uuid:{uuid.uuid4()}",
                "invalidParams": [{"name": name, "code": "invalid", "reason": "Ongeldig."}],
            },
            "application/problem+json",
            {},
        )
