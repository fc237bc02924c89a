"""Real client for a case system with the ZGW Zaken API (VNG, v1.5).

A submission becomes a ZAAK (`identificatie` = Loket's readable reference), a ROL for the
initiator (BSN, name and address - the postcode is the second factor of /zaak-status), a first
STATUS and the answers as a ZAAKOBJECT of type "overige" (a corrected version is another one).
What the catalogue calls things (zaaktype, roltype and statustype URLs) comes from
`ZAKEN_CATALOGUS`; a status type that is not mapped reads as "in_behandeling", a case type that
is not mapped as "overig". Authorisation: a JWT signed with the client's secret (HS256), as the
Autorisaties API of the case system expects. Tested against the official OpenAPI document.
"""

import datetime as dt
import time
from collections.abc import Iterator, Mapping
from typing import Any

from joserfc import jwt
from joserfc.jwk import OctKey

from app.cases.base import (
    Case,
    CaseSystem,
    Lookup,
    NewCase,
    Party,
    Step,
    Submission,
    UnknownCase,
    case_systems,
)
from app.core.connectors import ConnectorError, SourceUnavailable
from app.core.time import local_today, utcnow
from app.prefill.http import Endpoint, request

CRS = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}
MAX_PAGES = 10  # a resident with more than 1,000 cases is not a resident
FALLBACK_TYPE = "overig"
FALLBACK_STATUS = "in_behandeling"
OBJECT_TYPE = "loket_aanvraag"


def _when(value: Any) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return utcnow()
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


