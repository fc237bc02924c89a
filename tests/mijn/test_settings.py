"""Mijn instellingen: the contact preference, its errors, and what is stored of it."""

import pytest
from flask import Flask

from app.extensions import db
from app.mijn import contact
from app.mijn.models import ContactPreference
from tests.browse import csrf_token
from tests.conftest import both_databases
from tests.mijn.conftest import logged_in, page, text
from tests.pagecheck import check_page


def post(client, **fields: str):  # type: ignore[no-untyped-def]
    form = client.get("/mijn/instellingen").get_data(as_text=True)
    data = {"csrf_token": csrf_token(form), "lang": "nl", "email": "", "phone": "", **fields}
    return client.post("/mijn/instellingen", data=data)


def test_no_choice_yet_means_a_letter(demo: Flask) -> None:
    soup = page(logged_in(demo, "fatima"), "/mijn/instellingen")
    assert "Dan krijgt u een brief op het adres waar u staat ingeschreven." in text(soup)
    checked = soup.select_one("input[name=channel][checked]")
    assert checked is not None and checked["value"] == "brief"


@both_databases()
def test_a_choice_is_kept_under_a_keyed_hash_and_shown_again(demo: Flask) -> None:
    client = logged_in(demo, "fatima")
    response = post(client, channel="sms", phone="06 1234 5678", lang="en")
    assert response.status_code == 302 and response.location == "/mijn/instellingen"
    soup = page(client, "/mijn/instellingen")
    assert "Uw keuze is bewaard." in text(soup)
    assert soup.select_one("input[name=channel][checked]")["value"] == "sms"  # type: ignore[index]
    assert soup.select_one("input[name=lang][checked]")["value"] == "en"  # type: ignore[index]
    assert soup.select_one("input[name=phone]")["value"] == "+31612345678"  # type: ignore[index]
    with demo.app_context():
        (row,) = db.session.scalars(db.select(ContactPreference))
        assert row.subject_key == contact.contact_key("bsn", "999993653")
        assert "999993653" not in row.subject_key and len(row.subject_key) == 64
        assert (row.channel, row.phone, row.email, row.lang) == ("sms", "+31612345678", None, "en")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"channel": "email"}, "email", "Vul uw e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."),
        ({"channel": "email", "email": "anna@voorbeeld"}, "email", "met een @ en een punt"),
        ({"channel": "sms"}, "phone", "Vul uw mobiele nummer in, bijvoorbeeld 06 12345678."),
        ({"channel": "sms", "phone": "024 329 99 99"}, "phone", "Een vast nummer kan geen sms"),
        ({"channel": "sms", "phone": "06 abc"}, "phone", "Vul een mobiel nummer in"),
        ({"channel": "duif"}, "channel", "per brief, e-mail of sms"),
        ({"channel": "brief", "lang": "fr"}, "lang", "Kies Nederlands of English."),
    ],
)
def test_bad_input_is_told_at_the_field_and_kept(
    demo: Flask, fields: dict[str, str], field: str, message: str
) -> None:
    response = post(logged_in(demo, "fatima"), **fields)
    assert response.status_code == 400
    soup = check_page(response.get_data(as_text=True), "nl")
    assert soup.title is not None and soup.title.get_text().startswith("Fout: ")
    error = soup.find(id=f"{field}-fout")
    assert error is not None and message in error.get_text(), error
    for name, value in fields.items():
        if name in ("email", "phone"):
            assert soup.select_one(f"input[name={name}]")["value"] == value  # type: ignore[index]
    with demo.app_context():
        assert db.session.scalars(db.select(ContactPreference)).all() == []


def test_an_expired_form_saves_nothing(demo: Flask) -> None:
    client = logged_in(demo, "fatima")
    response = client.post("/mijn/instellingen", data={"channel": "brief", "lang": "nl"})
    assert response.status_code == 400
    assert "Het formulier is verlopen" in response.get_data(as_text=True)
    with demo.app_context():
        assert db.session.scalars(db.select(ContactPreference)).all() == []
