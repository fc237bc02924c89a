"""The case system: the real ZGW client (against the fake) and the demo give the same cases."""

import datetime as dt
from collections.abc import Iterator

import pytest
from flask import Flask

from app.cases import service
from app.cases.base import NewCase, Party
from app.core.connectors import SourceUnavailable
from app.core.time import frozen_at
from app.prefill.persons import Address
from tests.fakes.zaken_server import FakeZaken

HOME = Address("Voorbeeldstraat", 12, postcode="6512 AB", city="Nijmegen")
FATIMA = Party("bsn", "999993653", "Fatima El Amrani", HOME)
RIA = Party("bsn", "999990020", "Ria de Boer", kind="bewindvoerder")


def new_case(reference: str = "AF-4736-KM", case_type: str = "kwijtschelding") -> NewCase:
    return NewCase(
        case_type,
        reference,
        "Kwijtschelding 2026",
        FATIMA,
        submission={"inkomen": "bijstand", "kinderen": 2},
        representative=RIA,
    )


@pytest.fixture
def moment() -> Iterator[None]:
    with frozen_at(dt.datetime(2026, 11, 3, 10, 0)):
        yield


def run_story() -> list[object]:
    """Submit, look up, correct, move and withdraw a case; return everything seen on the way."""
    seen: list[object] = [service.submit(new_case())]
    seen.append(service.cases_for("bsn", FATIMA.subject))
    seen.append(service.status_by_reference("af 4736 km", "6512ab"))
    service.correct(
        "AF-4736-KM", {"inkomen": "bijstand", "kinderen": 3}, "Drie kinderen, niet twee."
    )
    seen.append([(s.version, s.data, s.note) for s in service.submissions("AF-4736-KM")])
    seen.append(service.set_status("AF-4736-KM", "in_behandeling"))
    seen.append(service.withdraw("AF-4736-KM"))
    seen.append(service.cases_for("bsn", FATIMA.subject))
    seen.append(service.cases_for("bsn", "999992648"))
    return seen


def test_real_and_demo_tell_the_same_story(
    moment: None, real_app: Flask, zaken: FakeZaken, database_url: str
) -> None:
    real = run_story()
    from tests.conftest import make_app

    demo_app = make_app(database_url)
    with demo_app.test_request_context():
        demo = run_story()
    assert real == demo
    submitted = real[0]
    assert submitted.status.key == "ontvangen"  # type: ignore[attr-defined]
    withdrawn = real[5]
    assert withdrawn.status.key == "ingetrokken" and withdrawn.ended == dt.date(2026, 11, 3)  # type: ignore[attr-defined]
    assert real[3] == [
        (1, {"inkomen": "bijstand", "kinderen": 2}, ""),
        (2, {"inkomen": "bijstand", "kinderen": 3}, "Drie kinderen, niet twee."),
    ]
    assert zaken.contract.checked["requests"] == zaken.contract.checked["responses"] >= 25


def test_the_initiator_and_representative_roles(
    moment: None, real_app: Flask, zaken: FakeZaken
) -> None:
    service.submit(new_case())
    rollen = [
        r["body"] for r in zaken.received if r["method"] == "POST" and r["resource"] == "rollen"
    ]
    initiator, helper = rollen
    assert initiator["betrokkeneType"] == "natuurlijk_persoon"
    assert initiator["betrokkeneIdentificatie"]["inpBsn"] == "999993653"
    assert initiator["betrokkeneIdentificatie"]["verblijfsadres"]["aoaPostcode"] == "6512AB"
    assert initiator["indicatieMachtiging"] == "machtiginggever"
    assert helper["indicatieMachtiging"] == "gemachtigde"
    assert helper["betrokkeneIdentificatie"]["inpBsn"] == "999990020"


def test_status_by_reference_needs_the_matching_postcode_real(
    moment: None, real_app: Flask
) -> None:
    _lookups()


def test_status_by_reference_needs_the_matching_postcode_demo(
    moment: None, demo_app: Flask
) -> None:
    _lookups()


def _lookups() -> None:
    service.submit(new_case())
    assert service.status_by_reference("AF-4736-KM", "6512 AB") is not None
    assert service.status_by_reference("af4736km", " 6512ab ") is not None
    wrong_postcode = service.status_by_reference("AF-4736-KM", "6512 AC")
    wrong_reference = service.status_by_reference("AF-4736-KN", "6512 AB")
    assert wrong_postcode is None and wrong_reference is None  # the same answer
    assert service.status_by_reference("AF-4736-KM", "") is None


