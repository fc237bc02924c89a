"""The real OIDC client (Authlib) against the fake broker, a process of its own on a loopback
port: discovery, authorize with PKCE, state and nonce, the token endpoint with HTTP Basic, an
RS256 ID token checked against the JWKS. Each case is what a resident (or an attacker) does."""

import json
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from app.core import flows
from app.identity.resident import Resident
from tests.conftest import make_app
from tests.fakes.oidc_provider import FakeProvider
from tests.identity.conftest import (
    CALLBACK,
    PUBLIC_URL,
    back_at_loket,
    oidc_login,
    oidc_settings,
    start_login,
)
from tests.identity.test_login import cookie_payload, logged_in_resident
from tests.pagecheck import check_page

MIDDEN = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"
BASIS = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"


def h1(response) -> str:  # type: ignore[no-untyped-def]
    return check_page(response.get_data(as_text=True)).find("h1").get_text(strip=True)


def test_a_good_login(
    oidc_app: Flask, oidc_client: FlaskClient, oidc_provider: FakeProvider
) -> None:
    authorize = start_login(oidc_client, "digid", target="/diensten/kwijtschelding")
    query = parse_qs(urlsplit(authorize).query)
    assert query["acr_values"] == [MIDDEN], "the method's acr_values select DigiD"
    assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) == 43
    assert query["redirect_uri"] == [CALLBACK] and query["scope"] == ["openid"]
    state, nonce = query["state"][0], query["nonce"][0]
    # The secrets wait in the flow store, not in the cookie.
    cookie = json.dumps(cookie_payload(oidc_app, oidc_client))
    assert state not in cookie and nonce not in cookie
    with oidc_app.app_context():
        assert flows.count("inlog-start") == 1

    done = back_at_loket(oidc_client, oidc_provider.approve(authorize, "fatima"))
    assert done.status_code == 302 and done.location == "/diensten/kwijtschelding"
    resident = logged_in_resident(oidc_app, oidc_client)
    assert resident == Resident("bsn", "999993653", "", "digid", MIDDEN, None, resident.logout_hint)
    assert resident.logout_hint, "the broker's session id is kept for logging out there"
    text = json.dumps(cookie_payload(oidc_app, oidc_client))
    assert "999993653" not in text and resident.logout_hint not in text
    token_calls = [e for e in oidc_provider.log("token") if e["result"] == "ok"]
    assert token_calls and token_calls[-1]["auth"] == "client_secret_basic"
    with oidc_app.app_context():
        assert flows.count("inlog-start") == 0, "a finished start is deleted"
    page = check_page(oidc_client.get("/sessie").data, "nl")
    assert "U bent ingelogd met DigiD." in page.get_text()


def test_a_wrong_state_is_refused_and_the_code_not_used(
    oidc_app: Flask, oidc_client: FlaskClient, oidc_provider: FakeProvider
) -> None:
    callback = oidc_provider.approve(start_login(oidc_client), "fatima")
    before = len(oidc_provider.log("token"))
    forged = callback.replace("state=", "state=x")
    response = back_at_loket(oidc_client, forged)
    assert response.status_code == 400 and h1(response) == "Het inloggen is niet gelukt"
    assert len(oidc_provider.log("token")) == before, "the code never reached the broker"
    assert logged_in_resident(oidc_app, oidc_client) is None
    # The start is spent: even the right answer now cannot log in (no guessing the state).
    again = back_at_loket(oidc_client, callback)
    assert again.status_code == 400 and h1(again) == "Het inloggen is verlopen"


