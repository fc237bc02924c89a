"""The fake OIDC broker (its own process) and an app whose login goes through it for real."""

from collections.abc import Iterator
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from app.extensions import db
from tests.conftest import make_app
from tests.fakes.oidc_provider import FakeProvider

PUBLIC_URL = "http://localhost"
CALLBACK = PUBLIC_URL + "/auth/callback"
AFTER_LOGOUT = [PUBLIC_URL + "/logout", PUBLIC_URL + "/en/logout"]


@pytest.fixture(scope="session")
def oidc_provider() -> Iterator[FakeProvider]:
    provider = FakeProvider.start([CALLBACK], AFTER_LOGOUT)
    yield provider
    provider.stop()


def oidc_settings(provider: FakeProvider, **overrides: object) -> dict[str, object]:
    return {
        "CONNECTORS": {"inlog": "oidc"},
        "OIDC_ISSUER": provider.issuer,
        "OIDC_CLIENT_ID": provider.client_id,
        "OIDC_CLIENT_SECRET": provider.client_secret,
        "PUBLIC_URL": PUBLIC_URL,
        "DEMO_LOGIN": False,
        "OIDC_TIMEOUT_SECONDS": 2,
        **overrides,
    }


@pytest.fixture
def oidc_app(database_url: str, oidc_provider: FakeProvider) -> Iterator[Flask]:
    app = make_app(database_url, **oidc_settings(oidc_provider))
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def oidc_client(oidc_app: Flask) -> FlaskClient:
    return oidc_app.test_client()


def start_login(client: FlaskClient, method: str = "digid", target: str | None = None) -> str:
    """Press "Inloggen met ..." on Loket; return the broker's authorize address."""
    url = f"/login?method={method}" + (f"&volgende={quote(target, safe='')}" if target else "")
    response = client.get(url)
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.location


def back_at_loket(client: FlaskClient, callback: str) -> TestResponse:
    """Follow the broker's redirect back to Loket's callback."""
    assert callback.startswith(CALLBACK + "?"), callback
    return client.get(callback.removeprefix(PUBLIC_URL))


def oidc_login(
    client: FlaskClient,
    provider: FakeProvider,
    method: str = "digid",
    persona: str = "fatima",
    target: str | None = None,
    **claims: object,
) -> TestResponse:
    """Log in through the fake broker the way a resident does; return Loket's answer."""
    authorize = start_login(client, method, target)
    return back_at_loket(client, provider.approve(authorize, persona, **claims))
