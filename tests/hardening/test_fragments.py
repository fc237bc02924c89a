"""htmx fragments get the same context as the full page: language and easy-read preference."""

from bs4 import BeautifulSoup
from flask.testing import FlaskClient

from tests.browse import csrf_token

HX = {"HX-Request": "true"}


def links(html: str) -> list[str]:
    return [str(a["href"]) for a in BeautifulSoup(html, "html.parser").select(".loket-results a")]


def test_search_fragment_follows_the_easy_read_preference(client: FlaskClient) -> None:
    client.set_cookie("loket_makkelijk", "1")
    full = client.get("/zoeken?q=geen+geld").get_data(as_text=True)
    fragment = client.get("/zoeken?q=geen+geld", headers=HX).get_data(as_text=True)
    assert links(fragment) and links(fragment) == links(full)
    assert all(href.endswith("/makkelijk-lezen") for href in links(fragment))


def test_search_fragment_in_english_speaks_english(client: FlaskClient) -> None:
    client.set_cookie("loket_makkelijk", "1")  # no English easy-read: B1 pages in English
    fragment = client.get("/en/zoeken?q=moving", headers=HX).get_data(as_text=True)
    assert links(fragment) and all(h.startswith("/en/diensten/") for h in links(fragment))
    assert "results for" in fragment and "resultaten voor" not in fragment
    assert "Praat met een mens" not in fragment


def test_taalcheck_fragment_speaks_the_page_language(client: FlaskClient) -> None:
    for prefix, word, other in (("", "Uitslag", "Result"), ("/en", "Result", "Uitslag")):
        page = client.get(f"{prefix}/redactie/taalcheck").get_data(as_text=True)
        fragment = client.post(
            f"{prefix}/redactie/taalcheck",
            data={"csrf_token": csrf_token(page), "text": "Dit is een korte zin.", "profile": "b1"},
            headers=HX,
        ).get_data(as_text=True)
        assert word in fragment and other not in fragment, prefix
        assert "<html" not in fragment