def test_a_replayed_code_is_refused(
    oidc_app: Flask, oidc_client: FlaskClient, oidc_provider: FakeProvider
) -> None:
    callback = oidc_provider.approve(start_login(oidc_client), "fatima")
    assert back_at_loket(oidc_client, callback).status_code == 302
    # The same answer again: the start it belonged to is gone.
    assert back_at_loket(oidc_client, callback).status_code == 400
    # An attacker's own fresh start with the stolen code: the broker refuses the second use.
    attacker = oidc_app.test_client()
    new_state = parse_qs(urlsplit(start_login(attacker)).query)["state"][0]
    code = parse_qs(urlsplit(callback).query)["code"][0]
    iss = oidc_provider.issuer
    replay = back_at_loket(attacker, f"{CALLBACK}?code={code}&state={new_state}&iss={iss}")
    assert replay.status_code == 400 and h1(replay) == "Het inloggen is niet gelukt"
    assert oidc_provider.log("token")[-1] == {**oidc_provider.log("token")[-1], "replay": True}
    assert logged_in_resident(oidc_app, attacker) is None


@pytest.mark.parametrize(
    ("claims", "why"),
    [
        ({"aud": "een-andere-dienst"}, "a token for another client"),
        ({"aud": "een-andere-dienst", "azp": "loket"}, "for another client, azp ours"),
        ({"aud": ["loket", "een-andere-dienst"]}, "for two clients without azp"),
        ({"exp_in": -600}, "expired ten minutes ago"),
        ({"iss": "http://127.0.0.1:1"}, "from another issuer"),
        ({"nonce": "een-andere-nonce"}, "made for another login"),
        ({"signed_by": "stranger"}, "signed with a key the JWKS does not publish"),
        ({"sub": "999993654"}, "a BSN that fails the elfproef"),
        ({"sub_id_type": "urn:nl-eid-gdi:1.0:id:pseudonym"}, "a pseudonym, not a BSN"),
        ({"represents": {"sub": "pseudoniem"}}, "acting for someone without a number"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_a_bad_id_token_is_refused(
    oidc_app: Flask,
    oidc_client: FlaskClient,
    oidc_provider: FakeProvider,
    claims: dict[str, object],
    why: str,
) -> None:
    response = oidc_login(oidc_client, oidc_provider, **claims)
    assert response.status_code == 400, why
    assert h1(response) == "Het inloggen is niet gelukt"
    assert logged_in_resident(oidc_app, oidc_client) is None, why


@pytest.mark.parametrize("acr", [BASIS, None, "urn:etoegang:core:assurance-class:loa3"])
def test_too_low_an_assurance_level_is_refused(
    oidc_app: Flask, oidc_client: FlaskClient, oidc_provider: FakeProvider, acr: str | None
) -> None:
    response = oidc_login(oidc_client, oidc_provider, acr=acr)
    assert response.status_code == 403
    assert h1(response) == "Dit inlogmiddel is niet genoeg"
    assert "DigiD app of met een sms-code" in response.get_data(as_text=True)
    assert logged_in_resident(oidc_app, oidc_client) is None


def test_a_login_cancelled_at_the_broker(
    oidc_app: Flask, oidc_client: FlaskClient, oidc_provider: FakeProvider
) -> None:
    authorize = start_login(oidc_client, target="/sessie")
    response = back_at_loket(oidc_client, oidc_provider.cancel(authorize))
    assert response.status_code == 400 and h1(response) == "U bent niet ingelogd"
    retry = check_page(response.data).find("a", string="Opnieuw inloggen")["href"]
    assert retry == "/login?method=digid&volgende=/sessie", "trying again keeps the way back"
    assert logged_in_resident(oidc_app, oidc_client) is None


def test_the_broker_down(database_url: str, oidc_provider: FakeProvider) -> None:
    down = FakeProvider.start([CALLBACK], [])
    try:
        app = make_app(database_url, **oidc_settings(down))
        client = app.test_client()
        authorize = start_login(client)  # up at the start ...
        callback = down.approve(authorize)
    finally:
        down.stop()  # ... and down when the resident comes back
    response = back_at_loket(client, callback)
    assert response.status_code == 503 and h1(response) == "Inloggen lukt nu niet"
    with app.app_context():
        app.extensions["loket.connectors"].clear()  # a new process: nothing known about it
    started = time.monotonic()
    response = client.get("/login?method=digid")
    assert response.status_code == 503 and h1(response) == "Inloggen lukt nu niet"
    assert "14 024" in response.get_data(as_text=True), "a phone number to call instead"
    assert time.monotonic() - started < 2


def test_a_slow_broker_gives_up_after_the_timeout(
    database_url: str, oidc_provider: FakeProvider
) -> None:
    app = make_app(database_url, **oidc_settings(oidc_provider, OIDC_TIMEOUT_SECONDS=0.5))
    client = app.test_client()
    started = time.monotonic()
    response = oidc_login(client, oidc_provider, token_delay=3)
    assert response.status_code == 503
    assert time.monotonic() - started < 2.5, "the resident waits the timeout, not the broker"


def test_new_signing_keys_are_fetched(
    oidc_app: Flask, oidc_client: FlaskClient, oidc_provider: FakeProvider
) -> None:
    assert oidc_login(oidc_client, oidc_provider).status_code == 302  # keys fetched and kept
    oidc_provider.rotate_key()
    other = oidc_app.test_client()
    assert oidc_login(other, oidc_provider, persona="jan").status_code == 302
    assert logged_in_resident(oidc_app, other).subject == "999992648"  # type: ignore[union-attr]


def test_acting_for_someone_as_the_broker_reports_it(
    oidc_app: Flask, oidc_provider: FakeProvider
) -> None:
    sanne, ria, bakkerij = (oidc_app.test_client() for _ in range(3))
    assert oidc_login(sanne, oidc_provider, persona="sanne").status_code == 302
    acting = logged_in_resident(oidc_app, sanne).acting_for  # type: ignore[union-attr]
    assert (acting.subject_type, acting.subject, acting.kind) == ("bsn", "999994669", "machtiging")  # type: ignore[union-attr]
    assert logged_in_resident(oidc_app, sanne).client == ("bsn", "999994669")  # type: ignore[union-attr]
    page = check_page(sanne.get("/sessie").data).get_text(" ")
    assert "U regelt dit namens iemand anders, met een machtiging." in page

    assert oidc_login(ria, oidc_provider, persona="ria").status_code == 302
    assert logged_in_resident(oidc_app, ria).acting_for.kind == "bewindvoerder"  # type: ignore[union-attr]

    response = oidc_login(bakkerij, oidc_provider, "eherkenning", "bakkerij")
    assert response.status_code == 302
    business = logged_in_resident(oidc_app, bakkerij)
    assert business is not None and business.client == ("kvk", "90000001")
    assert business.level == "urn:etoegang:core:assurance-class:loa3"
    assert "U bent ingelogd als Bakkerij Voorbeeld (demo)." in check_page(
        bakkerij.get("/sessie").data
    ).get_text(" ")


def test_logging_in_midway_keeps_the_answers(
    oidc_app: Flask, oidc_client: FlaskClient, oidc_provider: FakeProvider
) -> None:
    @oidc_app.get("/_test/start")
    def start() -> str:
        flows.start("afspraak", {"onderwerp": "verhuizen"})
        return "ok"

    @oidc_app.get("/_test/read")
    def read() -> str:
        flow = flows.load("afspraak")
        return flow.data["onderwerp"] if flow else "weg"

    oidc_client.get("/_test/start")
    old_cookie = oidc_client.get_cookie("loket_sessie").value  # type: ignore[union-attr]
    assert oidc_login(oidc_client, oidc_provider, target="/_test/read").status_code == 302
    assert oidc_client.get("/_test/read").get_data(as_text=True) == "verhuizen"
    # A copy of the cookie taken before the login (a shared computer) reaches nothing.
    copy = oidc_app.test_client()
    copy.set_cookie("loket_sessie", old_cookie)
    assert copy.get("/_test/read").get_data(as_text=True) == "weg"
    assert logged_in_resident(oidc_app, copy) is None


def test_logout_ends_the_broker_session_too(
    oidc_app: Flask, oidc_client: FlaskClient, oidc_provider: FakeProvider
) -> None:
    assert oidc_login(oidc_client, oidc_provider).status_code == 302
    sid = logged_in_resident(oidc_app, oidc_client).logout_hint  # type: ignore[union-attr]
    page = oidc_client.get("/logout")
    assert "form-action 'self'" in page.headers["Content-Security-Policy"]
    from tests.browse import csrf_token

    response = oidc_client.post("/logout", data={"csrf_token": csrf_token(page.get_data(True))})
    assert response.status_code == 303 and response.location == "/logout"
    assert logged_in_resident(oidc_app, oidc_client) is None, "logged out here at once"
    leaving = oidc_client.get("/logout")
    soup = check_page(leaving.data, "nl")
    assert soup.find("h1").get_text() == "Uitloggen bij DigiD"
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
    end_url = refresh.split("url=", 1)[1]
    assert soup.find("a", string="Verder naar DigiD")["href"] == end_url
    query = parse_qs(urlsplit(end_url).query)
    assert end_url.startswith(oidc_provider.issuer + "/end-session?")
    assert query["post_logout_redirect_uri"] == [PUBLIC_URL + "/logout"]
    assert query["logout_hint"] == [sid] and "id_token_hint" not in query, "no BSN in the URL"
    status, back = oidc_provider.end_session(end_url)
    assert status == 302 and back.startswith(PUBLIC_URL + "/logout")
    assert oidc_provider.log("end_session")[-1]["logout_hint"] == sid
    final = oidc_client.get(back.removeprefix(PUBLIC_URL))
    assert check_page(final.data).find("h1").get_text() == "U bent uitgelogd"


def test_an_english_logout_comes_back_in_english(
    oidc_app: Flask, oidc_client: FlaskClient, oidc_provider: FakeProvider
) -> None:
    assert oidc_login(oidc_client, oidc_provider, target="/en/sessie").location == "/en/sessie"
    from tests.browse import csrf_token

    page = oidc_client.get("/en/logout").get_data(as_text=True)
    oidc_client.post("/en/logout", data={"csrf_token": csrf_token(page)})
    soup = BeautifulSoup(oidc_client.get("/en/logout").data, "html.parser")
    end_url = soup.find("meta", attrs={"http-equiv": "refresh"})["content"].split("url=", 1)[1]
    query = parse_qs(urlsplit(end_url).query)
    assert query["post_logout_redirect_uri"] == [PUBLIC_URL + "/en/logout"]
    assert oidc_provider.end_session(end_url)[0] == 302, "both addresses are registered"


def test_the_broker_session_ends_even_after_the_login_timed_out(
    oidc_app: Flask, oidc_client: FlaskClient, oidc_provider: FakeProvider
) -> None:
    import datetime as dt

    from app.core.time import frozen_at, utcnow
    from tests.browse import csrf_token

    assert oidc_login(oidc_client, oidc_provider).status_code == 302
    with frozen_at(utcnow() + dt.timedelta(minutes=16)):
        page = oidc_client.get("/sessie").get_data(as_text=True)
        assert "U bent niet ingelogd." in page
        response = oidc_client.post("/stoppen", data={"csrf_token": csrf_token(page)})
        assert response.location == "/logout", "on to the broker first"
        leaving = BeautifulSoup(oidc_client.get("/logout").data, "html.parser")
        end_url = leaving.find("a", string="Verder naar DigiD")["href"]
        assert "logout_hint" not in end_url, "no session id is left to send"
        status, back = oidc_provider.end_session(end_url)
        assert status == 302
        wiped = oidc_client.get(back.removeprefix(PUBLIC_URL))
        assert wiped.status_code == 302 and wiped.location == "/gewist"
        summary = check_page(oidc_client.get("/gewist").data).get_text(" ")
        assert "Ook bij DigiD." in summary
