"""What every response gets, decided in one place: security headers, who may cache it and
whether it may be compressed; plus the checks on what a client sends (Host, file parts) and the
one check for where a redirect may go.

The caching rule is read from the request itself, so a new capability follows it without being
listed anywhere: a response is private (`Cache-Control: no-store`, never compressed, against
BREACH) when it was answered with the session open (a login, a CSRF token, a flash message, a
flow), when a CSRF token was generated, when the view needs a staff role, when the request was not
a GET, or when the view called `personal()` (personal data reached without a session).
"""

from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Request, Response, abort, current_app, g, request, url_for
from flask.globals import request_ctx
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface, SessionMixin
from werkzeug.exceptions import HTTPException
from werkzeug.sansio.utils import get_host

from app import compression

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ]
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
HSTS = "max-age=31536000; includeSubDomains"
NO_STORE = "no-store"

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def security_headers(hsts: bool) -> list[tuple[str, str]]:
    """The headers every response carries (static files too: see app/assets.py)."""
    headers = list(HEADERS.items())
    if hsts:
        headers.append(("Strict-Transport-Security", HSTS))
    return headers


def personal() -> None:
    """Mark this response as personal: never stored by a cache, never compressed.

    Needed only where personal data is shown without the session being touched (a case status
    looked up by reference and postcode); everything behind a login is private already.
    """
    g.loket_personal = True


def session_touched() -> bool:
    """Whether this request read or wrote the session (what Flask answers with Vary: Cookie).

    Read without the `session` proxy: in Flask 3.1 the proxy itself marks the session as read.
    """
    opened = getattr(request_ctx, "_session", None)
    return bool(getattr(opened, "accessed", True))


def is_private(response: Response) -> bool:
    """Whether this response may show something of one person (see the module docstring)."""
    view = current_app.view_functions.get(request.endpoint or "")
    field = current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    return bool(
        session_touched()
        or field in g
        or g.get("loket_personal")
        or hasattr(view, "required_role")
        or request.method not in ("GET", "HEAD")
        or "Set-Cookie" in response.headers
    )


def accepts_files[F: Callable[..., Any]](view: F) -> F:
    """Mark a view that takes uploaded files; every other view refuses file parts with a 400."""
    view.accepts_files = True  # type: ignore[attr-defined]
    return view


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, refreshed only by requests that use it.

    Flask renews a permanent session's cookie on every response; a public page would then carry
    a visitor's Set-Cookie into a shared cache.
    """

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        if not request.cookies.get(self.get_cookie_name(app)) and app.secret_key:
            return self.session_class()  # no cookie: nothing to verify (most page views)
        return super().open_session(app, request)

    def should_set_cookie(self, app: Flask, session: SessionMixin) -> bool:
        return session.modified or (
            session.permanent and app.config["SESSION_REFRESH_EACH_REQUEST"] and session.accessed
        )


class HostCheck:
    """Answer a Host header that is not trusted or not a valid name with a 400 page.

    Flask cannot build URLs for such a host (`Host: a..b` crashed the error page too), so the
    request reaches the app with a safe host and a mark; `init_app` turns the mark into a 400.
    """

    def __init__(self, wsgi_app: WSGIApp, app: Flask) -> None:
        self.wsgi_app = wsgi_app
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        trusted = self.app.config.get("TRUSTED_HOSTS")
        server = (environ.get("SERVER_NAME", ""), int(environ.get("SERVER_PORT") or 80))
        try:
            scheme = environ.get("wsgi.url_scheme", "http")
            host = get_host(scheme, environ.get("HTTP_HOST"), server, trusted)
            if not host:
                raise ValueError("invalid characters in Host")
            self.app.url_map.bind(host)  # the IDNA check that URL building does
        except (HTTPException, ValueError):  # SecurityError is a BadRequest
            environ["loket.bad_host"] = True
            environ["HTTP_HOST"] = fallback_host(self.app)
        return self.wsgi_app(environ, start_response)


def fallback_host(app: Flask) -> str:
    public = urlsplit(app.config.get("PUBLIC_URL") or "").netloc
    trusted = app.config.get("TRUSTED_HOSTS") or []
    return public or next((h for h in trusted if not h.startswith(".")), "") or "localhost"


def public_url() -> str:
    """The site's own address for absolute links: PUBLIC_URL, never the request's Host header.

    Only the development server (and the test servers) fall back to the host of the request.
    """
    configured = str(current_app.config.get("PUBLIC_URL") or "")
    if configured:
        return configured.rstrip("/")
    if current_app.config.get("PUBLIC_URL_FROM_REQUEST"):
        return request.host_url.rstrip("/")
    raise RuntimeError("PUBLIC_URL is not set")


def check_config(app: Flask) -> None:
    """Refuse to start outside development without what makes absolute links and hosts safe."""
    if not app.config.get("PUBLIC_URL_FROM_REQUEST"):
        public = str(app.config.get("PUBLIC_URL") or "")
        if not public.startswith(("https://", "http://")):
            raise RuntimeError("PUBLIC_URL must be set, e.g. https://loket.nijmegen.nl")
        if app.config.get("TRUSTED_HOSTS") is None:
            app.config["TRUSTED_HOSTS"] = [urlsplit(public).hostname or ""]


def init_app(app: Flask) -> None:
    check_config(app)
    app.session_interface = SessionInterface()
    app.wsgi_app = HostCheck(app.wsgi_app, app)  # type: ignore[method-assign]
    headers = security_headers(bool(app.config.get("HSTS")))

    @app.before_request
    def refuse_what_we_cannot_handle() -> None:
        if request.environ.get("loket.bad_host"):
            abort(400)
        view = app.view_functions.get(request.endpoint or "")
        # A text field sent as a file part (curl -F text=@file) reaches the validators as a
        # FileStorage; only views that take uploads read those.
        if (
            request.mimetype == "multipart/form-data"
            and request.files
            and not getattr(view, "accepts_files", False)
        ):
            abort(400)

    @app.after_request
    def finish(response: Response) -> Response:
        for name, value in headers:
            response.headers[name] = value
        if g.get("loket_varies_on_htmx"):
            response.vary.add("HX-Request")
        if is_private(response):
            response.headers["Cache-Control"] = NO_STORE
            response.headers.pop("ETag", None)
        else:
            compression.compress(response)
        return response


def safe_return_path(target: str | None) -> str:
    """Only return to a path on this site: never an open redirect."""
    if not target:
        return url_for("pages.home")
    parts = urlsplit(target)
    # Browsers read "/\\host" as "//host"; control characters can hide a scheme.
    unsafe = "\\" in target or any(ord(c) < 32 for c in target)
    if (
        parts.scheme
        or parts.netloc
        or unsafe
        or not target.startswith("/")
        or target.startswith("//")
    ):
        return url_for("pages.home")
    return target
