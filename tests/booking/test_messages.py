"""The booking's messages through the outbox, end to end: queued in the booking's transaction,
delivered by the worker on the channel the resident chose, in their language.

Confirmation, change, cancellation, closed day, waiting-list offer and written answer; every
confirmation tells how to complain ("Niet tevreden?") and names the ombudsman; an SMS fits two
segments; a letter is a PDF with the reference and the date twice.
"""

import datetime as dt
import email
import email.policy
from io import BytesIO

import pytest
from flask import Flask
from pypdf import PdfReader
from sqlalchemy import select

from app.address.base import PostalAddress
from app.booking import closing, service
from app.booking.models import Booking
from app.extensions import db
from app.notify import outbox
from app.notify.models import DONE, DemoDelivery, Letter, OutboxMessage
from app.notify.sms.segments import measure
from app.notify.worker import Worker
from tests.booking.test_service import TUESDAY_TEN, request
from tests.conftest import both_databases

ADDRESS = PostalAddress("Proefweg", "45", "6532 EF", "Nijmegen")
# Letter-only residents are offered times from three working days on (the letter must arrive).
FRIDAY_TEN = TUESDAY_TEN + dt.timedelta(days=3)
COMPLAINT = {"nl": ("Niet tevreden?", "ombudsman"), "en": ("Not happy?", "ombudsman")}
WHEN = {"nl": "dinsdag 9 maart 2027 om 10.00 uur", "en": "Tuesday 9 March 2027 at 10:00"}


def book(contact: str, lang: str = "nl", start: dt.datetime = TUESDAY_TEN, name: str = "Eva"):  # type: ignore[no-untyped-def]
    details = service.Details(
        name,
        contact,
        email="eva@voorbeeld.nl" if contact == "email" else "",
        phone="+31612345678" if contact == "sms" else "",
        address=ADDRESS if contact == "brief" else None,
    )
    base = request(start=start, name=name).__dict__
    return service.book(service.BookingRequest(**{**base, "details": details, "lang": lang}))


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages)


def delivered(message: OutboxMessage) -> str:
    """What actually went out: the e-mail as the demo transport received it, the SMS text, or
    the text of the letter's PDF."""
    db.session.expire_all()
    row = db.session.get(OutboxMessage, message.id)
    assert row is not None and row.status in DONE, (row.status, row.error_code, row.error_detail)
    if row.channel == "brief":
        letter = db.session.get(Letter, row.id)
        assert letter is not None and letter.pdf.startswith(b"%PDF-")
        return text_of(letter.pdf)
    copy = db.session.scalar(select(DemoDelivery).where(DemoDelivery.message_id == row.id))
    assert copy is not None
    if row.channel == "email":
        parsed = email.message_from_string(copy.payload["raw"], policy=email.policy.default)
        assert str(parsed["Message-ID"]).startswith(f"<{row.key}@")
        assert parsed["Content-Language"] == row.lang
        body = parsed.get_body()
        assert body is not None
        return f"{parsed['Subject']}\n{body.get_content()}"
    return row.body


