"""Change or cancel without an account: by the link, or by reference plus the e-mail address,
phone number or postcode; the same answer for every wrong combination; rate-limited."""

import re

from flask import Flask
from sqlalchemy import select

from app.booking.models import Booking
from app.extensions import db
from tests.booking.walk import book, errors, post_form, reference, soup
from tests.conftest import make_app
from tests.pagecheck import check_page


def lookup(client, ref: str, second: str):  # type: ignore[no-untyped-def]
    page = client.get("/afspraak/wijzigen")
    return post_form(client, page, fill=(("afspraaknummer", ref), ("controle", second)))


def test_the_link_in_the_confirmation_opens_the_booking(booking_app: Flask) -> None:
    client = booking_app.test_client()
    confirmation = book(client)
    link = soup(confirmation).find("a", string="Afspraak veranderen of afzeggen")["href"]
    other = booking_app.test_client()  # another browser, no session
    page = other.get(link, follow_redirects=True)
    assert page.request.path == "/afspraak/beheer"
    assert reference(confirmation) in soup(page).get_text()
    assert "code=" not in page.request.url  # the token does not stay in the address bar
    bad = other.get("/afspraak/link?code=onzin", follow_redirects=True)
    assert bad.request.path == "/afspraak/wijzigen" and "De link werkt niet meer" in bad.get_data(
        as_text=True
    )


def test_by_reference_and_each_second_factor(booking_app: Flask) -> None:
    client = booking_app.test_client()
    ref = reference(book(client))
    for second in ("eva@voorbeeld.nl", " EVA@Voorbeeld.NL "):
        page = lookup(booking_app.test_client(), ref.lower().replace("-", " "), second)
        assert page.request.path == "/afspraak/beheer", second


def test_a_wrong_reference_and_a_wrong_second_factor_get_the_same_answer(
    booking_app: Flask,
) -> None:
    client = booking_app.test_client()
    ref = reference(book(client))
    wrong_factor = lookup(booking_app.test_client(), ref, "iemand@anders.nl")
    wrong_reference = lookup(booking_app.test_client(), "AF-9999-XX", "eva@voorbeeld.nl")
    assert wrong_factor.status_code == wrong_reference.status_code == 200
    assert errors(wrong_factor) == errors(wrong_reference)
    assert "Wij vinden geen afspraak" in errors(wrong_factor)[0]
    main_a = soup(wrong_factor).select_one("main").get_text()
    main_b = soup(wrong_reference).select_one("main").get_text()
    assert re.sub(r"AF-\S+", "", main_a) == re.sub(r"AF-\S+", "", main_b)


