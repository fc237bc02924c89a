"""A fake OpenID Connect broker (DigiD, Yivi, eHerkenning) for tests: its own process, real HTTP.

Run it alone (for trying the real client by hand with `make run`):

    .venv/bin/python -m tests.fakes.oidc_provider --port 9000 \\
        --redirect-uri http://127.0.0.1:5000/auth/callback \\
        --post-logout-uri http://127.0.0.1:5000/logout

    OIDC_ISSUER=http://127.0.0.1:9000 OIDC_CLIENT_ID=loket OIDC_CLIENT_SECRET=geheim make run

or from a test through `FakeProvider.start(...)`, which starts the process on a free loopback
port and stops it again. What it does, like a broker in the NL GOV OIDC profile:

- `/.well-known/openid-configuration` (discovery), `/jwks` (its public RS256 key);
- `/authorize` checks the request (client, registered redirect URI, `response_type=code`,
  `openid` scope, state, nonce, PKCE S256) and shows a page to approve or cancel, with a choice
  of fictitious persons and a field for claims to change (a test's lever for a wrong audience,
  an expired token, too low a level, a token signed with an unknown key);
- `/token` wants HTTP Basic client authentication, redeems each code once, checks the redirect
  URI and the PKCE verifier, and returns a signed ID token (RS256, 5 minutes);
- `/end-session` (RP-Initiated Logout) checks `client_id` and `post_logout_redirect_uri`;
- `/_control/log` (what happened, as JSON) and `/_control/rotate` (a new signing key).

Only the standard library and joserfc (the JOSE library Authlib itself uses): no Loket code, so
the client is tested against something it does not share code with.
"""

import argparse
import base64
import hashlib
import html
import json
import os
import secrets
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit
from urllib.request import Request, urlopen

from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

