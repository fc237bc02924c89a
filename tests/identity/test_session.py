"""The resident's session: until when the login lasts, "Blijf ingelogd" without JavaScript,
"Stoppen en wissen", and cookies that end with the browser."""

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.core import flows
from app.core.capabilities import Capability, wiring
from app.core.time import frozen_at, local
from tests.browse import csrf_token, demo_login, resident_login
from tests.identity.test_login import logged_in_resident, pick, start_demo_login
from tests.pagecheck import check_page

TEN = dt.datetime(2026, 12, 1, 10, 0)


def login_ends(app: Flask, client: FlaskClient) -> dt.datetime:
    with client.session_transaction() as stored:
        login_id = stored["resident"]
    with app.app_context():
        login = flows.get(login_id, "inlog")
        assert login is not None and login.expires_at is not None
        return local(login.expires_at).replace(tzinfo=None)


def start_flow(app: Flask, kind: str = "afspraak") -> None:
    if f"_test_{kind}" not in app.view_functions:

        def start() -> str:
            flows.start(kind, {"naam": "Fatima"})
            return "ok"

        app.add_url_rule(f"/_test/{kind}", f"_test_{kind}", start)


def test_the_component_says_until_when(app: Flask, client: FlaskClient) -> None:
    with frozen_at(TEN):
        resident_login(client, "fatima")
        page = check_page(client.get("/sessie").data, "nl")
    box = page.select_one("[data-session]")
    assert box is not None and box["data-session-seconds"] == "900"
    text = " ".join(box.get_text().split())
    assert "U bent ingelogd als Fatima El Amrani." in text
    assert "U bent ingelogd tot 10:15." in text
    assert box.select_one("[data-session-until]").get_text() == "10:15"
    form = box.select_one("form#sessie-verlengen")
    assert form["method"] == "post" and form["action"] == "/sessie/verlengen"
    assert form.select_one("input[name=csrf_token]")["value"]
    assert form.select_one("input[name=terug]")["value"] == "/sessie"
    assert form.find("button").get_text() == "Blijf ingelogd"
    live = box.select_one("[data-session-warning]")
    assert live["role"] == "status" and live.get_text() == "", "the live region waits, empty"
    assert page.find("script", src=lambda s: bool(s and "dist/sessie." in s and s.endswith(".js")))


def test_blijf_ingelogd_without_javascript(app: Flask, client: FlaskClient) -> None:
    with frozen_at(TEN) as clock:
        resident_login(client, "anna")
        page = client.get("/sessie").get_data(as_text=True)
        clock.advance(dt.timedelta(minutes=14))
        response = client.post(
            "/sessie/verlengen",
            data={"csrf_token": csrf_token(page), "terug": "/diensten/kwijtschelding?stap=2"},
        )
        assert response.status_code == 303
        assert response.location == "/diensten/kwijtschelding?stap=2", "back to the same page"
        assert login_ends(app, client) == dt.datetime(2026, 12, 1, 10, 29)
        clock.advance(dt.timedelta(minutes=14))
        assert logged_in_resident(app, client) is not None


def test_blijf_ingelogd_with_javascript_answers_json(app: Flask, client: FlaskClient) -> None:
    with frozen_at(TEN) as clock:
        resident_login(client, "anna")
        page = client.get("/sessie").get_data(as_text=True)
        clock.advance(dt.timedelta(minutes=5))
        response = client.post(
            "/sessie/verlengen",
            data={"csrf_token": csrf_token(page), "terug": "/sessie"},
            headers={"Accept": "application/json"},
        )
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert response.json == {"logged_in": True, "seconds": 900, "until": "10:20"}


def test_the_status_does_not_keep_the_login_alive(app: Flask, client: FlaskClient) -> None:
    with frozen_at(TEN) as clock:
        resident_login(client, "anna")
        clock.advance(dt.timedelta(minutes=10))
        status = client.get("/sessie/status")
        assert status.json == {"seconds": 300, "until": "10:15"}
        assert login_ends(app, client) == dt.datetime(2026, 12, 1, 10, 15)
        clock.advance(dt.timedelta(minutes=6))
        assert client.get("/sessie/status").json == {"seconds": 0, "until": None}


