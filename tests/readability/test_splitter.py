from __future__ import annotations

import pytest

from app.readability.splitter import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Neem bijv. uw paspoort mee. Dat is nodig.",
            ["Neem bijv. uw paspoort mee.", "Dat is nodig."],
        ),
        ("U krijgt o.a. een brief. Lees die goed.", ["U krijgt o.a. een brief.", "Lees die goed."]),
        (
            "Zie art. 3 van de wet. Daarna beslissen wij.",
            ["Zie art. 3 van de wet.", "Daarna beslissen wij."],
        ),
        (
            "Het kost € 1.500,-. Dat betaalt u later.",
            ["Het kost € 1.500,-.", "Dat betaalt u later."],
        ),
        ("Bel 14 024. Wij helpen u.", ["Bel 14 024.", "Wij helpen u."]),
        (
            "Vanaf 1 jan. 2026 geldt dit. Daarna niet.",
            ["Vanaf 1 jan. 2026 geldt dit.", "Daarna niet."],
        ),
        (
            "Op 28-11-2026 gaan we dicht. Kom eerder.",
            ["Op 28-11-2026 gaan we dicht.", "Kom eerder."],
        ),
        (
            "Mevr. J. de Vries woont hier. Zij is blij.",
            ["Mevr. J. de Vries woont hier.", "Zij is blij."],
        ),
        ("Wat kost het? Het is gratis!", ["Wat kost het?", "Het is gratis!"]),
        ("Neem mee: pen, papier enz. Kom op tijd.", ["Neem mee: pen, papier enz.", "Kom op tijd."]),
        ("Na 3 weken. 3 weken later.", ["Na 3 weken.", "3 weken later."]),
        ("Geen punt aan het eind", ["Geen punt aan het eind"]),
        ("i.v.m. de drukte m.b.t. uw vraag.", ["i.v.m. de drukte m.b.t. uw vraag."]),
        ("", []),
        ("   ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_offsets_point_into_the_text() -> None:
    text = "  Eerste zin.   Tweede zin.  "
    assert split_sentences(text) == [(2, 13), (16, 27)]
