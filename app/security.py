"""Security headers on every response, and the one check for where a redirect may go."""

from urllib.parse import urlsplit

from flask import Flask, Response, url_for

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


def init_app(app: Flask) -> None:
    @app.after_request
    def security_headers(response: Response) -> Response:
        h = response.headers
        h["Content-Security-Policy"] = CSP
        h["X-Content-Type-Options"] = "nosniff"
        h["X-Frame-Options"] = "DENY"
        h["Referrer-Policy"] = "strict-origin-when-cross-origin"
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        h["Cross-Origin-Opener-Policy"] = "same-origin"
        if app.config.get("HSTS"):
            h["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
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
