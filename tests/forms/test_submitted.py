"""After sending: the PDF copy, correcting and withdrawing until a decision ("recht op
vergissen": the case keeps both versions), and nobody but the resident sees any of it."""

import io

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader
from sqlalchemy import select

from app.cases import service as cases
from app.extensions import db
from app.forms.models import FormSubmission
from app.notify import outbox
from tests.forms.conftest import fill_in, reference_on, step_name, submit_review
from tests.forms.helpers import resident_login, send, soup_of, text_of

KW = "/formulieren/kwijtschelding"


def sent(client: FlaskClient, who: str = "fatima") -> str:
    resident_login(client, who)
    fill_in(client, "kwijtschelding")
    return reference_on(text_of(submit_review(client, "kwijtschelding")))


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_pdf_copy_holds_the_answers_and_their_source(app: Flask, client: FlaskClient) -> None:
    reference = sent(client)
    copy = client.get(f"{KW}/kopie.pdf")
    assert copy.status_code == 200 and copy.mimetype == "application/pdf"
    text = pdf_text(copy.data)
    assert reference in text and "Fatima El Amrani" in text
    assert "Uit de Basisregistratie Personen" in text
    assert "€" in text  # the embedded font has it
    again = client.get(f"/formulieren/ingediend/{reference}/kopie.pdf")
    assert again.status_code == 200 and reference in pdf_text(again.data)


def test_correcting_a_submission_sends_a_second_version(app: Flask, client: FlaskClient) -> None:
    reference = sent(client)
    page = client.get(f"/formulieren/ingediend/{reference}")
    assert "Mijn aanvraag veranderen" in text_of(page)
    review = send(client, f"/formulieren/ingediend/{reference}", selector="#veranderen")
    assert step_name(review) == "controleren"
    assert f"U verandert uw aanvraag {reference}" in text_of(review)
    changed = send(client, f"{KW}/kosten?wijzig=1", {"woonlasten": "725,00"})
    assert step_name(changed) == "controleren"
    done = send(client, f"{KW}/controleren", {"toelichting": "Mijn huur was verkeerd."})
    assert done.request.path == f"/formulieren/ingediend/{reference}"
    assert "Uw wijziging is verstuurd" in text_of(done)
    with app.test_request_context():
        versions = cases.submissions(reference)
        assert len(versions) == 2
        kinds = [m.kind for m in outbox.messages_about(f"formulier:{reference}")]
    assert kinds == ["formulier-ontvangen", "formulier-gewijzigd"]
    assert "Dit is versie 2" in text_of(done)


def test_withdrawing_until_a_decision(app: Flask, client: FlaskClient) -> None:
    reference = sent(client)
    ask = client.get(f"/formulieren/ingediend/{reference}/intrekken")
    assert "Ja, trek mijn aanvraag in" in text_of(ask)
    done = send(client, f"/formulieren/ingediend/{reference}/intrekken")
    assert "U heeft uw aanvraag ingetrokken" in text_of(done)
    assert "Mijn aanvraag veranderen" not in text_of(done)
    with app.test_request_context():
        case = next(c for c in cases.cases_for("bsn", "999993653") if c.reference == reference)
        assert not case.running
        kinds = [m.kind for m in outbox.messages_about(f"formulier:{reference}")]
    assert kinds[-1] == "formulier-ingetrokken"


def test_after_a_decision_nothing_can_be_changed(app: Flask, client: FlaskClient) -> None:
    reference = sent(client)
    with app.test_request_context():
        cases.set_status(reference, "besluit")
    page = client.get(f"/formulieren/ingediend/{reference}")
    assert "Mijn aanvraag veranderen" not in text_of(page)
    forced = client.post(
        f"/formulieren/ingediend/{reference}/wijzigen",
        data={
            "csrf_token": soup_of(client.get(f"{KW}")).find("input", attrs={"name": "csrf_token"})[
                "value"
            ]
        },
        follow_redirects=True,
    )
    assert "Over deze aanvraag is al besloten" in text_of(forced)


@pytest.mark.parametrize(
    "path",
    [
        "/formulieren/ingediend/{ref}",
        "/formulieren/ingediend/{ref}/kopie.pdf",
        "/formulieren/ingediend/{ref}/intrekken",
    ],
)
def test_another_resident_gets_the_same_404_as_for_no_such_reference(app: Flask, path: str) -> None:
    owner = app.test_client()
    reference = sent(owner)
    other = app.test_client()
    resident_login(other, "eva")
    theirs = other.get(path.format(ref=reference))
    nothing = other.get(path.format(ref="KW-0000-XX"))
    assert theirs.status_code == nothing.status_code == 404
    assert "Fatima" not in theirs.get_data(as_text=True)
    posted = other.post(
        path.format(ref=reference)
        if "intrekken" in path
        else f"/formulieren/ingediend/{reference}/wijzigen"
    )
    assert posted.status_code in (400, 404)
    assert reference not in text_of(other.get("/formulieren/ingediend"))
    # Without login: first log in.
    assert app.test_client().get(path.format(ref=reference)).status_code == 302


def test_someone_elses_confirmation_and_copy_are_not_reachable(app: Flask) -> None:
    owner = app.test_client()
    sent(owner)
    stranger = app.test_client()
    assert stranger.get(f"{KW}/kopie.pdf").status_code == 404
    assert stranger.get(f"{KW}/bevestiging").status_code == 302


def test_a_submission_is_purged_after_its_time(app: Flask, client: FlaskClient, runner) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from app.core.time import frozen_at, utcnow

    reference = sent(client)
    with frozen_at(utcnow() + dt.timedelta(days=91)):
        result = runner.invoke(args=["opslag", "opschonen"])
    assert result.exit_code == 0 and "1 ingediende formulieren" in result.output
    with app.app_context():
        assert db.session.scalar(select(FormSubmission)) is None
        assert outbox.messages_about(f"formulier:{reference}") == []
