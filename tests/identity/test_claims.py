"""Loket's claim layout and the OIDC settings, without a broker: numbers, representation chains,
per-method claim names, and a configuration that refuses to start half set up."""

import json

import pytest

from app.identity.broker import LoginFailed
from app.identity.claims import BSN_TYPE, KVK_TYPE, MethodSettings, method_settings
from app.identity.claims import resident_from_claims as resident
from app.identity.numbers import valid_bsn, valid_kvk
from app.identity.resident import Representation

MIDDEN = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"
DIGID = MethodSettings("digid", MIDDEN, (MIDDEN,), "bsn")
EH3 = "urn:etoegang:core:assurance-class:loa3"
EHERKENNING = MethodSettings("eherkenning", EH3, (EH3,), "kvk")


@pytest.mark.parametrize(
    ("value", "ok"),
    [("999993653", True), ("900026236", True), ("999993654", False), ("12345678", False)],
)
def test_the_elfproef(value: str, ok: bool) -> None:
    assert valid_bsn(value) is ok


def test_kvk_numbers() -> None:
    assert valid_kvk("90000001") and not valid_kvk("9000000") and not valid_kvk(90000001)


def test_a_bsn_in_sub() -> None:
    r = resident({"sub": "999993653", "sub_id_type": BSN_TYPE, "acr": MIDDEN, "sid": "s1"}, DIGID)
    assert (r.subject_type, r.subject, r.level, r.logout_hint) == ("bsn", "999993653", MIDDEN, "s1")


def test_a_kvk_number_for_a_bsn_method_is_refused() -> None:
    with pytest.raises(LoginFailed) as failed:
        resident({"sub": "90000001", "sub_id_type": KVK_TYPE, "acr": MIDDEN}, DIGID)
    assert failed.value.reason == "failed"


def test_a_yivi_attribute_as_the_subject() -> None:
    yivi = MethodSettings(
        "yivi", "x", ("x",), "bsn", subject_claim="irma-demo.gemeente.personalData.bsn"
    )
    claims = {"sub": "willekeurig", "irma-demo.gemeente.personalData.bsn": "999993653", "acr": "x"}
    assert resident(claims, yivi).subject == "999993653"


def test_a_business_with_its_name() -> None:
    r = resident({"sub": "90000001", "acr": EH3, "name": "Bakkerij"}, EHERKENNING)
    assert r.client == ("kvk", "90000001") and r.name == "Bakkerij"


def test_the_deepest_represents_is_whose_affairs_these_are() -> None:
    """An employee of a bewindvoerder's office (eHerkenning) acting for a person."""
    claims = {
        "sub": "90000001",
        "acr": EH3,
        "represents": {
            "sub": "90000002",
            "sub_id_type": KVK_TYPE,
            "relation": "bewindvoering",
            "represents": {"sub": "999999151", "sub_id_type": BSN_TYPE, "name": "Kees"},
        },
    }
    r = resident(claims, EHERKENNING)
    assert r.acting_for == Representation("bsn", "999999151", "Kees", "bewindvoerder")
    assert r.client == ("bsn", "999999151")


def test_digid_machtigen_without_a_relation_is_a_machtiging() -> None:
    r = resident({"sub": "999995182", "acr": MIDDEN, "represents": {"sub": "999994669"}}, DIGID)
    assert r.acting_for == Representation("bsn", "999994669", "", "machtiging")


@pytest.mark.parametrize(
    "represents",
    ["999994669", {"sub": "999994668"}, {"sub": "x", "sub_id_type": "urn:x:pseudonym"}],
)
def test_a_representation_without_a_valid_number_is_refused(represents: object) -> None:
    with pytest.raises(LoginFailed):
        resident({"sub": "999995182", "acr": MIDDEN, "represents": represents}, DIGID)


def test_a_too_deep_chain_is_refused() -> None:
    chain: dict[str, object] = {"sub": "999994669"}
    for _ in range(6):
        chain = {"sub": "90000002", "represents": chain}
    with pytest.raises(LoginFailed):
        resident({"sub": "999995182", "acr": MIDDEN, "represents": chain}, DIGID)


def test_methods_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.config import Config

    monkeypatch.setenv(
        "OIDC_METHODS",
        json.dumps({"yivi": {"scope": "idp_scoping:yivi", "params": {"prompt": "login"}}}),
    )
    methods = method_settings({"OIDC_METHODS": Config.OIDC_METHODS})
    assert methods["yivi"].scope == "idp_scoping:yivi"
    assert methods["yivi"].params == {"prompt": "login"}
    assert methods["yivi"].acr_values == "http://eidas.europa.eu/LoA/substantial", "kept"
    assert methods["digid"].accepted_acr[0] == MIDDEN


@pytest.mark.parametrize(
    "methods",
    [{"digid": {"accepted_acr": []}}, {"digid": {"subject": "naam"}}, {"telefoon": {}}],
)
def test_wrong_method_settings_are_refused(methods: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        method_settings({"OIDC_METHODS": methods})


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"OIDC_CLIENT_SECRET": ""}, "OIDC_CLIENT_SECRET"),
        ({"OIDC_ISSUER": "http://login.example"}, "https"),
    ],
)
def test_a_half_configured_broker_does_not_start(
    database_url: str, settings: dict[str, object], message: str
) -> None:
    from tests.conftest import make_app

    config = {
        "CONNECTORS": {"inlog": "oidc"},
        "OIDC_ISSUER": "https://login.example",
        "OIDC_CLIENT_ID": "loket",
        "OIDC_CLIENT_SECRET": "geheim",
        **settings,
    }
    with pytest.raises(RuntimeError, match=message):
        make_app(database_url, **config)


def test_a_configured_broker_starts_without_contacting_it(database_url: str) -> None:
    """The app starts while the broker is down; the login says so when it is used."""
    from tests.conftest import make_app

    app = make_app(
        database_url,
        CONNECTORS={"inlog": "oidc"},
        OIDC_ISSUER="https://127.0.0.1:1",
        OIDC_CLIENT_ID="loket",
        OIDC_CLIENT_SECRET="geheim",
        OIDC_TIMEOUT_SECONDS=1,
    )
    assert app.test_client().get("/login?method=digid").status_code == 503
