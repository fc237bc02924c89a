"""Every "Maak een afspraak" and "Praat met een mens" link on the site goes to /afspraak, with
the topic where the page has one, and no such link leads back to the page it is on."""

from urllib.parse import urlsplit

from flask import Flask

from app.core.capabilities import wiring
from app.states import Visit
from tests.booking.walk import to_review
from tests.browse import submit

TEXTS = ("Praat met een mens", "Maak een afspraak", "Talk to a person", "Make an appointment")


def booking_links(html: str) -> list[str]:
    return [
        str(a["href"])
        for a in soup_of(html).find_all("a", href=True)
        if any(a.get_text(" ", strip=True).startswith(t) for t in TEXTS)
    ]


def soup_of(html: str):  # type: ignore[no-untyped-def]
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


def test_every_booking_link_on_the_public_pages(booking_app: Flask) -> None:
    """Every such link goes to /afspraak (never to /contact now that booking exists); on a
    service page it carries the page's topic, and following it skips the topic question."""
    client = booking_app.test_client()
    with booking_app.test_request_context():
        paths = wiring().public_paths()
    checked = 0
    landed_on: dict[str, str] = {}
    for path in paths:
        for prefix in ("", "/en"):
            if prefix and path.endswith("/makkelijk-lezen"):
                continue
            page = client.get(prefix + path, follow_redirects=True)
            assert page.status_code == 200, path
            for href in booking_links(page.get_data(as_text=True)):
                target = urlsplit(href)
                if target.path == f"{prefix}/diensten/praat-met-een-mens":
                    continue  # the service page of that name (in lists of services), not a button
                if not target.path and target.fragment:
                    continue  # the header link on the booking page itself moves to the content
                if target.path == f"{prefix}/contact":
                    # Only inside the flow, where /afspraak would only continue the step on
                    # screen: the header link offers the other ways to reach a person.
                    assert page.request.path.startswith(f"{prefix}/afspraak/"), (path, href)
                    continue
                assert target.path == f"{prefix}/afspraak", (path, href)
                slug = path.removeprefix("/diensten/").removesuffix("/makkelijk-lezen")
                if path.startswith("/diensten/") and slug != "praat-met-een-mens":
                    assert target.query == f"onderwerp={slug}", (path, href)
                if href not in landed_on:
                    landed = booking_app.test_client().get(href, follow_redirects=True)
                    assert landed.status_code == 200, href
                    landed_on[href] = landed.request.path
                # The general page "Praat met een mens" has no topic: the flow asks for one.
                general = target.query in ("", "onderwerp=praat-met-een-mens")
                step = "onderwerp" if general else "kanaal"
                assert landed_on[href] == f"{prefix}/afspraak/{step}", (path, href)
                checked += 1
    assert checked > 100


def test_the_service_page_person_block_books_its_topic(booking_app: Flask) -> None:
    client = booking_app.test_client()
    for slug in ("kwijtschelding", "id-kaart-paspoort", "wmo-hulp-thuis"):
        page = client.get(f"/diensten/{slug}")
        hrefs = booking_links(page.get_data(as_text=True))
        assert f"/afspraak?onderwerp={slug}" in hrefs, slug


def test_inside_the_flow_the_header_link_goes_elsewhere(booking_app: Flask) -> None:
    client = booking_app.test_client()
    pages = [client.get("/afspraak", follow_redirects=True), to_review(client)]
    for page in pages:
        here = page.request.path
        for href in booking_links(page.get_data(as_text=True)):
            landed = client.get(href, follow_redirects=True)
            assert landed.request.path != here, (here, href)
    confirmation = submit(client, Visit("/afspraak/controleren"))
    for href in booking_links(confirmation.get_data(as_text=True)):
        assert client.get(href, follow_redirects=True).request.path != "/afspraak/bevestiging"
