"""Purpose limitation: a purpose reads only its declared fields; the BRP request asks just those."""

import pytest
from flask import Flask

from app.prefill import service
from app.prefill.contrib.haal_centraal import BRP_FIELDS, brp_fields
from app.prefill.purposes import VOCABULARY, Purpose, PurposeError
from tests.fakes.brp_server import FakeBrpPersonen, FakeBrpReisdocumenten

FATIMA = "999993653"


def test_unknown_fields_and_sources_are_refused_when_declared() -> None:
    with pytest.raises(PurposeError, match="burgerservicenummer"):
        Purpose.declare("x", {"personen": ["naam", "burgerservicenummer"]})
    with pytest.raises(PurposeError, match="unknown source"):
        Purpose.declare("x", {"kadaster": ["eigendom"]})


def test_a_purpose_cannot_read_a_source_it_did_not_declare(demo_app: Flask) -> None:
    purpose = Purpose.declare("formulier:melding", {"personen": ["naam"]})
    for read in (
        service.documents,
        service.vehicles_of,
        service.tax_assessments,
        service.income_of,
        service.household,
    ):
        with pytest.raises(PurposeError):
            read(FATIMA, purpose)
    with pytest.raises(PurposeError):
        purpose.require("personen", "adres")


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        (["naam"], ["naam.voornamen", "naam.voorvoegsel", "naam.geslachtsnaam"]),
        (["geboortedatum", "leeftijd"], ["geboorte.datum", "leeftijd"]),
        (
            ["adres"],
            [
                f"verblijfplaats.verblijfadres.{f}"
                for f in (
                    "officieleStraatnaam",
                    "huisnummer",
                    "huisletter",
                    "huisnummertoevoeging",
                    "postcode",
                    "woonplaats",
                    "regel1",
                    "regel2",
                    "regel3",
                    "land",
                )
            ],
        ),
        (
            ["kinderen"],
            [
                "kinderen.burgerservicenummer",
                "kinderen.naam.voornamen",
                "kinderen.naam.voorvoegsel",
                "kinderen.naam.geslachtsnaam",
                "kinderen.geboorte.datum",
            ],
        ),
    ],
)
def test_the_brp_request_carries_exactly_the_declared_fields(
    real_app: Flask, brp: FakeBrpPersonen, declared: list[str], expected: list[str]
) -> None:
    purpose = Purpose.declare("test", {"personen": declared})
    service.person(FATIMA, purpose)
    (query,) = brp.received
    assert sorted(query["fields"]) == sorted(expected)
    assert query["type"] == "RaadpleegMetBurgerservicenummer"
    assert query["burgerservicenummer"] == [FATIMA]


def test_every_combination_asks_the_union_and_nothing_else(
    real_app: Flask, brp: FakeBrpPersonen
) -> None:
    fields = sorted(VOCABULARY["personen"] - {"huishouden"})
    for size in range(1, len(fields) + 1):
        declared = fields[:size]
        service.person(FATIMA, Purpose.declare("test", {"personen": declared}))
        union = {f for name in declared for f in BRP_FIELDS[name]}
        assert set(brp.received[-1]["fields"]) == union
        assert len(brp.received[-1]["fields"]) == len(union)  # no repeats
    assert brp_fields(["naam", "naam"], BRP_FIELDS) == list(BRP_FIELDS["naam"])


def test_the_documents_request_carries_exactly_the_declared_fields(
    real_app: Flask, reisdocumenten: FakeBrpReisdocumenten
) -> None:
    service.documents(
        "999992648", Purpose.declare("melding:reisdocument", {"reisdocumenten": ["einddatum"]})
    )
    assert reisdocumenten.received[-1]["fields"] == [
        "datumEindeGeldigheid",
        "inhoudingOfVermissing",
    ]


def test_fields_outside_the_purpose_stay_empty_in_the_real_client(real_app: Flask) -> None:
    _only_the_name()


def test_fields_outside_the_purpose_stay_empty_in_the_demo(demo_app: Flask) -> None:
    _only_the_name()


def _only_the_name() -> None:
    found = service.person(FATIMA, Purpose.declare("test", {"personen": ["naam"]})).value
    assert found is not None and found.name is not None
    assert found.name.full == "Fatima El Amrani"
    assert (found.born, found.age, found.address, found.abroad, found.children, found.partners) == (
        None,
        None,
        None,
        None,
        None,
        None,
    )


def test_what_a_gateway_sends_too_much_is_dropped(real_app: Flask, brp: FakeBrpPersonen) -> None:
    brp.overshare = True  # ignores `fields` and sends the whole person
    found = service.person(FATIMA, Purpose.declare("test", {"personen": ["naam"]})).value
    assert found is not None
    assert found.address is None and found.children is None and found.born is None


def test_gather_asks_only_the_declared_sources(
    real_app: Flask, brp: FakeBrpPersonen, reisdocumenten: FakeBrpReisdocumenten
) -> None:
    found = service.gather(FATIMA, Purpose.declare("test", {"personen": ["adres"]}))
    assert found.person is not None and found.household is None and found.documents is None
    assert len(brp.received) == 1 and reisdocumenten.received == []
    assert found.unavailable == frozenset()
