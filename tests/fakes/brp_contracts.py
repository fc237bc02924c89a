"""The official OpenAPI documents (BRP Personen, BRP Reisdocumenten, ZGW Zaken) as a checker.

openapi-core validates requests and responses against `../shared/contracts/`. One gap had to be
closed: these documents use the discriminator "inheritance style" (a base schema names the
subtypes in `discriminator.mapping`; each subtype is `allOf: [base, ...]`). JSON Schema ignores
`discriminator`, so without help only the base schema is checked - `{"type": "Adres",
"huisnummer": "12"}` would pass. `_follow_discriminator` makes the checker validate the instance
against the subtype its discriminating property names too, and refuse unknown subtypes.

Every request and response checked is counted (`Contract.checked`), so a test can prove that the
checks really ran.
"""

import copy
import json
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
        self.checked["requests"] += 1

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
        self.checked["responses"] += 1

    def _fail(self, what: str, request: MockRequest, error: Exception) -> None:
        cause = error.__cause__ or error
        details = getattr(cause, "schema_errors", None) or [cause]
        message = f"{self.name} {what} {request.method.upper()} {request.path}: " + "; ".join(
            str(getattr(d, "message", d))[:300] for d in details
        )
        self.violations.append(message)
        raise ContractViolation(message) from error