def test_looking_up_is_rate_limited(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import fresh_sqlite

    app = make_app(fresh_sqlite(tmp_path / "limit.db"), BOOKING_LOOKUP_LIMIT="3 per hour")
    client = app.test_client()
    for _ in range(3):
        assert lookup(client, "AF-3333-AA", "6511 AB").status_code == 200
    blocked = lookup(client, "AF-4444-CC", "6511 AB")
    assert blocked.status_code == 429
    assert "te vaak" in errors(blocked)[0]
    check_page(blocked.get_data(as_text=True), "nl")


def test_cancel_asks_once_more(booking_app: Flask) -> None:
    client = booking_app.test_client()
    confirmation = book(client)
    client.get(soup(confirmation).find("a", string="Afspraak veranderen of afzeggen")["href"])
    page = client.get("/afspraak/beheer/afzeggen")
    assert "Wilt u de afspraak afzeggen?" in soup(page).get_text()
    page = post_form(client, page)
    assert page.request.path == "/afspraak/beheer"
    assert "Deze afspraak gaat niet door." in soup(page).get_text()
    with booking_app.app_context():
        assert db.session.scalar(select(Booking.status)) == "afgezegd"
    # A second try (a second tab): nothing more happens.
    assert client.get("/afspraak/beheer/afzeggen").headers["Location"].endswith("/afspraak/beheer")


def test_cancel_with_an_old_page_says_it_changed(booking_app: Flask) -> None:
    client = booking_app.test_client()
    confirmation = book(client)
    client.get(soup(confirmation).find("a", string="Afspraak veranderen of afzeggen")["href"])
    page = client.get("/afspraak/beheer/afzeggen")
    answer = post_form(client, page, fill=(("versie", "0"),))
    assert "intussen veranderd" in soup(answer).get_text()
    with booking_app.app_context():
        assert db.session.scalar(select(Booking.status)) == "bevestigd"


def test_choosing_another_time(booking_app: Flask) -> None:
    client = booking_app.test_client()
    confirmation = book(client)
    with booking_app.app_context():
        old = db.session.scalar(select(Booking.starts_at))
    client.get(soup(confirmation).find("a", string="Afspraak veranderen of afzeggen")["href"])
    page = client.get("/afspraak/beheer/verzetten", follow_redirects=True)
    assert page.request.path == "/afspraak/beheer/verzetten/wanneer"
    times = [i["value"] for i in soup(page).select('#tijden input[name="tijd"]')]
    page = post_form(client, page, fill=(("tijd", times[3]),))
    assert page.request.path == "/afspraak/beheer/verzetten/controleren"
    assert "Uw oude tijd blijft staan" in soup(page).get_text()
    with booking_app.app_context():
        assert db.session.scalar(select(Booking.starts_at)) == old  # not moved yet
    page = post_form(client, page)
    assert page.request.path == "/afspraak/beheer" and "verzet naar" in soup(page).get_text()
    with booking_app.app_context():
        assert db.session.scalar(select(Booking.starts_at)) != old


def test_the_manage_pages_need_the_link_or_the_reference(booking_app: Flask) -> None:
    client = booking_app.test_client()
    for path in (
        "/afspraak/beheer",
        "/afspraak/beheer/afzeggen",
        "/afspraak/beheer/verzetten",
        "/afspraak/beheer/verzetten/wanneer",
    ):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"].endswith(("/afspraak/wijzigen", "/afspraak/beheer"))
    assert client.get("/afspraak/beheer/agenda.ics").status_code == 404


def test_a_lookup_with_bad_input(booking_app: Flask) -> None:
    client = booking_app.test_client()
    page = lookup(client, "", "")
    assert errors(page) == [
        "Vul uw afspraaknummer in, bijvoorbeeld AF-4736-KM.",
        "Vul het e-mailadres, het mobiele nummer of de postcode in die u gaf.",
    ]
    page = lookup(client, "x" * 50, "6511 AB")
    assert errors(page) == ["Een afspraaknummer ziet er zo uit: AF-4736-KM."]


def not_satisfied(page) -> str:  # type: ignore[no-untyped-def]
    """The "Niet tevreden?" block: how to complain, and a link to the ombudsman."""
    block = soup(page).select_one("section.loket-not-satisfied")
    assert block is not None, page.request.path
    links = [a["href"] for a in block.find_all("a", href=True)]
    assert any("ombudsman" in href for href in links), links
    assert any(href.endswith("/contact") for href in links), links
    return block.get_text(" ", strip=True)


def test_every_confirmation_says_how_to_complain(booking_app: Flask) -> None:
    client = booking_app.test_client()
    confirmation = book(client)
    assert "Niet tevreden?" in not_satisfied(confirmation)
    client.get(soup(confirmation).find("a", string="Afspraak veranderen of afzeggen")["href"])
    page = client.get("/afspraak/beheer/verzetten", follow_redirects=True)
    times = [i["value"] for i in soup(page).select('#tijden input[name="tijd"]')]
    page = post_form(client, post_form(client, page, fill=(("tijd", times[2]),)))
    assert "verzet naar" in soup(page).get_text()  # the confirmation of the change
    assert "gemeentelijke ombudsman" in not_satisfied(page)
    page = post_form(client, client.get("/afspraak/beheer/afzeggen"))
    assert "Deze afspraak gaat niet door." in soup(page).get_text()
    not_satisfied(page)
    english = client.get("/en/afspraak/beheer")  # the same page in English
    assert "Not satisfied?" in not_satisfied(english)
