from __future__ import annotations

from app.readability.document import parse
from app.readability.markup import mask


def test_mask_keeps_length_and_offsets() -> None:
    text = "---\ntitle: x\n---\n## Kop {picto=geld}\n\nZie [de site](https://x.nl) **nu**.\n"
    masked = mask(text)
    assert len(masked) == len(text)
    assert "title" not in masked
    assert "picto" not in masked
    assert "https" not in masked
    assert "de site" in masked
    assert "**" not in masked


def test_units_headings_items_cells_and_paragraphs() -> None:
    text = (
        "# Kop\n\nEen zin.\nNog een zin.\n\n- punt een\n- punt twee\n\n"
        "| a | b |\n|---|---|\n| c | d |\n"
    )
    doc = parse(text)
    kinds = [(u.kind, text[u.start : u.end]) for u in doc.units]
    assert kinds == [
        ("heading", "Kop"),
        ("paragraph", "Een zin.\nNog een zin."),
        ("item", "punt een"),
        ("item", "punt twee"),
        ("cell", "a"),
        ("cell", "b"),
        ("cell", "c"),
        ("cell", "d"),
    ]


def test_plain_text_heading_without_full_stop_is_its_own_unit() -> None:
    text = "Samenvatting\nDe startnotitie is bedoeld om\nhet gesprek te voeren.\n"
    doc = parse(text)
    assert [s.text for s in doc.sentences] == [
        "Samenvatting",
        "De startnotitie is bedoeld om het gesprek te voeren.",
    ]


def test_html_tags_are_skipped() -> None:
    text = "<p>Dit is <b>vet</b>.</p><p>Tweede alinea.</p><script>var x = 1;</script>"
    doc = parse(text)
    assert [s.text for s in doc.sentences] == ["Dit is vet.", "Tweede alinea."]


def test_one_sentence_per_line_makes_every_line_a_unit() -> None:
    doc = parse("Regel een\nRegel twee.\n", one_sentence_per_line=True)
    assert [s.text for s in doc.sentences] == ["Regel een", "Regel twee."]


def test_link_text_and_address_with_brackets() -> None:
    # Link text stops at "[" (so a stray "[" before a link stays); an address may hold one level
    # of brackets, as Wikipedia addresses do.
    text = "Zie [oud [nieuw](https://x.nl) en [wiki](https://nl.wikipedia.org/wiki/Gemeente_(bestuur))."
    masked = mask(text)
    assert masked.split() == ["Zie", "[oud", "nieuw", "en", "wiki", "."]


def test_unclosed_markup_is_left_as_text() -> None:
    text = "Een [[ en {a= en [x]( en <!-- en <script en <p zonder einde"
    assert mask(text) == text
