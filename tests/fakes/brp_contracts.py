"""The official OpenAPI documents (BRP Personen, BRP Reisdocumenten, ZGW Zaken) as a checker.

openapi-core validates requests and responses against `../shared/contracts/`. One gap had to be
closed: these documents use the discriminator "inheritance style" (a base schema names the
subtypes in `discriminator.mapping`; each subtype is `allOf: [base, ...]`). JSON Schema ignores
`discriminator`, so without help only the base schema is checked - `{"type": "Adres",
"huisnummer": "12"}` would pass. `_follow_discriminator` makes the checker validate the instance
against the subtype its discriminating property names too, and refuse unknown subtypes.

A second gap: none of these documents says `additionalProperties: false`, so a fake that writes
`huisnr` for `huisnummer` would pass. `unknown_properties` walks the body along the schema
(through `$ref`, `allOf` and the discriminator) and reports every name the document does not
declare; the contract counts that as a violation too.

Every request and response checked is counted (`Contract.checked`), so a test can prove that the
checks really ran.
"""

import copy
import json
import re
import threading
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import yaml
from jsonschema.exceptions import ValidationError
from jsonschema.validators import extend
from jsonschema_path import SchemaPath
from openapi_core import Config, OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from openapi_core.validation.request.validators import V30RequestValidator, V31RequestValidator
from openapi_core.validation.response.validators import V30ResponseValidator, V31ResponseValidator
from openapi_core.validation.schemas.factories import SchemaValidatorsFactory

from app.config import ROOT

# Next to the project (CI: a clone with shared/ beside it); a worktree sits one level deeper.
_CANDIDATES = (ROOT.parent / "shared" / "contracts", ROOT.parent.parent / "shared" / "contracts")
CONTRACTS = next((p for p in _CANDIDATES if p.is_dir()), _CANDIDATES[0])
FILES = {
    "brp-personen": "brp-personen-2.7.0.openapi.yaml",
    "brp-reisdocumenten": "brp-reisdocumenten-2.0.0.openapi.yaml",
    "zgw-zaken": "zgw-zaken-1.5.1.openapi.yaml",
}

_in_progress = threading.local()
# Everything checked in this test run, per API: (name, "requests"|"responses") -> count.
TOTALS: Counter[tuple[str, str]] = Counter()


def _follow_discriminator(
    validator: Any, discriminator: Any, instance: Any, schema: Mapping[str, Any]
) -> Iterator[ValidationError]:
    if "oneOf" in schema or "anyOf" in schema or not validator.is_type(instance, "object"):
        return  # openapi-schema-validator handles discriminators inside oneOf/anyOf
    name = discriminator["propertyName"]
    if name not in instance:
        return  # a missing property is the base schema's `required` to report
    ref = discriminator.get("mapping", {}).get(instance[name])
    if ref is None:
        yield ValidationError(
            f"{instance[name]!r} is not a known {name} ({schema.get('title', '')})"
        )
        return
    seen: set[tuple[int, str]] = _in_progress.__dict__.setdefault("seen", set())
    key = (id(instance), ref)
    if key in seen:  # the subtype's allOf leads back to this base schema
        return
    seen.add(key)
    try:
        yield from validator.descend(instance, {"$ref": ref})
    finally:
        seen.discard(key)


class _Factory(SchemaValidatorsFactory):
    """Wrap one of openapi-core's schema validator factories, adding the discriminator rule."""

    def __init__(self, wrapped: SchemaValidatorsFactory) -> None:
        self.wrapped = wrapped
        super().__init__(wrapped.schema_validator_cls, wrapped.format_checker)

    def get_validator_cls(self, spec: SchemaPath, schema: SchemaPath) -> Any:
        base = self.wrapped.get_validator_cls(spec, schema)
        return _extended(base)


@cache
def _extended(base: Any) -> Any:
    return extend(base, {"discriminator": _follow_discriminator})


def _subclass(cls: Any) -> Any:
    return type(
        cls.__name__, (cls,), {"schema_validators_factory": _Factory(cls.schema_validators_factory)}
    )


@cache
def _document(name: str) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return dict(yaml.load((CONTRACTS / FILES[name]).read_text(encoding="utf-8"), Loader=loader))


@cache
def _api(name: str) -> OpenAPI:
    spec = copy.deepcopy(_document(name))
    base = urlparse_path(spec["servers"][0]["url"])
    spec["servers"] = [{"url": base}]  # the fakes listen on loopback: match on the path only
    v31 = str(spec["openapi"]).startswith("3.1")
    config = Config(
        spec_validator_cls=None,  # the published documents are taken as they are
        extra_media_type_deserializers={"application/problem+json": json.loads},
        request_validator_cls=_subclass(V31RequestValidator if v31 else V30RequestValidator),
        response_validator_cls=_subclass(V31ResponseValidator if v31 else V30ResponseValidator),
    )
    return OpenAPI(SchemaPath.from_dict(spec), config=config)


def urlparse_path(url: str) -> str:
    from urllib.parse import urlparse

    return urlparse(url).path.rstrip("/") or "/"


def base_path(name: str) -> str:
    """Return the path prefix of the API `name` (e.g. /haalcentraal/api/brp)."""
    return urlparse_path(_document(name)["servers"][0]["url"])