@case_systems.register("http")
class ZgwCaseSystem(CaseSystem):
    description = "ZGW Zaken API v1.5 (VNG Realisatie)."

    def __init__(self, config: Mapping[str, Any]) -> None:
        super().__init__(config)
        self.endpoint = Endpoint.from_config(config, "ZAKEN")
        self.http = self.endpoint.client()
        self.client_id = str(config.get("ZAKEN_CLIENT_ID") or "")
        self.secret = str(config.get("ZAKEN_SECRET") or "")
        self.rsin = str(config.get("ZAKEN_BRONORGANISATIE") or "")
        if not (self.client_id and self.secret and self.rsin):
            raise ConnectorError(
                "ZAKEN_CLIENT_ID, ZAKEN_SECRET and ZAKEN_BRONORGANISATIE are needed"
            )
        self.catalogue: Mapping[str, Mapping[str, Any]] = dict(config.get("ZAKEN_CATALOGUS") or {})
        self._type_of = {str(v["zaaktype"]): k for k, v in self.catalogue.items()}
        self._status_of = {
            str(url): key
            for entry in self.catalogue.values()
            for key, url in dict(entry.get("statussen") or {}).items()
        }

    # -- plumbing --------------------------------------------------------------------------

    def _token(self) -> str:
        claims = {
            "iss": self.client_id,
            "iat": int(time.time()),
            "client_id": self.client_id,
            "user_id": "loket",
            "user_representation": "Loket",
        }
        return jwt.encode({"alg": "HS256", "typ": "JWT"}, claims, OctKey.import_key(self.secret))

    def _call(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: Mapping[str, str] | None = None,
        ok: tuple[int, ...] = (200,),
    ) -> Any:
        headers = {"Authorization": f"Bearer {self._token()}", **CRS}
        if body is not None:
            headers["Content-Type"] = "application/json"
        return request(
            self.endpoint,
            self.http,
            method,
            path,
            json_body=body,
            params=params,
            headers=headers,
            ok=ok,
        ).json()

    def _path(self, url: str) -> str:
        """Turn a resource URL the API gave back into a path on our endpoint (same host only)."""
        if not url.startswith(self.endpoint.base_url + "/"):
            raise SourceUnavailable("the case system links outside itself")
        return url[len(self.endpoint.base_url) :]

    def _pages(self, path: str, params: Mapping[str, str]) -> Iterator[Mapping[str, Any]]:
        page: Mapping[str, Any] = self._call("GET", path, params=params)
        for _ in range(MAX_PAGES):
            yield from page.get("results") or []
            following = page.get("next")
            if not following:
                return
            page = self._call(
                "GET", self._path(str(following).split("?")[0]), params=dict(_query(str(following)))
            )

    def _zaak(self, reference: str) -> Mapping[str, Any] | None:
        found = list(
            self._pages("/zaken", {"identificatie": reference, "bronorganisatie": self.rsin})
        )
        return found[0] if found else None

    def _case(self, zaak: Mapping[str, Any]) -> Case:
        statuses = sorted(
            self._pages("/statussen", {"zaak": str(zaak["url"])}),
            key=lambda s: str(s.get("datumStatusGezet", "")),
        )
        return Case(
            reference=str(zaak.get("identificatie", "")),
            case_type=self._type_of.get(str(zaak.get("zaaktype", "")), FALLBACK_TYPE),
            description=str(zaak.get("omschrijving", "")),
            started=_day(zaak.get("startdatum")) or local_today(),
            steps=tuple(
                Step(
                    self._status_of.get(str(s.get("statustype")), FALLBACK_STATUS),
                    _when(s.get("datumStatusGezet")),
                    str(s.get("statustoelichting", "")),
                )
                for s in statuses
            ),
            ended=_day(zaak.get("einddatum")),
        )

    def _types(self, case_type: str) -> Mapping[str, Any]:
        entry = self.catalogue.get(case_type)
        if not entry:
            raise ConnectorError(f"ZAKEN_CATALOGUS has no entry for {case_type!r}")
        return entry

    # -- the connector ---------------------------------------------------------------------

    def create(self, new: NewCase) -> Case:
        types = self._types(new.case_type)
        zaak = self._zaak(new.reference)
        if zaak is None:
            zaak = self._call(
                "POST",
                "/zaken",
                ok=(201,),
                body={
                    "identificatie": new.reference,
                    "bronorganisatie": self.rsin,
                    "verantwoordelijkeOrganisatie": self.rsin,
                    "omschrijving": new.description[:80],
                    "zaaktype": str(types["zaaktype"]),
                    "startdatum": local_today().isoformat(),
                    "registratiedatum": local_today().isoformat(),
                },
            )
        return self._finish(zaak, new, types)

    def _finish(self, zaak: Mapping[str, Any], new: NewCase, types: Mapping[str, Any]) -> Case:
        """Add the roles, first status and answers still missing (a repeated submit)."""
        url = str(zaak["url"])
        rollen = list(self._pages("/rollen", {"zaak": url}))
        initiators = [r for r in rollen if r.get("roltype") == str(types["initiator"])]
        if initiators:
            who = initiators[0].get("betrokkeneIdentificatie") or {}
            if new.initiator.subject not in (who.get("inpBsn"), who.get("kvkNummer")):
                raise ConnectorError(f"reference {new.reference} is already in use")
        elif rollen or zaak.get("status"):
            raise ConnectorError(f"reference {new.reference} is already in use")
        machtiging = new.representative is not None and "gemachtigde" in types
        if not initiators:
            self._call(
                "POST",
                "/rollen",
                ok=(201,),
                body=self._rol(
                    url,
                    str(types["initiator"]),
                    new.initiator,
                    "Aanvrager, via Loket",
                    "machtiginggever" if machtiging else "",
                ),
            )
        helpers = [r for r in rollen if r.get("roltype") == str(types.get("gemachtigde"))]
        if machtiging and new.representative is not None and not helpers:
            self._call(
                "POST",
                "/rollen",
                ok=(201,),
                body=self._rol(
                    url,
                    str(types["gemachtigde"]),
                    new.representative,
                    f"Namens de aanvrager ({new.representative.kind})",
                    "gemachtigde",
                ),
            )
        if not zaak.get("status"):
            first = next(iter(dict(types.get("statussen") or {}).values()), None)
            if first is None:
                raise ConnectorError(f"ZAKEN_CATALOGUS[{new.case_type!r}] has no statussen")
            self._status(url, str(first), "")
        if not self._objects(zaak):
            self._object(url, 1, dict(new.submission), "")
        return self._case(self._zaak(new.reference) or zaak)

    @staticmethod
    def _rol(zaak: str, roltype: str, party: Party, note: str, machtiging: str) -> dict[str, Any]:
        body: dict[str, Any] = {"zaak": zaak, "roltype": roltype, "roltoelichting": note}
        if machtiging:
            body["indicatieMachtiging"] = machtiging
        if party.subject_type == "kvk":
            body["betrokkeneType"] = "vestiging"
            body["betrokkeneIdentificatie"] = {
                "kvkNummer": party.subject,
                "handelsnaam": [party.name[:625]],
            }
            return body
        person: dict[str, Any] = {"inpBsn": party.subject, "geslachtsnaam": party.name[:200]}
        if party.name_parts is not None:
            person["voornamen"] = party.name_parts.given_names[:200]
            person["voorvoegselGeslachtsnaam"] = party.name_parts.prefix[:80]
            person["geslachtsnaam"] = party.name_parts.surname[:200]
        if party.address is not None:
            a = party.address
            person["verblijfsadres"] = {
                "aoaIdentificatie": "",  # the BAG id is not known to Loket; the address is
                "gorOpenbareRuimteNaam": a.street[:80],
                "aoaHuisnummer": a.number,
                "aoaHuisletter": a.letter[:1],
                "aoaHuisnummertoevoeging": a.addition[:4],
                "aoaPostcode": a.postcode.replace(" ", "")[:7],
                "wplWoonplaatsNaam": a.city[:80],
            }
        body["betrokkeneType"] = "natuurlijk_persoon"
        body["betrokkeneIdentificatie"] = person
        return body

    def _status(self, zaak: str, statustype: str, note: str) -> None:
        body = {"zaak": zaak, "statustype": statustype, "datumStatusGezet": utcnow().isoformat()}
        if note:
            body["statustoelichting"] = note[:1000]
        self._call("POST", "/statussen", ok=(201,), body=body)

    def _object(self, zaak: str, version: int, data: Mapping[str, Any], note: str) -> None:
        self._call(
            "POST",
            "/zaakobjecten",
            ok=(201,),
            body={
                "zaak": zaak,
                "objectType": "overige",
                "objectTypeOverige": OBJECT_TYPE,
                "relatieomschrijving": f"Aanvraag via Loket, versie {version}",
                "objectIdentificatie": {
                    "overigeData": {"versie": version, "toelichting": note, "antwoorden": data}
                },
            },
        )

    def cases_for(self, subject_type: str, subject: str) -> tuple[Case, ...]:
        if subject_type != "bsn":
            # The Zaken API filters on a vestigingsnummer, not the KvK number eHerkenning gives.
            return ()
        zaken = self._pages(
            "/zaken",
            {
                "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": subject,
                "rol__omschrijvingGeneriek": "initiator",
            },
        )
        cases = [self._case(z) for z in zaken]
        return tuple(sorted(cases, key=lambda c: c.started, reverse=True))

    def by_reference(self, reference: str) -> Lookup | None:
        zaak = self._zaak(reference)
        if zaak is None:
            return None
        rollen = self._pages(
            "/rollen", {"zaak": str(zaak["url"]), "omschrijvingGeneriek": "initiator"}
        )
        postcode = ""
        for rol in rollen:
            where = (rol.get("betrokkeneIdentificatie") or {}).get("verblijfsadres") or {}
            postcode = _postcode(str(where.get("aoaPostcode", "")))
            break
        return Lookup(self._case(zaak), postcode)

    def set_status(self, reference: str, key: str, note: str = "") -> Case:
        zaak = self._zaak(reference)
        if zaak is None:
            raise UnknownCase(reference)
        case_type = self._type_of.get(str(zaak.get("zaaktype")))
        url = dict(self._types(case_type or "").get("statussen") or {}).get(key)
        if url is None:
            raise ConnectorError(f"ZAKEN_CATALOGUS[{case_type!r}] has no status type for {key!r}")
        self._status(str(zaak["url"]), str(url), note)
        return self._case(self._zaak(reference) or zaak)  # again: a final status ends the zaak

    def _objects(self, zaak: Mapping[str, Any]) -> list[Mapping[str, Any]]:
        found = self._pages("/zaakobjecten", {"zaak": str(zaak["url"]), "objectType": "overige"})
        return [o for o in found if o.get("objectTypeOverige") == OBJECT_TYPE]

    def add_submission(self, reference: str, data: Mapping[str, Any], note: str) -> None:
        zaak = self._zaak(reference)
        if zaak is None:
            raise UnknownCase(reference)
        self._object(str(zaak["url"]), len(self._objects(zaak)) + 1, data, note)

    def submissions(self, reference: str) -> tuple[Submission, ...]:
        zaak = self._zaak(reference)
        if zaak is None:
            raise UnknownCase(reference)
        out = []
        for item in self._objects(zaak):
            data = (item.get("objectIdentificatie") or {}).get("overigeData") or {}
            out.append(
                Submission(
                    int(data.get("versie", 0)),
                    dict(data.get("antwoorden") or {}),
                    str(data.get("toelichting", "")),
                    utcnow(),
                )
            )
        return tuple(sorted(out, key=lambda s: s.version))


def _postcode(value: str) -> str:
    compact = value.replace(" ", "").upper()
    return f"{compact[:4]} {compact[4:]}" if len(compact) == 6 else value


def _query(url: str) -> list[tuple[str, str]]:
    from urllib.parse import parse_qsl, urlparse

    return parse_qsl(urlparse(url).query)
