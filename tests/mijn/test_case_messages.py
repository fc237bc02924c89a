"""Every status change of a case reaches the resident through the outbox, by their channel."""

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.cases.base import Party
from app.cases.service import StatusChange, cases_for
from app.extensions import db
from app.mijn.case_messages import tell_resident
from app.notify import outbox
from tests.browse import csrf_token
from tests.conftest import both_databases
from tests.mijn.conftest import filled_app, logged_in

ANNA_CASE = "zaak:ZK-4769-HM"


def choose(client: FlaskClient, lang: str = "nl", **fields: str) -> None:
    form = client.get("/mijn/instellingen").get_data(as_text=True)
    data = {"csrf_token": csrf_token(form), "lang": lang, "email": "", "phone": "", **fields}
    response = client.post("/mijn/instellingen", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:400]


def move(app: Flask, *extra: str) -> None:
    result = app.test_cli_runner().invoke(args=["zaken", "status", "ZK-4769-HM", *extra])
    assert result.exit_code == 0, result.output


def messages(app: Flask) -> list[outbox.OutboxMessage]:
    with app.app_context():
        return outbox.messages_about(ANNA_CASE)


def test_without_a_preference_a_letter_goes_to_the_brp_address(demo: Flask) -> None:
    move(demo)
    (letter,) = messages(demo)
    assert (letter.kind, letter.channel, letter.lang) == ("zaak-status", "brief", "nl")
    address = letter.recipient["address"]
    assert (address["street"], address["number"], address["postcode"]) == (
        "Proefweg",
        "45",
        "6532 EF",
    )
    assert letter.recipient["name"] == "Anna Jansen"
    assert "Een medewerker bekijkt uw aanvraag." in letter.body  # in_behandeling
    assert "ZK-4769-HM" in letter.subject and "ombudsman" in letter.body


@both_databases()
def test_an_email_when_the_resident_chose_email(demo: Flask) -> None:
    choose(logged_in(demo, "anna"), channel="email", email="anna@voorbeeld.nl")
    move(demo)
    move(demo)  # every change, not only the first
    first, second = messages(demo)
    assert {m.channel for m in (first, second)} == {"email"}
    assert first.recipient["email"] == "anna@voorbeeld.nl"
    assert "Een medewerker bekijkt uw aanvraag." in first.body
    assert "Er is een besluit over uw aanvraag." in second.body
    assert "bezwaar" in second.body  # a decision: what to do when you do not agree


def test_an_sms_in_english_when_the_resident_chose_that(demo: Flask) -> None:
    choose(logged_in(demo, "anna"), lang="en", channel="sms", phone="06-1234 5678")
    move(demo, "--naar", "gegevens_nodig")
    (sms,) = messages(demo)
    assert (sms.channel, sms.lang) == ("sms", "en")
    assert sms.recipient["phone"] == "+31612345678"
    assert "We need something else from you." in sms.body


def test_the_helper_choice_counts_for_the_person_they_act_for(demo: Flask) -> None:
    choose(logged_in(demo, "sanne"), channel="email", email="sanne@voorbeeld.nl")
    move(demo)
    (message,) = messages(demo)
    assert message.recipient["email"] == "sanne@voorbeeld.nl"


def test_back_to_a_letter_forgets_the_email_address(demo: Flask) -> None:
    client = logged_in(demo, "anna")
    choose(client, channel="email", email="anna@voorbeeld.nl")
    choose(client, channel="brief", email="anna@voorbeeld.nl")
    move(demo)
    (letter,) = messages(demo)
    assert letter.channel == "brief" and letter.recipient["email"] is None
    with demo.app_context():  # the address is gone from the stored preference itself
        from app.extensions import db
        from app.mijn.models import ContactPreference

        (row,) = db.session.scalars(db.select(ContactPreference))
        assert (row.channel, row.email, row.phone) == ("brief", None, None)


@pytest.mark.parametrize(
    "initiator",
    [None, Party("kvk", "90001234", "Bakkerij Voorbeeld")],
    ids=["unknown", "business"],
)
def test_nobody_is_told_without_a_resident_to_tell(demo: Flask, initiator: Party | None) -> None:
    with demo.test_request_context():
        (case,) = cases_for("bsn", "999994669")
        tell_resident(StatusChange(case, initiator))
        assert outbox.messages_about(ANNA_CASE) == []


def status_and_outbox(app: Flask) -> tuple[list[str], int]:
    """Anna's case's statuses, and how many messages the whole outbox holds (the demo has some)."""
    with app.app_context():
        (case,) = cases_for("bsn", "999994669")
        count = db.session.scalar(db.select(db.func.count()).select_from(outbox.OutboxMessage))
        return [s.key for s in case.steps], int(count or 0)


def dispose(app: Flask) -> None:
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@both_databases()
@pytest.mark.parametrize("extra", [(), ("--naar", "besluit")], ids=["next", "naar"])
def test_no_status_change_without_the_message_about_it(
    database_url: str, extra: tuple[str, ...]
) -> None:
    """The BRP is down and Anna gets letters: nothing changes, and the command says so."""
    down = filled_app(database_url, DEMO_SOURCES_DOWN=frozenset({"personen"}))
    before = status_and_outbox(down)
    assert before[0] == ["ontvangen", "gesprek_gepland"]
    result = down.test_cli_runner().invoke(args=["zaken", "status", "ZK-4769-HM", *extra])
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "Er is niets veranderd aan zaak ZK-4769-HM." in said
    assert "Probeer het later opnieuw." in said
    assert status_and_outbox(down) == before  # the status is rolled back, no message queued
    dispose(down)

    up = filled_app(database_url)  # the BRP answers again: the same command now works
    _, queued = status_and_outbox(up)  # filling the demo again may queue messages of its own
    move(up, *extra)
    steps, count = status_and_outbox(up)
    assert steps == ["ontvangen", "gesprek_gepland", "besluit" if extra else "in_behandeling"]
    assert count == queued + 1  # exactly one message more
    (letter,) = messages(up)
    assert letter.channel == "brief" and letter.recipient["name"] == "Anna Jansen"
    dispose(up)


def test_an_email_needs_no_brp(database_url: str) -> None:
    """Anna chose e-mail: the BRP being down does not stop her status change."""
    up = filled_app(database_url)
    choose(logged_in(up, "anna"), channel="email", email="anna@voorbeeld.nl")
    dispose(up)
    down = filled_app(database_url, DEMO_SOURCES_DOWN=frozenset({"personen"}))
    _, queued = status_and_outbox(down)
    move(down)
    assert status_and_outbox(down) == (
        ["ontvangen", "gesprek_gepland", "in_behandeling"],
        queued + 1,
    )
    (email,) = messages(down)
    assert email.channel == "email"
    dispose(down)
