"""The flow store: answers server-side under a random id, expiry, purge, nothing in the cookie."""

import datetime as dt
import json

import pytest
from flask import Flask, session
from flask.testing import FlaskClient

from app.core import flows
from app.core.time import frozen_at, utcnow
from tests.conftest import both_databases


@both_databases()
def test_start_load_save_and_discard(app: Flask) -> None:
    with app.test_request_context():
        flow = flows.start("afspraak", {"onderwerp": "kwijtschelding"})
        assert len(flow.id) >= 40  # 32 random bytes
        assert session["flows"] == {"afspraak": flow.id}
        loaded = flows.load("afspraak")
        assert loaded is not None and loaded.data == {"onderwerp": "kwijtschelding"}
        loaded.data["kanaal"] = "balie"
        flows.save(loaded)
        assert flows.load("afspraak").data["kanaal"] == "balie"  # type: ignore[union-attr]
        flows.discard("afspraak")
        assert flows.load("afspraak") is None and flows.get(flow.id) is None


@both_databases()
def test_a_second_save_of_an_old_copy_is_refused(app: Flask) -> None:
    with app.test_request_context():
        flow = flows.start("formulier")
        first, second = flows.get(flow.id), flows.get(flow.id)
        assert first and second
        first.data["a"] = 1
        flows.save(first)
        second.data["a"] = 2
        with pytest.raises(flows.StaleFlow):
            flows.save(second)
        assert flows.get(flow.id).data == {"a": 1}  # type: ignore[union-attr]


def test_expired_flows_are_gone_and_purged(app: Flask) -> None:
    start = dt.datetime(2026, 12, 1, 10, 0)
    with app.test_request_context(), frozen_at(start) as clock:
        old = flows.start("afspraak", {"naam": "Voorbeeld"}, ttl=dt.timedelta(minutes=30))
        kept = flows.start("formulier", ttl=dt.timedelta(days=7))
        clock.advance(dt.timedelta(minutes=31))
        assert flows.load("afspraak") is None
        assert "afspraak" not in session["flows"], "the cookie forgets an expired id"
        with pytest.raises(flows.StaleFlow):
            flows.save(old)  # too late to save
        assert flows.purge_expired() == 1
        assert flows.get(kept.id) is not None


def test_saving_moves_the_expiry_forward(app: Flask) -> None:
    with app.test_request_context(), frozen_at(dt.datetime(2026, 12, 1, 10, 0)) as clock:
        flow = flows.start("afspraak", ttl=dt.timedelta(minutes=30))
        clock.advance(dt.timedelta(minutes=20))
        flows.save(flow)
        clock.advance(dt.timedelta(minutes=20))
        assert flows.load("afspraak") is not None


def test_ids_are_checked_not_trusted(app: Flask) -> None:
    with app.test_request_context():
        flow = flows.start("afspraak")
        assert flows.get(flow.id, "formulier") is None, "a flow of another kind"
        assert flows.get("x" * 500) is None
        assert flows.get("") is None and flows.get(None) is None


def test_purge_command_deletes_and_says_how_many(app: Flask) -> None:
    with app.test_request_context(), frozen_at(utcnow() - dt.timedelta(days=1)):
        flows.start("afspraak", ttl=dt.timedelta(minutes=5))
    result = app.test_cli_runner().invoke(args=["opslag", "opschonen"])
    assert result.exit_code == 0, result.output
    assert "1 verlopen antwoorden verwijderd" in result.output
    with app.app_context():
        assert flows.count() == 0


def test_the_cookie_holds_only_ids(app: Flask, client: FlaskClient) -> None:
    @app.get("/_test/flow")
    def start_flow() -> str:
        flows.start("afspraak", {"naam": "Jan Voorbeeld", "telefoon": "0612345678"})
        return "ok"

    client.get("/_test/flow")
    cookie = client.get_cookie("loket_sessie")
    assert cookie is not None
    payload = app.session_interface.get_signing_serializer(app).loads(cookie.value)  # type: ignore[attr-defined]
    text = json.dumps(payload)
    assert "Jan Voorbeeld" not in text and "0612345678" not in text
    assert set(payload) == {"flows"}
