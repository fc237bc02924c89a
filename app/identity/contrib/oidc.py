"""The real login broker: OpenID Connect with Authlib (authorization code flow with PKCE).

Everything about the broker is found by OpenID discovery from `OIDC_ISSUER`; the client logs
in at the token endpoint with `client_secret_basic`. Per method (digid, yivi, eherkenning) the
configured `acr_values`, extra scopes and parameters select the method at the broker (see
`app.identity.claims.MethodSettings`). Checked on every login: the state (in the views' flow
store entry, compared here), the code exchanged once with its PKCE verifier, and the ID token's
signature (JWKS, asymmetric algorithms only), issuer, audience, expiry, nonce and assurance
level. The claims become a `Resident` through Loket's claim layout (`app.identity.claims`).

A broker that is down or slower than `OIDC_TIMEOUT_SECONDS` gives `LoginFailed("unavailable")`.
"""

import logging
import secrets
import threading
import time
from collections.abc import Mapping
from ipaddress import ip_address
from typing import Any
from urllib.parse import urlencode, urlsplit

import requests
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session
from authlib.integrations.requests_client import OAuthError as RequestsOAuthError
from authlib.oidc.core import CodeIDToken
from authlib.oidc.discovery import OpenIDProviderMetadata, get_well_known_url
from joserfc import jwt
from joserfc.errors import InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet

from app.core.connectors import ConnectorError
from app.core.time import utcnow
from app.identity.broker import LoginBroker, LoginFailed, LoginStart, brokers
from app.identity.claims import MethodSettings, method_settings, resident_from_claims
from app.identity.resident import Resident

log = logging.getLogger(__name__)

# Asymmetric only: a symmetric algorithm would let the client secret sign tokens.
SIGNING_ALGORITHMS = ("RS256", "PS256", "ES256", "RS384", "RS512", "PS384", "PS512", "ES384")
# Errors the broker may send back to the callback; anything else is "failed".
CANCELLED = {"access_denied", "login_cancelled", "cancelled"}
UNAVAILABLE = {"temporarily_unavailable", "server_error"}


def _loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


