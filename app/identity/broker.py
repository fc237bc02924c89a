"""The login broker: one connector that offers DigiD, Yivi and eHerkenning (as Nijmegen does).

The real implementation speaks OpenID Connect (authorization code flow with PKCE); the demo one
shows a page of fictitious residents. Both work the same way for the views:

1. `begin(method, redirect_uri)` returns where to send the browser, and secrets (state, nonce,
   PKCE verifier) that the views keep in the flow store, never in the cookie;
2. the broker sends the browser back to `redirect_uri` with a code, or with an error;
3. `complete(params, kept, redirect_uri)` checks everything and returns the `Resident`.
"""

from abc import abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.core.connectors import Connector, ConnectorError, Registry
from app.identity.resident import Resident


class LoginFailed(ConnectorError):
    """The login did not succeed. `reason` picks the message the resident sees."""

    REASONS = ("cancelled", "failed", "unavailable", "level")

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason if reason in self.REASONS else "failed"
        self.detail = detail


@dataclass(frozen=True)
class LoginStart:
    url: str  # where to send the browser
    kept: dict[str, Any] = field(default_factory=dict)  # secrets for `complete`, server-side


class LoginBroker(Connector):
    kind = "inlog"
    description = "An OpenID Connect broker offering DigiD, Yivi and eHerkenning."

    @abstractmethod
    def begin(self, method: str, redirect_uri: str) -> LoginStart:
        """Start a login with `method` (digid, yivi or eherkenning)."""

    @abstractmethod
    def complete(
        self, params: Mapping[str, str], kept: Mapping[str, Any], redirect_uri: str
    ) -> Resident:
        """Finish a login from the broker's answer.

        :raises LoginFailed: cancelled at the broker, a wrong state or token, too low a level,
            or the broker unreachable.
        """

    def logout_url(self, resident: Resident | None, return_to: str) -> str | None:
        """Where to send the browser to end the broker's own session (None: nothing to end).

        `resident` is None when Loket's login already ended (idle) but this browser did log
        in at the broker: its session there may still be open. `return_to` is the absolute
        address of Loket's /logout page in the resident's language; register both at the
        broker (`<PUBLIC_URL>/logout` and `<PUBLIC_URL>/en/logout`).
        """
        return None


brokers: Registry[LoginBroker] = Registry(LoginBroker)
