"""Purpose limitation: each form reads only the register fields it declares, the BRP request
carries exactly those fields, and a definition that reaches further does not load."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from app.extensions import db
from app.forms.definitions import DefinitionError, read_definition
from app.prefill.contrib.haal_centraal import (
    BRP_FIELDS,
    HOUSEHOLD_ADDRESS_FIELDS,
    HOUSEHOLD_MEMBER_FIELDS,
    brp_fields,
)
from tests.conftest import make_app
from tests.fakes.brp_server import FakeBrpPersonen
from tests.forms.helpers import resident_login, soup_of

CONTENT = Path(__file__).resolve().parents[2] / "content" / "formulieren"
CASE_TYPES = [
    "kwijtschelding",
    "meedoenregeling",
    "individuele-inkomenstoeslag",
    "collectieve-zorgverzekering",
    "bewonersparkeervergunning",
    "melding_openbare_ruimte",
    "melding-openbare-ruimte",
]


@pytest.fixture
def brp() -> Iterator[FakeBrpPersonen]:
    with FakeBrpPersonen() as server:
        yield server
    assert server.contract.violations == [], server.contract.violations


@pytest.fixture
def real_brp_app(database_url: str, brp: FakeBrpPersonen) -> Iterator[Flask]:
    """Persons from the real Haal Centraal client, talking to the fake BRP on a loopback port."""
    app = make_app(
        database_url,
        CONNECTORS={"personen": "http"},
        BRP_PERSONEN_URL=brp.url,
        BRP_PERSONEN_API_KEY="test-key",
        BRP_PERSONEN_TIMEOUT_SECONDS=2.0,
    )
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.mark.parametrize(
    "slug",
    ["kwijtschelding", "collectieve-zorgverzekering", "bewonersparkeervergunning"],
)
def test_the_brp_request_carries_exactly_the_declared_fields(
    real_brp_app: Flask, brp: FakeBrpPersonen, slug: str
) -> None:
    client = real_brp_app.test_client()
    resident_login(client, "fatima" if slug != "bewonersparkeervergunning" else "jan")
    page = client.get(f"/formulieren/{slug}/gegevens", follow_redirects=True)
    assert soup_of(page).find("input", attrs={"name": "naam"})["value"]  # filled in from the fake
    declared = real_brp_app.extensions["loket.forms"].get(slug).purpose.fields_for("personen")
    person = [
        q["fields"]
        for q in brp.received
        if q["type"] == "RaadpleegMetBurgerservicenummer"
        and q["fields"] != list(HOUSEHOLD_ADDRESS_FIELDS)
    ]
    assert person == [brp_fields(declared, BRP_FIELDS)]  # one query, exactly these fields
    household = [q for q in brp.received if q["type"] != "RaadpleegMetBurgerservicenummer"]
    assert bool(household) == ("huishouden" in declared)
    for query in household:
        assert query["fields"] == list(HOUSEHOLD_MEMBER_FIELDS)
    if "partner" not in declared:
        assert not any(f.startswith("partners") for q in brp.received for f in q["fields"])


def test_a_report_without_login_asks_no_register(real_brp_app: Flask, brp: FakeBrpPersonen) -> None:
    client = real_brp_app.test_client()
    resident_login(client, "fatima")
    client.get("/formulieren/melding-openbare-ruimte/wat", follow_redirects=True)
    assert brp.received == []


def _definition(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "proef.yaml"
    path.write_text(text, encoding="utf-8")
    return path


BASE = (CONTENT / "meedoenregeling.yaml").read_text(encoding="utf-8")


def test_a_form_cannot_read_a_field_it_did_not_declare(tmp_path: Path) -> None:
    # The same form, but its prefill list no longer names the household.
    text = BASE.replace("personen: [naam, adres, huishouden]", "personen: [naam, adres]")
    assert text != BASE
    with pytest.raises(DefinitionError, match="purpose limitation"):
        read_definition(_definition(tmp_path, text), CASE_TYPES)


def test_a_form_cannot_declare_a_field_that_does_not_exist(tmp_path: Path) -> None:
    text = BASE.replace(
        "personen: [naam, adres, huishouden]", "personen: [naam, adres, huishouden, bsn]"
    )
    with pytest.raises((DefinitionError, ValueError)):
        read_definition(_definition(tmp_path, text), CASE_TYPES)


def test_every_shipped_form_reads(app: Flask) -> None:
    forms = list(app.extensions["loket.forms"])
    assert len(forms) == 6
    for form in forms:
        assert form.login or not form.purpose.fields  # a form without login reads no register


def test_the_purpose_refuses_a_read_outside_its_list() -> None:
    from app.prefill.purposes import Purpose, PurposeError

    purpose = Purpose.declare("formulier:proef", {"personen": ["naam"]})
    with pytest.raises(PurposeError):
        purpose.require("personen", "naam", "adres")
