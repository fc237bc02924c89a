"""The booking flow with the Werkzeug client (no JavaScript), on every channel and with bad input
at every step."""

import datetime as dt

import pytest
from flask import Flask
from sqlalchemy import select

from app.booking.models import Booking
from app.core.time import Clock, local
from app.extensions import db
from tests.booking.walk import (
    DETAILS,
    book,
    errors,
    free_times,
    reference,
    soup,
    step,
    summary,
    to_review,
    to_time_step,
)
from tests.browse import resident_login
from tests.conftest import both_databases
from tests.pagecheck import check_page


def bookings(app: Flask) -> list[Booking]:
    with app.app_context():
        found = list(db.session.scalars(select(Booking).order_by(Booking.id)))
        db.session.expunge_all()
        return found


@both_databases()
def test_a_desk_appointment_from_start_to_confirmation(booking_app: Flask) -> None:
    client = booking_app.test_client()
    page = client.get("/afspraak", follow_redirects=True)
    assert page.request.path == "/afspraak/onderwerp"
    html = check_page(page.get_data(as_text=True), "nl")
    assert "Stap 1 van 7" in html.get_text()
    confirmation = book(client)
    assert confirmation.request.path == "/afspraak/bevestiging"
    text = check_page(confirmation.get_data(as_text=True), "nl").get_text(" ", strip=True)
    booked = bookings(booking_app)
    assert len(booked) == 1 and booked[0].reference == reference(confirmation)
    assert booked[0].channel == "balie" and booked[0].name == "Eva Visser"
    assert "Stadswinkel" in text and "Mariënburg 30" in text and "Niet tevreden?" in text
    assert "paspoort" in text  # what to bring
    # Date and time in words, in Nijmegen's time.
    when = local(booked[0].starts_at)
    assert f"{when.hour}.{when.minute:02d} uur" in text
    assert "maart 2027" in text


def test_the_progress_counts_the_steps_that_apply(booking_app: Flask) -> None:
    client = booking_app.test_client()
    step(client, "onderwerp", ("onderwerp", "kwijtschelding"))
    page = step(client, "kanaal", ("kanaal", "telefoon"))
    assert "Stap 3 van 6" in soup(page).get_text()  # by phone there is no "where"
    page = client.get("/afspraak/kanaal")
    assert "Stap 2 van 6" in soup(page).get_text()
    page = step(client, "kanaal", ("kanaal", "balie"))
    assert "Stap 3 van 7" in soup(page).get_text()


def test_from_a_service_page_the_topic_is_chosen(booking_app: Flask) -> None:
    client = booking_app.test_client()
    page = client.get("/diensten/kwijtschelding")
    link = soup(page).find("a", string=lambda s: s and "Maak een afspraak met een medewerker" in s)
    assert link is not None and link["href"] == "/afspraak?onderwerp=kwijtschelding"
    page = client.get(link["href"], follow_redirects=True)
    assert page.request.path == "/afspraak/kanaal"
    labels = [lbl.get_text(strip=True) for lbl in soup(page).select(".loket-choice label")]
    assert labels == [
        "Aan de balie in de Stadswinkel",
        "Aan de telefoon",
        "Met video",
        "Bij een Stip of in de bibliotheek",
        "Bij u thuis",
    ]


def test_only_the_channels_of_the_topic_are_offered(booking_app: Flask) -> None:
    client = booking_app.test_client()
    page = client.get("/afspraak?onderwerp=geboorte-aangeven", follow_redirects=True)
    values = [i["value"] for i in soup(page).select('input[name="kanaal"]')]
    assert values == ["balie", "telefoon"]
    forged = step(client, "kanaal", ("kanaal", "thuis"))
    assert forged.request.path == "/afspraak/kanaal"
    assert errors(forged)  # not a choice on this page


def test_a_page_without_its_own_booking_becomes_something_else_with_its_title(
    booking_app: Flask,
) -> None:
    client = booking_app.test_client()
    page = client.get("/afspraak?onderwerp=grof-afval", follow_redirects=True)
    assert page.request.path == "/afspraak/kanaal"
    page = client.get("/afspraak/onderwerp")
    assert soup(page).select_one('input[value="iets-anders"]').has_attr("checked")
    assert soup(page).select_one('input[name="anders"]')["value"]


