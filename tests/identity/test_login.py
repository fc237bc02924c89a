"""Residents log in through the broker; the demo broker takes the same route as the real one."""

import datetime as dt
import json
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.core import flows
from app.core.time import frozen_at
from app.identity.resident import Resident
from tests.browse import csrf_token, resident_login
from tests.pagecheck import check_page


def cookie_payload(app: Flask, client: FlaskClient) -> dict[str, object]:
    cookie = client.get_cookie("loket_sessie")
    assert cookie is not None
    return app.session_interface.get_signing_serializer(app).loads(cookie.value)  # type: ignore[attr-defined,no-any-return]


def logged_in_resident(app: Flask, client: FlaskClient) -> Resident | None:
    """Return who this browser is logged in as, read from the flow store (no request made)."""
    if client.get_cookie("loket_sessie") is None:
        return None
    with client.session_transaction() as stored:
        login_id = stored.get("resident")
    if not isinstance(login_id, str):
        return None
    with app.app_context():
        login = flows.get(login_id, "inlog")
    return Resident.from_data(login.data) if login else None


def start_demo_login(client: FlaskClient, method: str = "digid", target: str = "") -> str:
    url = f"/login?method={method}" + (f"&volgende={target}" if target else "")
    response = client.get(url)
    assert response.status_code == 302
    assert response.location.startswith("/login/demo?")
    return response.location


def pick(client: FlaskClient, demo_url: str, key: str) -> str:
    page = client.get(demo_url).get_data(as_text=True)
    state = parse_qs(urlsplit(demo_url).query)["state"][0]
    response = client.post(
        "/login/demo",
        data={"person": key, "state": state, "method": "digid", "csrf_token": csrf_token(page)},
    )
    assert response.status_code == 302
    return response.location


def test_a_demo_login_from_start_to_finish(app: Flask, client: FlaskClient) -> None:
    demo_url = start_demo_login(client, target="/diensten/kwijtschelding")
    page = check_page(client.get(demo_url).data, "nl")
    assert "Testomgeving" in page.get_text()
    assert "Fatima El Amrani" in page.get_text()
    callback = pick(client, demo_url, "fatima")
    assert callback.startswith("/auth/callback?")
    done = client.get(callback)
    assert done.status_code == 302 and done.location == "/diensten/kwijtschelding"
    with client.application.test_request_context():
        pass
    payload = cookie_payload(app, client)
    text = json.dumps(payload)
    assert "999993653" not in text and "Fatima" not in text, "the BSN stays server-side"
    logout = check_page(client.get("/logout").data, "nl")
    assert "Fatima El Amrani" in logout.get_text()


def test_a_code_works_once_and_needs_its_state(app: Flask, client: FlaskClient) -> None:
    callback = pick(client, start_demo_login(client), "jan")
    assert client.get(callback).status_code == 302
    replay = client.get(callback)
    assert replay.status_code == 400, "a replayed callback is refused"
    other = FlaskClient(app)
    demo_url = start_demo_login(other)
    callback = pick(other, demo_url, "jan")
    forged = callback.replace("state=", "state=x")
    assert other.get(forged).status_code == 400


def test_cancelled_at_the_broker(client: FlaskClient) -> None:
    demo_url = start_demo_login(client)
    page = check_page(client.get(demo_url).data, "nl")
    cancel = page.find("a", string="Stoppen met inloggen")["href"]
    response = client.get(cancel)
    assert response.status_code == 400
    assert "U bent niet ingelogd" in check_page(response.data, "nl").get_text()


def test_english_login_comes_back_in_english(client: FlaskClient) -> None:
    response = client.get("/en/login?method=digid")
    demo_url = response.location
    page = client.get(demo_url).get_data(as_text=True)
    state = parse_qs(urlsplit(demo_url).query)["state"][0]
    response = client.post(
        "/en/login/demo",
        data={"person": "xyz", "state": state, "method": "digid", "csrf_token": csrf_token(page)},
    )
    assert response.status_code == 200, "an unknown choice shows the form again"
    soup = check_page(response.data, "en")
    assert soup.title.get_text().startswith("Error: ")
    cancel = soup.find("a", href=lambda h: bool(h and "access_denied" in h))["href"]
    failed = client.get(cancel)
    assert check_page(failed.data, "en").find("h1").get_text() == "You are not logged in"


def test_logging_in_keeps_the_flow_but_rotates_the_session(app: Flask, client: FlaskClient) -> None:
    @app.get("/_test/start")
    def start() -> str:
        flows.start("afspraak", {"onderwerp": "verhuizen"})
        return "ok"

    @app.get("/_test/read")
    def read() -> str:
        flow = flows.load("afspraak")
        return flow.data["onderwerp"] if flow else "weg"

    client.get("/_test/start")
    before = cookie_payload(app, client)
    resident_login(client, "fatima")
    after = cookie_payload(app, client)
    assert client.get("/_test/read").get_data(as_text=True) == "verhuizen", "the flow is kept"
    assert after["flows"]["afspraak"] != before["flows"]["afspraak"], "under a new id"  # type: ignore[index]
    assert "csrf_token" not in after, "the CSRF token of the demo login page is dropped"
    assert "resident" in after and "resident" not in before
    with app.app_context():
        assert flows.get(before["flows"]["afspraak"]) is None, "the old id leads nowhere"  # type: ignore[index]


