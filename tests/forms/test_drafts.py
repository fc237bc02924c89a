"""Save and finish later: a code plus the postcode, or a link; register values come back only
after logging in again; a helper can finish with the resident; drafts expire and are purged."""

import datetime as dt
import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.core import flows
from app.core.time import aware, frozen_at, utcnow
from app.extensions import db
from app.forms.models import FormDraft
from app.notify import outbox
from tests.forms.conftest import ANSWERS, errors_on, fill_in, step_name, submit_review
from tests.forms.helpers import resident_login, send, soup_of, text_of

KW = "/formulieren/kwijtschelding"
MOR = "/formulieren/melding-openbare-ruimte"


def saved_code(page_text: str) -> str:
    found = re.search(r"\b([A-Z]{2}) - ([A-Z0-9]{3}) - ([A-Z0-9]{3})\b", page_text)
    assert found, page_text[:300]
    return "-".join(found.groups())


def save(client: FlaskClient, base: str, **changes: str) -> tuple[str, str]:
    page = send(client, f"{base}/bewaren", {"postcode": "6512 AB", **changes})
    assert step_name(page) == "bewaard", errors_on(page)
    link = soup_of(page).select_one("a.loket-long-link")
    assert link is not None
    return saved_code(text_of(page)), str(link["href"])


def test_save_and_go_on_with_the_code_and_postcode_on_another_computer(app: Flask) -> None:
    first = app.test_client()
    fill_in(first, "melding-openbare-ruimte", until="foto")
    code, _ = save(first, MOR)
    helper = app.test_client()  # the library's computer: nothing of the resident in its session
    resumed = send(
        helper,
        "/formulieren/verder",
        {"code": code.lower().replace("-", " "), "postcode": "6512ab"},
    )
    assert step_name(resumed) == "foto"
    assert "Welkom terug" in text_of(resumed)
    review = fill_in(helper, "melding-openbare-ruimte")
    assert "De lamp bij de bushalte is kapot." in text_of(review)
    done = submit_review(helper, "melding-openbare-ruimte")
    assert step_name(done) == "bevestiging"
    with app.app_context():
        assert db.session.scalars(select(FormDraft)).all() == []  # sent: the draft is gone


def test_a_wrong_postcode_and_a_wrong_code_get_the_same_answer(app: Flask) -> None:
    client = app.test_client()
    fill_in(client, "melding-openbare-ruimte", until="foto")
    code, _ = save(client, MOR)
    wrong_postcode = send(
        app.test_client(), "/formulieren/verder", {"code": code, "postcode": "6511 AA"}
    )
    wrong_code = send(
        app.test_client(), "/formulieren/verder", {"code": "MO-AAA-BBB", "postcode": "6512 AB"}
    )
    assert errors_on(wrong_postcode) == errors_on(wrong_code)
    assert "Wij vinden geen formulier met deze code en deze postcode" in errors_on(wrong_code)[0]


def test_guessing_codes_is_stopped(app: Flask) -> None:
    client = app.test_client()
    last = None
    for n in range(10):
        last = send(client, "/formulieren/verder", {"code": f"MO-AAA-BB{n}", "postcode": "6512 AB"})
    assert last is not None and last.status_code == 429
    assert "te vaak geprobeerd" in text_of(last)


def test_the_link_opens_the_form_in_its_language(app: Flask) -> None:
    client = app.test_client()
    fill_in(client, "melding-openbare-ruimte", until="foto", lang="en")
    page = send(client, f"/en{MOR}/bewaren", {"postcode": "6512 AB"})
    link = str(soup_of(page).select_one("a.loket-long-link")["href"])
    assert "/en/" not in link  # a language-neutral token link
    opened = app.test_client().get(link, follow_redirects=True)
    assert opened.request.path == f"/en{MOR}/foto"


