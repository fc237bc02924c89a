"""The real BRP clients, against the fake servers, give exactly what the demo sources give."""

import pytest
from flask import Flask

from app import demo_data
from app.prefill.contrib.demo import DemoPersons, DemoTravelDocuments
from app.prefill.contrib.haal_centraal import HaalCentraalPersonen, HaalCentraalReisdocumenten
from app.prefill.purposes import VOCABULARY
from tests.fakes.brp_server import FakeBrpPersonen, FakeBrpReisdocumenten

EVERYONE = [p["bsn"] for p in demo_data.people()]
PERSON_FIELDS = VOCABULARY["personen"] - {"huishouden"}


def clients(app: Flask) -> tuple[HaalCentraalPersonen, DemoPersons]:
    return HaalCentraalPersonen(app.config), DemoPersons(app.config)


@pytest.mark.parametrize("bsn", EVERYONE)
def test_same_person_from_both(real_app: Flask, brp: FakeBrpPersonen, bsn: str) -> None:
    real, demo = clients(real_app)
    assert real.person(bsn, PERSON_FIELDS) == demo.person(bsn, PERSON_FIELDS)
    assert real.household(bsn) == demo.household(bsn)
    assert brp.contract.checked == {
        "requests": 3 if demo.household(bsn) else 2,
        "responses": 3 if demo.household(bsn) else 2,
    }


@pytest.mark.parametrize("fields", [frozenset({f}) for f in sorted(PERSON_FIELDS)])
def test_same_person_for_each_single_field(real_app: Flask, fields: frozenset[str]) -> None:
    real, demo = clients(real_app)
    for bsn in EVERYONE:
        assert real.person(bsn, fields) == demo.person(bsn, fields)


@pytest.mark.parametrize("bsn", EVERYONE)
def test_same_documents_from_both(
    real_app: Flask, reisdocumenten: FakeBrpReisdocumenten, bsn: str
) -> None:
    fields = VOCABULARY["reisdocumenten"]
    real = HaalCentraalReisdocumenten(real_app.config).documents(bsn, fields)
    assert real == DemoTravelDocuments(real_app.config).documents(bsn, fields)
    assert reisdocumenten.contract.checked == {"requests": 1, "responses": 1}


def test_unknown_person_is_none_in_both(real_app: Flask) -> None:
    real, demo = clients(real_app)
    assert real.person("999901114", PERSON_FIELDS) is None
    assert demo.person("999901114", PERSON_FIELDS) is None
    assert real.household("999901114") is None is demo.household("999901114")