def test_a_business_case(moment: None, demo_app: Flask) -> None:
    bakery = Party("kvk", "90000001", "Bakkerij Voorbeeld (demo)")
    service.submit(NewCase("melding-openbare-ruimte", "MO-3467-AC", "Losse stoeptegel", bakery))
    (case,) = service.cases_for("kvk", "90000001")
    assert case.status is not None and case.status.key == "melding_ontvangen"
    assert service.status_by_reference("MO-3467-AC", "") is None  # no address: no lookup


def test_paging_is_followed(moment: None, real_app: Flask, zaken: FakeZaken) -> None:
    zaken.page_size = 2
    for i, ref in enumerate(["AF-3333-AA", "AF-4444-AA", "AF-6666-AA", "AF-7777-AA", "AF-9999-AA"]):
        with frozen_at(dt.datetime(2026, 11, 3 + i, 10, 0)):
            service.submit(new_case(ref))
    found = service.cases_for("bsn", FATIMA.subject)
    assert [c.reference for c in found] == [
        "AF-9999-AA",
        "AF-7777-AA",
        "AF-6666-AA",
        "AF-4444-AA",
        "AF-3333-AA",
    ]


def test_a_case_system_that_is_down(real_app: Flask, zaken: FakeZaken) -> None:
    zaken.down = True
    with pytest.raises(SourceUnavailable):
        service.submit(new_case())
    with pytest.raises(SourceUnavailable):
        service.cases_for("bsn", FATIMA.subject)


def test_a_wrong_secret_is_refused(database_url: str, zaken: FakeZaken) -> None:
    from tests.cases.conftest import CLIENT_ID, RSIN, test_catalogue
    from tests.conftest import make_app

    app = make_app(
        database_url,
        CONNECTORS={"zaken": "http"},
        ZAKEN_URL=zaken.url,
        ZAKEN_CLIENT_ID=CLIENT_ID,
        ZAKEN_SECRET="another-secret-of-at-least-32-bytes!!",
        ZAKEN_BRONORGANISATIE=RSIN,
        ZAKEN_CATALOGUS=test_catalogue(),
    )
    with app.test_request_context(), pytest.raises(SourceUnavailable):
        service.cases_for("bsn", FATIMA.subject)
    assert zaken.contract.checked["responses"] == 1  # the 403 follows the contract too


def test_a_fake_that_drifts_fails(real_app: Flask, zaken: FakeZaken) -> None:
    def spoil(payload: dict) -> None:  # type: ignore[type-arg]
        payload.pop("uuid", None)  # required in a Zaak

    zaken.drift = spoil
    with pytest.raises(SourceUnavailable):
        service.submit(new_case())
    assert "uuid" in zaken.contract.violations.pop()


def test_a_fake_that_renames_a_field_fails(real_app: Flask, zaken: FakeZaken) -> None:
    def spoil(payload: dict) -> None:  # type: ignore[type-arg]
        if "identificatie" in payload:
            payload["zaaknummer"] = payload.pop("identificatie")

    zaken.drift = spoil
    with pytest.raises(SourceUnavailable):
        service.submit(new_case())
    assert "zaaknummer" in zaken.contract.violations.pop()


def test_a_repeated_submit_returns_the_same_case(moment: None, demo_app: Flask) -> None:
    assert service.submit(new_case()) == service.submit(new_case())
    assert len(service.cases_for("bsn", FATIMA.subject)) == 1


def test_a_reference_of_someone_else_is_refused(moment: None, demo_app: Flask) -> None:
    service.submit(new_case())
    other = NewCase("kwijtschelding", "AF-4736-KM", "Kwijtschelding 2026", RIA)
    with pytest.raises(SourceUnavailable):
        service.submit(other)


def test_a_submit_cut_off_midway_is_finished_by_the_next(
    moment: None, real_app: Flask, zaken: FakeZaken
) -> None:
    zaken.refuse_once = {"statussen"}  # the zaak and its roles are there, the status is not
    with pytest.raises(SourceUnavailable):
        service.submit(new_case())
    case = service.submit(new_case())
    assert case.status is not None and case.status.key == "ontvangen"
    assert [len(zaken.store[r]) for r in ("zaken", "rollen", "statussen", "zaakobjecten")] == [
        1,
        2,
        1,
        1,
    ]
    other = NewCase("kwijtschelding", "AF-4736-KM", "Kwijtschelding 2026", RIA)
    with pytest.raises(SourceUnavailable):
        service.submit(other)


def test_unknown_case_type_is_a_programming_error(demo_app: Flask) -> None:
    with pytest.raises(ValueError, match="zaakstatussen"):
        service.submit(new_case(case_type="hondenbelasting"))
