"""The waiting list: a freed place is held two hours for the first in line, who is told by
e-mail or SMS; taking it books or moves; no answer or no thanks gives it to the next."""

import datetime as dt

from flask import Flask
from sqlalchemy import select

from app.booking import service, waiting
from app.booking.models import Booking, WaitingListEntry
from app.core.time import Clock, aware
from app.extensions import db
from app.notify import outbox
from tests.booking.test_service import TUESDAY_TEN, assert_counters_match_bookings, desk, request
from tests.booking.walk import book, post_form, soup, to_time_step


def fill_slot(start: dt.datetime = TUESDAY_TEN) -> list[Booking]:
    return [service.book(request(start=start, name=f"Vol {i}")).booking for i in range(4)]


def only_these_free(before: dt.datetime, *free: dt.datetime) -> None:
    """Take every other place before `before` (so the freed one is the only earlier time)."""
    from app.booking.capacity import SLOT
    from app.booking.models import Slot

    keep = [m for start in free for m in (start, start + SLOT)]
    db.session.query(Slot).filter(Slot.starts_at < before, Slot.starts_at.notin_(keep)).update(
        {"capacity": Slot.booked}, synchronize_session=False
    )
    db.session.commit()


def wish(before: dt.datetime, name: str, booking_id: int | None = None) -> waiting.Wish:
    return waiting.Wish(
        topic="kwijtschelding",
        channel="balie",
        agenda_id=desk().id,
        minutes=30,
        name=name,
        contact="sms",
        email="",
        phone="+31612345678",
        lang="nl",
        before=before,
        booking_id=booking_id,
    )


def test_a_cancellation_is_offered_to_the_first_in_line(booking_app: Flask, clock: Clock) -> None:
    with booking_app.test_request_context():
        full = fill_slot()
        own = service.book(request(start=TUESDAY_TEN + dt.timedelta(days=7), name="Later")).booking
        # Everything before next Tuesday is taken except what is freed below.
        first = waiting.join(wish(aware(own.starts_at), "Eerste", booking_id=own.id))
        second = waiting.join(wish(aware(own.starts_at), "Tweede"))
        from app.booking import capacity
        from app.booking.models import Slot

        db.session.query(Slot).filter(
            Slot.starts_at < own.starts_at,
            Slot.id.notin_(
                select(Slot.id).where(
                    Slot.starts_at.in_([TUESDAY_TEN, TUESDAY_TEN + capacity.SLOT])
                )
            ),
        ).update({"capacity": Slot.booked}, synchronize_session=False)
        db.session.commit()
        service.cancel(full[0].id, full[0].version)
        db.session.refresh(first)
        db.session.refresh(second)
        assert first.status == "aangeboden" and second.status == "wachtend"
        hold = db.session.get(Booking, first.offer_id)
        assert hold.status == "vastgehouden" and aware(hold.starts_at) == TUESDAY_TEN
        assert aware(hold.hold_expires_at) - aware(hold.created_at) == dt.timedelta(hours=2)
        assert_counters_match_bookings()
        # The first in line is told by SMS, with a link to take the time, in two segments.
        [offer] = outbox.messages_about(hold.about)
        assert (offer.kind, offer.channel) == ("afspraak_wachtlijst", "sms")
        assert "/afspraak/aanbod?code=" in offer.body and (offer.segments or 0) <= 2
        moved = waiting.accept(hold.id)
        assert moved.id == own.id and aware(moved.starts_at) == TUESDAY_TEN
        assert db.session.get(Booking, hold.id) is None
        assert db.session.get(WaitingListEntry, first.id) is None
        assert_counters_match_bookings()
        # The freed later time of "Later" is not earlier than what "Tweede" waits for: no offer.
        db.session.refresh(second)
        assert second.status == "wachtend"


