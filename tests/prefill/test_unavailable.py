"""A register that is down or slow never blocks: a short timeout, then `SourceUnavailable`."""

import socket
import time

import pytest
from flask import Flask

from app.core.connectors import SourceUnavailable
from app.prefill import service
from app.prefill.purposes import Purpose
from tests.conftest import make_app
from tests.fakes.brp_server import FakeBrpPersonen, FakeBrpReisdocumenten
from tests.prefill.conftest import TIMEOUT

FATIMA = "999993653"
NAME = Purpose.declare("test", {"personen": ["naam"]})
BOTH = Purpose.declare("test", {"personen": ["naam"], "reisdocumenten": ["einddatum"]})


def timed(fn):  # type: ignore[no-untyped-def]
    start = time.monotonic()
    try:
        fn()
    except SourceUnavailable:
        return time.monotonic() - start
    raise AssertionError("the source did not count as unavailable")


def test_a_register_that_is_down(real_app: Flask, brp: FakeBrpPersonen) -> None:
    brp.down = True
    assert timed(lambda: service.person(FATIMA, NAME)) < TIMEOUT
    assert brp.contract.checked["responses"] == 1  # the 503 itself follows the contract


def test_a_register_that_is_slow(real_app: Flask, brp: FakeBrpPersonen) -> None:
    brp.slow = TIMEOUT * 3
    assert timed(lambda: service.person(FATIMA, NAME)) < TIMEOUT + 0.3


def test_a_register_that_sends_one_byte_at_a_time(real_app: Flask, brp: FakeBrpPersonen) -> None:
    brp.drip = 0.02  # each byte well within the read timeout, the whole far beyond the deadline
    assert timed(lambda: service.person(FATIMA, NAME)) < TIMEOUT + 0.3


def test_nothing_listening(database_url: str) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again when the block ends: nothing listens there
    app = make_app(
        database_url,
        CONNECTORS={"personen": "http"},
        BRP_PERSONEN_URL=f"http://127.0.0.1:{port}/brp",
        BRP_PERSONEN_TIMEOUT_SECONDS=TIMEOUT,
    )
    with app.test_request_context():
        assert timed(lambda: service.person(FATIMA, NAME)) < TIMEOUT
        found = service.gather(FATIMA, NAME)
    assert found.unavailable == {"personen"} and found.person is None


def test_a_real_client_without_its_url_is_unavailable_not_a_crash(database_url: str) -> None:
    app = make_app(database_url, CONNECTORS={"personen": "http"}, BRP_PERSONEN_URL="")
    with app.test_request_context():
        found = service.gather(FATIMA, NAME)
    assert found.unavailable == {"personen"}


def test_gather_opens_the_page_with_what_did_come(
    real_app: Flask, brp: FakeBrpPersonen, reisdocumenten: FakeBrpReisdocumenten
) -> None:
    reisdocumenten.down = True
    found = service.gather(FATIMA, BOTH)
    assert found.person is not None and found.person.value is not None
    assert found.documents is None
    assert found.unavailable == {"reisdocumenten"}
    assert str(found.message) == "Wij konden uw gegevens nu niet ophalen. Vul ze zelf in."


def test_gather_waits_for_the_slowest_source_only_once(
    real_app: Flask, brp: FakeBrpPersonen, reisdocumenten: FakeBrpReisdocumenten
) -> None:
    brp.slow = reisdocumenten.slow = TIMEOUT * 3
    start = time.monotonic()
    found = service.gather(FATIMA, BOTH)
    assert time.monotonic() - start < TIMEOUT * 1.8  # side by side, not one after the other
    assert found.unavailable == {"personen", "reisdocumenten"}


@pytest.mark.parametrize(
    "kind", ["personen", "reisdocumenten", "voertuigen", "belastingen", "inkomen"]
)
def test_a_demo_source_can_act_down(database_url: str, kind: str) -> None:
    everything = Purpose.declare(
        "test",
        {
            "personen": ["naam", "huishouden"],
            "reisdocumenten": ["einddatum"],
            "voertuigen": ["kenteken"],
            "belastingen": ["aanslagen"],
            "inkomen": ["uitkeringen"],
        },
    )
    app = make_app(database_url, DEMO_SOURCES_DOWN=frozenset({kind}))
    with app.test_request_context():
        found = service.gather(FATIMA, everything)
    expected = {kind, "huishouden"} if kind == "personen" else {kind}
    assert found.unavailable == expected
    assert found.message is not None
