"""/zaak-status: a case's status by its number and postcode, the same answer for any mismatch."""

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.browse import csrf_token
from tests.mijn.conftest import filled_app, text
from tests.mijn.test_nothing_stored import everything
from tests.pagecheck import check_page


def ask(client: FlaskClient, reference: str, postcode: str, prefix: str = "") -> TestResponse:
    token = csrf_token(client.get(f"{prefix}/zaak-status").get_data(as_text=True))
    data = {"csrf_token": token, "reference": reference, "postcode": postcode}
    return client.post(f"{prefix}/zaak-status", data=data)


def test_the_number_and_postcode_show_the_status_in_plain_words(demo: Flask) -> None:
    before = everything(demo)
    response = ask(demo.test_client(), "zk 4769 hm", "6532ef")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    words = text(check_page(response.get_data(as_text=True), "nl"))
    assert "Zo staat het met uw aanvraag" in words
    assert "Wij willen met u praten over uw aanvraag." in words
    assert "Vraag naar het Wmo-loket en noem het nummer ZK-4769-HM." in words
    assert "ombudsman" in words
    assert everything(demo) == before  # nothing stored for it


def test_english(demo: Flask) -> None:
    response = ask(demo.test_client(), "ZK-4769-HM", "6532 EF", prefix="/en")
    words = text(check_page(response.get_data(as_text=True), "en"))
    assert "We would like to talk to you about your application." in words


@pytest.mark.parametrize(
    ("reference", "postcode"),
    [("ZK-4769-HM", "6511 AB"), ("ZK-9999-XX", "6532 EF"), ("ZK-3647-PV", "6532 EF")],
    ids=["wrong postcode", "no such case", "another persons case"],
)
def test_a_wrong_number_and_a_wrong_postcode_get_the_same_answer(
    demo: Flask, reference: str, postcode: str
) -> None:
    response = ask(demo.test_client(), reference, postcode)
    assert response.status_code == 200
    soup = check_page(response.get_data(as_text=True), "nl")
    alert = soup.find(role="alert")
    assert alert is not None
    assert alert.get_text(" ", strip=True).startswith("Wij vonden geen aanvraag met dit nummer")
    assert "Hulp thuis" not in text(soup) and "Bewonersparkeervergunning" not in text(soup)


@pytest.mark.parametrize(
    ("reference", "postcode", "field", "message"),
    [
        ("", "6532 EF", "reference", "Vul het nummer van uw aanvraag in"),
        ("4769", "6532 EF", "reference", "zoals het in de brief staat"),
        ("ZK-4769-HM", "", "postcode", "Vul uw postcode in, bijvoorbeeld 6511 AB."),
        ("ZK-4769-HM", "0532 EF", "postcode", "Vul uw postcode in, bijvoorbeeld 6511 AB."),
    ],
)
def test_bad_input_is_told_at_the_field(
    demo: Flask, reference: str, postcode: str, field: str, message: str
) -> None:
    response = ask(demo.test_client(), reference, postcode)
    assert response.status_code == 400
    soup = check_page(response.get_data(as_text=True), "nl")
    error = soup.find(id=f"{field}-fout")
    assert error is not None and message in error.get_text()
    assert soup.select_one("input[name=reference]")["value"] == reference  # type: ignore[index]


def test_a_case_system_that_is_down(database_url: str) -> None:
    app = filled_app(database_url, CONNECTORS={"zaken": "kapot"})
    response = ask(app.test_client(), "ZK-4769-HM", "6532 EF")
    assert response.status_code == 503
    assert "Wij kunnen de aanvragen nu niet bekijken." in text(
        check_page(response.get_data(as_text=True), "nl")
    )


def test_the_lookup_is_rate_limited(database_url: str) -> None:
    from tests.conftest import make_app

    app = make_app(database_url)
    client = app.test_client()
    codes = [ask(client, "ZK-9999-XX", "6532 EF").status_code for _ in range(11)]
    assert codes[:10] == [200] * 10 and codes[10] == 429
