"""The steps as a resident meets them: values filled in ahead with their source and date, always
editable; messages at the field with what was typed kept; a source that is down; out-of-order
and forged step URLs; CSRF."""

from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.extensions import db
from app.forms.engine import kind_of
from tests.conftest import make_app
from tests.forms.conftest import (
    ANSWERS,
    errors_on,
    fill_in,
    reference_on,
    step_name,
    submit_review,
)
from tests.forms.helpers import as_browser, resident_login, send, soup_of, text_of

KW = "/formulieren/kwijtschelding"


def field_value(response, name: str) -> str:  # type: ignore[no-untyped-def]
    found = soup_of(response).find(attrs={"name": name})
    assert found is not None, name
    return found.get_text() if found.name == "textarea" else str(found.get("value", ""))


def test_a_form_with_login_asks_to_log_in_first(client: FlaskClient) -> None:
    start = client.get(KW)
    assert "Inloggen en beginnen" in text_of(start)
    step = client.get(f"{KW}/gegevens")
    assert step.status_code == 302 and step.headers["Location"].startswith("/login?volgende=")
    assert "/formulieren/kwijtschelding/gegevens" in step.headers["Location"]


def test_values_from_the_registers_show_their_source_and_date_and_how_to_correct_them(
    client: FlaskClient,
) -> None:
    resident_login(client, "fatima")
    page = client.get(f"{KW}/gegevens", follow_redirects=True)
    assert field_value(page, "naam") == "Fatima El Amrani"
    assert field_value(page, "adres_postcode") == "6512 AB"
    assert field_value(page, "aanslag") == "2026-0100012"
    hint = soup_of(page).find(id="naam-uitleg")
    assert hint is not None
    assert "Uit de Basisregistratie Personen" in hint.get_text()
    assert "U kunt het veranderen" in hint.get_text()
    assert soup_of(page).find("input", attrs={"name": "naam"}).get("readonly") is None
    words = text_of(page)
    assert "Klopt dit niet?" in words and "Basisregistratie Personen" in words
    assert "Uit de belastingadministratie van de gemeente" in words
    assert "Stap 1 van 6" in words
    household = send(client, f"{KW}/gegevens")
    assert "Yasmin El Amrani, geboren op 2 maart 2015" in field_value(household, "huisgenoten")


def test_a_changed_value_is_the_residents_own_and_staff_see_it_was_changed(
    app: Flask, client: FlaskClient
) -> None:
    from app.cases import service as cases

    resident_login(client, "fatima")
    answers = {**ANSWERS["kwijtschelding"], "gegevens": {"naam": "Fatima El-Amrani"}}
    review = fill_in(client, "kwijtschelding", answers)
    words = text_of(review)
    assert "Fatima El-Amrani" in words
    assert "U heeft dit veranderd. Een medewerker kijkt het na." in words
    done = submit_review(client, "kwijtschelding")
    reference = reference_on(text_of(done))
    with app.test_request_context():
        data = cases.submissions(reference)[0].data
    name = next(a for s in data["stappen"] for a in s["antwoorden"] if a["vraag"] == "Uw naam")
    assert name["antwoord"] == ["Fatima El-Amrani"]
    assert name.get("veranderd_door_inwoner") is True and "bron" not in name


def test_messages_stand_at_the_field_and_what_was_typed_stays(client: FlaskClient) -> None:
    resident_login(client, "fatima")
    fill_in(client, "kwijtschelding", until="inkomen")
    page = send(client, f"{KW}/inkomen", {"netto": "heel veel", "spaargeld": ""})
    assert step_name(page) == "inkomen"
    errors = errors_on(page)
    assert any("Vul een bedrag in euro's in" in e for e in errors)
    assert any("Vul in hoeveel spaargeld u heeft" in e for e in errors)
    assert field_value(page, "netto") == "heel veel"
    assert soup_of(page).title.get_text().startswith("Fout:")
    summary = soup_of(page).select_one(".loket-error-summary")
    assert summary is not None and summary.find("a", href="#netto")
    box = soup_of(page).find("input", attrs={"name": "netto"})
    assert box.get("aria-invalid") == "true" and "netto-fout" in box.get("aria-describedby")


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"adres_postcode": "65 AB"}, "4 cijfers en 2 letters"),
        ({"adres_huisnummer": "999"}, "Wij vinden dit adres niet"),
        ({"naam": ""}, "Vul uw naam in."),
        ({"aanslag": "x" * 41}, "in 40 tekens of minder"),
    ],
)
def test_each_validation_message_of_the_first_step(
    client: FlaskClient, changes: dict[str, str], message: str
) -> None:
    resident_login(client, "fatima")
    page = send(client, f"{KW}/gegevens", changes)
    assert step_name(page) == "gegevens"
    assert any(message in e for e in errors_on(page)), errors_on(page)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"contact": ""}, "Kies hoe u de bevestiging wilt krijgen."),
        ({"contact": "email", "contact_email": ""}, "e-mailadres"),
        ({"contact": "sms", "contact_telefoon": "024 123 45 67"}, "mobiel"),
        ({"contact": "post-duif"}, "Kies hoe u de bevestiging wilt krijgen."),
    ],
)
def test_each_validation_message_of_the_contact_step(
    client: FlaskClient, changes: dict[str, str], message: str
) -> None:
    resident_login(client, "fatima")
    fill_in(client, "kwijtschelding", until="bericht")
    page = send(client, f"{KW}/bericht", changes)
    assert step_name(page) == "bericht"
    assert any(message.lower() in e.lower() for e in errors_on(page)), errors_on(page)