def test_idle_login_ends_after_fifteen_minutes(app: Flask, client: FlaskClient) -> None:
    start = dt.datetime(2026, 12, 1, 10, 0)
    with frozen_at(start) as clock:
        resident_login(client, "anna")
        clock.advance(dt.timedelta(minutes=14))
        assert "Anna Jansen" in client.get("/logout").get_data(as_text=True)
        clock.advance(dt.timedelta(minutes=14))  # still alive: the visit above moved it on
        assert "Anna Jansen" in client.get("/logout").get_data(as_text=True)
        clock.advance(dt.timedelta(minutes=16))
        page = check_page(client.get("/logout").data, "nl")
        assert page.find("h1").get_text() == "U bent uitgelogd"


def test_acting_for_someone_is_part_of_the_identity(app: Flask, client: FlaskClient) -> None:
    resident_login(client, "sanne")
    resident = logged_in_resident(app, client)
    assert isinstance(resident, Resident)
    assert resident.acting_for is not None and resident.acting_for.name == "Anna Jansen"
    assert resident.client == ("bsn", "999994669")
    page = check_page(client.get("/sessie").data, "nl").get_text(" ")
    assert "U bent ingelogd als Sanne Bakker." in page
    assert "U regelt dit namens Anna Jansen, met een machtiging." in page


def test_logout_needs_a_post_with_token(app: Flask, client: FlaskClient) -> None:
    resident_login(client, "jan")
    assert client.post("/logout").status_code == 400, "without a token: not logged out"
    assert "Jan de Vries" in client.get("/logout").get_data(as_text=True)
    page = client.get("/logout").get_data(as_text=True)
    response = client.post("/logout", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 303 and response.location == "/logout"
    with app.app_context():
        assert flows.count("inlog") == 0, "the login is deleted, not only forgotten"
    # The demo broker takes the real route: a stop at its end-session address, then back.
    leaving = check_page(client.get("/logout").data, "nl")
    assert leaving.find("h1").get_text() == "Uitloggen bij DigiD"
    onward = leaving.find("a", string="Verder naar DigiD")["href"]
    back = client.get(onward)
    assert back.status_code == 302 and back.location == "/logout"
    done = check_page(client.get("/logout").data, "nl")
    assert done.find("h1").get_text() == "U bent uitgelogd"
    assert "Jan de Vries" not in done.get_text()


def test_demo_login_is_off_in_production(monkeypatch: pytest.MonkeyPatch) -> None:
    from app import create_app
    from app.config import ProductionConfig

    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    monkeypatch.setenv("DATABASE_URL", "sqlite://")
    monkeypatch.setenv("PUBLIC_URL", "https://loket.example")
    monkeypatch.setenv("RATELIMIT_STORAGE_URI", "redis://127.0.0.1:1/0")  # production needs Redis
    monkeypatch.delenv("OIDC_ISSUER", raising=False)
    config = type(
        "P", (ProductionConfig,), {"CONNECTORS": {"inlog": "demo"}, "SECRET_KEY": "x" * 40}
    )
    with pytest.raises(RuntimeError, match="demo login is off"):
        create_app(config)
    assert ProductionConfig.DEMO_LOGIN is False


HOSTILE_TARGETS = [
    "https://kwaadwillend.example/",
    "//kwaadwillend.example/pad",
    "///kwaadwillend.example",
    "/\\kwaadwillend.example",
    "\\\\kwaadwillend.example",
    "javascript:alert(1)",
    "kwaadwillend.example",
    "/\tkwaadwillend.example",
    "/diensten\r\nSet-Cookie: x=y",
    "http:/kwaadwillend.example",
]


@pytest.mark.parametrize("target", HOSTILE_TARGETS)
def test_after_login_only_back_to_a_path_on_this_site(client: FlaskClient, target: str) -> None:
    callback = pick(client, start_demo_login(client, target=quote(target, safe="")), "jan")
    done = client.get(callback)
    assert done.status_code == 302
    assert done.location == "/", f"{target!r} led to {done.location!r}"


@pytest.mark.parametrize(
    "target", ["/sessie", "/diensten/kwijtschelding?stap=2", "/en/sessie", "/%2F%2Fhost"]
)
def test_after_login_back_where_you_were(client: FlaskClient, target: str) -> None:
    callback = pick(client, start_demo_login(client, target=quote(target, safe="")), "jan")
    assert client.get(callback).location == target


def test_the_login_links_carry_the_way_back(client: FlaskClient) -> None:
    page = check_page(client.get("/login?volgende=/sessie").data, "nl")
    links = [a["href"] for a in page.select(".loket-login-methods a")]
    assert links == [
        f"/login?method={m}&volgende=/sessie" for m in ("digid", "yivi", "eherkenning")
    ]
