"""One "Praat met een mens" block (templates/components/person.html) everywhere it is offered,
and the contact page, which never links to itself, with and without a booking flow."""

from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from tests.pagecheck import check_page
from tests.pages.conftest import build

PAGES = [
    ("nl", "/diensten/kwijtschelding"),
    ("en", "/en/diensten/kwijtschelding"),
    ("nl", "/diensten/kwijtschelding/makkelijk-lezen"),
    ("nl", "/zoeken?q=paspoort"),
    ("nl", "/zoeken?q=qwertyuiop"),
    ("en", "/en/zoeken?q=qwertyuiop"),
    ("nl", "/deze-pagina-bestaat-niet"),
]


def person_block(client: FlaskClient, lang: str, path: str) -> BeautifulSoup:
    response = client.get(path)
    soup = check_page(response.data, lang)
    blocks = soup.select(".loket-person")
    assert len(blocks) == 1, f"{path}: {len(blocks)} person blocks"
    block = blocks[0]
    heading = block.find("h2")
    assert heading is not None and block["aria-labelledby"] == heading["id"]
    phone = block.find("a", href="tel:14024")
    assert phone is not None and phone.get_text() == "14 024"
    words = phone.parent.get_text(" ", strip=True)
    assert ("telefoonnummer 14 024" if lang == "nl" else "phone number 14 024") in words
    return block


@pytest.mark.parametrize(("lang", "path"), PAGES)
def test_every_page_offers_a_person_the_same_way(
    client: FlaskClient, not_built: Callable[..., None], lang: str, path: str
) -> None:
    not_built("/afspraak")
    block = person_block(client, lang, path)
    buttons = block.select("a.loket-button-link")
    assert len(buttons) == 1 and buttons[0]["href"] == (
        "/en/contact" if lang == "en" else "/contact"
    )
    # No booking flow here yet: the button does not promise one.
    assert buttons[0].get_text(strip=True) in ("Zo bereikt u ons", "How to reach us")


def test_with_a_booking_flow_the_button_books_for_the_topic(app: Flask) -> None:
    build(app, "/afspraak")
    client = app.test_client()
    block = person_block(client, "nl", "/diensten/kwijtschelding")
    button = block.select_one("a.loket-button-link")
    assert button["href"] == "/afspraak?onderwerp=kwijtschelding"
    assert button.get_text(strip=True) == "Maak een afspraak met een medewerker"
    easy = person_block(client, "nl", "/diensten/kwijtschelding/makkelijk-lezen")
    assert easy.select_one("a.loket-button-link").get_text(strip=True) == "Maak een afspraak"
    soup = check_page(client.get("/").data)
    assert soup.select_one(".loket-tools--row .loket-person-link")["href"] == "/afspraak"


def test_the_contact_page_does_not_link_to_itself(
    client: FlaskClient, not_built: Callable[..., None]
) -> None:
    not_built("/afspraak")
    soup = check_page(client.get("/contact").data)
    hrefs = [a["href"] for a in soup.find_all("a", href=True) if a.get("aria-current") != "page"]
    assert "/contact" not in hrefs
    assert "Wilt u een afspraak maken? Bel ons op telefoonnummer 14 024." in soup.get_text(
        " ", strip=True
    ).replace(" .", ".")
    # The header's "Praat met een mens" is the page itself here: it says so.
    person = soup.select_one(".loket-tools--row .loket-person-link")
    assert person["aria-current"] == "page" and person["href"] == "#inhoud"


def test_with_a_booking_flow_the_contact_page_links_to_it(app: Flask) -> None:
    build(app, "/afspraak")
    soup = check_page(app.test_client().get("/en/contact").data, "en")
    booking = soup.find("a", href="/en/afspraak", class_="loket-button-link")
    assert booking is not None
    assert soup.select_one(".loket-tools--row .loket-person-link")["href"] == "/en/afspraak"