def _resolve(name: str, schema: Any) -> Any:
    seen = 0
    while isinstance(schema, dict) and "$ref" in schema and seen < 50:
        target: Any = _document(name)
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target[part]
        schema, seen = target, seen + 1
    return schema


def _branches(name: str, schema: Any, instance: Any, depth: int = 0) -> list[dict[str, Any]]:
    """Return every (resolved) schema that applies to `instance` through allOf/discriminator."""
    schema = _resolve(name, schema)
    if not isinstance(schema, dict) or depth > 20:
        return []
    found = [schema]
    for member in schema.get("allOf", []):
        found += _branches(name, member, instance, depth + 1)
    mapping = (schema.get("discriminator") or {}).get("mapping", {})
    prop = (schema.get("discriminator") or {}).get("propertyName")
    if isinstance(instance, dict) and prop and instance.get(prop) in mapping and depth < 3:
        found += _branches(name, {"$ref": mapping[instance[prop]]}, instance, depth + 3)
    return found


def unknown_properties(name: str, schema: Any, instance: Any, where: str = "") -> list[str]:
    """Return the paths of every property in `instance` that the schema does not declare."""
    branches = _branches(name, schema, instance)
    if not branches:
        return []
    if isinstance(instance, list):
        items = [b["items"] for b in branches if "items" in b]
        return [
            p
            for i, v in enumerate(instance)
            for s in items
            for p in unknown_properties(name, s, v, f"{where}[{i}]")
        ]
    if not isinstance(instance, dict):
        return []
    if any(b.get("additionalProperties") not in (None, False) for b in branches):
        return []  # free-form (e.g. overigeData)
    if any("oneOf" in b or "anyOf" in b for b in branches if "properties" not in b):
        return []  # a choice between shapes: the validator has already judged it
    declared: dict[str, list[Any]] = {}
    for branch in branches:
        for key, sub in (branch.get("properties") or {}).items():
            declared.setdefault(key, []).append(sub)
    problems = [f"{where}.{key}" for key in instance if key not in declared]
    for key, subs in declared.items():
        if key in instance:
            for sub in subs:
                problems += unknown_properties(name, sub, instance[key], f"{where}.{key}")
    return sorted(set(problems))


class ContractViolation(AssertionError):
    """A request or response that the official document does not allow."""


@dataclass
class Contract:
    """One API's contract, with a count of what was checked against it."""

    name: str
    checked: Counter[str] = field(default_factory=Counter)
    violations: list[str] = field(default_factory=list)

    @property
    def api(self) -> OpenAPI:
        return _api(self.name)

    def warm(self) -> None:
        """Load the document now, so the first real request is not slow (a short timeout)."""
        _api(self.name)

    def request(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        query: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        content_type: str = "application/json",
    ) -> MockRequest:
        return MockRequest(
            "http://127.0.0.1",
            method.lower(),
            path,
            args=dict(query or {}),
            headers=dict(headers or {}),
            data=body,
            content_type=content_type,
        )

    def check_request(self, request: MockRequest) -> None:
        try:
            self.api.validate_request(request)
        except Exception as error:  # openapi-core raises several kinds
            self._fail("request", request, error)
        if request.body:
            operation = self._operation(request)
            content = (operation.get("requestBody") or {}).get("content") or {}
            self._strict("request", request, content, json.loads(request.body))
        self.checked["requests"] += 1
        TOTALS[self.name, "requests"] += 1

    def _operation(self, request: MockRequest) -> dict[str, Any]:
        paths = _document(self.name)["paths"]
        path = request.path[len(base_path(self.name)) :] or "/"
        for template, item in paths.items():
            pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
            if re.match(pattern, path) and request.method.lower() in item:
                return dict(item[request.method.lower()])
        return {}

    def _strict(
        self, what: str, request: MockRequest, content: Mapping[str, Any], body: Any
    ) -> None:
        media = next(iter(content.values()), None) if content else None
        if not media or "schema" not in media:
            return
        extra = unknown_properties(self.name, media["schema"], body)
        if extra:
            error = ValueError("properties the document does not declare: " + ", ".join(extra))
            self._fail(what, request, error)

    def check_response(
        self,
        request: MockRequest,
        status: int,
        body: Any,
        content_type: str,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        response = MockResponse(
            data, status_code=status, content_type=content_type, headers=dict(headers or {})
        )
        try:
            self.api.validate_response(request, response)
        except Exception as error:
            self._fail("response", request, error)
        answers = self._operation(request).get("responses") or {}
        answer = _resolve(self.name, answers.get(str(status)) or answers.get("default") or {})
        if isinstance(body, (dict, list)) and isinstance(answer, dict):
            self._strict("response", request, answer.get("content") or {}, body)
        self.checked["responses"] += 1
        TOTALS[self.name, "responses"] += 1

    def _fail(self, what: str, request: MockRequest, error: Exception) -> None:
        cause = error.__cause__ or error
        details = getattr(cause, "schema_errors", None) or [cause]
        message = f"{self.name} {what} {request.method.upper()} {request.path}: " + "; ".join(
            str(getattr(d, "message", d))[:300] for d in details
        )
        self.violations.append(message)
        raise ContractViolation(message) from error
