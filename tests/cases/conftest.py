"""A fake ZGW Zaken API on a loopback port, and apps whose case system is the real client."""

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask

from app.cases.statuses import catalogue
from app.extensions import db
from tests.conftest import make_app
from tests.fakes.zaken_server import FakeZaken

CATALOGUS_API = "https://catalogi.nijmegen.example/api/v1"
CLIENT_ID, SECRET = "loket-test", "test-only-secret-of-at-least-32-bytes!"
RSIN = "123456782"
TIMEOUT = 5.0  # generous: no test here needs a slow case system, and a loaded CI machine is slow


def test_catalogue() -> dict[str, dict[str, Any]]:
    """ZAKEN_CATALOGUS as a municipality would fill it in, for every case type Loket knows."""
    out: dict[str, dict[str, Any]] = {}
    for i, (key, kind) in enumerate(catalogue().case_types.items()):
        statuses = [
            *kind.statuses,
            *(s for s in ("gegevens_nodig", "ingetrokken") if s not in kind.statuses),
        ]
        out[key] = {
            "zaaktype": f"{CATALOGUS_API}/zaaktypen/{i:08d}-0000-4000-8000-000000000000",
            "initiator": f"{CATALOGUS_API}/roltypen/{i:08d}-0000-4000-8000-000000000001",
            "gemachtigde": f"{CATALOGUS_API}/roltypen/{i:08d}-0000-4000-8000-000000000002",
            "statussen": {
                s: f"{CATALOGUS_API}/statustypen/{i:08d}-{n:04d}-4000-8000-000000000003"
                for n, s in enumerate(statuses)
            },
        }
    return out


test_catalogue.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


@pytest.fixture
def zaken() -> Iterator[FakeZaken]:
    types = test_catalogue()
    roltypes = {}
    final = set()
    for entry in types.values():
        roltypes[entry["initiator"]] = ("Aanvrager", "initiator")
        roltypes[entry["gemachtigde"]] = ("Gemachtigde", "belanghebbende")
        final |= {url for key, url in entry["statussen"].items() if catalogue().statuses[key].ends}
    with FakeZaken(CLIENT_ID, SECRET, roltypes, final) as server:
        yield server
    assert server.contract.violations == [], server.contract.violations


@pytest.fixture
def real_app(database_url: str, zaken: FakeZaken) -> Iterator[Flask]:
    app = make_app(
        database_url,
        CONNECTORS={"zaken": "http"},
        ZAKEN_URL=zaken.url,
        ZAKEN_CLIENT_ID=CLIENT_ID,
        ZAKEN_SECRET=SECRET,
        ZAKEN_BRONORGANISATIE=RSIN,
        ZAKEN_TIMEOUT_SECONDS=TIMEOUT,
        ZAKEN_CATALOGUS=test_catalogue(),
    )
    with app.test_request_context():
        yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def demo_app(app: Flask) -> Iterator[Flask]:
    with app.test_request_context():
        yield app
