"""JSON over HTTP for the real register clients: short timeouts, a hard deadline, no surprises.

A register that is down, slow, or answers with an error must never hold up a resident's page:
every failure becomes `SourceUnavailable` (the caller carries on without the source) within
`timeout` seconds in total - also when a server sends its answer one byte at a time, which a
per-read timeout alone would allow.
"""

import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from app.core.connectors import ConnectorError, SourceUnavailable

MAX_BYTES = 2_000_000  # no register answer for one person comes near this


@dataclass(frozen=True)
class Endpoint:
    """Where a real API lives and how to reach it (built from the app's configuration)."""

    base_url: str
    timeout: float = 2.0
    headers: Mapping[str, str] | None = None
    # Mutual TLS (PKIoverheid certificate) for gateways that require it: (cert file, key file).
    client_cert: tuple[str, str] | None = None
    ca_bundle: str | None = None  # None: the system's trust store

    @classmethod
    def from_config(cls, config: Mapping[str, Any], prefix: str) -> "Endpoint":
        """Read <PREFIX>_URL, _TIMEOUT_SECONDS, _API_KEY, _CLIENT_CERT, _CLIENT_KEY, _CA_BUNDLE."""
        url = str(config.get(f"{prefix}_URL") or "")
        if not url:
            raise ConnectorError(f"{prefix}_URL is not set")
        headers = {}
        if config.get(f"{prefix}_API_KEY"):
            headers[str(config.get(f"{prefix}_API_KEY_HEADER") or "X-API-KEY")] = str(
                config[f"{prefix}_API_KEY"]
            )
        cert, key = config.get(f"{prefix}_CLIENT_CERT"), config.get(f"{prefix}_CLIENT_KEY")
        return cls(
            base_url=url.rstrip("/"),
            timeout=float(config.get(f"{prefix}_TIMEOUT_SECONDS") or 2.0),
            headers=headers,
            client_cert=(str(cert), str(key)) if cert and key else None,
            ca_bundle=str(config.get(f"{prefix}_CA_BUNDLE") or "") or None,
        )

    def client(self) -> httpx.Client:
        """Return a client for this endpoint; keep it (connections are reused, thread-safe)."""
        return httpx.Client(
            base_url=self.base_url,
            timeout=httpx.Timeout(self.timeout),
            cert=self.client_cert,
            verify=self.ca_bundle or True,
            headers={"Accept": "application/json", **(self.headers or {})},
            follow_redirects=False,
            trust_env=False,  # no proxy from the environment for personal data
        )


class Response:
    def __init__(self, status: int, headers: Mapping[str, str], body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError as error:
            raise SourceUnavailable(
                "the source answered with something that is not JSON"
            ) from error


def request(
    endpoint: Endpoint,
    client: httpx.Client,
    method: str,
    path: str,
    *,
    json_body: Any = None,
    params: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
    ok: tuple[int, ...] = (200,),
) -> Response:
    """Send one request and return the answer, or raise `SourceUnavailable` within the deadline.

    :param ok: status codes that count as an answer; anything else is unavailable, and the
        body is not logged (it may hold personal data).
    """
    deadline = time.monotonic() + endpoint.timeout
    content = None
    send_headers = dict(headers or {})
    if json_body is not None:
        content = json.dumps(json_body, ensure_ascii=False).encode("utf-8")
        send_headers.setdefault("Content-Type", "application/json")
    try:
        with client.stream(
            method, endpoint.base_url + path, content=content, params=params, headers=send_headers
        ) as answer:
            chunks, size = [], 0
            for chunk in answer.iter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    raise SourceUnavailable("the answer is too large")
                if time.monotonic() > deadline:
                    raise SourceUnavailable("the source took too long")
                chunks.append(chunk)
            if time.monotonic() > deadline:
                raise SourceUnavailable("the source took too long")
            result = Response(answer.status_code, dict(answer.headers), b"".join(chunks))
    except httpx.HTTPError as error:
        raise SourceUnavailable(f"{type(error).__name__} calling {path}") from error
    if result.status not in ok:
        raise SourceUnavailable(f"{path} answered {result.status}")
    return result
