"""Loket's claim layout: from the broker's checked ID token to a `Resident`.

The layout follows the NL GOV Assurance profile for OpenID Connect (Logius):

- `sub` is the person (or business) who logged in, and `sub_id_type` says what kind of number
  it is: `urn:nl-eid-gdi:1.0:id:BSN` (DigiD, Yivi) or `urn:nl-eid-gdi:1.0:id:KvKnr`
  (eHerkenning). A broker that puts the number in another claim (a Yivi attribute such as
  `irma-demo.gemeente.personalData.bsn`) names it per method as `subject_claim`.
- `acr` is the assurance level; it must be one of the method's `accepted_acr`.
- `name` (optional) is shown as "ingelogd als ..."; DigiD sends no name.
- `represents` (optional) is someone the person acts for: `{"sub": "<BSN or KvK>",
  "sub_id_type": ..., "name": ... (optional), "relation": "machtiging" | "bewindvoering" |
  "curatele" | "mentorschap"}`. DigiD Machtigen without `relation` counts as "machtiging". In a
  chain (an employee of a bewindvoerder's office acting for a person), the deepest nested
  `represents` is whose affairs these are.
- `sid` (optional) is the broker's session, used as `logout_hint` when logging out.

Numbers are checked: a BSN must pass the elfproef, a KvK number has eight digits. Anything else
(a pseudonym where a number belongs) refuses the login rather than logging in the wrong person.
"""

import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.identity.broker import LoginFailed
from app.identity.numbers import valid_bsn, valid_kvk, valid_subject
from app.identity.resident import METHODS, Representation, Resident

log = logging.getLogger(__name__)

BSN_TYPE = "urn:nl-eid-gdi:1.0:id:BSN"
KVK_TYPE = "urn:nl-eid-gdi:1.0:id:KvKnr"
ID_TYPES = {BSN_TYPE: "bsn", KVK_TYPE: "kvk"}
RELATIONS = {
    "machtiging": "machtiging",
    "bewindvoering": "bewindvoerder",
    "curatele": "curator",
    "mentorschap": "mentor",
}
MAX_CHAIN = 5


@dataclass(frozen=True)
class MethodSettings:
    """How one method (digid, yivi, eherkenning) is asked for and what it must report."""

    name: str
    acr_values: str  # sent to the broker; selects the method there
    accepted_acr: tuple[str, ...]  # levels accepted in the ID token's `acr`
    subject: str  # "bsn" or "kvk"
    subject_claim: str = "sub"
    scope: str = ""  # extra scopes besides "openid", e.g. "idp_scoping:digid"
    params: Mapping[str, str] = field(default_factory=dict)  # extra authorize parameters

    @classmethod
    def from_config(cls, name: str, raw: Mapping[str, Any]) -> "MethodSettings":
        accepted = raw.get("accepted_acr") or []
        if isinstance(accepted, str):
            accepted = accepted.split()
        settings = cls(
            name=name,
            acr_values=str(raw.get("acr_values") or ""),
            accepted_acr=tuple(str(a) for a in accepted),
            subject=str(raw.get("subject") or ("kvk" if name == "eherkenning" else "bsn")),
            subject_claim=str(raw.get("subject_claim") or "sub"),
            scope=str(raw.get("scope") or ""),
            params={str(k): str(v) for k, v in dict(raw.get("params") or {}).items()},
        )
        if settings.subject not in ("bsn", "kvk"):
            raise ValueError(f"OIDC_METHODS[{name!r}]: subject must be 'bsn' or 'kvk'")
        if not settings.accepted_acr:
            raise ValueError(f"OIDC_METHODS[{name!r}]: accepted_acr lists no level")
        return settings


def method_settings(config: Mapping[str, Any]) -> dict[str, MethodSettings]:
    """Return the settings per method: `OIDC_METHODS`, with the environment's JSON over it."""
    merged: dict[str, dict[str, Any]] = {
        m: dict(v) for m, v in dict(config.get("OIDC_METHODS") or {}).items()
    }
    from_env = os.environ.get("OIDC_METHODS")
    if from_env:
        for method, values in dict(json.loads(from_env)).items():
            merged.setdefault(method, {}).update(values)
    unknown = set(merged) - set(METHODS)
    if unknown:
        raise ValueError(f"OIDC_METHODS: unknown methods {sorted(unknown)}")
    return {m: MethodSettings.from_config(m, merged[m]) for m in METHODS if m in merged}


def resident_from_claims(claims: Mapping[str, Any], settings: MethodSettings) -> Resident:
    """Return the resident the checked claims describe.

    :raises LoginFailed: "level" when the assurance level is missing or too low, "failed"
        when the numbers are not what the method promises.
    """
    acr = claims.get("acr")
    if acr not in settings.accepted_acr:
        raise LoginFailed("level", f"acr {acr!r} is not accepted for {settings.name}")
    subject = claims.get(settings.subject_claim)
    id_type = claims.get("sub_id_type") if settings.subject_claim == "sub" else None
    if id_type is not None and ID_TYPES.get(str(id_type)) != settings.subject:
        raise LoginFailed("failed", f"sub_id_type {id_type!r}")
    if not valid_subject(settings.subject, subject):
        raise LoginFailed("failed", f"{settings.subject_claim} is not a {settings.subject}")
    return Resident(
        subject_type=settings.subject,
        subject=str(subject),
        name=_text(claims.get("name")),
        method=settings.name,
        level=str(acr),
        acting_for=_representation(claims.get("represents")),
        logout_hint=_text(claims.get("sid")) or None,
    )


def _text(value: object) -> str:
    return value.strip()[:200] if isinstance(value, str) else ""


def _representation(raw: object) -> Representation | None:
    if raw is None:
        return None
    levels: list[Mapping[str, Any]] = []
    while isinstance(raw, Mapping) and len(levels) < MAX_CHAIN:
        levels.append(raw)
        raw = raw.get("represents")
    if not levels or raw is not None:
        raise LoginFailed("failed", "represents is not a chain of objects")
    deepest = levels[-1]
    subject = deepest.get("sub")
    kind = ID_TYPES.get(str(deepest.get("sub_id_type")))
    if kind is None and "sub_id_type" not in deepest:
        kind = "bsn" if valid_bsn(subject) else "kvk" if valid_kvk(subject) else None
    if kind is None or not valid_subject(kind, subject):
        raise LoginFailed("failed", "represents.sub is not a BSN or KvK number")
    relation = next((str(lv["relation"]) for lv in reversed(levels) if "relation" in lv), "")
    if relation and relation not in RELATIONS:
        log.warning("unknown representation relation %r: shown as machtiging", relation)
    return Representation(
        kind, str(subject), _text(deepest.get("name")), RELATIONS.get(relation, "machtiging")
    )
