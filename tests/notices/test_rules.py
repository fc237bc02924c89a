"""The notices of each demo resident: a known expected set, computed live from the registers."""

import pytest
from flask import Flask

from app.notices.catalogue import catalogue, load
from app.notices.describe import describe
from app.notices.service import find
from tests.notices.helpers import BSN

# (rule, scheme or variant) per demo resident, in the order Mijn Loket shows them.
EXPECTED = {
    "fatima": [
        ("regeling", "collectieve-zorgverzekering"),
        ("regeling", "kinderfonds"),
        ("regeling", "meedoenregeling"),
        ("vanzelf", "individuele-inkomenstoeslag"),
        ("vanzelf", "kwijtschelding"),
    ],
    "jan": [("parkeren", ""), ("reisdocument", "")],
    "anna": [("regeling", "collectieve-zorgverzekering"), ("gehandicaptenparkeerkaart", "")],
    "sanne": [],
    "pieter": [],  # lives abroad
    "eva": [],  # average income, no expiring document
    "kees": [("regeling", "collectieve-zorgverzekering"), ("regeling", "kwijtschelding")],
    "ria": [],
    "lotte": [("regeling", "collectieve-zorgverzekering")],  # parking cards and vehicles down
    "henk": [
        ("gehandicaptenparkeerkaart", "keuring"),  # a new medical check: not by itself, to do
        ("reisdocument", ""),
        ("regeling", "collectieve-zorgverzekering"),
        ("regeling", "kwijtschelding"),
        ("regeling", "meedoenregeling"),
    ],
}


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_each_demo_resident_gets_the_known_notices(ctx: Flask, who: str) -> None:
    found = find(BSN[who])
    got = [(n.rule.key, n.outcome.scheme.slug if n.outcome else n.variant) for n in found.notices]
    assert got == EXPECTED[who]
    # Lotte's parking cards and vehicles are down (her `storing:` list in residents.yaml).
    down = frozenset({"parkeerkaarten", "voertuigen"})
    assert found.unavailable == (down if who == "lotte" else frozenset())


def test_every_rule_is_triggered_by_some_demo_resident() -> None:
    kinds = {rule for notices in EXPECTED.values() for rule, _ in notices}
    assert kinds == set(catalogue().rules)
    schemes = {
        s for notices in EXPECTED.values() for rule, s in notices if rule in ("regeling", "vanzelf")
    }
    assert {
        "meedoenregeling",
        "kwijtschelding",
        "individuele-inkomenstoeslag",
        "collectieve-zorgverzekering",
    } <= schemes


def test_every_notice_says_why_with_which_data_and_on_what_legal_basis(ctx: Flask) -> None:
    for who in ("fatima", "jan", "anna", "henk"):
        for notice in find(BSN[who]).notices:
            for lang in ("nl", "en"):
                words = describe(notice, lang)
                assert words.title and words.reason and words.action
                assert words.facts and all(f.source for f in words.facts), (who, notice.rule.key)
                assert len(words.legal) == 2  # the rule's own basis, then the GDPR basis
                if notice.kind == "regeling":
                    assert words.reasons and words.form_path
                    assert words.decided_by == catalogue().common["besluit"][lang]
                    assert "niets automatisch besloten" in catalogue().common["besluit"]["nl"]
                if notice.kind == "vanzelf":
                    assert words.mistake  # a mistaken award is in principle not reclaimed


def test_the_caz_notice_says_when_it_is_not_the_best_choice(ctx: Flask) -> None:
    caz = next(
        n
        for n in find(BSN["henk"]).notices
        if n.outcome and n.outcome.scheme.slug == "collectieve-zorgverzekering"
    )
    assert "niet altijd de beste keuze" in describe(caz, "nl").caveat


def test_a_parking_card_is_renewed_by_itself_unless_a_new_check_is_needed(ctx: Flask) -> None:
    (anna,) = [n for n in find(BSN["anna"]).notices if n.rule.key == "gehandicaptenparkeerkaart"]
    (henk,) = [n for n in find(BSN["henk"]).notices if n.rule.key == "gehandicaptenparkeerkaart"]
    by_itself, check = describe(anna, "nl"), describe(henk, "nl")
    assert by_itself.kind == "vanzelf" and by_itself.title.startswith("Wij verlengen")
    assert by_itself.form_path is None and by_itself.mistake
    assert "nieuwe keuring" in check.reason and check.form_path is not None
    assert check.action == "Vraag een nieuwe kaart aan"
    assert check.kind == "actie" and not check.mistake


def test_the_parking_notice_prefills_the_permit_and_names_the_car(ctx: Flask) -> None:
    parking = next(n for n in find(BSN["jan"]).notices if n.rule.key == "parkeren")
    words = describe(parking, "nl")
    assert "ZZ-301-D" in words.reason and "Oefenlaan" in words.title
    assert words.form_path in (
        "/formulieren/bewonersparkeervergunning",
        "/diensten/bewonersparkeervergunning",
    )


def test_a_catalogue_with_an_unknown_field_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.notices.catalogue import FILE, CatalogueError

    bad = tmp_path / "meldingen.yaml"
    bad.write_text(
        FILE.read_text(encoding="utf-8").replace("[soort, einddatum]", "[soort, bsn]"),
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError):
        load(bad)
