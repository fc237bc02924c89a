"""Search shows only pages that are about the query, never a list filled up to ten with pages
that mention a word in passing; when nothing is relevant it says so and offers a person.

Before the relevance rules, "paspoort" gave 13 pages (12 of them only say to bring one),
"geld" 18 and "gemeente" every page."""

from collections.abc import Callable

import pytest
from flask.testing import FlaskClient

from tests.pagecheck import check_page
from tests.pages.test_search_words import found


@pytest.mark.parametrize(
    ("query", "lang", "expected"),
    [
        ("paspoort", "nl", ["id-kaart-paspoort"]),
        ("passport", "en", ["id-kaart-paspoort"]),
        ("belasting", "nl", ["kwijtschelding"]),
        ("tax", "en", ["kwijtschelding"]),
        ("rijbewijs", "nl", ["rijbewijs"]),
        ("verhuizen", "nl", ["verhuizen"]),
        ("digid", "nl", ["hulp-digitale-overheid"]),
        ("parkeren", "nl", ["bewonersparkeervergunning", "gehandicaptenparkeerkaart"]),
    ],
)
def test_a_broad_word_finds_only_the_pages_about_it(
    query: str, lang: str, expected: list[str]
) -> None:
    assert found(query, lang) == expected


@pytest.mark.parametrize(
    ("query", "lang", "wanted", "at_most"),
    [
        (
            "geld",
            "nl",
            {"schuldhulp", "individuele-inkomenstoeslag", "kinderfonds", "meedoenregeling"},
            4,
        ),
        (
            "money",
            "en",
            {"schuldhulp", "individuele-inkomenstoeslag", "kinderfonds", "meedoenregeling"},
            4,
        ),
        (
            "geen geld",
            "nl",
            {"schuldhulp", "bijzondere-bijstand", "meedoenregeling", "kwijtschelding"},
            6,
        ),
        (
            "hulp",
            "nl",
            {"hulp-digitale-overheid", "praat-met-een-mens", "wmo-hulp-thuis", "schuldhulp"},
            4,
        ),
        (
            "help",
            "en",
            {"hulp-digitale-overheid", "praat-met-een-mens", "wmo-hulp-thuis", "schuldhulp"},
            5,
        ),
    ],
)
def test_a_broad_query_is_not_filled_up(
    query: str, lang: str, wanted: set[str], at_most: int
) -> None:
    hits = found(query, lang)
    assert wanted <= set(hits), hits
    assert len(hits) <= at_most, f"{query!r}: {hits}"


def test_a_word_only_a_few_pages_have_finds_them() -> None:
    # "fiets" is in the text of grof afval ("een oude fiets") and not in its title or summary.
    assert found("fiets")[0] == "grof-afval"
    assert found("oude fiets weg")[0] == "grof-afval"


@pytest.mark.parametrize("query", ["gemeente", "Nijmegen", "hond", "huisarts", "qwertyuiop"])
def test_nothing_relevant_says_so_and_offers_a_person(
    client: FlaskClient, not_built: Callable[..., None], query: str
) -> None:
    not_built("/afspraak")
    assert found(query) == []
    soup = check_page(client.get("/zoeken", query_string={"q": query}).data)
    assert not soup.select(".loket-results")
    text = soup.select_one("#zoekresultaten").get_text(" ", strip=True)
    assert f"We hebben niets gevonden voor ‘{query}’" in text
    assert "Geen pagina op deze website gaat daarover." in text
    person = soup.select_one("#zoekresultaten .loket-person")
    assert person.find("a", href="tel:14024") is not None
    assert person.select_one("a.loket-button-link")["href"] == "/contact"


def test_english_nothing_found(client: FlaskClient) -> None:
    soup = check_page(client.get("/en/zoeken?q=municipality").data, "en")
    text = soup.select_one("#zoekresultaten").get_text(" ", strip=True)
    assert "No page on this website is about that." in text
