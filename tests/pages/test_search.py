"""Search in residents' own words, with and without htmx."""

import pytest
from flask.testing import FlaskClient

from tests.pagecheck import check_page


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("geen geld", "schuldhulp"),
        ("paspoort verlopen", "id-kaart-paspoort"),
        ("rekening niet betalen", "kwijtschelding"),
        ("Kwijtschelding", "kwijtschelding"),
        ("grof afval", "grof-afval"),
        ("lantaarnpaal kapot", "melding-openbare-ruimte"),
        ("verhuisd", "verhuizen"),
        ("bank weg", "grof-afval"),
    ],
)
def test_residents_words_find_the_right_service(client: FlaskClient, query: str, slug: str) -> None:
    soup = check_page(client.get("/zoeken", query_string={"q": query}).data)
    hrefs = [a["href"] for a in soup.select(".loket-results a")][:3]
    assert f"/diensten/{slug}" in hrefs, f"{query!r} gave {hrefs}"


def test_english_search(client: FlaskClient) -> None:
    soup = check_page(client.get("/en/zoeken?q=debt").data, "en")
    assert "/en/diensten/schuldhulp" in [a["href"] for a in soup.select(".loket-results a")]


def test_nothing_found_says_so_and_offers_a_person(client: FlaskClient) -> None:
    soup = check_page(client.get("/zoeken?q=qwertyuiop").data)
    text = soup.get_text()
    assert "We hebben niets gevonden" in text
    assert "Praat met een mens" in text
    assert soup.find("a", href="tel:14024") is not None


def test_htmx_gets_only_the_results(client: FlaskClient) -> None:
    response = client.get("/zoeken?q=paspoort", headers={"HX-Request": "true"})
    body = response.get_data(as_text=True)
    assert "<html" not in body and "/diensten/id-kaart-paspoort" in body
    assert "HX-Request" in response.headers["Vary"]
    full = client.get("/zoeken?q=paspoort")
    assert "HX-Request" in full.headers["Vary"]


@pytest.mark.parametrize(
    "query", ["", " ", "<script>alert(1)</script>", "😀" * 50, "a" * 5000, "%00"]
)
def test_odd_queries_never_break(client: FlaskClient, query: str) -> None:
    response = client.get("/zoeken", query_string={"q": query})
    assert response.status_code == 200
    assert "<script>alert" not in response.get_data(as_text=True)
    check_page(response.data)