def test_an_unknown_topic_starts_at_the_first_step(booking_app: Flask) -> None:
    client = booking_app.test_client()
    page = client.get("/afspraak?onderwerp=bestaat-niet%3Cscript%3E", follow_redirects=True)
    assert page.request.path == "/afspraak/onderwerp"


@both_databases()
def test_by_phone_we_ask_the_number_and_the_team_pool_takes_it(booking_app: Flask) -> None:
    client = booking_app.test_client()
    to_time_step(client, channel="telefoon", topic="bijzondere-bijstand")
    step(client, "wanneer", form="form.loket-first-time")
    page = step(
        client,
        "gegevens",
        ("naam", "Jan de Vries"),
        ("bericht", "email"),
        ("email", "jan@voorbeeld.nl"),
    )
    assert errors(page) == ["Vul uw telefoonnummer in, bijvoorbeeld 06 12 34 56 78."]
    page = step(
        client,
        "gegevens",
        ("naam", "Jan de Vries"),
        ("bericht", "email"),
        ("email", "jan@voorbeeld.nl"),
        ("telefoon", "024 329 99 99"),
    )
    assert "Wij bellen u op 024 329 99 99" in soup(page).get_text()
    step(client, "controleren")
    booked = bookings(booking_app)[0]
    assert booked.phone == "+31243299999"
    with booking_app.app_context():
        agenda = db.session.get(Booking, booked.id).agenda
        assert agenda.team == "Team Inkomensondersteuning"  # the page's owner


def test_a_home_visit_asks_the_address_and_why_and_takes_the_travel_time(
    booking_app: Flask,
) -> None:
    client = booking_app.test_client()
    page = to_time_step(client, channel="thuis")
    assert page.request.path == "/afspraak/wanneer"
    assert "60 minuten" in soup(page).get_text()  # 30 + twice 15 minutes' travel
    step(client, "wanneer", form="form.loket-first-time")
    step(
        client,
        "gegevens",
        ("naam", "Fatima El Amrani"),
        ("bericht", "brief"),
        ("zelf_printen", "y"),
    )
    review = client.get("/afspraak/controleren")
    assert "Voorbeeldstraat 12, 6512 AB Nijmegen" in soup(review).get_text()
    step(client, "controleren")
    booked = bookings(booking_app)[0]
    assert booked.channel == "thuis" and booked.home_reason == "Ik kan niet goed lopen."
    assert booked.address["street"] == "Voorbeeldstraat" and booked.contact == "brief"
    assert (booked.ends_at - booked.starts_at) == dt.timedelta(minutes=60)


@pytest.mark.parametrize(
    ("postcode", "number", "message"),
    [
        ("", "12", "Vul uw postcode in, bijvoorbeeld 6511 AB."),
        ("65 AB", "12", "Vul een postcode in met 4 cijfers en 2 letters, bijvoorbeeld 6511 AB."),
        ("6512 AB", "", "Vul uw huisnummer in, bijvoorbeeld 12."),
        (
            "6512 AB",
            "12a",
            "Vul alleen het nummer in, bijvoorbeeld 12. Een letter kan in het vakje hierna.",
        ),
        (
            "6512 AB",
            "999",
            "Wij vinden dit adres niet. Kijk of de postcode en het huisnummer kloppen. "
            "Of vul zelf uw straat en woonplaats in.",
        ),
        (
            "6601 AA",
            "5",
            "Wij komen alleen bij u thuis in Nijmegen. Woont u ergens anders? "
            "Ga terug en kies een andere manier van praten.",
        ),
    ],
)
def test_a_home_address_that_cannot_be_used(
    booking_app: Flask, postcode: str, number: str, message: str
) -> None:
    client = booking_app.test_client()
    step(client, "onderwerp", ("onderwerp", "kwijtschelding"))
    step(client, "kanaal", ("kanaal", "thuis"))
    step(client, "ondersteuning")
    page = step(
        client, "waar", ("postcode", postcode), ("huisnummer", number), ("waarom", "Ik ben ziek.")
    )
    assert page.request.path == "/afspraak/waar"
    assert errors(page) == [message] and summary(page) == [message]
    assert soup(page).select_one('textarea[name="waarom"]').get_text().strip() == "Ik ben ziek."
    assert soup(page).select_one('input[name="postcode"]')["value"] == postcode


