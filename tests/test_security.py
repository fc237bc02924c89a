"""Security headers on every kind of response, CSRF, and what the session cookie holds."""

import base64
import json
import zlib

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.browse import demo_login


def assert_security_headers(headers: object) -> None:
    h = dict(headers)  # type: ignore[call-overload]
    csp = h["Content-Security-Policy"]
    for part in (
        "default-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ):
        assert part in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert h["X-Content-Type-Options"] == "nosniff"
    assert h["X-Frame-Options"] == "DENY"
    assert h["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_headers_on_a_page(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert_security_headers(response.headers)
    assert "Strict-Transport-Security" not in response.headers  # only in production


def test_headers_on_a_404(client: FlaskClient) -> None:
    response = client.get("/bestaat-echt-niet")
    assert response.status_code == 404
    assert_security_headers(response.headers)
    assert "Praat met een mens" in response.get_data(as_text=True)


def test_headers_on_a_static_file(client: FlaskClient, app: Flask) -> None:
    with app.test_request_context():
        from app.assets import asset_url

        url = asset_url("dist/loket.css")
    response = client.get(url)
    assert response.status_code == 200
    assert_security_headers(response.headers)
    response.close()


def test_forced_500_shows_b1_page_without_trace(app: Flask) -> None:
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/test-kapot")
    def broken() -> str:
        raise RuntimeError("secret internal detail")

    response = app.test_client().get("/test-kapot")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert_security_headers(response.headers)
    assert "Er ging bij ons iets mis" in body
    assert "secret internal detail" not in body and "Traceback" not in body
    assert "14 024" in body


def test_hsts_in_production(monkeypatch: pytest.MonkeyPatch) -> None:
    from app import create_app
    from app.config import ProductionConfig

    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    monkeypatch.setenv("PUBLIC_URL", "https://loket.example")
    monkeypatch.setenv("RATELIMIT_STORAGE_URI", "redis://127.0.0.1:1/0")  # not reached here
    config = type(
        "P",
        (ProductionConfig,),
        {
            "SECRET_KEY": "x" * 40,
            "SQLALCHEMY_DATABASE_URI": "sqlite://",
            "CONNECTORS": {"inlog": "oidc"},
            # A production app refuses to start with a half-configured broker.
            "OIDC_ISSUER": "https://login.example",
            "OIDC_CLIENT_ID": "loket",
            "OIDC_CLIENT_SECRET": "x" * 32,
            "PUBLIC_URL": "https://loket.example",
            "RATELIMIT_STORAGE_URI": "memory://",
        },
    )
    response = create_app(config).test_client().get("/")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_production_refuses_to_start_without_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    from app import create_app

    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError):
        create_app("production")


def test_login_without_csrf_token_is_refused(client: FlaskClient) -> None:
    response = client.post(
        "/medewerker/inloggen",
        data={"email": "redacteur@loket.example", "password": "demo-redacteur-2026"},
    )
    assert response.status_code == 400
    assert "Het formulier is verlopen" in response.get_data(as_text=True)


def decode_session(cookie: str) -> dict[str, object]:
    payload = cookie.split(".")[0 if not cookie.startswith(".") else 1]
    raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    if cookie.startswith("."):
        raw = zlib.decompress(raw)
    return dict(json.loads(raw))


def test_session_cookie_holds_no_personal_data(app: Flask) -> None:
    app.test_cli_runner().invoke(args=["demo", "vullen"])
    client = app.test_client()
    demo_login(client, "redacteur")
    cookie = client.get_cookie("loket_sessie")
    assert cookie is not None
    assert cookie.http_only and cookie.same_site == "Lax"
    data = decode_session(cookie.value)
    text = json.dumps(data)
    for personal in ("redacteur@loket.example", "Demo Redacteur", "demo-redacteur-2026"):
        assert personal not in text
    assert set(data) <= {"staff", "csrf_token", "_permanent", "_flashes"}


def test_production_session_cookie_is_secure() -> None:
    from app.config import ProductionConfig

    assert ProductionConfig.SESSION_COOKIE_SECURE is True
    assert ProductionConfig.SESSION_COOKIE_HTTPONLY is True
    assert ProductionConfig.SESSION_COOKIE_SAMESITE == "Lax"


def test_rate_limit_switch_is_per_app(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The Limiter object is shared: an app created later must not switch limits on elsewhere."""
    from tests.conftest import migrated_app

    relaxed = migrated_app(f"sqlite:///{tmp_path / 'a.db'}", RATELIMIT_ENABLED=False)
    strict = migrated_app(f"sqlite:///{tmp_path / 'b.db'}")
    codes = [relaxed.test_client().get("/zoeken?q=afval").status_code for _ in range(65)]
    assert set(codes) == {200}
    codes = [strict.test_client().get("/zoeken?q=afval").status_code for _ in range(61)]
    assert codes[-1] == 429


def test_405_keeps_the_allow_header(client: FlaskClient) -> None:
    response = client.post("/contact")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]


def test_absolute_links_use_the_public_url_not_the_host_header(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import migrated_app

    app = migrated_app(f"sqlite:///{tmp_path / 'p.db'}", PUBLIC_URL="https://loket.example")
    client = app.test_client()
    headers = {"Host": "kwaad.example"}
    assert "https://loket.example/diensten/" in client.get(
        "/sitemap.xml", headers=headers
    ).get_data(as_text=True)
    page = client.get("/contact", headers=headers).get_data(as_text=True)
    assert 'href="https://loket.example/en/contact"' in page and "kwaad.example" not in page


def test_static_files_are_hashed_precompressed_and_immutable(
    client: FlaskClient, app: Flask
) -> None:
    from app.assets import asset_url

    with app.test_request_context():
        url = asset_url("dist/loket.css")
    assert url.startswith("/static/dist/loket.") and url.endswith(".css") and "?" not in url
    for encoding in ("br", "gzip"):
        response = client.get(url, headers={"Accept-Encoding": encoding})
        assert response.headers["Content-Encoding"] == encoding
        assert "immutable" in response.headers["Cache-Control"]
        assert "max-age=315360000" in response.headers["Cache-Control"]
        etag = response.headers["ETag"]
        response.close()
        again = client.get(url, headers={"Accept-Encoding": encoding, "If-None-Match": etag})
        assert again.status_code == 304
        again.close()
    # Served before Flask: no view for static files, not even under /en.
    assert "static" not in app.view_functions
    assert client.get("/en" + url).status_code == 404