def test_a_draft_keeps_what_was_typed_but_not_what_the_registers_gave(app: Flask) -> None:
    client = app.test_client()
    resident_login(client, "fatima")
    answers = {**ANSWERS["kwijtschelding"], "gegevens": {"aanslag": "2026-0199999"}}
    fill_in(client, "kwijtschelding", answers, until="kosten")
    code, _ = save(client, KW)
    with app.app_context():
        draft = db.session.scalar(select(FormDraft).where(FormDraft.code == code))
        stored = flows.get(draft.flow_id, "formulier-concept")
        text = str(stored.data)
    assert "2026-0199999" in text  # typed by the resident
    assert "Fatima" not in text and "Yasmin" not in text and "6512 AB" not in text
    assert "999993653" not in text and "aangeboden" not in text
    # Another browser: the code asks to log in; after logging in the registers fill in again.
    other = app.test_client()
    asked = send(other, "/formulieren/verder", {"code": code, "postcode": "6512 AB"})
    assert asked.request.path == "/login"
    resident_login(other, "fatima")
    page = other.get(f"{KW}/gegevens", follow_redirects=True)
    assert soup_of(page).find("input", attrs={"name": "naam"})["value"] == "Fatima El Amrani"
    assert soup_of(page).find("input", attrs={"name": "aanslag"})["value"] == "2026-0199999"


def test_a_draft_of_one_resident_is_never_opened_by_another(app: Flask) -> None:
    client = app.test_client()
    resident_login(client, "fatima")
    fill_in(client, "kwijtschelding", until="kosten")
    code, link = save(client, KW)
    other = app.test_client()
    resident_login(other, "eva")
    for opened in (
        other.get(link, follow_redirects=True),
        send(other, "/formulieren/verder", {"code": code, "postcode": "6512 AB"}),
    ):
        page = other.get(f"{KW}/kosten", follow_redirects=True)
        assert "Fatima" not in page.get_data(as_text=True)
        assert "1401" not in page.get_data(as_text=True)
        assert (
            "Dit formulier was van iemand anders" in text_of(opened)
            or step_name(page) == "gegevens"
        )


def test_a_helper_for_a_resident_submits_in_their_name(app: Flask) -> None:
    """Sanne acts for Anna (a DigiD Machtigen mandate): Anna's data, a case with both."""
    from app.cases import service as cases
    from tests.forms.conftest import reference_on

    client = app.test_client()
    resident_login(client, "sanne")
    page = client.get(f"{KW}/gegevens", follow_redirects=True)
    name = soup_of(page).find("input", attrs={"name": "naam"})["value"]
    assert name and "Sanne" not in name
    answers = {
        **ANSWERS["kwijtschelding"],
        "gegevens": {"aanslag": "2026-0100050"},
        "inkomen": {"spaargeld": "0", "netto": "1200,00"},
        "bewijs": {"stukken": "later"},
    }
    fill_in(client, "kwijtschelding", answers)
    reference = reference_on(text_of(submit_review(client, "kwijtschelding")))
    with app.test_request_context():
        case = next(c for c in cases.cases_for("bsn", "999994669") if c.reference == reference)
    assert case is not None


def test_the_code_can_be_sent_and_a_warning_comes_before_it_is_deleted(app: Flask) -> None:
    client = app.test_client()
    resident_login(client, "fatima")
    fill_in(client, "kwijtschelding", until="kosten")
    code, _ = save(client, KW, sturen="email", email="fatima@voorbeeld.nl")
    with app.app_context():
        messages = outbox.messages_about(f"concept:{code}")
        assert [m.kind for m in messages] == ["formulier-bewaard", "formulier-verloopt"]
        assert code in messages[0].body and "fatima@voorbeeld.nl" in str(messages[0].recipient)
        assert aware(messages[1].send_after) > utcnow() + dt.timedelta(days=20)


def test_expired_drafts_are_purged_with_their_answers(app: Flask, runner) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    fill_in(client, "melding-openbare-ruimte", until="foto")
    _, link = save(client, MOR)
    with frozen_at(utcnow() + dt.timedelta(days=31)):
        result = runner.invoke(args=["opslag", "opschonen"])
        assert result.exit_code == 0, result.output
        assert "1 bewaarde formulieren" in result.output
    with app.app_context():
        assert db.session.scalars(select(FormDraft)).all() == []
    gone = app.test_client().get(link, follow_redirects=True)
    assert gone.request.path == "/formulieren/verder" and "werkt niet meer" in text_of(gone)