def test_blijf_ingelogd_too_late_goes_to_log_in_again(app: Flask, client: FlaskClient) -> None:
    with frozen_at(TEN) as clock:
        resident_login(client, "jan")
        page = client.get("/sessie").get_data(as_text=True)
        clock.advance(dt.timedelta(minutes=16))
        response = client.post(
            "/sessie/verlengen", data={"csrf_token": csrf_token(page), "terug": "/sessie"}
        )
        assert response.status_code == 303
        assert response.location == "/login?volgende=/sessie"
        late = client.post(
            "/sessie/verlengen",
            data={"csrf_token": csrf_token(page), "terug": "/sessie"},
            headers={"Accept": "application/json"},
        )
        assert late.json == {"logged_in": False, "seconds": 0, "until": None}


@pytest.mark.parametrize("terug", ["https://kwaadwillend.example/", "//kwaadwillend.example"])
def test_blijf_ingelogd_never_leaves_the_site(client: FlaskClient, terug: str) -> None:
    resident_login(client, "jan")
    page = client.get("/sessie").get_data(as_text=True)
    response = client.post(
        "/sessie/verlengen", data={"csrf_token": csrf_token(page), "terug": terug}
    )
    assert response.location == "/"


def test_blijf_ingelogd_needs_its_token(client: FlaskClient) -> None:
    resident_login(client, "jan")
    assert client.post("/sessie/verlengen", data={"terug": "/sessie"}).status_code == 400


def test_content_pages_show_nothing_per_person(client: FlaskClient) -> None:
    resident_login(client, "fatima")
    for path in ("/", "/diensten/kwijtschelding", "/en/diensten/kwijtschelding", "/contact"):
        html = client.get(path).get_data(as_text=True)
        assert "data-session" not in html and "Fatima" not in html, path
        assert "stoppen-en-wissen" not in html, path


def test_answers_stay_when_the_login_ends(app: Flask, client: FlaskClient) -> None:
    start_flow(app)
    with frozen_at(TEN) as clock:
        client.get("/_test/afspraak")
        resident_login(client, "fatima")
        clock.advance(dt.timedelta(minutes=16))
        page = check_page(client.get("/sessie").data, "nl").get_text(" ")
    assert "U bent niet ingelogd." in page
    assert "Iets anders wat u aan het invullen was" in page, "the answers are still there"
    with app.app_context():
        assert flows.count("afspraak") == 1


