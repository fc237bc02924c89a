"""English pages mark every Dutch word with lang="nl", so a screen reader says it in Dutch
(WCAG 3.1.2); the mark is `[bijzondere bijstand]{lang=nl}` (content/README.md).

Two nets over every English page's text outside `lang="nl"`:
- the names of Dutch schemes, offices and services a resident must recognise, by name;
- any other word that is common in Dutch and rare in English (wordfreq), or an unknown
  compound made of a Dutch word ("Meedoenregeling", "waterschapsbelasting").
Not marked, by the rule's own exceptions: names of places and addresses, abbreviations read
letter by letter, and DigiD (the same name in both languages).
"""

import re
from functools import cache

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from wordfreq import zipf_frequency

from app.pages.content import current_store

NAMES = [
    "bijzondere bijstand",
    "bijstand",
    "Meedoenregeling",
    "Kinderfonds",
    "individuele inkomenstoeslag",
    "kwijtschelding",
    "collectieve zorgverzekering",
    "zorgtoeslag",
    "kinderbijslag",
    "Stadswinkel",
    "Stip",
    "Informatiepunt Digitale Overheid",
    "Belastingdienst",
    "Mijn Nijmegen",
    "bezwaar",
    "gemeentelijke ombudsman",
    "milieustraat",
    "grof afval",
    "afvalpas",
]
# Places, addresses and abbreviations: proper names and letters, said the same in any voice.
PLACES = ["Nijmegen", "Mariënburg", "Postbus", "Walstraat", "Tweede", "Grooteplein", "Geert"]
PLACES += ["Noord", "Heyendaal", "Huize", "Gelderland", "Zuid", "Sint", "Maarten", "Bonaire"]
PLACES += ["Curaçao", "Loket", "DigiD", "nl"]
LETTERS = ["AOW", "BSN", "BRP", "SVB", "GGD", "RDW", "UWV", "IND", "RNI", "RvIG", "CAZ", "BSR"]
LETTERS += ["Wmo", "pgb", "gft", "IBAN", "EU", "EEA"]
NOT_MARKED = {word.lower() for word in PLACES + LETTERS}
WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W\d_]|[^\W\d_]")


def english_pages(app: Flask) -> list[str]:
    with app.app_context():
        slugs = [p.slug for p in current_store().services("en")]
    return [f"/en/diensten/{s}" for s in slugs] + [
        "/en/contact",
        "/en/privacy",
        "/en/toegankelijkheid",
    ]


def unmarked_text(html: str) -> str:
    """Return the text of <main> that is not inside an element marked as Dutch."""
    main = BeautifulSoup(html, "html.parser").find("main")
    assert main is not None
    for element in main.find_all(lang=True):
        if str(element["lang"]).startswith("nl"):
            element.decompose()
    return main.get_text(" ", strip=True)


@cache
def looks_dutch(word: str) -> bool:
    lower = word.lower()
    nl, en = zipf_frequency(lower, "nl"), zipf_frequency(lower, "en")
    if nl >= 2.0 and en < 2.0 and nl - en >= 1.0:
        return True
    if en == 0 and len(lower) >= 8:  # an unknown compound: does it have a Dutch part?
        parts = [lower[:i] for i in range(4, len(lower) - 2)] + [
            lower[i:] for i in range(2, len(lower) - 3)
        ]
        return any(zipf_frequency(p, "nl") >= 3.0 and zipf_frequency(p, "en") < 2.0 for p in parts)
    return False


def dutch_words(text: str) -> list[str]:
    found = []
    for name in NAMES:
        pattern = rf"(?<!\w){re.escape(name)}(?!\w)"
        if re.search(pattern, text, re.I):
            found.append(name)
            text = re.sub(pattern, " ", text, flags=re.I)
    for word in WORD.findall(text):
        if word.lower() not in NOT_MARKED and looks_dutch(word) and word not in found:
            found.append(word)
    return found


def test_every_dutch_word_on_an_english_page_is_marked(app: Flask, client: FlaskClient) -> None:
    problems = []
    for path in english_pages(app):
        response = client.get(path)
        assert response.status_code == 200, path
        words = dutch_words(unmarked_text(response.get_data(as_text=True)))
        if words:
            problems.append(f"{path}: {', '.join(words)}")
    assert not problems, "Dutch words without [...]{lang=nl}:\n" + "\n".join(problems)


def test_no_mark_is_left_unrendered(app: Flask, client: FlaskClient) -> None:
    for path in english_pages(app):
        html = client.get(path).get_data(as_text=True)
        assert "{lang=" not in html, f"{path}: a mark that did not render (a mark inside a link?)"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Apply for special assistance (bijzondere bijstand).", ["bijzondere bijstand"]),
        ("The Meedoenregeling pays for sports.", ["Meedoenregeling"]),
        ("You pay the waterschapsbelasting to the water board.", ["waterschapsbelasting"]),
        ("Call us on phone number 14 024 in Nijmegen, Mariënburg 30.", []),
        ("Bring your payslip and your DigiD. A stairlift is possible.", []),
    ],
)
def test_the_nets_catch_dutch_and_let_english_pass(text: str, found: list[str]) -> None:
    assert dutch_words(text) == found


def test_a_marked_word_is_not_caught(app: Flask) -> None:
    html = '<main><p>Ask for <span lang="nl">bijzondere bijstand</span>.</p></main>'
    assert dutch_words(unmarked_text(html)) == []
