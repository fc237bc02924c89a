"""The contract checks have teeth: a fake or a client that drifts from the official API fails."""

import json

import pytest
from flask import Flask

from app.core.connectors import SourceUnavailable
from app.prefill import service
from app.prefill.purposes import Purpose
from tests.fakes.brp_contracts import Contract, ContractViolation
from tests.fakes.brp_server import FakeBrpPersonen, FakeBrpReisdocumenten

JAN = "999992648"
ADDRESS = Purpose.declare("test", {"personen": ["adres", "geboortedatum"]})


def _spoil_house_number(payload: dict) -> None:  # type: ignore[type-arg]
    payload["personen"][0]["verblijfplaats"]["verblijfadres"]["huisnummer"] = "3"


def _spoil_date(payload: dict) -> None:  # type: ignore[type-arg]
    payload["personen"][0]["geboorte"]["datum"] = {"datum": "30-09-1971"}


def _spoil_place_type(payload: dict) -> None:  # type: ignore[type-arg]
    payload["personen"][0]["verblijfplaats"]["type"] = "Woonadres"


def _rename_house_number(payload: dict) -> None:  # type: ignore[type-arg]
    where = payload["personen"][0]["verblijfplaats"]["verblijfadres"]
    where["huisnr"] = where.pop("huisnummer")  # valid JSON Schema (nothing is required), wrong name


def _extra_property(payload: dict) -> None:  # type: ignore[type-arg]
    payload["personen"][0]["geboorte"]["datum"]["dag"] = 30


@pytest.mark.parametrize(
    "spoil",
    [_spoil_house_number, _spoil_date, _spoil_place_type, _rename_house_number, _extra_property],
)
def test_a_fake_that_drifts_fails(real_app: Flask, brp: FakeBrpPersonen, spoil) -> None:  # type: ignore[no-untyped-def]
    brp.drift = spoil
    with pytest.raises(SourceUnavailable):
        service.person(JAN, ADDRESS)
    assert len(brp.contract.violations) == 1
    brp.contract.violations.clear()  # seen; the fixture checks the rest stays clean


def test_a_document_fake_that_drifts_fails(
    real_app: Flask, reisdocumenten: FakeBrpReisdocumenten
) -> None:
    def spoil(payload: dict) -> None:  # type: ignore[type-arg]
        payload["reisdocumenten"][0]["reisdocumentnummer"] = "np-1"

    reisdocumenten.drift = spoil
    with pytest.raises(SourceUnavailable):
        service.documents(JAN, Purpose.declare("test", {"reisdocumenten": ["nummer"]}))
    assert "np-1" in reisdocumenten.contract.violations.pop()


def test_a_client_request_that_drifts_fails(real_app: Flask, brp: FakeBrpPersonen) -> None:
    with pytest.raises(SourceUnavailable):
        service.person("12345", ADDRESS)  # not a BSN: the official schema refuses it
    assert "12345" in brp.contract.violations.pop()


@pytest.mark.parametrize(
    "body",
    [
        {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [JAN]},  # no fields
        {"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": [JAN], "fields": []},
        {"type": "ZoekMetPostcode", "postcode": "6521CD", "fields": ["naam"]},  # no such query
        {
            "type": "RaadpleegMetBurgerservicenummer",
            "burgerservicenummer": [JAN],
            "fields": ["naam voornamen"],
        },
    ],
)
def test_the_checker_refuses_requests_the_api_refuses(body: dict) -> None:  # type: ignore[type-arg]
    contract = Contract("brp-personen")
    request = contract.request(
        "POST",
        "/haalcentraal/api/brp/personen",
        body=json.dumps(body).encode(),
        content_type="application/json; charset=utf-8",
    )
    with pytest.raises(ContractViolation):
        contract.check_request(request)


def test_unknown_properties_are_found_through_refs_allof_and_discriminators() -> None:
    from tests.fakes.brp_contracts import unknown_properties

    schema = {"$ref": "#/components/schemas/RaadpleegMetBurgerservicenummerResponse"}
    good = {
        "type": "RaadpleegMetBurgerservicenummer",
        "personen": [
            {
                "verblijfplaats": {
                    "type": "VerblijfplaatsBuitenland",
                    "verblijfadres": {"regel1": "x", "land": {"code": "6029"}},
                }
            }
        ],
    }
    assert unknown_properties("brp-personen", schema, good) == []
    good["personen"][0]["verblijfplaats"]["verblijfadres"]["officieleStraatnaam"] = "x"  # type: ignore[index]
    assert unknown_properties("brp-personen", schema, good) == [
        ".personen[0].verblijfplaats.verblijfadres.officieleStraatnaam"
    ]  # only in a Dutch Adres


def test_the_checker_reads_zaken_too() -> None:
    contract = Contract("zgw-zaken")
    request = contract.request("GET", "/api/v1/zaken", query={"identificatie": "ZK-1"})
    with pytest.raises(ContractViolation, match="JWT-Claims"):
        contract.check_request(request)  # no bearer token
    request = contract.request(
        "GET",
        "/api/v1/zaken",
        query={"identificatie": "ZK-1"},
        headers={"Authorization": "Bearer x.y.z"},
    )
    with pytest.raises(ContractViolation, match="Accept-Crs"):
        contract.check_request(request)  # GET /zaken requires the Accept-Crs header
