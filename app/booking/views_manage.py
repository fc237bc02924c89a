"""Change or cancel without an account: by the link in every message, or by reference plus the
e-mail address, phone number or postcode given when booking. Also the waiting list and offers."""

import datetime as dt
import hashlib

from flask import Response, abort, current_app, flash, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from limits import parse

from app.booking import calendar, reschedule, service, waiting
from app.booking.formatting import day_words, when_words
from app.booking.forms import ConfirmForm, LookupForm, OfferForm, WaitingForm
from app.booking.models import Booking
from app.booking.places import place_lines
from app.booking.steps import (
    SUPPORT_LABELS,
    agenda_of,
    answer,
    chosen_topic,
    earliest_of,
    minutes_of,
    needs,
)
from app.booking.topics import CHANNEL_LABELS, OTHER, title_of
from app.booking.views import bp, remember_done, wizard
from app.core import flows
from app.core.references import normalise
from app.core.time import aware, local, local_today, utcnow
from app.core.wizard import go
from app.extensions import current_language, db, limiter
from app.i18n import language_neutral, path_in

MANAGE_KIND = "afspraak-beheer"
OFFER_KIND = "afspraak-aanbod"
LOOKUP_SCOPE = "afspraak-wijzigen"


def managed() -> Booking | None:
    """The booking this session may change (after a link or reference plus second factor)."""
    flow = flows.load(MANAGE_KIND)
    if flow is None:
        return None
    return db.session.get(Booking, flow.data.get("booking"))


def allow_manage(booking: Booking) -> None:
    flows.start(MANAGE_KIND, {"booking": booking.id})


@bp.get("/afspraak/link")
@language_neutral
def token_link() -> ResponseReturnValue:
    """The link in every message: open the booking, in the language of the message."""
    booking = service.by_token(request.args.get("code"))
    if booking is None:
        return go(url_for("booking.lookup", link="verlopen"))
    allow_manage(booking)
    return go(path_in(booking.lang, "/afspraak/beheer"))


# --- by reference ------------------------------------------------------------------------------


def _window() -> object:
    return parse(str(current_app.config.get("BOOKING_LOOKUP_LIMIT", "8 per hour")))


def _keys(reference: str) -> list[str]:
    hashed = hashlib.sha256(reference.encode()).hexdigest()[:32]
    return [f"ip:{request.remote_addr}", f"ref:{hashed}"]


def _blocked(keys: list[str]) -> bool:
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return False
    window = _window()
    return any(not limiter.limiter.test(window, LOOKUP_SCOPE, key) for key in keys)  # type: ignore[arg-type]


def _count_failure(keys: list[str]) -> None:
    if current_app.config.get("RATELIMIT_ENABLED", True):
        for key in keys:
            limiter.limiter.hit(_window(), LOOKUP_SCOPE, key)  # type: ignore[arg-type]


@bp.route("/afspraak/wijzigen", methods=["GET", "POST"])
def lookup() -> ResponseReturnValue:
    """Find a booking by its reference and the e-mail address, phone number or postcode."""
    form = LookupForm()
    status = 200
    if form.validate_on_submit():
        reference = normalise(form.afspraaknummer.data or "")
        keys = _keys(reference)
        if _blocked(keys):
            form.afspraaknummer.errors = [
                _("U hebt het te vaak geprobeerd. Probeer het over een uur opnieuw. Of bel ons.")
            ]
            status = 429
        else:
            booking = service.by_reference(reference, form.controle.data or "")
            if booking is not None:
                allow_manage(booking)
                return go(url_for("booking.manage"))
            _count_failure(keys)
            # The same words for a wrong reference and a wrong second factor.
            form.afspraaknummer.errors = [
                _(
                    "Wij vinden geen afspraak met dit nummer en deze gegevens. Kijk of het "
                    "afspraaknummer klopt, en het e-mailadres, mobiele nummer of de postcode."
                )
            ]
    expired_link = request.args.get("link") == "verlopen"
    return (
        render_template(
            "booking/lookup.html",
            form=form,
            expired_link=expired_link,
            title=_("Afspraak veranderen of afzeggen"),
        ),
        status,
    )


# --- the booking -------------------------------------------------------------------------------