BSN = "urn:nl-eid-gdi:1.0:id:BSN"
KVK = "urn:nl-eid-gdi:1.0:id:KvKnr"
# Fictitious persons as the broker reports them (Loket's claim layout, app/identity/claims.py).
# DigiD sends no name; eHerkenning sends the business's name.
PERSONAS: dict[str, dict[str, Any]] = {
    "fatima": {"sub": "999993653", "sub_id_type": BSN},
    "jan": {"sub": "999992648", "sub_id_type": BSN},
    "sanne": {
        "sub": "999995182",
        "sub_id_type": BSN,
        "represents": {"sub": "999994669", "sub_id_type": BSN, "relation": "machtiging"},
    },
    "ria": {
        "sub": "999990020",
        "sub_id_type": BSN,
        "represents": {"sub": "999999151", "sub_id_type": BSN, "relation": "bewindvoering"},
    },
    "bakkerij": {"sub": "90000001", "sub_id_type": KVK, "name": "Bakkerij Voorbeeld (demo)"},
}
CODE_LIFETIME = 60
TOKEN_LIFETIME = 300


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class Provider:
    """The broker's state: registered client, pending logins, codes, keys and a log."""

    def __init__(
        self,
        issuer: str,
        client_id: str,
        client_secret: str,
        redirect_uris: list[str],
        post_logout_uris: list[str],
    ) -> None:
        self.issuer = issuer
        self.client_id = client_id
        self.client_secret = client_secret
        self.redirect_uris = redirect_uris
        self.post_logout_uris = post_logout_uris
        self.lock = threading.Lock()
        self.requests: dict[str, dict[str, Any]] = {}
        self.codes: dict[str, dict[str, Any]] = {}
        self.events: list[dict[str, Any]] = []
        self.keys = [self._new_key()]
        self.stranger = self._new_key()  # signs tokens with a key the JWKS does not publish

    @staticmethod
    def _new_key() -> RSAKey:
        kid = secrets.token_hex(8)
        return RSAKey.generate_key(2048, parameters={"kid": kid, "use": "sig", "alg": "RS256"})

    def record(self, event: str, **details: Any) -> None:
        with self.lock:
            self.events.append({"event": event, "at": time.time(), **details})

    def metadata(self) -> dict[str, Any]:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "end_session_endpoint": f"{self.issuer}/end-session",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic"],
            "code_challenge_methods_supported": ["S256"],
            "scopes_supported": ["openid"],
            "acr_values_supported": [
                "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
                "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
                "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard",
                "http://eidas.europa.eu/LoA/substantial",
                "urn:etoegang:core:assurance-class:loa2",
                "urn:etoegang:core:assurance-class:loa3",
            ],
            "claims_supported": ["sub", "sub_id_type", "acr", "name", "represents", "sid"],
            "authorization_response_iss_parameter_supported": True,
        }

    def jwks(self) -> dict[str, Any]:
        return KeySet(self.keys).as_dict(private=False)

    def rotate(self) -> str:
        with self.lock:
            self.keys.insert(0, self._new_key())
            return str(self.keys[0].kid)

    # -- authorize ------------------------------------------------------------------------

    def check_authorize(self, q: dict[str, str]) -> tuple[str | None, str | None]:
        """Return (error to show on the page, error to send back to the client)."""
        if q.get("client_id") != self.client_id:
            return "unknown client_id", None
        if q.get("redirect_uri") not in self.redirect_uris:
            return "redirect_uri is not registered", None
        if q.get("response_type") != "code":
            return None, "unsupported_response_type"
        if "openid" not in q.get("scope", "").split():
            return None, "invalid_scope"
        if not q.get("state") or not q.get("nonce"):
            return None, "invalid_request"
        if q.get("code_challenge_method") != "S256" or len(q.get("code_challenge", "")) != 43:
            return None, "invalid_request"
        return None, None

    def begin(self, q: dict[str, str]) -> str:
        request_id = secrets.token_urlsafe(16)
        with self.lock:
            self.requests[request_id] = dict(q)
        shown = {k: v for k, v in q.items() if k not in ("state", "nonce", "code_challenge")}
        self.record("authorize", **shown)
        return request_id

    def decide(self, form: dict[str, str]) -> str:
        """Return where the browser goes after the person approved or cancelled."""
        with self.lock:
            q = self.requests.pop(form.get("request", ""), None)
        if q is None:
            raise LookupError("unknown or finished login")
        answer: dict[str, str] = {"state": q["state"], "iss": self.issuer}
        if form.get("decision") != "approve":
            answer["error"] = "access_denied"
            self.record("cancelled")
        else:
            persona = dict(PERSONAS.get(form.get("persona", ""), PERSONAS["fatima"]))
            requested = q.get("acr_values", "").split()
            if requested:
                persona["acr"] = requested[0]
            extra = json.loads(form.get("claims") or "{}")
            code = secrets.token_urlsafe(32)
            with self.lock:
                self.codes[code] = {
                    "request": q,
                    "claims": {**persona, **extra},
                    "issued": time.time(),
                    "used": False,
                }
            answer["code"] = code
        separator = "&" if "?" in q["redirect_uri"] else "?"
        return q["redirect_uri"] + separator + urlencode(answer)

    # -- token ----------------------------------------------------------------------------

    def client_authenticated(self, header: str | None) -> bool:
        if not header or not header.startswith("Basic "):
            return False
        try:
            raw = base64.b64decode(header[6:]).decode()
        except ValueError:
            return False
        from urllib.parse import unquote

        client_id, _, secret = raw.partition(":")
        return unquote(client_id) == self.client_id and secrets.compare_digest(
            unquote(secret), self.client_secret
        )

    def token(self, form: dict[str, str], auth: str | None) -> tuple[int, dict[str, Any]]:
        if not self.client_authenticated(auth):
            self.record("token", result="invalid_client")
            return 401, {"error": "invalid_client"}
        if form.get("grant_type") != "authorization_code":
            return 400, {"error": "unsupported_grant_type"}
        with self.lock:
            entry = self.codes.get(form.get("code", ""))
            replay = entry is not None and entry["used"]
            if entry is not None:
                entry["used"] = True
        if entry is None or replay or time.time() - entry["issued"] > CODE_LIFETIME:
            self.record("token", result="invalid_grant", replay=replay)
            return 400, {"error": "invalid_grant"}
        q = entry["request"]
        if form.get("redirect_uri") != q["redirect_uri"]:
            self.record("token", result="invalid_grant", why="redirect_uri")
            return 400, {"error": "invalid_grant"}
        challenge = _b64(hashlib.sha256(form.get("code_verifier", "").encode()).digest())
        if not secrets.compare_digest(challenge, q.get("code_challenge", "")):
            self.record("token", result="invalid_grant", why="pkce")
            return 400, {"error": "invalid_grant"}
        claims = dict(entry["claims"])
        delay = float(claims.pop("token_delay", 0))
        if delay:
            time.sleep(delay)
        self.record("token", result="ok", auth="client_secret_basic")
        access_token = secrets.token_urlsafe(32)
        return 200, {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": TOKEN_LIFETIME,
            "id_token": self.id_token(claims, q),
        }

    def id_token(self, claims: dict[str, Any], q: dict[str, str]) -> str:
        now = int(time.time())
        lifetime = int(claims.pop("exp_in", TOKEN_LIFETIME))
        signer = claims.pop("signed_by", "broker")
        body = {
            "iss": self.issuer,
            "aud": self.client_id,
            "iat": now,
            "nbf": now,
            "exp": now + lifetime,
            "auth_time": now,
            "nonce": q["nonce"],
            "jti": secrets.token_hex(12),
            "sid": secrets.token_hex(12),
            **claims,
        }
        body = {k: v for k, v in body.items() if v is not None}  # `"acr": null` drops a claim
        key = self.stranger if signer == "stranger" else self.keys[0]
        return jwt.encode({"alg": "RS256", "kid": key.kid}, body, key)

    # -- end session ----------------------------------------------------------------------

    def end_session(self, q: dict[str, str]) -> str | None:
        """Return where to send the browser back to, or None when the request is refused."""
        target = q.get("post_logout_redirect_uri")
        client_ok = q.get("client_id") == self.client_id
        self.record(
            "end_session",
            client_id=q.get("client_id"),
            post_logout_redirect_uri=target,
            logout_hint=q.get("logout_hint"),
            id_token_hint="id_token_hint" in q,
        )
        if not client_ok or target not in self.post_logout_uris:
            return None
        state = q.get("state")
        return target + (("?" + urlencode({"state": state})) if state else "")