@pytest.fixture
def registers_down(database_url: str) -> Iterator[Flask]:
    app = make_app(
        database_url, DEMO_SOURCES_DOWN=frozenset({"personen", "belastingen", "inkomen"})
    )
    yield app
    with app.app_context():
        db.engine.dispose()


def test_a_source_that_is_down_leaves_the_fields_empty_and_the_form_works(
    registers_down: Flask,
) -> None:
    client = registers_down.test_client()
    resident_login(client, "fatima")
    page = client.get(f"{KW}/gegevens", follow_redirects=True)
    assert "Wij konden uw gegevens nu niet ophalen. Vul ze zelf in." in text_of(page)
    assert field_value(page, "naam") == "" and field_value(page, "adres_postcode") == ""
    assert soup_of(page).select_one("form.loket-unavailable, .loket-unavailable form")  # retry
    typed = {
        "gegevens": {
            "naam": "Fatima El Amrani",
            "adres_postcode": "6512 AB",
            "adres_huisnummer": "12",
            "aanslag": "2026-0100012",
        },
        "inkomen": {"bronnen": ["bijstand"], "netto": "1401,00", "spaargeld": "0"},
        **{k: v for k, v in ANSWERS["kwijtschelding"].items() if k not in ("inkomen",)},
    }
    review = fill_in(client, "kwijtschelding", typed)
    assert "Uit de Basisregistratie Personen" not in text_of(review)
    done = submit_review(client, "kwijtschelding")
    assert step_name(done) == "bevestiging"


def test_a_step_out_of_order_or_unknown_goes_to_the_first_open_step(client: FlaskClient) -> None:
    resident_login(client, "fatima")
    for path in ("controleren", "bericht", "bestaat-niet"):
        response = client.get(f"{KW}/{path}", follow_redirects=True)
        assert step_name(response) == "gegevens", path
    send(client, f"{KW}/gegevens")
    assert step_name(client.get(f"{KW}/controleren", follow_redirects=True)) == "huishouden"
    # A forged POST to a later step saves nothing there.
    token = as_browser(soup_of(client.get(f"{KW}/huishouden")).select_one("form.loket-form"))
    forged = client.post(
        f"{KW}/kosten",
        data={"woonlasten": "1", "auto": "nee", "csrf_token": token["csrf_token"]},
    )
    assert forged.status_code == 303
    assert forged.headers["Location"].endswith("/formulieren/kwijtschelding/huishouden")


def test_a_step_that_no_longer_applies_is_skipped(client: FlaskClient) -> None:
    resident_login(client, "fatima")
    review = fill_in(client, "kwijtschelding")  # bijstand only: no evidence step
    assert "Bewijs van uw inkomen" not in text_of(review)
    assert step_name(client.get(f"{KW}/bewijs", follow_redirects=True)) == "controleren"
    changed = send(client, f"{KW}/inkomen?wijzig=1", {"bronnen": ["werk"], "netto": "1650,00"})
    assert step_name(changed) == "bewijs"  # now it applies, and it is open


def test_change_links_on_the_review_return_to_the_review(client: FlaskClient) -> None:
    resident_login(client, "fatima")
    review = fill_in(client, "kwijtschelding")
    links = [
        a["href"] for a in soup_of(review).find_all("a") if a.get_text().startswith("Verander")
    ]
    assert f"{KW}/kosten?wijzig=1" in links
    page = client.get(f"{KW}/kosten?wijzig=1")
    back = soup_of(page).select_one("a.loket-back-link")
    assert back is not None and back["href"] == f"{KW}/controleren"
    again = send(client, f"{KW}/kosten?wijzig=1", {"woonlasten": "700,00"})
    assert step_name(again) == "controleren" and "€ 700,00" in text_of(again)


def test_a_post_without_its_csrf_token_changes_nothing(app: Flask, client: FlaskClient) -> None:
    resident_login(client, "fatima")
    page = client.get(f"{KW}/gegevens", follow_redirects=True)
    data = as_browser(soup_of(page).select_one("form.loket-form"))
    data.pop("csrf_token")
    refused = client.post(f"{KW}/gegevens", data=data)
    assert refused.status_code in (200, 400)
    assert step_name(client.get(f"{KW}/controleren", follow_redirects=True)) == "gegevens"
    with app.app_context():
        from sqlalchemy import select

        from app.core.flows import FlowEntry

        kind = kind_of(app.extensions["loket.forms"].get("kwijtschelding"))
        entry = db.session.scalar(select(FlowEntry).where(FlowEntry.kind == kind))
        assert entry is None or not (entry.data.get("antwoorden") or {})


def test_a_report_needs_no_login_and_asks_for_no_register(client: FlaskClient) -> None:
    page = client.get("/formulieren/melding-openbare-ruimte/wat", follow_redirects=True)
    assert step_name(page) == "wat"
    assert "ingelogd" not in text_of(page)