@brokers.register("oidc")
class OidcBroker(LoginBroker):
    description = "An OpenID Connect broker (e.g. Signicat) offering DigiD, Yivi and eHerkenning."

    def __init__(self, config: Mapping[str, Any]) -> None:
        super().__init__(config)
        self.issuer = str(config.get("OIDC_ISSUER") or "").rstrip("/")
        self.client_id = str(config.get("OIDC_CLIENT_ID") or "")
        self.client_secret = str(config.get("OIDC_CLIENT_SECRET") or "")
        missing = [
            name
            for name, value in (
                ("OIDC_ISSUER", self.issuer),
                ("OIDC_CLIENT_ID", self.client_id),
                ("OIDC_CLIENT_SECRET", self.client_secret),
            )
            if not value
        ]
        if missing:
            raise ConnectorError(f"the OIDC login needs {', '.join(missing)}")
        if not self.issuer.startswith("https://") and not _loopback(self.issuer):
            raise ConnectorError("OIDC_ISSUER must be an https:// address")
        self.methods: dict[str, MethodSettings] = method_settings(config)
        self.timeout = float(config.get("OIDC_TIMEOUT_SECONDS") or 5)
        self.max_age = float(config.get("OIDC_METADATA_MAX_AGE") or 3600)
        self.leeway = int(config.get("OIDC_LEEWAY_SECONDS") or 60)
        self.hint_with_token = bool(config.get("OIDC_LOGOUT_ID_TOKEN_HINT"))
        self._lock = threading.Lock()
        self._metadata: dict[str, Any] | None = None
        self._metadata_at = 0.0
        self._jwks: KeySet | None = None

    # -- what the broker publishes --------------------------------------------------------

    def _get_json(self, url: str) -> dict[str, Any]:
        try:
            response = requests.get(url, timeout=self.timeout)
            response.raise_for_status()
            data = response.json()
        except (requests.RequestException, ValueError) as error:
            raise LoginFailed("unavailable", f"{url}: {type(error).__name__}") from None
        if not isinstance(data, dict):
            raise LoginFailed("unavailable", f"{url}: not a JSON object")
        return data

    def metadata(self) -> dict[str, Any]:
        """Return the broker's discovery document, fetched at most once per max age."""
        with self._lock:
            fresh = time.monotonic() - self._metadata_at < self.max_age
            if self._metadata is not None and fresh:
                return self._metadata
        data = self._get_json(get_well_known_url(self.issuer, external=True))
        try:
            OpenIDProviderMetadata(data).validate()
        except ValueError as error:
            raise LoginFailed("unavailable", f"discovery document: {error}") from None
        if str(data.get("issuer", "")).rstrip("/") != self.issuer:
            # OpenID Discovery 4.3: the document must name the issuer it was fetched for.
            raise LoginFailed("unavailable", "discovery document names another issuer")
        with self._lock:
            self._metadata, self._metadata_at, self._jwks = data, time.monotonic(), None
        return data

    def _keys(self, force: bool = False) -> KeySet:
        with self._lock:
            if self._jwks is not None and not force:
                return self._jwks
        data = self._get_json(str(self.metadata()["jwks_uri"]))
        try:
            keys = KeySet.import_key_set(data)  # type: ignore[arg-type]
        except (JoseError, ValueError, KeyError, TypeError):
            raise LoginFailed("unavailable", "the broker's JWKS cannot be read") from None
        with self._lock:
            self._jwks = keys
        return keys

    def _session(self, redirect_uri: str, method: MethodSettings) -> OAuth2Session:
        scope = " ".join(["openid", *method.scope.split()])
        return OAuth2Session(
            self.client_id,
            self.client_secret,
            token_endpoint_auth_method="client_secret_basic",  # noqa: S106 - a method name
            scope=scope,
            redirect_uri=redirect_uri,
            code_challenge_method="S256",
        )

    def _method(self, name: str) -> MethodSettings:
        try:
            return self.methods[name]
        except KeyError:
            raise LoginFailed("failed", f"method {name!r} is not configured") from None

    # -- the login ------------------------------------------------------------------------

    def begin(self, method: str, redirect_uri: str) -> LoginStart:
        settings = self._method(method)
        endpoint = str(self.metadata()["authorization_endpoint"])
        state, nonce = generate_token(43), generate_token(43)
        verifier = generate_token(64)  # RFC 7636: 43 to 128 characters
        extra: dict[str, str] = dict(settings.params)
        if settings.acr_values:
            extra["acr_values"] = settings.acr_values
        with self._session(redirect_uri, settings) as session:
            url, _ = session.create_authorization_url(
                endpoint, state=state, nonce=nonce, code_verifier=verifier, **extra
            )
        kept = {"state": state, "nonce": nonce, "verifier": verifier, "method": method}
        return LoginStart(url, kept)

    def complete(
        self, params: Mapping[str, str], kept: Mapping[str, Any], redirect_uri: str
    ) -> Resident:
        error = params.get("error")
        if error:
            # Before the state check: an answer without a valid state changes nothing, and a
            # resident who pressed "cancel" should hear that, not "something went wrong".
            reason = (
                "cancelled" if error in CANCELLED else "unavailable" if error in UNAVAILABLE else ""
            )
            raise LoginFailed(reason or "failed", f"broker error {error[:40]!r}")
        if not secrets.compare_digest(str(params.get("state", "")), str(kept.get("state", ""))):
            raise LoginFailed("failed", "state does not match")
        metadata = self.metadata()
        returned_iss = params.get("iss")
        must_name_iss = metadata.get("authorization_response_iss_parameter_supported")
        if (returned_iss or must_name_iss) and (returned_iss or "").rstrip("/") != self.issuer:
            raise LoginFailed("failed", "the answer names another issuer (RFC 9207)")
        code = params.get("code")
        if not code:
            raise LoginFailed("failed", "no code")
        settings = self._method(str(kept.get("method", "")))
        verifier = str(kept.get("verifier", ""))
        token = self._exchange(metadata, settings, str(code), verifier, redirect_uri)
        claims = self._check_id_token(
            metadata, token.get("id_token"), str(kept.get("nonce", "")), token
        )
        resident = resident_from_claims(claims, settings)
        if self.hint_with_token:
            resident = Resident(**{**resident.to_data(), "logout_hint": token["id_token"]})
        return resident

    def _exchange(
        self,
        metadata: Mapping[str, Any],
        settings: MethodSettings,
        code: str,
        verifier: str,
        redirect_uri: str,
    ) -> dict[str, Any]:
        with self._session(redirect_uri, settings) as session:
            try:
                token = session.fetch_token(
                    str(metadata["token_endpoint"]),
                    grant_type="authorization_code",
                    code=code,
                    code_verifier=verifier,
                    timeout=self.timeout,
                )
            except requests.RequestException as error:
                raise LoginFailed(
                    "unavailable", f"token endpoint: {type(error).__name__}"
                ) from None
            except RequestsOAuthError as error:
                # invalid_grant: a used, expired or foreign code, or the wrong PKCE verifier.
                raise LoginFailed("failed", f"token endpoint: {error.error}") from None
            except ValueError:
                raise LoginFailed("unavailable", "token endpoint: not JSON") from None
        return dict(token)

    def _check_id_token(
        self,
        metadata: Mapping[str, Any],
        id_token: object,
        nonce: str,
        token: Mapping[str, Any],
    ) -> dict[str, Any]:
        if not isinstance(id_token, str) or not nonce:
            raise LoginFailed("failed", "no ID token")
        offered = metadata.get("id_token_signing_alg_values_supported") or []
        algorithms = [a for a in SIGNING_ALGORITHMS if a in offered] or ["RS256"]
        try:
            try:
                decoded = jwt.decode(id_token, self._keys(), algorithms=algorithms)
            except InvalidKeyIdError:  # the broker rotated its keys: fetch them once more
                decoded = jwt.decode(id_token, self._keys(force=True), algorithms=algorithms)
            claims = CodeIDToken(
                decoded.claims,
                decoded.header,
                {
                    "iss": {"essential": True, "value": metadata["issuer"]},
                    "aud": {"essential": True, "value": self.client_id},
                    "exp": {"essential": True},
                    "iat": {"essential": True},
                    "nonce": {"essential": True},
                },
                {
                    "nonce": nonce,
                    "client_id": self.client_id,
                    "access_token": token.get("access_token"),
                },
            )
            claims.validate(now=int(utcnow().timestamp()), leeway=self.leeway)
        except (JoseError, ValueError) as error:
            raise LoginFailed("failed", f"ID token: {type(error).__name__}: {error}") from None
        if not secrets.compare_digest(str(claims.get("nonce")), nonce):
            raise LoginFailed("failed", "ID token: nonce")
        return dict(claims)

    # -- logging out ----------------------------------------------------------------------

    def logout_url(self, resident: Resident | None, return_to: str) -> str | None:
        """Return the broker's end-session address (RP-Initiated Logout), or None.

        Without `OIDC_LOGOUT_ID_TOKEN_HINT` the ID token (which holds the BSN) stays out of the
        address; the broker's session id goes as `logout_hint`, with `client_id` so the broker
        can check where it may send the resident back to.
        """
        try:
            endpoint = self.metadata().get("end_session_endpoint")
        except LoginFailed:
            log.warning("broker unreachable: its session is not ended")
            return None
        if not endpoint:
            return None
        query = {"client_id": self.client_id, "post_logout_redirect_uri": return_to}
        hint = resident.logout_hint if resident is not None else None
        if hint:
            query["id_token_hint" if hint.count(".") == 2 else "logout_hint"] = hint
        separator = "&" if "?" in str(endpoint) else "?"
        return f"{endpoint}{separator}{urlencode(query)}"