def test_an_address_with_two_additions_asks_which(booking_app: Flask) -> None:
    client = booking_app.test_client()
    to_time_step(client, channel="balie")
    step(client, "wanneer", form="form.loket-first-time")
    page = step(
        client,
        "gegevens",
        ("naam", "Kees"),
        ("bericht", "brief"),
        ("postcode", "6521CD"),
        ("huisnummer", "21"),
        ("zelf_printen", "y"),
    )
    assert errors(page) == ["Op dit huisnummer zijn meer adressen. Vul de letter of toevoeging in."]
    page = step(
        client,
        "gegevens",
        ("naam", "Kees"),
        ("bericht", "brief"),
        ("postcode", "6521CD"),
        ("huisnummer", "21"),
        ("toevoeging", "b"),
        ("zelf_printen", "y"),
    )
    assert page.request.path == "/afspraak/controleren"
    assert "Oefenlaan 21 B, 6521 CD Nijmegen" in soup(page).get_text()


def test_an_address_typed_by_hand_when_the_lookup_does_not_know_it(booking_app: Flask) -> None:
    client = booking_app.test_client()
    to_time_step(client)
    step(client, "wanneer", form="form.loket-first-time")
    page = step(
        client,
        "gegevens",
        ("naam", "Anna"),
        ("bericht", "brief"),
        ("postcode", "6532 EF"),
        ("huisnummer", "101"),
        ("straat", "Nieuwbouwlaan"),
        ("woonplaats", "Nijmegen"),
        ("zelf_printen", "y"),
    )
    assert "Nieuwbouwlaan 101, 6532 EF Nijmegen" in soup(page).get_text()


def test_wheelchair_access_filters_the_places(booking_app: Flask) -> None:
    client = booking_app.test_client()
    page = to_time_step(client, channel="stip", support=(("nodig", "rolstoel"),), place="stip-oost")
    assert page.request.path == "/afspraak/waar"  # Stip Oost has a step at the door
    offered = [i["value"] for i in soup(page).select('input[name="plek"]')]
    assert "stip-oost" not in offered and "stip-dukenburg" in offered
    assert "Stip Oost" in soup(page).get_text()  # said why it is missing


def test_a_hearing_loop_filters_the_places(booking_app: Flask) -> None:
    client = booking_app.test_client()
    page = to_time_step(
        client, channel="stip", support=(("nodig", "ringleiding"),), place="stip-lent"
    )
    assert page.request.path == "/afspraak/wanneer"
    client.get("/afspraak/ondersteuning")
    page = step(client, "ondersteuning", ("nodig", "ringleiding"), ("nodig", "rolstoel"))
    assert page.request.path == "/afspraak/wanneer"  # Lent has both


def test_an_interpreter_needs_two_working_days(booking_app: Flask, clock: Clock) -> None:
    client = booking_app.test_client()
    page = to_time_step(client, support=(("nodig", "tolk"), ("taal", "Arabisch")))
    first = min(free_times(page))
    assert dt.datetime.fromisoformat(first).astimezone().date() >= dt.date(2027, 3, 10)
    assert "tolk" in soup(page).get_text()


def test_extra_time_makes_a_longer_conversation_and_reopens_the_time(booking_app: Flask) -> None:
    client = booking_app.test_client()
    to_review(client)
    step(client, "ondersteuning", ("nodig", "extra_tijd"))
    page = client.get("/afspraak/controleren", follow_redirects=True)
    assert page.request.path == "/afspraak/wanneer"  # 45 minutes: the time is chosen again
    assert "45 minuten" in soup(page).get_text()
    step(client, "wanneer", form="form.loket-first-time")
    assert client.get("/afspraak/controleren").status_code == 200


def test_a_letter_needs_three_working_days_unless_printed(booking_app: Flask) -> None:
    client = booking_app.test_client()
    to_time_step(client)
    page = step(client, "wanneer", form="form.loket-first-time")  # today, Monday
    letter = (
        ("naam", "Anna Jansen"),
        ("bericht", "brief"),
        ("postcode", "6532 EF"),
        ("huisnummer", "45"),
    )
    page = step(client, "gegevens", *letter)
    assert page.request.path == "/afspraak/wanneer"
    text = soup(page).get_text(" ", strip=True)
    assert "vanaf donderdag 11 maart 2027" in text
    assert min(dt.date.fromisoformat(t[:10]) for t in free_times(page)) >= dt.date(2027, 3, 11)
    # Printed now (at the library, or at home): an earlier time is fine again.
    page = step(client, "gegevens", *letter, ("zelf_printen", "y"))
    assert page.request.path == "/afspraak/wanneer"
    step(client, "wanneer", form="form.loket-first-time")
    assert client.get("/afspraak/controleren").status_code == 200
    assert "Proefweg 45" in soup(client.get("/afspraak/controleren")).get_text()


