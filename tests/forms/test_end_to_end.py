"""Every form from its start page to the confirmation, without JavaScript, as its resident."""

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.cases import service as cases
from app.core import flows
from app.extensions import db
from app.forms.models import FormSubmission
from app.notify import outbox
from tests.conftest import both_databases
from tests.forms.conftest import ANSWERS, RESIDENT, fill_in, reference_on, submit_review
from tests.forms.helpers import resident_login, send, soup_of, text_of
from tests.pagecheck import check_page

BSN = {"fatima": "999993653", "jan": "999992648"}
UNPAID = [slug for slug in ANSWERS if slug != "bewonersparkeervergunning"]


def submission(app: Flask, reference: str) -> FormSubmission:
    with app.app_context():
        row = db.session.scalar(select(FormSubmission).where(FormSubmission.reference == reference))
        assert row is not None
        db.session.expunge(row)
        return row


@pytest.mark.parametrize("slug", UNPAID)
def test_a_form_from_start_to_confirmation(app: Flask, client: FlaskClient, slug: str) -> None:
    who = RESIDENT[slug]
    if who:
        resident_login(client, who)
    start = client.get(f"/formulieren/{slug}")
    check_page(start.get_data(as_text=True), "nl")
    review = fill_in(client, slug)
    check_page(review.get_data(as_text=True), "nl")
    assert "Verander" in text_of(review)
    done = submit_review(client, slug)
    assert done.request.path == f"/formulieren/{slug}/bevestiging"
    html = done.get_data(as_text=True)
    check_page(html, "nl")
    words = text_of(done)
    reference = reference_on(words)
    assert "Een computer" in words  # a person decides, and the page says so
    assert "Niet tevreden?" in words and "ombudsman" in words

    row = submission(app, reference)
    assert row.status == "ingediend" and row.slug == slug
    if who:
        assert BSN[who] not in str(row.answers) and BSN[who] != row.owner  # a keyed hash only
    with app.test_request_context():
        if who:
            found = [c for c in cases.cases_for("bsn", BSN[who]) if c.reference == reference]
            assert len(found) == 1, "the case exists in the case system, once"
            versions = cases.submissions(reference)
            assert versions and versions[0].data["kenmerk"] == reference
        messages = outbox.messages_about(f"formulier:{reference}")
    chosen = ANSWERS[slug]["bericht"]["contact"]
    if chosen == "geen":
        assert messages == []
    else:
        assert [(m.kind, m.channel) for m in messages] == [("formulier-ontvangen", chosen)]
        assert reference in messages[0].body


def test_the_case_carries_the_answers_and_where_they_came_from(
    app: Flask, client: FlaskClient
) -> None:
    resident_login(client, "fatima")
    fill_in(client, "kwijtschelding")
    reference = reference_on(text_of(submit_review(client, "kwijtschelding")))
    with app.test_request_context():
        data = cases.submissions(reference)[0].data
    rows = {a["vraag"]: a for s in data["stappen"] for a in s["antwoorden"]}
    assert rows["Uw naam"]["antwoord"] == ["Fatima El Amrani"]
    assert rows["Uw naam"]["bron"].startswith("Uit de Basisregistratie Personen")
    assert "bron" not in rows["Hoeveel spaargeld heeft u?"]  # typed by the resident
    assert data["formulier"] == "kwijtschelding"


def test_the_register_data_is_gone_from_the_flow_store_after_sending(
    app: Flask, client: FlaskClient
) -> None:
    resident_login(client, "fatima")
    fill_in(client, "kwijtschelding")
    with app.app_context():
        entries = db.session.scalars(select(flows.FlowEntry)).all()
        assert any("aangeboden" in (e.data or {}) for e in entries)
    submit_review(client, "kwijtschelding")
    with app.app_context():
        left = db.session.scalars(select(flows.FlowEntry)).all()
        kinds = {e.kind for e in left}
        assert "formulier-kwijtschelding" not in kinds
        for entry in left:
            if not entry.kind.startswith("formulier"):
                continue  # the login keeps whose session it is (app/identity), not the form's
            text = str(entry.data)
            assert "aangeboden" not in text and "999993653" not in text
            assert "Yasmin" not in text  # a housemate the BRP offered


def test_a_permit_is_paid_before_the_case_exists(app: Flask, client: FlaskClient) -> None:
    slug = "bewonersparkeervergunning"
    resident_login(client, "jan")
    fill_in(client, slug)
    pay = submit_review(client, slug)
    assert pay.request.path == f"/formulieren/{slug}/betalen"
    check_page(pay.get_data(as_text=True), "nl")
    assert "€" in text_of(pay)
    with app.test_request_context():
        assert not [c for c in cases.cases_for("bsn", BSN["jan"]) if c.reference.startswith("PV")]
    provider = client.get(f"/formulieren/{slug}/betalen/start")
    assert provider.status_code == 302  # a GET redirect to the provider: form-action 'self' holds
    paid = send(client, provider.headers["Location"], selector="#betalen")
    assert paid.request.path == f"/formulieren/{slug}/bevestiging", text_of(paid)[:300]
    reference = reference_on(text_of(paid))
    with app.test_request_context():
        assert [c.reference for c in cases.cases_for("bsn", BSN["jan"])].count(reference) == 1
        assert outbox.messages_about(f"formulier:{reference}")


def test_a_cancelled_payment_sends_nothing_and_can_be_tried_again(
    app: Flask, client: FlaskClient
) -> None:
    slug = "bewonersparkeervergunning"
    resident_login(client, "jan")
    fill_in(client, slug)
    submit_review(client, slug)
    provider = client.get(f"/formulieren/{slug}/betalen/start")
    back = send(client, provider.headers["Location"], selector="#annuleren")
    assert back.request.path == f"/formulieren/{slug}/betalen"
    assert "niet gelukt" in text_of(back)
    assert client.get(f"/formulieren/{slug}/betalen/start").status_code == 302


def test_a_second_click_on_send_shows_the_same_confirmation(
    app: Flask, client: FlaskClient
) -> None:
    resident_login(client, "fatima")
    review = fill_in(client, "kwijtschelding")
    form = soup_of(review).select_one("form.loket-form")
    assert form is not None
    data = {i["name"]: i.get("value", "") for i in form.find_all("input") if i.get("name")}
    first = client.post("/formulieren/kwijtschelding/controleren", data=data, follow_redirects=True)
    again = client.post("/formulieren/kwijtschelding/controleren", data=data, follow_redirects=True)
    assert reference_on(text_of(first)) == reference_on(text_of(again))
    with app.app_context():
        assert len(db.session.scalars(select(FormSubmission)).all()) == 1


@both_databases()
def test_sending_works_on_both_databases(app: Flask, client: FlaskClient) -> None:
    fill_in(client, "melding-openbare-ruimte")
    done = submit_review(client, "melding-openbare-ruimte")
    assert "Uw melding is verstuurd" in text_of(done)


def test_in_english_the_form_and_its_message_are_english(app: Flask, client: FlaskClient) -> None:
    resident_login(client, "fatima")
    review = fill_in(client, "kwijtschelding", lang="en")
    assert "Check your answers" in text_of(review)
    done = submit_review(client, "kwijtschelding", lang="en")
    assert done.request.path == "/en/formulieren/kwijtschelding/bevestiging"
    check_page(done.get_data(as_text=True), "en")
    reference = reference_on(text_of(done))
    with app.app_context():
        message = outbox.messages_about(f"formulier:{reference}")[0]
    assert message.lang == "en" and "We have received your application" in message.subject
