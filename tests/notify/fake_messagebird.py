"""A local fake of MessageBird's `POST /messages` on a loopback port, real HTTP.

Every request is validated against our unofficial schema (app/notify/sms/
messagebird.openapi.yaml) with openapi-core, and so is every answer the fake gives, so the
client and the fake cannot drift apart from the schema without a test failing.
"""

import json
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

import app.notify.sms as sms_package

SCHEMA = Path(sms_package.__file__).parent / "messagebird.openapi.yaml"
ACCESS_KEY = "test-access-key"


@dataclass
class FakeMessageBird:
    url: str = ""
    received: list[dict[str, Any]] = field(default_factory=list)
    unavailable: int = 0  # answer 503 this many times first
    bad_numbers: set[int] = field(default_factory=lambda: {31600000000})
    schema_errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    openapi: OpenAPI | None = None

    def app(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        response = self._answer(request)
        assert self.openapi is not None
        try:
            self.openapi.validate_response(
                WerkzeugOpenAPIRequest(request), WerkzeugOpenAPIResponse(response)
            )
        except Exception as error:  # the fake itself left the schema: make the test fail
            self.schema_errors.append(f"response: {error}")
        return response(environ, start_response)

    def _answer(self, request: Request) -> Response:
        assert self.openapi is not None
        try:
            self.openapi.validate_request(WerkzeugOpenAPIRequest(request))
        except Exception as error:
            self.schema_errors.append(f"request: {error}")
            return _errors(422, 21, f"Bad request: {error}")
        if request.headers.get("Authorization") != f"AccessKey {ACCESS_KEY}":
            return _errors(401, 2, "Request not allowed (incorrect access_key)", "access_key")
        if self.unavailable > 0:
            self.unavailable -= 1
            return _errors(503, 99, "Internal error")
        body = request.get_json()
        if set(body["recipients"]) & self.bad_numbers:
            return _errors(422, 9, "no (correct) recipients found", "recipients")
        with self.lock:
            self.received.append(body)
        message_id = secrets.token_hex(16)
        answer = {
            "id": message_id,
            "href": f"{self.url}/messages/{message_id}",
            "reference": body.get("reference"),
            "datacoding": body.get("datacoding", "plain"),
            "recipients": {
                "totalCount": len(body["recipients"]),
                "totalSentCount": len(body["recipients"]),
                "items": [
                    {"recipient": r, "status": "sent", "messagePartCount": 1}
                    for r in body["recipients"]
                ],
            },
        }
        return Response(json.dumps(answer), status=201, mimetype="application/json")


def _errors(status: int, code: int, description: str, parameter: str | None = None) -> Response:
    body = {"errors": [{"code": code, "description": description, "parameter": parameter}]}
    return Response(json.dumps(body), status=status, mimetype="application/json")


@contextmanager
def fake_messagebird() -> Iterator[FakeMessageBird]:
    fake = FakeMessageBird()
    server = make_server("127.0.0.1", 0, fake.app)
    fake.url = f"http://127.0.0.1:{server.server_port}"
    spec = yaml.safe_load(SCHEMA.read_text(encoding="utf-8"))
    spec["servers"] = [{"url": fake.url}]
    fake.openapi = OpenAPI.from_dict(spec)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        thread.join(5)
