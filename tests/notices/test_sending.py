"""`flask meldingen versturen`: each notice once, through the outbox, by the resident's channel
(a letter by default), also to residents who never log in; safe to run twice."""

import pytest
from flask import Flask
from flask.testing import FlaskCliRunner
from sqlalchemy import func, select

from app.extensions import db
from app.mijn import contact
from app.notices.models import NoticeLetter, NoticeSent
from app.notices.sending import send_all
from tests.conftest import both_databases
from tests.notices.helpers import BSN, messages_to, notice_messages


def _run(runner: FlaskCliRunner) -> str:
    result = runner.invoke(args=["meldingen", "versturen"])
    assert result.exit_code == 0, result.output
    return result.output


@both_databases()
def test_letters_reach_residents_who_never_log_in_once(app: Flask, runner: FlaskCliRunner) -> None:
    first = _run(runner)
    assert "11 inwoners bekeken" in first
    with app.app_context():
        henk = messages_to("Henk Willems")
        assert len(henk) == 1  # four notices, one letter
        letter = henk[0]
        assert letter.channel == "brief" and letter.lang == "nl"
        assert letter.recipient["address"]["postcode"] == "6532 EG"
        body = letter.body
        assert "Uw ID-kaart is geldig tot" in body
        assert "Misschien kunt u dit krijgen: Kwijtschelding gemeentelijke belastingen" in body
        assert "Een medewerker beoordeelt uw aanvraag. Er wordt niets automatisch besloten." in body
        assert "Welke gegevens gebruikten wij?" in body and "AOW van SVB" in body
        assert "AVG, artikel 6 lid 1 onder e" in body
        code = letter.about.removeprefix("melding:")
        assert (
            db.session.scalar(select(NoticeLetter.channel).where(NoticeLetter.code == code))
            == "brief"
        )
        assert code in body and "/meldingen/afmelden" in body
        sent = int(db.session.scalar(select(func.count()).select_from(NoticeSent)) or 0)
        messages = len(notice_messages())
        assert messages == 6  # fatima, jan, anna, kees, lotte, henk
    second = _run(runner)
    assert "0 berichten met 0 meldingen" in second and "6 al verstuurd" in second
    with app.app_context():
        assert len(notice_messages()) == messages
        assert int(db.session.scalar(select(func.count()).select_from(NoticeSent)) or 0) == sent


def test_the_residents_channel_is_used(app: Flask, runner: FlaskCliRunner) -> None:
    with app.app_context():
        contact.save(
            "bsn", BSN["jan"], contact.Preference("email", "jan@voorbeeld.example", None, "en")
        )
        contact.save("bsn", BSN["kees"], contact.Preference("sms", None, "+31612345678", "nl"))
    _run(runner)
    with app.app_context():
        (jan,) = messages_to("Jan de Vries")
        assert jan.channel == "email" and jan.lang == "en"
        assert jan.recipient["email"] == "jan@voorbeeld.example"
        assert "Your passport is valid until" in jan.body
        (kees,) = messages_to("Kees Hendriks")
        assert kees.channel == "sms" and "/meldingen/afmelden" in kees.body.replace("https://", "")


def test_a_new_notice_later_goes_in_a_new_message_without_repeating_the_old(app: Flask) -> None:
    with app.app_context():
        send_all()
        before = len(messages_to("Jan de Vries"))
        db.session.execute(NoticeSent.__table__.delete().where(NoticeSent.rule == "parkeren"))
        db.session.commit()
        report = send_all()
        assert report.counts["berichten"] == 1 and report.counts["meldingen"] == 1
        newest = messages_to("Jan de Vries")[-1]
        assert len(messages_to("Jan de Vries")) == before + 1
        assert (
            "betaalt u om te parkeren" in newest.body
            and "paspoort" not in newest.body.split("Wilt u deze")[0]
        )


def test_a_source_that_is_down_sends_what_could_be_read(app: Flask) -> None:
    with app.app_context():
        report = send_all()
        assert report.counts["onvolledig"] == 1  # Lotte: the parking cards are down
        assert len(messages_to("Lotte Peters")) == 1


@both_databases()
def test_a_second_runner_at_the_same_time_cannot_send_a_notice_again(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.notices import sending

    with app.app_context():
        send_all()
        messages = len(notice_messages())
        # The other runner read "not sent yet" before this one committed: the unique key stops it.
        monkeypatch.setattr(sending, "_already_sent", lambda subject, notices: list(notices))
        report = send_all()
        assert report.counts["tegelijk"] == 6 and report.counts["berichten"] == 0
        assert len(notice_messages()) == messages
