"""Mijn afspraken: bookings made while logged in, found by a keyed hash; change or cancel them."""

import datetime as dt
from collections.abc import Iterator

import pytest
from flask import Flask

pytest.importorskip("app.booking", reason="Mijn afspraken needs the booking capability (main)")

from app.core.time import Clock, frozen_at
from app.extensions import db
from tests.booking.walk import book, post_form, reference
from tests.mijn.conftest import logged_in, page, text

MONDAY = dt.datetime(2027, 3, 8, 8, 0)  # an ordinary week: no holiday, no clock change


@pytest.fixture
def clock() -> Iterator[Clock]:
    with frozen_at(MONDAY) as stopped:
        yield stopped


@pytest.fixture
def places(app: Flask, clock: Clock) -> Flask:
    from app.booking.demo import fill_capacity

    with app.app_context():
        fill_capacity()
        db.session.remove()
    return app


def test_a_booking_made_while_logged_in_is_in_mijn_afspraken(places: Flask) -> None:
    client = logged_in(places, "eva")
    ref = reference(book(client))
    soup_ = page(client, "/mijn/afspraken")
    words = text(soup_)
    assert ref in words and "Kwijtschelding gemeentelijke belastingen" in words
    assert "Stadswinkel" in words
    link = soup_.find("a", href=f"/mijn/afspraken/{ref}")
    assert link is not None and link.get_text(" ", strip=True).startswith("Verander of zeg af")
    assert "Kwijtschelding gemeentelijke belastingen:" in text(page(client, "/mijn"))  # overview
    assert ref not in text(page(logged_in(places, "fatima"), "/mijn/afspraken"))


def test_a_booking_made_without_logging_in_is_not_linked(places: Flask) -> None:
    ref = reference(book(places.test_client()))
    assert ref not in text(page(logged_in(places, "eva"), "/mijn/afspraken"))


def test_change_or_cancel_opens_the_booking_pages(places: Flask) -> None:
    client = logged_in(places, "eva")
    ref = reference(book(client))
    opened = client.get(f"/mijn/afspraken/{ref}")
    assert opened.status_code == 302 and opened.location == "/afspraak/beheer"
    manage = client.get("/afspraak/beheer")
    assert manage.status_code == 200 and ref in manage.get_data(as_text=True)
    ask = client.get("/afspraak/beheer/afzeggen")
    post_form(client, ask)
    words = text(page(client, "/mijn/afspraken"))
    upcoming, earlier = words.split("Eerdere afspraken")
    assert ref not in upcoming
    assert "(afgezegd)" in earlier


def test_english_links_stay_english(places: Flask) -> None:
    client = logged_in(places, "eva")
    ref = reference(book(client))
    opened = client.get(f"/en/mijn/afspraken/{ref}")
    assert opened.location == "/en/afspraak/beheer"


def test_someone_elses_booking_cannot_be_opened(places: Flask) -> None:
    ref = reference(book(logged_in(places, "eva")))
    intruder = logged_in(places, "fatima")
    response = intruder.get(f"/mijn/afspraken/{ref}")
    assert response.status_code == 302 and response.location == "/mijn/afspraken"
    assert intruder.get("/afspraak/beheer").status_code == 302  # no manage session was made
    followed = intruder.get("/mijn/afspraken")
    assert "Die afspraak vonden wij niet bij uw afspraken." in followed.get_data(as_text=True)
    for missing in ("AF-0000-XX", "../../x"):
        assert intruder.get(f"/mijn/afspraken/{missing}").status_code in (302, 404)


def test_the_demo_booking_is_fatimas(demo: Flask) -> None:
    words = text(page(logged_in(demo, "fatima"), "/mijn/afspraken"))
    assert "AF-4736-KM" in words
    assert "AF-4736-KM" not in text(page(logged_in(demo, "jan"), "/mijn/afspraken"))


def test_without_the_booking_capability_the_page_says_so(demo: Flask) -> None:
    wiring_ = demo.extensions["loket"]
    wiring_.capabilities = [c for c in wiring_.capabilities if c.name != "booking"]
    for path in ("/mijn", "/mijn/afspraken"):
        soup = page(logged_in(demo, "fatima"), path)
        alert = soup.find(id="afspraken-storing")
        assert alert is not None and "Probeer opnieuw" in alert.get_text(), path
