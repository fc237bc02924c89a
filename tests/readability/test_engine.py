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


def test_english_mode_runs_language_neutral_checks_only() -> None:
    text = "Indien u vragen heeft, bel ons. " + " ".join(["word"] * 25) + "."
    report = analyse(text, lang="en", message_lang="en")
    found = {f.rule for f in report.findings}
    assert "language_neutral" in found
    assert "sentence_length" in found
    assert "jargon" not in found
    assert report.metrics["language_neutral"] == 1.0
    assert report.findings[0].message.startswith("Language-neutral checks only")
    assert report.level in ("B1", "B2+")


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
        "level passed profile lang metrics findings sentences marks verdict".split()  # noqa: SIM905
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
