"""Residents' own words find the service they mean, first (content/zoekwoorden.yaml)."""

from functools import cache

import pytest
from flask.testing import FlaskClient

from app.config import ROOT
from app.pages.content import load_content
from app.pages.search import SearchIndex
from tests.pagecheck import check_page

CONTENT = ROOT / "content"


@cache
def index() -> SearchIndex:
    store = load_content(CONTENT, ROOT / "app" / "static")
    return SearchIndex(store, CONTENT / "zoekwoorden.yaml")


def found(query: str, lang: str = "nl") -> list[str]:
    return [hit.page.slug for hit in index().search(query, lang)]


def first(query: str, lang: str = "nl") -> str | None:
    hits = found(query, lang)
    return hits[0] if hits else None


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        # Before issue 7, "rijbewijs" found the passport page first.
        ("rijbewijs", "rijbewijs"),
        ("Rijbewijs verlengen", "rijbewijs"),
        ("rijbewijs verlopen", "rijbewijs"),
        ("rijbewijs kwijt", "rijbewijs"),
        ("paspoort kwijt", "id-kaart-paspoort"),
        ("paspoort verlopen", "id-kaart-paspoort"),
        ("uittreksel", "uittreksel-brp"),
        ("uittreksel gba", "uittreksel-brp"),
        ("bewijs van inschrijving", "uittreksel-brp"),
        ("bewijs van adres", "uittreksel-brp"),
        ("trouwen", "trouwen-partnerschap"),
        ("wij gaan trouwen", "trouwen-partnerschap"),
        ("huwelijk", "trouwen-partnerschap"),
        ("ondertrouw", "trouwen-partnerschap"),
        ("geregistreerd partnerschap", "trouwen-partnerschap"),
        ("afvalpas", "afvalpas-containers"),
        ("afvalpas kwijt", "afvalpas-containers"),
        ("pasje container", "afvalpas-containers"),
        ("ondergrondse container", "afvalpas-containers"),
        ("kliko", "afvalpas-containers"),
        ("gft bak", "afvalpas-containers"),
        ("Kwijtschelding", "kwijtschelding"),
        ("waterschapsbelasting", "kwijtschelding"),
        ("grof afval", "grof-afval"),
    ],
)
def test_residents_words_find_the_service_first(query: str, slug: str) -> None:
    assert first(query) == slug, f"{query!r} gave {found(query)}"


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("driving licence", "rijbewijs"),
        ("renew my driver's license", "rijbewijs"),
        ("proof of address", "uittreksel-brp"),
        ("extract BRP", "uittreksel-brp"),
        ("get married", "trouwen-partnerschap"),
        ("registered partnership", "trouwen-partnerschap"),
        ("waste pass", "afvalpas-containers"),
        ("underground container", "afvalpas-containers"),
        ("passport expired", "id-kaart-paspoort"),
    ],
)
def test_english_words_find_the_service_first(query: str, slug: str) -> None:
    assert first(query, "en") == slug, f"{query!r} gave {found(query, 'en')}"


def test_every_new_service_is_found_by_its_own_title() -> None:
    for slug in ("rijbewijs", "uittreksel-brp", "trouwen-partnerschap", "afvalpas-containers"):
        for lang in ("nl", "en"):
            page = index().store.get(lang, slug)
            assert page is not None
            assert first(page.title, lang) == slug, (lang, page.title)


def test_the_search_page_puts_the_driving_licence_first(client: FlaskClient) -> None:
    soup = check_page(client.get("/zoeken", query_string={"q": "rijbewijs"}).data)
    hrefs = [a["href"] for a in soup.select(".loket-results a")]
    assert hrefs and hrefs[0] == "/diensten/rijbewijs", hrefs