@both_databases()
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("contact", ["email", "sms", "brief"])
def test_the_confirmation_arrives_on_the_chosen_channel(
    booking_app: Flask, contact: str, lang: str
) -> None:
    with booking_app.test_request_context():
        start = FRIDAY_TEN if contact == "brief" else TUESDAY_TEN
        booked = book(contact, lang, start)
        reference = booked.booking.reference
        # Queued in the booking's own transaction: it is there once book() returned.
        [message] = outbox.messages_about(booked.booking.about)
        assert (message.kind, message.channel, message.lang) == (
            "afspraak_bevestiging",
            contact,
            lang,
        )
        assert Worker().run_once().handled == 1
        text = delivered(message)
    flat = " ".join(text.split())
    assert reference in flat
    when = WHEN[lang].replace("dinsdag 9", "vrijdag 12").replace("Tuesday 9", "Friday 12")
    assert (when if contact == "brief" else WHEN[lang]) in flat
    for words in COMPLAINT[lang] if contact == "sms" else ():
        assert words in flat
    if contact != "sms":
        assert ("Niet tevreden?" if lang == "nl" else "Not satisfied?") in flat
        assert "gemeentelijke ombudsman" in flat or "municipal ombudsman" in flat
        assert "Mariënburg 30" in flat  # where, and (letters) the municipal address block
    if contact == "email":
        # The link in the e-mail opens this booking; so does the calendar link.
        link = flat.split("/afspraak/link?code=")[1].split()[0]
        assert "/afspraak/agenda.ics?code=" in flat
        with booking_app.app_context():
            found = service.by_token(link)
            assert found is not None and found.reference == reference
        assert ("Neem dit mee" if lang == "nl" else "Bring this with you") in flat
    if contact == "sms":
        counted = measure(text)
        assert counted.segments <= 2, (counted, text)
    if contact == "brief":
        # No reminder letter (it would come too late): the letter says so and names the date
        # twice; the PDF carries the reference, the resident's address and what to bring.
        assert flat.count(when) >= 2, flat
        assert "U krijgt geen herinnering" in flat or "will not get a reminder" in flat
        assert "Eva" in flat and "6532 EF" in flat
        assert "Neem dit mee" in flat or "Bring this with you" in flat


@both_databases()
def test_a_change_and_a_cancellation_are_told_the_same_way(booking_app: Flask) -> None:
    with booking_app.test_request_context():
        booked = book("sms").booking
        later = TUESDAY_TEN + dt.timedelta(days=1)
        service.reschedule(booked.id, booked.version, later)
        db.session.refresh(booked)
        service.cancel(booked.id, booked.version)
        kinds = [(m.kind, m.channel) for m in outbox.messages_about(booked.about)]
        assert kinds == [
            ("afspraak_bevestiging", "sms"),
            ("afspraak_gewijzigd", "sms"),
            ("afspraak_afgezegd", "sms"),
        ]
        assert Worker().run_once().handled == 3
        changed = outbox.messages_about(booked.about)[1]
        text = delivered(changed)
        assert "woensdag 10 maart 2027 om 10.00 uur" in text and booked.reference in text
        for message in outbox.messages_about(booked.about):
            assert (message.segments or 0) <= 2, message.body


@both_databases()
def test_closing_a_day_tells_each_resident_by_their_channel(
    booking_app: Flask,
) -> None:
    with booking_app.test_request_context():
        by_mail = book("email", start=FRIDAY_TEN, name="Per Mail").booking
        by_sms = book("sms", "en", start=FRIDAY_TEN + dt.timedelta(minutes=30)).booking
        by_letter = book("brief", start=FRIDAY_TEN + dt.timedelta(hours=1)).booking
        result = closing.close_day(None, FRIDAY_TEN.date(), "Er is een storing.", "A fault.")
        assert sorted(result.moved) == sorted(b.reference for b in (by_mail, by_sms, by_letter))
        for booking, channel in ((by_mail, "email"), (by_sms, "sms"), (by_letter, "brief")):
            told = [m for m in outbox.messages_about(booking.about) if m.kind.endswith("dag_dicht")]
            assert [m.channel for m in told] == [channel], booking.reference
        assert Worker().run_once().handled == 6
        db.session.expire_all()
        for booking in (by_mail, by_sms, by_letter):
            message = outbox.messages_about(booking.about)[-1]
            moved = db.session.get(Booking, booking.id)
            assert moved is not None and moved.starts_at.date() > FRIDAY_TEN.date()
            text = " ".join(delivered(message).split())
            assert booking.reference in text
            if message.channel != "sms":  # an SMS says "we are closed", without the reason
                assert "Er is een storing." in text
                assert "vrijdag 12 maart 2027" in text  # the old day, and the new one below
                assert "ombudsman" in text


