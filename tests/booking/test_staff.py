"""The staff day view, written questions, and the beheerder's capacity pages, with their
access control."""

import datetime as dt

import pytest
from flask import Flask
from sqlalchemy import select

from app.auth.cli import fill_accounts
from app.booking import service
from app.booking.models import Agenda, Booking, ClosedDay, TopicLength, WrittenQuestion
from app.core.time import Clock, local_datetime
from app.extensions import db
from app.notify import outbox
from tests.booking.test_service import desk, request
from tests.booking.walk import errors, post_form, soup
from tests.browse import demo_login


@pytest.fixture
def staff_app(booking_app: Flask) -> Flask:
    with booking_app.app_context():
        fill_accounts()
    return booking_app


@pytest.mark.parametrize(
    "path",
    [
        "/medewerker/afspraken",
        "/medewerker/vragen",
        "/medewerker/afspraken/nieuw",
        "/medewerker/capaciteit",
        "/medewerker/capaciteit/1",
        "/medewerker/capaciteit/sluiten",
        "/medewerker/capaciteit/onderwerpen",
    ],
)
def test_staff_pages_need_a_staff_login(staff_app: Flask, path: str) -> None:
    anonymous = staff_app.test_client().get(path)
    assert anonymous.status_code == 302 and "/medewerker/inloggen" in anonymous.headers["Location"]
    editor = staff_app.test_client()
    demo_login(editor, "redacteur")
    assert editor.get(path).status_code == 403
    staff = staff_app.test_client()
    demo_login(staff, "medewerker")
    assert staff.get(path).status_code == (403 if "capaciteit" in path else 200)
    admin = staff_app.test_client()
    demo_login(admin, "beheerder")
    assert admin.get(path).status_code == 200


def test_the_day_shows_support_needs_and_records_who_came(staff_app: Flask, clock: Clock) -> None:
    with staff_app.test_request_context():
        req = request()
        service.book(
            service.BookingRequest(
                **{**req.__dict__, "support": {"nodig": ["tolk", "rolstoel"], "taal": "Tigrinya"}}
            )
        )
        booking_id = db.session.scalar(select(Booking.id))
    client = staff_app.test_client()
    demo_login(client, "medewerker")
    page = client.get("/medewerker/afspraken")
    text = soup(page).get_text(" ", strip=True)
    assert "Hulp nodig in de komende 7 dagen" in text and "Tigrinya" in text  # in advance
    page = client.get("/medewerker/afspraken?dag=2027-03-09")
    text = soup(page).get_text(" ", strip=True)
    assert "10.00 uur: Eva" in text and "Een tolk (iemand die vertaalt): Tigrinya" in text
    assert "Stadswinkel (aan de balie in de stadswinkel)" in text
    assert soup(page).select("form.loket-inline-form") == []  # not started yet
    clock.advance(dt.timedelta(days=1, hours=2))  # Tuesday 10.00
    page = client.get("/medewerker/afspraken?dag=2027-03-09")
    outcome = (("uitkomst", "geweest"),)
    page = post_form(client, page, selector="form.loket-inline-form", fill=outcome)
    with staff_app.app_context():
        assert db.session.get(Booking, booking_id).status == "geweest"
    assert "Geweest" in soup(page).get_text()


def test_written_questions_are_answered_once(staff_app: Flask) -> None:
    client = staff_app.test_client()
    page = client.get("/contact/vraag")
    sent = post_form(
        client,
        page,
        fill=(
            ("onderwerp", "kwijtschelding"),
            ("vraag", "Ik hoor slecht.\nKan ik mijn vraag zo stellen?"),
            ("naam", "Anna Jansen"),
            ("bericht", "sms"),
            ("telefoon", "06 12 34 56 78"),
        ),
    )
    assert sent.request.path == "/contact/vraag/verstuurd"
    ref = soup(sent).select_one(".loket-reference").get_text(strip=True).replace(" ", "")
    assert ref.startswith("VR-")
    staff = staff_app.test_client()
    demo_login(staff, "medewerker")
    listing = staff.get("/medewerker/vragen")
    link = soup(listing).find("a", string=lambda s: s and ref in s)
    page = staff.get(link["href"])
    assert "Kan ik mijn vraag zo stellen?" in soup(page).get_text()
    empty = post_form(staff, page)
    assert errors(empty) == ["Schrijf het antwoord op."]
    post_form(staff, page, fill=(("antwoord", "Ja, dat kan. Wij helpen u graag."),))
    with staff_app.app_context():
        question = db.session.scalar(select(WrittenQuestion))
        assert question.status == "beantwoord" and question.phone == "+31612345678"
        # The answer goes out the way the resident asked for: one SMS, with the answer in it.
        [told] = outbox.messages_about(question.about)
        assert (told.kind, told.channel) == ("vraag_antwoord", "sms")
        assert "Ja, dat kan." in told.body and question.reference in told.body
    again = post_form(staff, page, fill=(("antwoord", "Nog een keer"),))
    with staff_app.app_context():
        assert (
            db.session.scalar(select(WrittenQuestion.answer)) == "Ja, dat kan. Wij helpen u graag."
        )
    assert again.status_code == 200


