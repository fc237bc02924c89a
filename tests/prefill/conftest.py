"""Fake BRP servers on loopback ports, and apps whose register clients talk to them."""

from collections.abc import Iterator

import pytest
from flask import Flask

from app.extensions import db
from tests.conftest import make_app
from tests.fakes.brp_server import FakeBrpPersonen, FakeBrpReisdocumenten

TIMEOUT = 0.5  # seconds: really short, so the slow and down tests are quick


@pytest.fixture
def brp() -> Iterator[FakeBrpPersonen]:
    with FakeBrpPersonen() as server:
        yield server
    assert server.contract.violations == [], server.contract.violations


@pytest.fixture
def reisdocumenten() -> Iterator[FakeBrpReisdocumenten]:
    with FakeBrpReisdocumenten() as server:
        yield server
    assert server.contract.violations == [], server.contract.violations


@pytest.fixture
def real_app(
    database_url: str, brp: FakeBrpPersonen, reisdocumenten: FakeBrpReisdocumenten
) -> Iterator[Flask]:
    """An app whose person and travel-document sources are the real clients."""
    app = make_app(
        database_url,
        CONNECTORS={"personen": "http", "reisdocumenten": "http"},
        BRP_PERSONEN_URL=brp.url,
        BRP_PERSONEN_API_KEY="test-key",
        BRP_PERSONEN_TIMEOUT_SECONDS=TIMEOUT,
        BRP_REISDOCUMENTEN_URL=reisdocumenten.url,
        BRP_REISDOCUMENTEN_TIMEOUT_SECONDS=TIMEOUT,
    )
    with app.test_request_context():
        yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def demo_app(database_url: str) -> Iterator[Flask]:
    app = make_app(database_url)
    with app.test_request_context():
        yield app
    with app.app_context():
        db.engine.dispose()


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    """Say how many requests and responses were checked against the official documents."""
    from tests.fakes.brp_contracts import TOTALS

    if TOTALS:
        names = sorted({name for name, _ in TOTALS})
        terminalreporter.write_line(
            "contract checks: "
            + "; ".join(
                f"{n} {TOTALS[n, 'requests']} requests, {TOTALS[n, 'responses']} responses"
                for n in names
            )
        )
