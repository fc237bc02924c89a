"""Every status change of a case reaches the resident through the outbox, by their channel."""

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.cases.base import Party
from app.cases.service import StatusChange, cases_for
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


def test_a_letter_waits_when_the_brp_cannot_give_the_address(database_url: str) -> None:
    app = filled_app(database_url, DEMO_SOURCES_DOWN=frozenset({"personen"}))
    result = app.test_cli_runner().invoke(args=["zaken", "status", "ZK-4769-HM"])
    assert result.exit_code == 1 and "personen" in result.output
    assert messages(app) == []