def test_a_question_needs_what_its_answer_way_needs(staff_app: Flask) -> None:
    client = staff_app.test_client()
    page = client.get("/contact/vraag")
    answer = post_form(
        client,
        page,
        fill=(
            ("onderwerp", "kwijtschelding"),
            ("vraag", "Hoe?"),
            ("naam", "Jan"),
            ("bericht", "brief"),
        ),
    )
    assert errors(answer) == ["Vul uw postcode in, bijvoorbeeld 6511 AB."]
    answer = post_form(
        client,
        page,
        fill=(
            ("onderwerp", "nep"),
            ("vraag", "Hoe?"),
            ("naam", "Jan"),
            ("bericht", "email"),
            ("email", "j@voorbeeld.nl"),
        ),
    )
    assert errors(answer) == ["Kies waar uw vraag over gaat."]


def test_the_beheerder_changes_hours_and_staff(staff_app: Flask) -> None:
    admin = staff_app.test_client()
    demo_login(admin, "beheerder")
    with staff_app.app_context():
        agenda_id = desk().id
    page = admin.get(f"/medewerker/capaciteit/{agenda_id}")
    assert "do 9.00-20.00 4" in soup(page).select_one("textarea").get_text()
    wrong = post_form(admin, page, fill=(("uren", "ma 9.00-17.00 4\nelke dag"),))
    assert errors(wrong) == ["Regel 2 klopt niet. Schrijf het zo: ma 9.00-17.00 4"]
    post_form(admin, page, fill=(("uren", "ma 9.00-12.00 2\nma 13.00-17.00 2"),))
    with staff_app.app_context():
        hours = db.session.get(Agenda, agenda_id).hours
        assert [(h.weekday, h.opens.hour, h.closes.hour, h.staff) for h in hours] == [
            (0, 9, 12, 2),
            (0, 13, 17, 2),
        ]


def test_the_beheerder_closes_a_day_and_the_bookings_move(staff_app: Flask, clock: Clock) -> None:
    with staff_app.test_request_context():
        booked = service.book(request()).booking
        reference = booked.reference
    admin = staff_app.test_client()
    demo_login(admin, "beheerder")
    page = admin.get("/medewerker/capaciteit/sluiten")
    check = post_form(
        admin, page, fill=(("agenda", "alle"), ("dag", "9-3-2027"), ("reden", "Er is een storing."))
    )
    assert "Weet u het zeker?" in soup(check).get_text() and reference in soup(check).get_text()
    with staff_app.app_context():
        assert (
            db.session.scalar(select(ClosedDay).where(ClosedDay.day == dt.date(2027, 3, 9))) is None
        )
    done = post_form(admin, check)
    assert "Wij hebben 1 afspraak verzet." in soup(done).get_text(" ", strip=True)
    with staff_app.app_context():
        moved = db.session.scalar(select(Booking).where(Booking.reference == reference))
        assert moved.status == "bevestigd"
        assert moved.starts_at.replace(tzinfo=dt.UTC) >= local_datetime(
            dt.date(2027, 3, 10), dt.time(0)
        )


def test_a_closed_day_in_the_past_is_refused(staff_app: Flask) -> None:
    admin = staff_app.test_client()
    demo_login(admin, "beheerder")
    page = admin.get("/medewerker/capaciteit/sluiten")
    answer = post_form(
        admin, page, fill=(("agenda", "alle"), ("dag", "1-3-2027"), ("reden", "Oud"))
    )
    assert errors(answer) == ["Deze dag is al voorbij. Kies vandaag of een dag later."]
    answer = post_form(admin, page, fill=(("agenda", "alle"), ("dag", "31-2-2027"), ("reden", "x")))
    assert errors(answer) == ["Vul de datum in als dag-maand-jaar, bijvoorbeeld 24-12-2026."]


def test_the_beheerder_sets_the_length_of_a_topic(staff_app: Flask) -> None:
    admin = staff_app.test_client()
    demo_login(admin, "beheerder")
    page = admin.get("/medewerker/capaciteit/onderwerpen")
    wrong = post_form(admin, page, fill=(("onderwerp", "kwijtschelding"), ("minuten", "900")))
    assert errors(wrong) == ["Vul een getal in van 5 tot en met 240."]
    post_form(admin, page, fill=(("onderwerp", "kwijtschelding"), ("minuten", "45")))
    with staff_app.app_context():
        assert db.session.get(TopicLength, "kwijtschelding").minutes == 45
    from tests.booking.walk import to_time_step

    resident = staff_app.test_client()
    page = to_time_step(resident)
    assert "45 minuten" in soup(page).get_text()