@both_databases()
def test_a_reminder_goes_once_and_never_as_a_letter(booking_app: Flask, runner) -> None:  # type: ignore[no-untyped-def]
    from app.core.time import frozen_at

    with booking_app.test_request_context():
        mail = book("email", start=FRIDAY_TEN).booking
        sms = book("sms", start=FRIDAY_TEN + dt.timedelta(hours=1)).booking
        letter = book("brief", start=FRIDAY_TEN + dt.timedelta(hours=2)).booking
        abouts = {b.about: b.contact for b in (mail, sms, letter)}
    with frozen_at(dt.datetime(2027, 3, 11, 18, 0)):
        for _ in range(2):
            assert runner.invoke(args=["afspraken", "herinneringen"]).exit_code == 0
        with booking_app.app_context():
            reminders = {
                (m.about, m.channel)
                for m in db.session.scalars(
                    select(OutboxMessage).where(OutboxMessage.kind == "afspraak_herinnering")
                )
            }
            assert reminders == {(a, c) for a, c in abouts.items() if c != "brief"}
            assert Worker().run_once().handled == 5  # three confirmations, two reminders
            for message in db.session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == "afspraak_herinnering")
            ):
                text = delivered(message)
                assert "morgen" in text.lower() or message.channel == "sms"
                assert (message.segments or 0) <= 2


def test_the_purge_takes_the_messages_and_letters_with_it(booking_app: Flask, runner) -> None:  # type: ignore[no-untyped-def]
    from app.core.time import frozen_at

    with booking_app.test_request_context():
        letter = book("brief", start=FRIDAY_TEN, name="Brief Ontvanger").booking
        about = letter.about
        assert Worker().run_once().letters == 1
        assert db.session.scalar(select(Letter)) is not None
    with frozen_at(dt.datetime(2027, 4, 20, 12, 0)):
        assert runner.invoke(args=["afspraken", "opschonen"]).exit_code == 0
    with booking_app.app_context():
        assert outbox.messages_about(about) == []
        assert db.session.scalars(select(Letter)).all() == []
        assert db.session.scalars(select(DemoDelivery)).all() == []