def test_something_else_needs_a_few_words(booking_app: Flask) -> None:
    client = booking_app.test_client()
    page = step(client, "onderwerp", ("onderwerp", "iets-anders"))
    assert errors(page) == ["Schrijf in een paar woorden waar het over gaat."]
    page = step(
        client, "onderwerp", ("onderwerp", "iets-anders"), ("anders", "Een boom voor mijn huis")
    )
    assert page.request.path == "/afspraak/kanaal"
    assert len(soup(page).select('input[name="kanaal"]')) == 5


@pytest.mark.parametrize(
    ("name", "fill", "message"),
    [
        ("onderwerp", (), "Kies waar u over wilt praten."),
        ("onderwerp", (("onderwerp", "bestaat-niet"),), "Kies een onderwerp uit de lijst."),
        ("kanaal", (), "Kies hoe u wilt praten."),
        (
            "ondersteuning",
            (("nodig", "tolk"),),
            "Schrijf welke taal de tolk moet spreken, bijvoorbeeld Arabisch of Pools.",
        ),
        ("ondersteuning", (("nodig", "vliegtuig"),), "Kies alleen uit de lijst wat u nodig hebt."),
        ("waar", (), "Kies waar u wilt praten."),
        ("waar", (("plek", "stip-oost"),), "Kies een plek uit de lijst."),
        ("kanaal", (("kanaal", "per-duif"),), "Kies een van de manieren uit de lijst."),
        ("wanneer", (), "Kies een dag en een tijd."),
        ("wanneer", (("tijd", "morgen om negen"),), "Kies een dag en een tijd uit de lijst."),
        (
            "wanneer",
            (("tijd", "2027-03-08T03:00:00Z"),),
            "Dit tijdstip is net vol. Kies een ander tijdstip.",
        ),
        ("gegevens", (), "Vul uw naam in."),
        (
            "gegevens",
            (("naam", "Eva"), ("bericht", "email"), ("email", "eva@")),
            "Vul een e-mailadres in met een @ erin, bijvoorbeeld naam@voorbeeld.nl.",
        ),
        (
            "gegevens",
            (("naam", "Eva"), ("bericht", "sms"), ("telefoon", "024 329 99 99")),
            "Een sms kan alleen naar een mobiel nummer. Dat begint met 06.",
        ),
        (
            "gegevens",
            (("naam", "Eva"), ("bericht", "sms"), ("telefoon", "06 1234")),
            "Vul een telefoonnummer in met 10 cijfers, bijvoorbeeld 06 12 34 56 78.",
        ),
        (
            "gegevens",
            (("naam", "x" * 121), ("bericht", "email"), ("email", "a@b.nl")),
            "Schrijf uw naam korter, in 120 tekens of minder.",
        ),
    ],
)
def test_bad_input_at_every_step(
    booking_app: Flask, name: str, fill: tuple[tuple[str, str], ...], message: str | None
) -> None:
    """A message at the field and in the error summary, what was typed stays, never a 500."""
    client = booking_app.test_client()
    to_review(client)
    page = client.get(f"/afspraak/{name}")
    assert page.status_code == 200
    token = soup(page).select_one("input[name=csrf_token]")["value"]
    data: dict[str, list[str]] = {"csrf_token": [token]}
    for field, value in fill:
        data.setdefault(field, []).append(value)
    response = client.post(f"/afspraak/{name}", data=data, follow_redirects=True)
    assert response.status_code == 200
    assert response.request.path == f"/afspraak/{name}"
    html = check_page(response.get_data(as_text=True), "nl")
    assert html.title.get_text().startswith("Fout: ")
    found = errors(response)
    assert found, "an error at the field"
    assert summary(response), "and in the error summary"
    if message:
        assert message in found
    for field, value in fill:
        if field in ("naam", "email", "telefoon", "taal"):
            assert soup(response).select_one(f'input[name="{field}"]')["value"] == value