def test_stoppen_en_wissen_forgets_every_flow(app: Flask, client: FlaskClient) -> None:
    start_flow(app)
    start_flow(app, "formulier-meedoen")
    wiring(app).capabilities.append(
        Capability(
            "test-labels",
            providers={"sessie.onderdelen": lambda: {"afspraak": "Een afspraak maken"}},
        )
    )
    client.get("/_test/afspraak")
    client.get("/_test/formulier-meedoen")
    page = client.get("/sessie").get_data(as_text=True)
    assert "Een afspraak maken" in page
    assert client.post("/stoppen").status_code == 400, "without its token nothing is wiped"
    with app.app_context():
        assert flows.count("afspraak") == 1
    response = client.post("/stoppen", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 303 and response.location == "/gewist"
    with app.app_context():
        assert flows.count() == 0, "deleted from the store, not only forgotten"
    wiped = check_page(client.get("/gewist").data, "nl")
    assert wiped.find("h1").get_text() == "Wij hebben alles gewist"
    items = [li.get_text() for li in wiped.select("main ul li")]
    assert items == ["Een afspraak maken", "Iets anders wat u aan het invullen was"]
    assert "U bent uitgelogd" not in wiped.get_text(), "nobody was logged in"
    again = check_page(client.get("/gewist").data, "nl").get_text(" ")
    assert "Wij bewaren niets meer van u in deze browser." in again
    assert client.get_cookie("loket_sessie") is None, "nothing is left in the cookie"


def test_stoppen_en_wissen_ends_the_login_and_the_broker_session(
    app: Flask, client: FlaskClient
) -> None:
    start_flow(app)
    client.get("/_test/afspraak")
    resident_login(client, "sanne")
    page = client.get("/sessie").get_data(as_text=True)
    response = client.post("/stoppen", data={"csrf_token": csrf_token(page)})
    assert response.location == "/logout", "first on to the broker"
    with app.app_context():
        assert flows.count("inlog") == 0 and flows.count("afspraak") == 0
    leaving = check_page(client.get("/logout").data, "nl")
    onward = leaving.find("a", string="Verder naar DigiD")["href"]
    assert client.get(onward).location == "/logout"
    assert client.get("/logout").location == "/gewist"
    summary = check_page(client.get("/gewist").data, "nl").get_text(" ")
    assert "U bent uitgelogd. Ook bij DigiD." in summary
    with client.session_transaction() as stored:
        assert dict(stored) == {}, "no login, no staff account, no flows"


def staff_accounts(app: Flask) -> None:
    from app.auth.cli import fill_accounts

    with app.app_context():
        fill_accounts()


def test_stoppen_en_wissen_ends_a_staff_session_too(app: Flask, client: FlaskClient) -> None:
    staff_accounts(app)
    demo_login(client, "medewerker")
    page = client.get("/sessie").get_data(as_text=True)
    client.post("/stoppen", data={"csrf_token": csrf_token(page)})
    assert client.get("/medewerker/").status_code == 302, "signed out: back to the sign-in page"


def set_cookie_headers(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [h for h in response.headers.getlist("Set-Cookie") if h.startswith("loket_sessie=")]


def test_resident_session_cookies_end_with_the_browser(app: Flask, client: FlaskClient) -> None:
    callback = pick(client, start_demo_login(client), "fatima")
    [cookie] = set_cookie_headers(client.get(callback))
    attributes = [a.strip().lower() for a in cookie.split(";")[1:]]
    assert "httponly" in attributes and "samesite=lax" in attributes and "path=/" in attributes
    assert not any(a.startswith(("expires", "max-age")) for a in attributes), cookie
    [cookie] = set_cookie_headers(client.get("/sessie"))  # every visit keeps it a session cookie
    assert "expires" not in cookie.lower()


def test_a_staff_session_lasts_its_hours_but_a_resident_login_after_it_does_not(
    app: Flask, client: FlaskClient
) -> None:
    from app.auth.cli import DEMO_ACCOUNTS

    staff_accounts(app)
    page = client.get("/medewerker/inloggen").get_data(as_text=True)
    email, _, _, password = next(a for a in DEMO_ACCOUNTS if a[2] == "medewerker")
    staff = client.post(
        "/medewerker/inloggen",
        data={"email": email, "password": password, "csrf_token": csrf_token(page)},
    )
    [cookie] = set_cookie_headers(staff)
    assert "expires=" in cookie.lower(), "staff: PERMANENT_SESSION_LIFETIME (8 hours)"
    callback = pick(client, start_demo_login(client), "fatima")
    [cookie] = set_cookie_headers(client.get(callback))
    assert "expires=" not in cookie.lower(), "the resident's login ends with the browser"


def test_production_cookies_are_secure(database_url: str) -> None:
    from tests.conftest import make_app

    app = make_app(database_url, SESSION_COOKIE_SECURE=True)
    client = app.test_client()
    callback = pick(client, start_demo_login(client), "jan")
    [cookie] = set_cookie_headers(client.get(callback))
    assert "secure" in [a.strip().lower() for a in cookie.split(";")]


def test_the_demo_logout_page_sends_the_browser_on(client: FlaskClient) -> None:
    resident_login(client, "jan")
    page = client.get("/logout").get_data(as_text=True)
    client.post("/logout", data={"csrf_token": csrf_token(page)})
    leaving = check_page(client.get("/logout").data, "nl")
    refresh = leaving.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert refresh.startswith("0; url=/login/demo/uitloggen")
    assert parse_qs(urlsplit(refresh.split("url=")[1]).query) == {"method": ["digid"]}
    assert leaving.find("h1").get_text() == "Uitloggen bij DigiD"


@pytest.mark.parametrize("path", ["/sessie", "/logout", "/login?method=digid", "/gewist"])
def test_session_pages_are_never_cached(client: FlaskClient, path: str) -> None:
    resident_login(client, "fatima")
    response = client.get(path, follow_redirects=True)
    assert response.headers["Cache-Control"] == "no-store"
    assert "Cookie" in response.headers["Vary"]