def booking_page_context(booking: Booking) -> dict[str, object]:
    lang = current_language()
    return {
        "booking": booking,
        "when": when_words(booking.starts_at, lang),
        "day": day_words(local(booking.starts_at).date(), lang),
        "place": place_lines(booking, lang),
        "topic_title": title_of(booking.topic, booking.topic_other),
        "channel_label": CHANNEL_LABELS.get(booking.channel, booking.channel),
        "support": [
            str(SUPPORT_LABELS.get(n, n)) for n in (booking.support or {}).get("nodig", [])
        ],
        "can_change": service.can_change(booking),
        "on_waiting_list": waiting.on_list(booking.id),
        "waiting_form": ConfirmForm(),
    }


@bp.get("/afspraak/beheer")
def manage() -> ResponseReturnValue:
    """Show the booking with what can be done: another time, cancel, the waiting list."""
    booking = managed()
    if booking is None:
        return go(url_for("booking.lookup"))
    return render_template(
        "booking/manage.html", **booking_page_context(booking), title=_("Uw afspraak")
    )


@bp.route("/afspraak/beheer/afzeggen", methods=["GET", "POST"])
def cancel() -> ResponseReturnValue:
    """Ask once more, then cancel."""
    booking = managed()
    if booking is None:
        return go(url_for("booking.lookup"))
    if not service.can_change(booking):
        return go(url_for("booking.manage"))
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            service.cancel(booking.id, int(form.versie.data or 0))
        except (service.BookingChanged, ValueError):
            flash(_("Uw afspraak is intussen veranderd. Hieronder ziet u hoe hij nu is."), "info")
            return go(url_for("booking.manage"))
        flash(_("De afspraak gaat niet door. U krijgt hierover een bericht."), "ok")
        return go(url_for("booking.manage"))
    form.versie.data = str(booking.version)
    return render_template(
        "booking/cancel.html",
        form=form,
        **booking_page_context(booking),
        title=_("Wilt u de afspraak afzeggen?"),
    )


@bp.get("/afspraak/beheer/verzetten")
def reschedule_start() -> ResponseReturnValue:
    """Start choosing another time; the old time stays until the new one is confirmed."""
    booking = managed()
    if booking is None or not service.can_change(booking):
        return go(url_for("booking.manage"))
    reschedule.start(booking)
    return go(reschedule.wizard.url("wanneer"))


@bp.route("/afspraak/beheer/verzetten/<step>", methods=["GET", "POST"])
def reschedule_step(step: str) -> ResponseReturnValue:
    """A step of moving the booking."""
    booking = managed()
    flow = reschedule.wizard.load()
    if booking is None or flow is None or flow.data.get("booking") != booking.id:
        return go(url_for("booking.manage"))
    if reschedule.booking_of(flow.data) is None:
        return go(url_for("booking.manage"))
    return reschedule.wizard.handle(step)


@bp.get("/afspraak/beheer/agenda.ics")
def manage_ics() -> Response:
    """The .ics file of the booking this session manages."""
    booking = managed()
    if booking is None or booking.status != "bevestigd":
        abort(404)
    response = Response(calendar.ics(booking), mimetype="text/calendar")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="afspraak-{booking.reference}.ics"'
    )
    return response


# --- the waiting list ------------------------------------------------------------------------


def _booking_for_waiting() -> Booking | None:
    from app.booking.views import done_booking

    done = done_booking()
    return managed() or (done[0] if done else None)


@bp.post("/afspraak/wachtlijst/afspraak")
def waiting_for_booking() -> ResponseReturnValue:
    """Put a booked resident on the list for an earlier time (e-mail and SMS only)."""
    booking = _booking_for_waiting()
    form = ConfirmForm()
    if booking is None or not form.validate_on_submit():
        return go(url_for("booking.lookup"))
    if booking.contact not in ("email", "sms") or not service.can_change(booking):
        return go(url_for("booking.manage"))
    waiting.join(
        waiting.Wish(
            topic=booking.topic,
            topic_other=booking.topic_other,
            channel=booking.channel,
            agenda_id=booking.agenda_id,
            minutes=service._minutes(booking),
            name=booking.name,
            contact=booking.contact,
            email=booking.email,
            phone=booking.phone,
            lang=booking.lang,
            before=aware(booking.starts_at),
            booking_id=booking.id,
        )
    )
    allow_manage(booking)
    flash(
        _("U staat op de wachtlijst. Komt er eerder een plek vrij? Dan laten wij het weten."), "ok"
    )
    return go(url_for("booking.manage"))


