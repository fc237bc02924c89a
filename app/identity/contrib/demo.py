"""The demo login ("Testomgeving"): pick one of the fictitious residents of app/demo_data.

It takes the same route as a real login (begin, a page elsewhere, a callback with a one-time code
and the state), so the views and their tests are the same for both. It refuses to exist where
`DEMO_LOGIN` is off, as in production.
"""

import secrets
from collections.abc import Mapping
from typing import Any

from flask import url_for

from app.core import flows
from app.core.connectors import ConnectorError
from app.identity.broker import LoginBroker, LoginFailed, LoginStart, brokers
from app.identity.claims import method_settings
from app.identity.demo import demo_resident
from app.identity.resident import METHODS, Resident

CODE_KIND = "inlog-democode"


@brokers.register("demo")
class DemoBroker(LoginBroker):
    description = "Demo login with fictitious residents; never in production."

    def __init__(self, config: Mapping[str, Any]) -> None:
        if not config.get("DEMO_LOGIN"):
            raise ConnectorError("the demo login is switched off here (DEMO_LOGIN)")
        super().__init__(config)

    def begin(self, method: str, redirect_uri: str) -> LoginStart:
        state = secrets.token_urlsafe(24)
        url = url_for("identity.demo_login", method=method, state=state)
        return LoginStart(url, {"state": state, "method": method})

    def issue_code(self, key: str, method: str, state: str) -> str:
        """Return the one-time code for the resident picked on the demo page."""
        code = flows.start(
            CODE_KIND, {"key": key, "method": method, "state": state}, remember=False
        )
        return code.id

    def complete(
        self, params: Mapping[str, str], kept: Mapping[str, Any], redirect_uri: str
    ) -> Resident:
        if params.get("error") == "access_denied":
            raise LoginFailed("cancelled")
        if not secrets.compare_digest(str(params.get("state", "")), str(kept.get("state", ""))):
            raise LoginFailed("failed", "state does not match")
        code = flows.get(params.get("code"), CODE_KIND)
        if code is None or code.data.get("state") != kept.get("state"):
            raise LoginFailed("failed", "unknown or used code")
        flows.delete_flow(code.id)  # a code works once
        method = str(code.data["method"])
        if method not in METHODS:
            raise LoginFailed("failed", "unknown method")
        person = demo_resident(str(code.data["key"]), method)
        if person is None:
            raise LoginFailed("failed", "unknown demo resident")
        # The lowest level the real broker would have to reach for this method.
        level = method_settings(self.config)[method].accepted_acr[0]
        return Resident(**{**person.to_data(), "level": level})

    def logout_url(self, resident: Resident | None, return_to: str) -> str | None:
        """Take the same route as a real logout: a stop at the (demo) broker, then back."""
        return url_for("identity.demo_logout", method=resident.method if resident else None)
