"""The report as a whole: levels, profiles, bad input, English mode, editor data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.readability import SEVERITY_ORDER, Report, analyse
from app.readability.messages import MESSAGES

CORPUS = Path(__file__).parent / "corpus"
EASY = "Heeft u weinig geld?\nDan kan de gemeente helpen.\nBel ons.\nHet is gratis.\n"
B1 = (CORPUS / "b1_01_kwijtschelding.md").read_text(encoding="utf-8")
DENSE = (CORPUS / "b2_05_kort_ambtelijk.md").read_text(encoding="utf-8")


def test_easy_text_is_a2_and_passes_both_profiles() -> None:
    assert analyse(EASY).level == "A2"
    assert analyse(EASY, profile="b1").passed
    assert analyse(EASY, profile="makkelijk").passed


def test_b1_text_passes_b1_but_not_makkelijk() -> None:
    assert analyse(B1, profile="b1").passed
    report = analyse(B1, profile="makkelijk")
    assert not report.passed
    assert "Makkelijk lezen" in report.verdict


def test_short_sentences_of_officialese_are_not_easy() -> None:
    report = analyse(DENSE)
    assert report.metrics["avg_sentence_words"] < 10
    assert report.level == "B2+"
    assert not report.passed


def test_makkelijk_fails_on_layout_even_at_a2() -> None:
    report = analyse("Kom langs (op dinsdag).\nBel ons.\n", profile="makkelijk")
    assert report.level == "A2"
    assert not report.passed


def test_empty_text_has_a_clear_finding() -> None:
    report = analyse("")
    assert not report.passed
    assert report.findings[0].rule == "empty"
    assert report.findings[0].message.startswith("De tekst is leeg")
    assert report.sentences == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "Woord",
        "<p>Alleen <b>HTML</b></p>",
        "<script>alert(1)</script>",
        "Leuk! 🎉👍 Tot ziens 😀.",
        "🎉🎉🎉",
        "---\ntitle: alleen front matter\n---\n",
        "This is an English text that was checked in Dutch mode by mistake, which happens.",
        "1234 5678 € 12,50",
        "(((;;;)))...???",
        "a" * 5000,
        "Dit is een zin. " * 3000,
        "\x00\ufeff\u200b rare tekens \u00ad",
    ],
)
@pytest.mark.parametrize("profile", ["b1", "makkelijk"])
def test_bad_input_never_crashes(text: str, profile: str) -> None:
    report = analyse(text, profile=profile)
    assert report.level in ("A2", "B1", "B2+")
    json.dumps(report.to_dict())
    for finding in report.findings:
        assert 0 <= finding.start <= finding.end <= len(text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_fuzz_any_text_gives_a_valid_report(text: str) -> None:
    report = analyse(text)
    for item in [*report.findings, *report.sentences, *report.marks]:
        assert 0 <= item.start <= item.end <= len(text)


def test_offsets_point_into_the_original_markdown() -> None:
    text = "---\ntitle: t\n---\n## Kop\n\nIndien u **vragen** heeft, [bel ons](/contact).\n"
    report = analyse(text)
    finding = next(f for f in report.findings if f.rule == "jargon")
    assert text[finding.start : finding.end] == "Indien"
    sentence = report.sentences[-1]
    assert sentence.text == "Indien u vragen heeft, bel ons."
    assert text[sentence.start : sentence.end].startswith("Indien u **vragen**")


def test_sentences_have_bands() -> None:
    text = " ".join(f"Woord {'woord ' * (n - 2)}woord." for n in (5, 12, 18, 25))
    bands = [s.band for s in analyse(text).sentences]
    assert bands == ["kort", "gemiddeld", "lang", "te lang"]
    assert [s.band for s in analyse(text, profile="makkelijk").sentences][:2] == ["kort", "lang"]


def test_fixes_are_worst_first() -> None:
    report = analyse("Indien u vragen heeft, bel de klant. Na de beoordeling hoort u meer.")
    orders = [SEVERITY_ORDER[f.severity] for f in report.fixes()]
    assert orders == sorted(orders)
    assert report.fixes()[0].rule == "policy_word"


def test_english_mode_skips_dutch_word_checks_and_says_what_decided() -> None:
    text = "Indien u vragen heeft, bel ons. " + " ".join(["word"] * 25) + "."
    report = analyse(text, lang="en", message_lang="en")
    found = {f.rule for f in report.findings}
    assert "language_neutral" in found
    assert "sentence_length" in found
    assert "jargon" not in found
    assert report.metrics["language_neutral"] == 1.0
    assert report.findings[0].message.startswith("English text: the level comes from")
    assert report.level in ("B1", "B2+")
    assert report.measure in ("flesch-kincaid", "sentence-length")


PLAIN_EN = (
    "You can get help with your council tax if your income is low. Apply online, or call us "
    "and we send you a form. We decide within eight weeks and send you a letter."
)
DENSE_EN = (
    "Pursuant to the applicable regulations, remission of municipal taxation may be granted "
    "upon submission of a substantiated application demonstrating insufficient financial "
    "capacity, notwithstanding any supplementary conditions determined by the competent "
    "authority in accordance with national implementing legislation."
)


def test_english_gets_a_real_level_from_flesch_kincaid() -> None:
    plain = analyse(PLAIN_EN, lang="en")
    dense = analyse(DENSE_EN, lang="en")
    assert plain.level == "B1" and plain.passed
    assert dense.level == "B2+" and dense.measure == "flesch-kincaid" and not dense.passed
    assert dense.metrics["flesch_kincaid_grade"] > 10 > plain.metrics["flesch_kincaid_grade"]
    assert dense.reasons[0].metric == "flesch_kincaid_grade"


def test_english_formulas_agree_with_textstat_on_plain_prose() -> None:
    import textstat

    from app.readability import english

    english.warm_up()  # textstat reads the CMU dictionary through NLTK, never downloading it
    report = analyse(PLAIN_EN, lang="en")
    assert report.metrics["flesch_kincaid_grade"] == pytest.approx(
        textstat.flesch_kincaid_grade(PLAIN_EN), abs=0.5
    )
    assert report.metrics["flesch_reading_ease"] == pytest.approx(
        textstat.flesch_reading_ease(PLAIN_EN), abs=3
    )


def test_dutch_reports_say_the_dutch_engine_decided() -> None:
    assert analyse(B1).measure == "dutch-engine"


def test_reasons_put_what_drives_the_level_first() -> None:
    text = (
        "Indien u zich niet met deze beschikking kunt verenigen, kunt u bezwaar maken. Derhalve "
        "verzoeken wij u het formulier te retourneren. Dit is reeds eerder gemeld.\n\n"
        + " ".join(["Dit is een zin."] * 6)
    )
    report = analyse(text)
    assert report.level == "B2+"
    assert report.reasons and report.reasons[0].metric == "officialese_per_100_words"
    rules = [f.rule for f in report.fixes()]
    assert rules.index("jargon") < rules.index("paragraph_length")


def test_english_messages_and_verdict() -> None:
    report = analyse(EASY, message_lang="en")
    assert report.verdict.startswith("This text is A2")
    report = analyse("Indien u vragen heeft, bel ons.", message_lang="en")
    assert "officialese" in report.findings[0].message


def test_every_message_exists_in_dutch_and_english() -> None:
    for texts in MESSAGES.values():
        assert set(texts) == {"nl", "en"}


def test_to_dict_is_json_ready() -> None:
    data = analyse(B1).to_dict()
    assert set(data) == set(
        "level passed profile lang metrics findings sentences marks verdict reasons measure".split()  # noqa: SIM905
    )
    assert set(data["findings"][0]) == {
        "rule", "severity", "message", "sentence", "start", "end", "suggestion",
    }  # fmt: skip
    json.dumps(data)


def test_unknown_profile_or_language_is_an_error() -> None:
    with pytest.raises(ValueError):
        analyse("Tekst.", profile="c2")
    with pytest.raises(ValueError):
        analyse("Tekst.", lang="de")


def test_report_is_frozen() -> None:
    report: Report = analyse(EASY)
    with pytest.raises(AttributeError):
        report.level = "B1"  # type: ignore[misc]