def test_the_typed_answers_stay_when_a_step_fails(booking_app: Flask) -> None:
    client = booking_app.test_client()
    to_time_step(client)
    step(client, "wanneer", form="form.loket-first-time")
    page = step(
        client,
        "gegevens",
        ("naam", "Eva Visser"),
        ("bericht", "sms"),
        ("email", "eva@voorbeeld.nl"),
        ("telefoon", "12"),
    )
    assert soup(page).select_one('input[name="naam"]')["value"] == "Eva Visser"
    assert soup(page).select_one('input[value="sms"]').has_attr("checked")


@pytest.mark.parametrize(
    "path",
    [
        "/afspraak/controleren",
        "/afspraak/wanneer",
        "/afspraak/gegevens",
        "/afspraak/bestaat-niet",
        "/afspraak/%2e%2e",
        "/afspraak/waar?wijzig=1",
        "/afspraak/" + "x" * 300,
    ],
)
def test_a_stale_or_forged_step_url_goes_to_the_first_open_step(
    booking_app: Flask, path: str
) -> None:
    client = booking_app.test_client()
    fresh = client.get(path, follow_redirects=True)
    assert fresh.status_code == 200 and fresh.request.path == "/afspraak/onderwerp"
    step(client, "onderwerp", ("onderwerp", "kwijtschelding"))
    later = client.get(path, follow_redirects=True)
    assert later.status_code == 200 and later.request.path == "/afspraak/kanaal"
    posted = client.post(path, data={"tijd": "2027-03-09T09:00:00Z"}, follow_redirects=True)
    assert posted.status_code in (200, 400)  # 400: the CSRF page, never a 500
    assert client.post("/afspraak/controleren", data={}).status_code in (303, 400)


def test_an_expired_flow_starts_again(booking_app: Flask, clock: Clock) -> None:
    client = booking_app.test_client()
    to_review(client)
    clock.advance(dt.timedelta(hours=3))
    page = client.get("/afspraak/controleren", follow_redirects=True)
    assert page.request.path == "/afspraak/onderwerp"


def test_change_links_return_to_the_check(booking_app: Flask) -> None:
    client = booking_app.test_client()
    review = to_review(client)
    links = {
        a.get_text(" ", strip=True): a["href"]
        for a in soup(review).select(".loket-summary__change a")
    }
    assert "Verander tijdstip" in links and "Verander onderwerp" in links
    page = client.get(links["Verander gegevens"])
    assert soup(page).select_one(".loket-back-link")["href"] == "/afspraak/controleren"
    page = step(
        client,
        "gegevens",
        ("naam", "Eva de Vries"),
        ("bericht", "email"),
        ("email", "eva@voorbeeld.nl"),
    )
    assert page.request.path == "/afspraak/controleren" and "Eva de Vries" in soup(page).get_text()
    # Another channel: the place and the time no longer fit and are asked again.
    client.get(links["Verander manier van praten"])
    page = step(client, "kanaal", ("kanaal", "stip"))
    assert page.request.path == "/afspraak/waar"
    page = step(client, "waar", ("plek", "stip-dukenburg"))
    assert page.request.path == "/afspraak/wanneer"
    page = step(client, "wanneer", form="form.loket-first-time")
    assert (
        page.request.path == "/afspraak/controleren" and "Stip Dukenburg" in soup(page).get_text()
    )


def test_a_double_click_books_once(booking_app: Flask) -> None:
    client = booking_app.test_client()
    review = to_review(client)
    form = soup(review).select_one("form.loket-form")
    data = {i["name"]: i.get("value", "") for i in form.select("input[type=hidden]")}
    first = client.post("/afspraak/controleren", data=data)
    second = client.post("/afspraak/controleren", data=data)
    assert first.status_code == second.status_code == 303
    assert second.headers["Location"].endswith("/afspraak/bevestiging")
    assert len(bookings(booking_app)) == 1
    page = client.get("/afspraak/bevestiging")
    assert reference(page) == bookings(booking_app)[0].reference
    with booking_app.app_context():  # and one confirmation in the outbox, not two
        from app.notify import outbox

        sent = outbox.messages_about(bookings(booking_app)[0].about)
        assert [m.kind for m in sent] == ["afspraak_bevestiging"]


