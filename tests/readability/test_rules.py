"""Each rule fires on a text made for it and stays quiet on a plain B1 sentence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.readability import analyse

PLAIN = "Wij sturen u een brief. U hoeft niets te doen."


def rules(text: str, profile: str = "b1") -> list[str]:
    return [finding.rule for finding in analyse(text, profile=profile).findings]


@pytest.mark.parametrize(
    ("rule", "text", "profile"),
    [
        ("sentence_length", " ".join(["woord"] * 22) + ".", "b1"),
        (
            "sentence_length",
            "Wij sturen u morgen of overmorgen een brief met alle informatie die u nodig heeft.",
            "makkelijk",
        ),
        ("paragraph_length", " ".join(["Dit is een zin."] * 6), "b1"),
        ("jargon", "Indien u vragen heeft, bel ons.", "b1"),
        ("jargon", "Wij verstrekten u een pas.", "b1"),
        ("jargon", "Uw aanvraag is in behandeling.", "b1"),
        ("jargon", "Wij schrijven u met betrekking tot uw aanvraag.", "b1"),
        ("policy_word", "Elke klant krijgt een brief.", "b1"),
        ("policy_word", "Wij helpen burgers graag.", "b1"),
        ("policy_word", "Er is een niet-digitaal kanaal.", "b1"),
        ("passive", "De aanvraag wordt door ons beoordeeld.", "b1"),
        ("passive", "Uw gegevens kunnen worden opgevraagd.", "b1"),
        ("passive", "De brief werd gisteren verstuurd.", "b1"),
        ("nominalisation", "Na de beoordeling hoort u meer.", "b1"),
        ("nominalisation", "Na verstrekking van de pas sturen wij een brief.", "b1"),
        ("abbreviation", "Neem bijv. uw pas mee.", "b1"),
        ("abbreviation", "Dit is i.v.m. de drukte.", "b1"),
        ("long_word", "Dat staat in het uitvoeringsprogramma.", "b1"),
        ("uncommon_word", "Dat is een kwestie van subsidiariteit.", "b1"),
        ("one_sentence_per_line", "Kom langs. Neem uw pas mee.", "makkelijk"),
        ("parentheses", "Neem uw pas (of paspoort) mee.", "makkelijk"),
        ("semicolon", "Kom langs; neem uw pas mee.", "makkelijk"),
        ("number_word", "Het duurt drie weken.", "makkelijk"),
        ("abbreviation", "Neem bijv. uw pas mee.", "makkelijk"),
        ("empty", "", "b1"),
        (
            "not_dutch",
            "This page explains how you can apply for a passport and what you need to bring "
            "with you to the office.",
            "b1",
        ),
    ],
)
def test_rule_fires(rule: str, text: str, profile: str) -> None:
    assert rule in rules(text, profile)


@pytest.mark.parametrize("profile", ["b1", "makkelijk"])
def test_plain_text_has_no_findings(profile: str) -> None:
    text = "Wij sturen u een brief.\nU hoeft niets te doen.\n"
    assert rules(text, profile) == []


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("jargon", "Wilt u een bezwaar indienen? Bel ons."),  # indien only matches exactly
        ("passive", "Het is gezond om te bewegen."),
        ("passive", "Bent u verhuisd? Dan is het goed gegaan."),
        ("nominalisation", "Uw woning en uw uitkering blijven hetzelfde."),
        ("uncommon_word", "Log in met DigiD of Yivi bij de Stadswinkel in Nijmegen."),
        ("uncommon_word", "Bel met Famke Veenstra."),  # names mid-sentence are skipped
        ("uncommon_word", "De parkeervergunningaanvraag is klaar."),  # compound of known parts
        ("abbreviation", "Wij kijken ernaar. Daarna bellen wij."),
        ("number_word", "Het duurt 3 weken."),
        ("policy_word", "U krijgt een burgerservicenummer."),
    ],
)
def test_rule_does_not_fire(rule: str, text: str) -> None:
    assert rule not in rules(text, "makkelijk" if rule == "number_word" else "b1")


def test_jargon_has_a_suggestion_and_a_mark() -> None:
    report = analyse("Wij verstrekken een pas.")
    finding = next(f for f in report.findings if f.rule == "jargon")
    assert finding.suggestion == "geven"
    assert "verstrekken" in finding.message
    assert report.marks[0].kind == "jargon"
    assert report.marks[0].alternative == "geven"


def test_uncommon_word_is_marked_moeilijk() -> None:
    text = "Dat is een kwestie van subsidiariteit."
    report = analyse(text)
    mark = next(m for m in report.marks if m.kind == "moeilijk")
    assert text[mark.start : mark.end] == "subsidiariteit"
    assert mark.alternative is None


def test_sentence_length_is_blocking_when_far_too_long() -> None:
    report = analyse(" ".join(["woord"] * 31) + ".")
    assert [f.severity for f in report.findings if f.rule == "sentence_length"] == ["blocking"]
    assert not report.passed


def test_jargon_data_file_is_big_enough_and_valid() -> None:
    from app.readability.jargon import table

    entries = table().entries
    assert len(entries) >= 140
    for entry in entries:
        assert entry.alternative or entry.advice or entry.kind == "zn", entry.term


def test_the_view_never_reads_a_replacement_plus_the_rest_of_the_expression() -> None:
    """'in aanmerking genomen' is one expression: advice on all of it, not '-> kunnen krijgen'."""
    text = "Uw spaargeld wordt in aanmerking genomen."
    finding = next(f for f in analyse(text).findings if f.rule == "jargon")
    assert text[finding.start : finding.end] == "in aanmerking genomen"
    assert finding.suggestion is None


@pytest.mark.parametrize(
    ("words", "parts", "profile"),
    [
        (22, "twee", "b1"),
        (35, "twee of drie", "b1"),
        (75, "vier of vijf", "b1"),
        (20, "twee of drie", "makkelijk"),
    ],
)
def test_long_sentences_get_advice_in_proportion(words: int, parts: str, profile: str) -> None:
    text = " ".join(["woord"] * words) + "."
    finding = next(
        f for f in analyse(text, profile=profile).findings if f.rule == "sentence_length"
    )
    assert f"Maak er {parts} zinnen van" in finding.message


def test_long_sentences_say_where_to_split() -> None:
    text = (
        "Wij kijken naar uw inkomen en naar uw spaargeld in de afgelopen drie maanden, omdat wij "
        "moeten weten of u genoeg geld heeft om de kosten van de rekening zelf te betalen, maar "
        "als dat niet zo is dan helpen wij u graag."
    )
    report = analyse(text)
    finding = next(f for f in report.findings if f.rule == "sentence_length")
    assert "Knip bijvoorbeeld bij de komma voor 'omdat'" in finding.message
    cuts = [m for m in report.marks if m.kind == "knip"]
    assert cuts and all(text[m.start - 1] == "," for m in cuts)


def test_nominalisation_names_the_plain_verb_and_is_marked() -> None:
    text = "Geef een wijziging van uw adres aan ons door."
    report = analyse(text)
    finding = next(f for f in report.findings if f.rule == "nominalisation")
    assert "'veranderen'" in finding.message and finding.suggestion is None
    mark = next(m for m in report.marks if m.kind == "nominalisatie")
    assert text[mark.start : mark.end] == "wijziging" and mark.hint == "veranderen"


def test_overlapping_officialese_counts_once() -> None:
    text = "De aanvrager is van toepassing. " * 5
    report = analyse(text)
    jargon = [f for f in report.findings if f.rule == "jargon"]
    assert len(jargon) == 10
    assert report.metrics["jargon_per_100_words"] == round(10 * 100 / 25, 2)


# What check_words finds in a sentence of one word is judged once per word and copied to every
# place the word stands alone (rules.py): each copy must be what the word gets on its own.
ONE_WORD_LINES = ["Doch", "doch", "(Doch)", "**Doch**", "bijv.", "bijv", "Hierbij", "WOZ",
                  "twee", "aanvraag", "kwijtschelding", "verstrekking", "A", "Tevens"]  # fmt: skip
WORD_RULES = {"jargon", "policy_word", "abbreviation", "number_word", "nominalisation",
              "uncommon_word", "long_word"}  # fmt: skip


def _word_findings(text: str, profile: str, offset: int = 0) -> list[tuple[object, ...]]:
    return sorted(
        (f.rule, f.start + offset, f.end + offset, f.message, f.sentence, f.suggestion)
        for f in analyse(text, profile=profile).findings
        if f.rule in WORD_RULES
    )


@settings(max_examples=80, deadline=None)
@given(
    words=st.lists(st.sampled_from(ONE_WORD_LINES), min_size=2, max_size=12),
    profile=st.sampled_from(["b1", "makkelijk"]),
)
def test_a_repeated_one_word_line_gets_what_it_gets_alone(words: list[str], profile: str) -> None:
    text = "\n\n".join(words)  # a paragraph each, also in the B1 profile
    expected: list[tuple[object, ...]] = []
    offset = 0
    for word in words:
        expected += _word_findings(word, profile, offset)
        offset += len(word) + 2
    assert _word_findings(text, profile) == sorted(expected)
    assert any(f[0] == "jargon" for f in expected) or "Doch" not in words
