"""The demo case system: demo residents' cases, `flask zaken status`, and who is told."""

import pytest
from flask import Flask
from flask.testing import FlaskCliRunner

from app.cases import service
from app.core.capabilities import Capability, wiring


@pytest.fixture
def filled(app: Flask, runner: FlaskCliRunner) -> FlaskCliRunner:
    from app.cases import fill_demo_cases

    with app.app_context():
        assert fill_demo_cases() == "Demozaken: 2 toegevoegd."
    return runner


def test_flask_demo_vullen_adds_the_demo_cases_once(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["demo", "vullen"])
    assert result.exit_code == 0, result.output
    assert "Demozaken: 2 toegevoegd." in result.output
    again = runner.invoke(args=["demo", "vullen"])
    assert "Demozaken" not in again.output


def test_the_demo_residents_have_their_cases(filled: FlaskCliRunner, app: Flask) -> None:
    with app.test_request_context():
        (anna,) = service.cases_for("bsn", "999994669")
        assert anna.case_type == "wmo-hulp-thuis" and anna.running
        assert [s.key for s in anna.steps] == ["ontvangen", "gesprek_gepland"]
        explained = service.explain(anna, "nl")
        assert explained.sentence == "Wij willen met u praten over uw aanvraag."
        assert explained.name == "Hulp thuis (Wmo)" and explained.expected_by is not None
        assert (
            service.explain(anna, "en").sentence
            == "We would like to talk to you about your application."
        )
        (eva,) = service.cases_for("bsn", "999997622")
        assert not eva.running and eva.status is not None and eva.status.key == "afgerond"
        assert service.explain(eva, "nl").expected_by is None
        assert service.status_by_reference("ZK-4769-HM", "6532 EF") == anna


def test_flask_zaken_status_moves_a_case_to_its_next_status(
    filled: FlaskCliRunner, app: Flask
) -> None:
    seen = []
    for _ in range(3):
        result = filled.invoke(args=["zaken", "status", "zk 4769 hm"])
        assert result.exit_code == 0, result.output
        seen.append(result.output.strip())
    assert seen == [
        "ZK-4769-HM: in_behandeling (Een medewerker bekijkt uw aanvraag.)",
        "ZK-4769-HM: besluit (Er is een besluit over uw aanvraag.)",
        "ZK-4769-HM: afgerond (Uw aanvraag is klaar.)",
    ]
    ended = filled.invoke(args=["zaken", "status", "ZK-4769-HM"])
    assert ended.exit_code == 1 and "has ended" in ended.output
    with app.test_request_context():
        (anna,) = service.cases_for("bsn", "999994669")
        assert not anna.running


def test_flask_zaken_status_to_a_chosen_status(filled: FlaskCliRunner) -> None:
    result = filled.invoke(args=["zaken", "status", "ZK-4769-HM", "--naar", "gegevens_nodig"])
    assert result.output.strip() == "ZK-4769-HM: gegevens_nodig (Wij hebben nog iets van u nodig.)"
    onwards = filled.invoke(args=["zaken", "status", "ZK-4769-HM"])
    assert onwards.output.startswith("ZK-4769-HM: in_behandeling")  # back where it was
    wrong = filled.invoke(args=["zaken", "status", "ZK-4769-HM", "--naar", "klaar"])
    assert wrong.exit_code == 2 and "Onbekende status" in wrong.output


def test_flask_zaken_status_for_an_unknown_case(filled: FlaskCliRunner) -> None:
    result = filled.invoke(args=["zaken", "status", "ZK-9999-XX"])
    assert result.exit_code == 1 and "Geen zaak met kenmerk ZK-9999-XX" in result.output


def test_a_status_change_reaches_the_listeners(filled: FlaskCliRunner, app: Flask) -> None:
    heard = []
    wiring(app).capabilities.append(
        Capability("luisteraar", providers={"zaken.status": heard.append})
    )
    filled.invoke(args=["zaken", "status", "ZK-4769-HM"])
    (change,) = heard
    assert change.case.status.key == "in_behandeling"
    assert change.initiator.subject == "999994669"


def test_the_command_refuses_a_real_case_system(database_url: str) -> None:
    from tests.conftest import make_app

    app = make_app(
        database_url,
        CONNECTORS={"zaken": "http"},
        ZAKEN_URL="http://127.0.0.1:9/zaken",
        ZAKEN_CLIENT_ID="x",
        ZAKEN_SECRET="y" * 32,
        ZAKEN_BRONORGANISATIE="123456782",
    )
    result = app.test_cli_runner().invoke(args=["zaken", "status", "ZK-4769-HM"])
    assert result.exit_code == 1 and "only demo cases" in result.output


def test_the_demo_case_system_is_off_where_demo_sources_are(database_url: str) -> None:
    from tests.conftest import make_app

    app = make_app(database_url, DEMO_SOURCES=False)
    with app.test_request_context(), pytest.raises(service.SourceUnavailable):
        service.cases_for("bsn", "999994669")