def _consent_page(provider: Provider, request_id: str, q: dict[str, str]) -> str:
    options = "".join(
        f'<li><label><input type="radio" name="persona" value="{key}"'
        f"{' checked' if i == 0 else ''}> {key}</label></li>"
        for i, key in enumerate(PERSONAS)
    )
    return (
        "<!doctype html><html lang='nl'><head><meta charset='utf-8'>"
        "<title>Nep-inlogdienst (test)</title></head><body><main>"
        "<h1>Nep-inlogdienst (test)</h1>"
        f"<p>Gevraagd niveau: {html.escape(q.get('acr_values', '-'))}</p>"
        '<form method="post" action="/authorize">'
        f'<input type="hidden" name="request" value="{html.escape(request_id)}">'
        f"<fieldset><legend>Als wie?</legend><ul>{options}</ul></fieldset>"
        '<p><label for="claims">Claims (JSON)</label>'
        '<textarea id="claims" name="claims"></textarea></p>'
        '<button type="submit" name="decision" value="approve">Inloggen</button> '
        '<button type="submit" name="decision" value="cancel">Annuleren</button>'
        "</form></main></body></html>"
    )


class Handler(BaseHTTPRequestHandler):
    provider: Provider
    server_version = "FakeOidc/1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read /_control/log
        pass

    def _send(
        self, status: int, body: str | bytes, kind: str, headers: dict[str, str] | None = None
    ):  # type: ignore[no-untyped-def]
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _json(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(data), "application/json", headers)

    def _redirect(self, url: str) -> None:
        self._send(302, "", "text/plain", {"Location": url})

    def _query(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}

    def _form(self) -> dict[str, str]:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode()
        return {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}

    def do_GET(self) -> None:
        p = self.provider
        path = urlsplit(self.path).path
        if path == "/.well-known/openid-configuration":
            self._json(200, p.metadata())
        elif path == "/jwks":
            self._json(200, p.jwks())
        elif path == "/authorize":
            q = self._query()
            page_error, client_error = p.check_authorize(q)
            if page_error:
                self._send(400, f"<h1>Fout</h1><p>{html.escape(page_error)}</p>", "text/html")
            elif client_error:
                separator = "&" if "?" in q["redirect_uri"] else "?"
                answer = {"error": client_error, "state": q.get("state", ""), "iss": p.issuer}
                self._redirect(q["redirect_uri"] + separator + urlencode(answer))
            else:
                self._send(200, _consent_page(p, p.begin(q), q), "text/html; charset=utf-8")
        elif path == "/end-session":
            target = p.end_session(self._query())
            if target is None:
                self._send(400, "<h1>Uitloggen geweigerd</h1>", "text/html")
            else:
                self._redirect(target)
        elif path == "/_control/log":
            with p.lock:
                self._json(200, list(p.events))
        else:
            self._send(404, "not found", "text/plain")

    def do_POST(self) -> None:
        p = self.provider
        path = urlsplit(self.path).path
        if path == "/authorize":
            try:
                self._redirect(p.decide(self._form()))
            except (LookupError, ValueError) as error:
                self._send(400, f"<h1>Fout</h1><p>{html.escape(str(error))}</p>", "text/html")
        elif path == "/token":
            status, body = p.token(self._form(), self.headers.get("Authorization"))
            self._json(status, body)
        elif path == "/_control/rotate":
            self._json(200, {"kid": p.rotate()})
        else:
            self._send(404, "not found", "text/plain")


