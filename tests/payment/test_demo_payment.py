"""The payment connector with the demo provider: start, the Testomgeving page, the return."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from app.core.time import frozen_at
from app.payment import service
from tests.browse import csrf_token
from tests.conftest import make_app
from tests.pagecheck import check_page


def start(app: Flask, return_path: str = "/formulieren/bewonersparkeervergunning/betaald"):  # type: ignore[no-untyped-def]
    with app.test_request_context():
        return service.start_payment(
            "PV-4736-KM", 5150, "Bewonersparkeervergunning 2027", return_path
        )


def choose(client: FlaskClient, url: str, choice: str) -> str:
    page = client.get(url)
    assert page.status_code == 200
    check_page(page.get_data(as_text=True), "nl")
    answer = client.post(
        url, data={"csrf_token": csrf_token(page.get_data(as_text=True)), "choice": choice}
    )
    assert answer.status_code == 303
    return str(answer.location)


@pytest.mark.parametrize(
    ("choice", "state"), [("betalen", "betaald"), ("annuleren", "geannuleerd")]
)
def test_pay_or_cancel_and_come_back(
    app: Flask, client: FlaskClient, choice: str, state: str
) -> None:
    started = start(app)
    page = client.get(started.redirect_url)
    html = page.get_data(as_text=True)
    assert "Testomgeving" in html and "€ 51,50" in html and "PV-4736-KM" in html
    assert page.headers["Cache-Control"] == "no-store"
    back = choose(client, started.redirect_url, choice)
    assert back == f"/formulieren/bewonersparkeervergunning/betaald?betaling={started.payment_id}"
    with app.test_request_context():
        payment = service.payment_status(started.payment_id)
    assert (payment.state, payment.reference, payment.amount_cents) == (state, "PV-4736-KM", 5150)
    assert payment.paid is (state == "betaald")


def test_a_finished_payment_cannot_be_changed(app: Flask, client: FlaskClient) -> None:
    started = start(app)
    choose(client, started.redirect_url, "betalen")
    page = client.get(started.redirect_url).get_data(as_text=True)
    assert "al gedaan of gestopt" in page and 'id="betalen"' not in page
    client.post(started.redirect_url, data={"csrf_token": csrf_token(page), "choice": "annuleren"})
    with app.test_request_context():
        assert service.payment_status(started.payment_id).state == "betaald"


def test_without_csrf_nothing_happens(app: Flask, client: FlaskClient) -> None:
    started = start(app)
    answer = client.post(started.redirect_url, data={"choice": "betalen"})
    assert answer.status_code in (200, 400)
    with app.test_request_context():
        assert service.payment_status(started.payment_id).state == "open"


def test_the_return_path_stays_on_this_site(app: Flask, client: FlaskClient) -> None:
    started = start(app, return_path="https://elders.example/phish")
    assert choose(client, started.redirect_url, "betalen").startswith("/?betaling=")


def test_unknown_and_expired_payments(app: Flask, client: FlaskClient) -> None:
    page = client.get("/betalen/demo/bestaat-niet")
    assert page.status_code == 404
    check_page(page.get_data(as_text=True), "nl")
    with frozen_at(dt.datetime(2026, 12, 1, 12, 0)) as clock:
        started = start(app)
        clock.advance(dt.timedelta(minutes=31))
        assert client.get(started.redirect_url).status_code == 404
        with app.test_request_context(), pytest.raises(service.UnknownPayment):
            service.payment_status(started.payment_id)


def test_an_amount_of_nothing_is_a_mistake(app: Flask) -> None:
    with app.test_request_context(), pytest.raises(ValueError):
        service.start_payment("PV-1", 0, "Niets", "/")


def test_the_example_payment_in_english(client: FlaskClient) -> None:
    page = client.get("/en/betalen/demo")
    soup = check_page(page.get_data(as_text=True), "en")
    form = soup.select_one("#proefbetaling")
    assert form is not None
    paid = client.post(
        str(form["action"]), data={"csrf_token": csrf_token(str(soup))}, follow_redirects=True
    )
    pay = BeautifulSoup(paid.get_data(as_text=True), "html.parser")
    assert paid.request.path.startswith("/en/betalen/demo/")
    assert pay.select_one("#betalen") is not None


def test_off_where_demo_sources_are_off(database_url: str) -> None:
    app = make_app(database_url, DEMO_SOURCES=False)
    client = app.test_client()
    assert client.get("/betalen/demo").status_code == 404
    assert client.get("/betalen/demo/iets").status_code == 404
    with app.test_request_context(), pytest.raises(service.SourceUnavailable):
        service.start_payment("PV-1", 100, "Iets", "/")