def test_a_logged_in_resident_is_linked_by_a_keyed_hash_not_the_bsn(booking_app: Flask) -> None:
    client = booking_app.test_client()
    resident_login(client, "fatima")
    to_time_step(client)
    step(client, "wanneer", form="form.loket-first-time")
    page = client.get("/afspraak/gegevens")
    assert soup(page).select_one('input[name="naam"]')["value"] == "Fatima El Amrani"
    step(
        client,
        "gegevens",
        ("naam", "Fatima El Amrani"),
        ("bericht", "email"),
        ("email", "f@voorbeeld.nl"),
    )
    step(client, "controleren")
    booked = bookings(booking_app)[0]
    assert booked.client_key and len(booked.client_key) == 64
    assert "999993653" not in repr(vars(booked))


def test_the_english_flow(booking_app: Flask) -> None:
    client = booking_app.test_client()
    page = client.get("/en/afspraak?onderwerp=kwijtschelding", follow_redirects=True)
    assert page.request.path.endswith("/afspraak/kanaal")
    assert "Step 2 of 7" in soup(page).get_text()
    assert soup(page).html["lang"] == "en"
    step_en = client.post(
        "/en/afspraak/kanaal",
        data={"csrf_token": soup(page).select_one("input[name=csrf_token]")["value"]},
    )
    assert "Choose how you want to talk." in step_en.get_data(as_text=True)


def test_the_header_link_inside_the_flow_does_not_lead_back_to_the_step(booking_app: Flask) -> None:
    client = booking_app.test_client()
    page = client.get("/afspraak/onderwerp", follow_redirects=True)
    header = soup(page).select_one(".loket-person-link")
    assert header["href"] == "/contact"


def test_the_times_are_plain_radio_buttons_grouped_by_day_with_more_days(
    booking_app: Flask,
) -> None:
    client = booking_app.test_client()
    page = to_time_step(client)
    days = soup(page).select("#tijden fieldset.loket-day")
    assert 1 <= len(days) <= 5
    assert days[0].legend.get_text(strip=True).startswith("maandag 8 maart")
    later = soup(page).find("a", string="Latere dagen")
    assert later is not None and later.has_attr("hx-get")
    next_page = client.get(later["href"])
    assert soup(next_page).find("a", string="Eerdere dagen") is not None
    fragment = client.get(later["href"], headers={"HX-Request": "true"})
    assert "<html" not in fragment.get_data(as_text=True) and 'id="tijden"' in fragment.get_data(
        as_text=True
    )
    assert "HX-Request" in fragment.headers.get("Vary", "")


def test_staff_booking_is_marked_and_needs_consent(booking_app: Flask) -> None:
    from app.booking.demo import fill_demo_bookings  # noqa: F401 - demo accounts below
    from tests.browse import demo_login

    with booking_app.app_context():
        from app.auth.cli import fill_accounts

        fill_accounts()
    client = booking_app.test_client()
    demo_login(client, "medewerker")
    page = client.get("/medewerker/afspraken/nieuw?via=telefoon", follow_redirects=True)
    assert page.request.path == "/afspraak/onderwerp"
    assert "Afspraak maken voor een inwoner" in soup(page).get_text()
    to_review(client)
    page = step(client, "controleren")
    assert errors(page) == ["Vraag of de inwoner deze afspraak wil. Vink het dan aan."]
    page = step(client, "controleren", ("toestemming", "y"))
    assert page.request.path == "/afspraak/bevestiging"
    booked = bookings(booking_app)[0]
    assert (
        booked.booked_by is not None
        and booked.booked_via == "telefoon"
        and booked.client_key is None
    )


def test_a_resident_cannot_mark_a_flow_as_staff(booking_app: Flask) -> None:
    client = booking_app.test_client()
    page = client.get("/medewerker/afspraken/nieuw?via=balie")
    assert page.status_code == 302 and "/medewerker/inloggen" in page.headers["Location"]


def test_details_come_back_when_changing(booking_app: Flask) -> None:
    client = booking_app.test_client()
    to_review(client, details=DETAILS)
    page = client.get("/afspraak/gegevens?wijzig=1")
    assert soup(page).select_one('input[name="email"]')["value"] == "eva@voorbeeld.nl"
