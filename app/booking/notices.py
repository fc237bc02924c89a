"""Every message about an appointment or a written question, put in the outbox.

Nothing here sends: each function adds a row to the outbox inside the caller's transaction, so
a message exists exactly when the change it tells about was committed. The texts are templates
under `templates/messages/` (`<kind>.<channel>.<lang>.*`); the context built here is what they
may use. Links carry a fresh token and are language-neutral (the message is in `booking.lang`).
"""

import datetime as dt
from typing import Any

from flask import current_app

from app.address.base import PostalAddress
from app.booking.formatting import day_words, time_words, when_words
from app.booking.models import Booking, WrittenQuestion
from app.core.time import local
from app.notify import outbox
from app.notify.recipients import PostalAddress as LetterAddress

# The outbox files a booking's messages under `booking.about`, so the purge finds them.


def public_url() -> str:
    """The site's address for links in messages (no request here: a worker may send them)."""
    return str(current_app.config.get("PUBLIC_URL") or "http://127.0.0.1:5000").rstrip("/")


def manage_link(token: str) -> str:
    return f"{public_url()}/afspraak/link?code={token}"


def calendar_link(token: str) -> str:
    return f"{public_url()}/afspraak/agenda.ics?code={token}"


def offer_link(token: str) -> str:
    return f"{public_url()}/afspraak/aanbod?code={token}"


def booking_context(booking: Booking, token: str | None) -> dict[str, Any]:
    """What every message about a booking may say, in the booking's language."""
    from app.booking.places import bring_lines, place_lines
    from app.booking.topics import title_of

    lang = booking.lang
    starts = local(booking.starts_at)
    context: dict[str, Any] = {
        "reference": booking.reference,
        "name": booking.name,
        "topic": title_of(booking.topic, booking.topic_other, lang),
        "channel": booking.channel,
        "when": when_words(booking.starts_at, lang),
        "day": day_words(starts.date(), lang),
        "time": time_words(booking.starts_at, lang),
        "place": place_lines(booking, lang),
        "bring": bring_lines(booking, lang),
        "phone": booking.phone,
        "contact": booking.contact,
    }
    if token:
        context["manage_url"] = manage_link(token)
        context["calendar_url"] = calendar_link(token)
    return context


def recipient_address(booking: Booking | WrittenQuestion) -> LetterAddress | None:
    """The address as the outbox wants it (the address lookup has its own type)."""
    if not booking.address:
        return None
    found = PostalAddress.from_data(booking.address)
    return LetterAddress(found.street, found.number, found.postcode, found.city, found.suffix)


def _enqueue(
    kind: str,
    who: Booking | WrittenQuestion,
    context: dict[str, Any],
    send_after: dt.datetime | None = None,
) -> None:
    recipient = outbox.Recipient(
        who.name,
        who.email or None,
        who.phone or None,
        address=recipient_address(who),
    )
    outbox.enqueue(
        kind=kind,
        channel=who.contact,
        to=recipient,
        lang=who.lang,
        context=context,
        about=who.about,
        send_after=send_after,
    )


def confirmed(booking: Booking, token: str) -> None:
    _enqueue("afspraak_bevestiging", booking, booking_context(booking, token))


def changed(booking: Booking, token: str, old_start: dt.datetime) -> None:
    context = booking_context(booking, token)
    context["old_when"] = when_words(old_start, booking.lang)
    _enqueue("afspraak_gewijzigd", booking, context)


def cancelled(booking: Booking) -> None:
    _enqueue("afspraak_afgezegd", booking, booking_context(booking, None))


def reminder(booking: Booking, token: str) -> None:
    _enqueue("afspraak_herinnering", booking, booking_context(booking, token))


def offered(hold: Booking, token: str, hold_for: dt.timedelta) -> None:
    context = booking_context(hold, None)
    context["offer_url"] = offer_link(token)
    context["hours"] = int(hold_for.total_seconds() // 3600) or 1
    if hold.hold_expires_at is not None:
        context["answer_before"] = when_words(hold.hold_expires_at, hold.lang)
    _enqueue("afspraak_wachtlijst", hold, context)


def day_closed(
    booking: Booking, token: str | None, reason: str, old_start: dt.datetime, moved: bool
) -> None:
    context = booking_context(booking, token)
    context["reason"] = reason
    context["old_when"] = when_words(old_start, booking.lang)
    context["moved"] = moved
    _enqueue("afspraak_dag_dicht", booking, context)


def answered(question: WrittenQuestion) -> None:
    from app.booking.topics import title_of

    _enqueue(
        "vraag_antwoord",
        question,
        {
            "reference": question.reference,
            "name": question.name,
            "topic": title_of(question.topic, "", question.lang),
            "question": question.question,
            "answer": question.answer,
        },
    )