def serve(args: argparse.Namespace) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    issuer = f"http://127.0.0.1:{server.server_port}"
    Handler.provider = Provider(
        issuer, args.client_id, args.client_secret, args.redirect_uri, args.post_logout_uri
    )
    if args.exit_with_parent:
        _exit_with_parent()
    print(f"FAKE-OIDC READY {issuer}", flush=True)
    with suppress(KeyboardInterrupt):  # Ctrl+C when run by hand
        server.serve_forever()


def _exit_with_parent() -> None:
    """Stop when the test run that started this process is gone (killed, crashed)."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


# -- the test's side: start the process, act as the person at the broker ------------------


@dataclass
class FakeProvider:
    """A running fake broker process, and what a person does on its pages."""

    issuer: str
    client_id: str
    client_secret: str
    process: subprocess.Popen[str]

    @classmethod
    def start(
        cls,
        redirect_uris: list[str],
        post_logout_uris: list[str],
        client_id: str = "loket",
        client_secret: str = "geheim-voor-tests",
    ) -> "FakeProvider":
        command = [sys.executable, "-m", "tests.fakes.oidc_provider", "--port", "0"]
        command += ["--exit-with-parent"]
        command += ["--client-id", client_id, "--client-secret", client_secret]
        for uri in redirect_uris:
            command += ["--redirect-uri", uri]
        for uri in post_logout_uris:
            command += ["--post-logout-uri", uri]
        root = Path(__file__).resolve().parents[2]
        process = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.startswith("FAKE-OIDC READY "):
            process.kill()
            raise RuntimeError(f"the fake OIDC provider did not start: {line!r}")
        return cls(line.split()[-1], client_id, client_secret, process)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()

    def _open(self, url: str, data: dict[str, str] | None = None) -> tuple[int, str, str]:
        """Send a request; return (status, Location or "", body) without following redirects."""
        import urllib.error
        import urllib.request

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args: Any, **kwargs: Any) -> None:
                return None

        opener = urllib.request.build_opener(NoRedirect)
        body = urlencode(data).encode() if data is not None else None
        try:
            with opener.open(Request(url, data=body), timeout=10) as response:
                return (
                    response.status,
                    response.headers.get("Location", ""),
                    response.read().decode(),
                )
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", ""), error.read().decode()

    def consent_page(self, authorize_url: str) -> str:
        assert authorize_url.startswith(self.issuer + "/authorize?"), authorize_url
        status, _, page = self._open(authorize_url)
        assert status == 200, page
        return page

    def decide(
        self, authorize_url: str, decision: str, persona: str = "fatima", **claims: Any
    ) -> str:
        """Open the broker's page like a person and press a button; return the callback URL."""
        page = self.consent_page(authorize_url)
        request_id = page.split('name="request" value="', 1)[1].split('"', 1)[0]
        form = {"request": html.unescape(request_id), "decision": decision, "persona": persona}
        if claims:
            form["claims"] = json.dumps(claims)
        status, location, body = self._open(self.issuer + "/authorize", form)
        assert status == 302, body
        return location

    def approve(self, authorize_url: str, persona: str = "fatima", **claims: Any) -> str:
        """Log in as `persona`; `claims` change the ID token (aud=..., exp_in=-600, acr=...)."""
        return self.decide(authorize_url, "approve", persona, **claims)

    def cancel(self, authorize_url: str) -> str:
        return self.decide(authorize_url, "cancel")

    def end_session(self, url: str) -> tuple[int, str]:
        status, location, _ = self._open(url)
        return status, location

    def log(self, event: str | None = None) -> list[dict[str, Any]]:
        with urlopen(self.issuer + "/_control/log", timeout=10) as response:
            events: list[dict[str, Any]] = json.loads(response.read())
        return [e for e in events if event is None or e["event"] == event]

    def rotate_key(self) -> str:
        with urlopen(Request(self.issuer + "/_control/rotate", data=b""), timeout=10) as r:
            return str(json.loads(r.read())["kid"])


@contextmanager
def running(redirect_uris: list[str], post_logout_uris: list[str]) -> Iterator[FakeProvider]:
    provider = FakeProvider.start(redirect_uris, post_logout_uris)
    try:
        yield provider
    finally:
        provider.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=9000)
    parser.add_argument("--client-id", default="loket")
    parser.add_argument("--client-secret", default="geheim")
    parser.add_argument("--redirect-uri", action="append", default=[])
    parser.add_argument("--post-logout-uri", action="append", default=[])
    parser.add_argument("--exit-with-parent", action="store_true")
    serve(parser.parse_args())


if __name__ == "__main__":
    main()