def test_an_offer_nobody_answers_goes_to_the_next(booking_app: Flask, clock: Clock) -> None:
    with booking_app.test_request_context():
        full = fill_slot()
        limit = TUESDAY_TEN + dt.timedelta(minutes=15)
        first = waiting.join(wish(limit, "Eerste"))
        second = waiting.join(wish(limit, "Tweede"))
        only_these_free(limit, TUESDAY_TEN)
        service.cancel(full[0].id, full[0].version)
        db.session.refresh(first)
        db.session.refresh(second)
        assert first.status == "aangeboden" and second.status == "wachtend"
        first_id = first.id
        clock.advance(dt.timedelta(hours=2, minutes=1))
        assert waiting.expire_holds() == 1
        db.session.expire_all()
        assert db.session.get(WaitingListEntry, first_id) is None  # off the list
        db.session.refresh(second)
        assert second.status == "aangeboden"
        hold = db.session.get(Booking, second.offer_id)
        with_open_offer = waiting.accept(hold.id)
        assert with_open_offer.status == "bevestigd" and with_open_offer.name == "Tweede"
        assert_counters_match_bookings()


def test_no_thanks_gives_the_place_to_the_next(booking_app: Flask, clock: Clock) -> None:
    with booking_app.test_request_context():
        full = fill_slot()
        limit = TUESDAY_TEN + dt.timedelta(minutes=15)
        first = waiting.join(wish(limit, "Eerste"))
        second = waiting.join(wish(limit, "Tweede"))
        only_these_free(limit, TUESDAY_TEN)
        service.cancel(full[0].id, full[0].version)
        db.session.refresh(first)
        offered = first.offer_id
        waiting.decline(offered)
        db.session.refresh(second)
        assert second.status == "aangeboden"
        import pytest

        with pytest.raises(waiting.OfferGone):
            waiting.accept(offered)
        assert_counters_match_bookings()


def test_letter_only_residents_cannot_join(booking_app: Flask) -> None:
    import pytest

    with booking_app.test_request_context(), pytest.raises(ValueError):
        waiting.join(waiting.Wish(**{**wish(TUESDAY_TEN, "Brief").__dict__, "contact": "brief"}))


def test_joining_from_the_confirmation(booking_app: Flask) -> None:
    client = booking_app.test_client()
    page = book(client)
    page = post_form(client, page)
    assert page.request.path == "/afspraak/beheer"
    assert "U staat op de wachtlijst" in soup(page).get_text()
    with booking_app.app_context():
        entry = db.session.scalar(select(WaitingListEntry))
        assert entry is not None and entry.booking_id is not None and entry.contact == "email"


def test_joining_from_step_5_asks_e_mail_or_sms(booking_app: Flask) -> None:
    client = booking_app.test_client()
    to_time_step(client)
    page = client.get("/afspraak/wachtlijst")
    assert "Met een brief kan dit niet" in soup(page).get_text()
    page = post_form(client, page, fill=(("naam", "Eva"),))
    assert page.request.path == "/afspraak/wachtlijst"
    page = post_form(
        client, page, fill=(("naam", "Eva"), ("bericht", "email"), ("email", "eva@voorbeeld.nl"))
    )
    assert page.request.path == "/afspraak/wachtlijst/klaar"
    with booking_app.app_context():
        entry = db.session.scalar(select(WaitingListEntry))
        assert entry.email == "eva@voorbeeld.nl" and entry.booking_id is None


def test_the_offer_page_by_its_link(booking_app: Flask, clock: Clock) -> None:
    with booking_app.test_request_context():
        full = fill_slot()
        entry = waiting.join(wish(TUESDAY_TEN + dt.timedelta(minutes=15), "Eerste"))
        only_these_free(TUESDAY_TEN + dt.timedelta(minutes=15), TUESDAY_TEN)
        service.cancel(full[0].id, full[0].version)
        hold = db.session.get(Booking, db.session.get(WaitingListEntry, entry.id).offer_id)
        token = service.add_token(hold)
        db.session.commit()
    client = booking_app.test_client()
    page = client.get(f"/afspraak/aanbod?code={token}", follow_redirects=True)
    assert page.request.path == "/afspraak/aanbod/keuze"
    assert "Wij houden hem voor u vast tot" in soup(page).get_text()
    page = post_form(client, page, selector="form.loket-inline-form")
    assert page.request.path == "/afspraak/bevestiging"
    again = booking_app.test_client().get(f"/afspraak/aanbod?code={token}", follow_redirects=True)
    assert "niet meer geldig" in soup(again).get_text()