def test_no_name_address_or_number_in_the_logs(booking_app: Flask, caplog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import logging

    # Alembic's fileConfig (the migrations in the test set-up) disables the loggers that
    # existed then; in production migrations run in their own process. Listen to all of ours.
    for name, logger in list(logging.root.manager.loggerDict.items()):
        if isinstance(logger, logging.Logger) and name.split(".")[0] in ("app", "loket"):
            monkeypatch.setattr(logger, "disabled", False)
    caplog.set_level(logging.DEBUG)
    with booking_app.test_request_context():
        for contact in ("email", "sms", "brief"):
            book(contact, start=FRIDAY_TEN, name="Logvrij Voorbeeldnaam")
        booked = book("email", start=FRIDAY_TEN + dt.timedelta(hours=1), name="Logvrij Twee")
        service.cancel(booked.booking.id, booked.booking.version)
        assert Worker().run_once().handled == 5
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert logged, "the worker logs what it did"
    for secret in ("Voorbeeldnaam", "Logvrij", "eva@voorbeeld.nl", "612345678", "Proefweg"):
        assert secret not in logged, secret


@pytest.mark.parametrize(
    ("now", "day", "words"),
    [
        # The Tuesday after the spring change (summer time: 9.30 is 07.30 UTC).
        (dt.datetime(2027, 3, 22, 8), dt.date(2027, 3, 30), "dinsdag 30 maart 2027 om 9.30 uur"),
        # The Monday after the autumn change (winter time: 9.30 is 08.30 UTC).
        (dt.datetime(2027, 10, 28, 8), dt.date(2027, 11, 1), "maandag 1 november 2027 om 9.30 uur"),
    ],
)
def test_the_letter_says_the_time_on_the_clock_across_daylight_saving(
    booking_app: Flask, now: dt.datetime, day: dt.date, words: str
) -> None:
    from app.core.time import frozen_at, local_datetime

    with booking_app.test_request_context(), frozen_at(now):
        start = local_datetime(day, dt.time(9, 30))
        booked = book("brief", start=start).booking
        assert Worker().run_once().letters == 1
        text = " ".join(delivered(outbox.messages_about(booked.about)[0]).split())
    assert text.count(words) >= 2, text


ARTEFACTS = ("None", "{{", "}}", "{%", "[]", "['", "  ", " .", " ,", "..")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("contact", ["email", "sms", "brief"])
def test_every_message_of_a_real_booking_reads_right(
    booking_app: Flask, contact: str, lang: str
) -> None:
    """Each kind the booking sends, from real bookings (not the outbox's examples), on every
    channel it has and in both languages: the reference in it, no template left-overs, an SMS
    in at most two segments. Set MESSAGES_DUMP=<file> to read them all."""
    import os

    from app.booking import notices, questions

    with booking_app.test_request_context():
        first = book(contact, lang, FRIDAY_TEN, name="Eva Visser").booking
        service.reschedule(first.id, first.version, FRIDAY_TEN + dt.timedelta(minutes=30))
        db.session.refresh(first)
        closing.close_day(None, FRIDAY_TEN.date(), "Er is een storing.", "There is a fault.")
        db.session.refresh(first)
        if contact != "brief":  # no reminder and no waiting list by letter
            notices.reminder(first, service.add_token(first))
            notices.offered(first, "voorbeeldcode", dt.timedelta(hours=2))
            db.session.commit()
        db.session.refresh(first)
        service.cancel(first.id, first.version)
        question = questions.ask(
            questions.Question(
                topic="kwijtschelding",
                text="Mag ik mijn vraag schrijven?",
                name="Eva Visser",
                contact=contact,
                email="eva@voorbeeld.nl" if contact == "email" else "",
                phone="+31612345678" if contact == "sms" else "",
                address=ADDRESS if contact == "brief" else None,
                lang=lang,
            )
        )
        assert questions.answer(question.id, "Ja, dat mag. Wij helpen u graag.", 1) is not None
        messages = [*outbox.messages_about(first.about), *outbox.messages_about(question.about)]
        kinds = [m.kind for m in messages]
        expected = ["afspraak_bevestiging", "afspraak_gewijzigd", "afspraak_dag_dicht"]
        if contact != "brief":
            expected += ["afspraak_herinnering", "afspraak_wachtlijst"]
        assert kinds == [*expected, "afspraak_afgezegd", "vraag_antwoord"]
        assert Worker().run_once().handled == len(messages)
        texts = {m.kind: delivered(m) for m in messages}
        segments = {m.kind: m.segments for m in messages}
        references = (first.reference, question.reference)
    dump = os.environ.get("MESSAGES_DUMP")
    if dump:
        with open(dump, "a", encoding="utf-8") as f:
            for kind, text in texts.items():
                f.write(f"===== {kind} {contact} {lang}\n{text}\n\n")
    for kind, text in texts.items():
        reference = references[1] if kind == "vraag_antwoord" else references[0]
        if not (kind == "afspraak_wachtlijst" and contact == "sms"):  # an offer, not yet booked
            assert reference in " ".join(text.split()), (kind, text)
        if contact == "sms":
            assert (segments[kind] or 0) <= 2, (kind, text)
            lines = [text]
        else:
            # A PDF's text is laid out in lines; look for left-overs line by line.
            lines = [line.strip() for line in text.splitlines() if line.strip()]
        # Spacing in a PDF's text is its layout (PostNL's "6532 EF  NIJMEGEN", the footer).
        artefacts = [a for a in ARTEFACTS if a != "  "] if contact == "brief" else ARTEFACTS
        for line in lines:
            for artefact in artefacts:
                assert artefact not in line, (kind, artefact, line)
