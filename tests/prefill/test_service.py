"""What the forms and Mijn Loket get: values with source and date, and the demo situations."""

import datetime as dt

from flask import Flask
from flask_babel import force_locale

from app.core.time import frozen_at
from app.prefill import service
from app.prefill.purposes import Purpose

EVERYTHING = Purpose.declare(
    "test",
    {
        "personen": [
            "naam",
            "geboortedatum",
            "leeftijd",
            "adres",
            "kinderen",
            "partner",
            "huishouden",
        ],
        "reisdocumenten": ["soort", "einddatum", "nummer"],
        "voertuigen": ["kenteken", "voertuig"],
        "belastingen": ["aanslagen"],
        "inkomen": ["uitkeringen", "loon", "regelingen"],
    },
)


def test_each_value_says_where_and_when_it_came_from(demo_app: Flask) -> None:
    with frozen_at(dt.datetime(2026, 11, 3, 10, 0)):
        found = service.gather("999993653", EVERYTHING)
    assert found.person is not None
    assert found.person.label() == "Uit de Basisregistratie Personen, 3 november 2026"
    with force_locale("en"):
        assert (
            found.person.label() == "From the Personal Records Database, November 3, 2026"
        )  # as the site writes dates
    assert found.person.source.correction_url.startswith("/")
    assert found.income is not None and "gemeente" in str(found.income.source.from_phrase)


def test_jans_passport_expires_within_four_months_whenever_the_demo_runs(demo_app: Flask) -> None:
    for today in (dt.datetime(2026, 12, 1, 12), dt.datetime(2029, 7, 4, 12)):
        with frozen_at(today):
            found = service.gather("999992648", EVERYTHING)
        assert found.documents is not None
        (passport,) = found.documents.value
        assert passport.kind == "paspoort" and passport.withdrawn is False
        assert passport.expires is not None
        assert dt.timedelta(0) < passport.expires - today.date() < dt.timedelta(days=120)


def test_the_demo_situations(demo_app: Flask) -> None:
    fatima = service.gather("999993653", EVERYTHING)
    assert fatima.household is not None and fatima.household.value is not None
    assert [m.name.given_names for m in fatima.household.value.members if m.name] == [
        "Fatima",
        "Yasmin",
        "Adam",
    ]
    assert fatima.income is not None and fatima.income.value.benefits
    assert fatima.income.value.benefits[0].kind == "bijstand"
    assert fatima.taxes is not None and fatima.taxes.value[0].state == "kwijtgescholden"
    jan = service.gather("999992648", EVERYTHING)
    assert jan.vehicles is not None and [v.plate for v in jan.vehicles.value] == ["ZZ-301-D"]
    assert jan.person is not None and jan.person.value is not None
    assert jan.person.value.name is not None and jan.person.value.name.full == "Jan de Vries"
    eva = service.gather("999997622", EVERYTHING)
    assert eva.person is not None and eva.person.value is not None
    assert [p.name.given_names for p in eva.person.value.partners or () if p.name] == ["Daan"]
    assert eva.household is not None and eva.household.value is not None
    assert len(eva.household.value.members) == 3
    pieter = service.gather("999996411", EVERYTHING)
    assert pieter.person is not None and pieter.person.value is not None
    assert pieter.person.value.address is None
    assert (
        pieter.person.value.abroad is not None and pieter.person.value.abroad.country == "Duitsland"
    )
    assert pieter.household is not None and pieter.household.value is None
    kees = service.gather("999999151", EVERYTHING)
    assert kees.income is not None and [s.scheme for s in kees.income.value.schemes or ()] == [
        "meedoenregeling"
    ]
    assert kees.taxes is not None and kees.taxes.value[0].state == "open"
    assert kees.taxes.value[0].total_cents == 44000


def test_a_purpose_with_nothing_reads_nothing(demo_app: Flask) -> None:
    assert service.gather("999993653", Purpose.declare("niets", {})) == service.Prefill()