@bp.route("/afspraak/wachtlijst", methods=["GET", "POST"])
def waiting_from_flow() -> ResponseReturnValue:
    """From step 5, when no time suits: name and e-mail or SMS, then on the list."""
    flow = wizard.load()
    agenda = agenda_of(flow.data) if flow else None
    found = chosen_topic(flow.data) if flow else None
    if flow is None or agenda is None or found is None:
        return go(url_for("booking.start"))
    form = WaitingForm()
    if form.validate_on_submit():
        from app.booking import capacity
        from app.core.wizard import StepInvalid

        try:
            email, phone = form.contact_values(form.bericht.data or "", False)
        except StepInvalid as invalid:
            getattr(form, invalid.field).errors = [invalid.message]
        else:
            units = capacity.units_for(minutes_of(flow.data))
            starts = capacity.free_starts(agenda, units, earliest_of(flow.data))
            last_day = local_today() + dt.timedelta(days=capacity.horizon_days())
            horizon = capacity.start_of(last_day)
            place = answer(flow.data, "waar")
            support = answer(flow.data, "ondersteuning")
            waiting.join(
                waiting.Wish(
                    topic=found.slug,
                    topic_other=str(answer(flow.data, "onderwerp").get("anders") or "")
                    if found.slug == OTHER
                    else "",
                    channel=agenda.channel,
                    agenda_id=agenda.id,
                    minutes=minutes_of(flow.data),
                    name=form.naam.data or "",
                    contact=form.bericht.data or "",
                    email=email,
                    phone=phone,
                    lang=current_language(),
                    before=starts[0] if starts else horizon,
                    home_reason=str(place.get("waarom", "")),
                    address=place.get("adres"),
                    support=support if needs(flow.data) else None,
                )
            )
            flows.discard(wizard.kind)
            return go(url_for("booking.waiting_done"))
    return render_template(
        "booking/waiting.html", form=form, title=_("Laat het me weten als er eerder plek is")
    )


@bp.get("/afspraak/wachtlijst/klaar")
def waiting_done() -> ResponseReturnValue:
    """Say what happens now that the resident is on the waiting list."""
    return render_template("booking/waiting_done.html", title=_("U staat op de wachtlijst"))


# --- an offer from the waiting list ------------------------------------------------------------


@bp.get("/afspraak/aanbod")
@language_neutral
def offer_link() -> ResponseReturnValue:
    """The link in a waiting-list message: open the offer in the message's language."""
    hold = service.by_token(request.args.get("code"))
    if hold is None:
        return go(url_for("booking.offer", verlopen=1))
    flows.start(OFFER_KIND, {"booking": hold.id})
    return go(path_in(hold.lang, "/afspraak/aanbod/keuze"))


@bp.route("/afspraak/aanbod/keuze", methods=["GET", "POST"])
def offer() -> ResponseReturnValue:
    """Take the offered time, or say no so the next one on the list gets it."""
    flow = flows.load(OFFER_KIND)
    hold = db.session.get(Booking, flow.data.get("booking")) if flow else None
    open_offer = (
        hold is not None
        and hold.status == "vastgehouden"
        and hold.hold_expires_at is not None
        and aware(hold.hold_expires_at) > utcnow()
    )
    form = OfferForm()
    if hold is not None and open_offer and form.validate_on_submit():
        if form.keuze.data == "ja":
            try:
                booking = waiting.accept(hold.id)
            except waiting.OfferGone:
                return go(url_for("booking.offer"))
            flows.discard(OFFER_KIND)
            from app.booking.tx import write_transaction

            with write_transaction():
                token = service.add_token(booking)
            remember_done(booking, token)
            return go(url_for("booking.confirmation"))
        waiting.decline(hold.id)
        flows.discard(OFFER_KIND)
        flash(_("U hebt de tijd niet genomen. Iemand anders krijgt hem nu."), "info")
        return go(url_for("booking.offer"))
    lang = current_language()
    return render_template(
        "booking/offer.html",
        form=form,
        hold=hold if open_offer else None,
        when=when_words(hold.starts_at, lang) if hold and open_offer else "",
        until=when_words(hold.hold_expires_at, lang)
        if hold and open_offer and hold.hold_expires_at
        else "",
        place=place_lines(hold, lang) if hold and open_offer else [],
        title=_("Er is eerder een plek vrij")
        if open_offer
        else _("Dit aanbod is niet meer geldig"),
    )
