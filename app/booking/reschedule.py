"""Moving a booking: the same time step as the booking flow, then a check, as a second wizard.

The old time stays booked until the new one is confirmed (`service.reschedule` takes the new
places before it gives the old ones back, in one transaction).
"""

import contextlib
from collections.abc import Mapping
from typing import Any

from flask import request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from app.booking import capacity, rules, service
from app.booking.capacity import SlotFull
from app.booking.formatting import when_words
from app.booking.forms import ReviewForm, TimeForm
from app.booking.models import Booking
from app.booking.steps import parse_time, time_value
from app.booking.times import parse_day, times_page
from app.core import flows
from app.core.wizard import Data, Step, StepInvalid, Wizard, go
from app.extensions import current_language, db

KIND = "afspraak-verzetten"
NET_VOL = "net_vol"


def booking_of(data: Data) -> Booking | None:
    booking_id = data.get("booking")
    booking = db.session.get(Booking, booking_id) if isinstance(booking_id, int) else None
    return booking if booking is not None and service.can_change(booking) else None


def units_of(booking: Booking) -> int:
    return capacity.units_for(service._minutes(booking))


def earliest_for(booking: Booking) -> Any:
    wanted = list((booking.support or {}).get("nodig", []))
    return rules.earliest(booking.contact, wanted, booking.printed, booking.booked_by is not None)


def time_form(data: Data, stored: Mapping[str, Any] | None) -> FlaskForm:
    return TimeForm(data={"tijd": stored.get("tijd")} if stored else None)


def time_save(form: FlaskForm, flow: flows.Flow) -> Data:
    assert isinstance(form, TimeForm)
    booking = booking_of(flow.data)
    moment = parse_time(form.tijd.data)
    if booking is None or moment is None:
        raise StepInvalid("tijd", _("Kies een dag en een tijd uit de lijst."))
    if moment < earliest_for(booking) or not capacity.is_free(
        booking.agenda, moment, units_of(booking)
    ):
        raise StepInvalid("tijd", _("Dit tijdstip is net vol. Kies een ander tijdstip."))
    flow.data.pop(NET_VOL, None)
    return {"tijd": time_value(moment)}


def time_fits(stored: Data, data: Data) -> bool:
    booking = booking_of(data)
    moment = parse_time(stored.get("tijd"))
    return booking is not None and moment is not None and moment >= earliest_for(booking)


def time_context(flow: flows.Flow, form: FlaskForm) -> Data:
    assert isinstance(form, TimeForm)
    booking = booking_of(flow.data)
    if flow.data.get(NET_VOL) and not form.tijd.errors:
        form.tijd.errors = [_("Dit tijdstip is net vol. Kies een ander tijdstip.")]
    page = None
    if booking is not None:
        chosen = parse_time(form.tijd.data) if form.tijd.data else None
        page = times_page(
            booking.agenda,
            units_of(booking),
            earliest_for(booking),
            current_language(),
            parse_day(request.args.get("vanaf")),
            chosen,
        )
    return {
        "times": page,
        "booking": booking,
        "current_when": when_words(booking.starts_at, current_language()) if booking else "",
        "minutes": service._minutes(booking) if booking else 0,
        "letter": False,
        "interpreter": False,
        "moving": True,
    }


def review_form(data: Data, stored: Mapping[str, Any] | None) -> FlaskForm:
    return ReviewForm()


def review_context(flow: flows.Flow, form: FlaskForm) -> Data:
    booking = booking_of(flow.data)
    moment = parse_time(Wizard.answers(flow.data).get("wanneer", {}).get("tijd"))
    lang = current_language()
    return {
        "booking": booking,
        "old_when": when_words(booking.starts_at, lang) if booking else "",
        "new_when": when_words(moment, lang) if moment else "",
    }


def review_save(form: FlaskForm, flow: flows.Flow) -> ResponseReturnValue:
    from flask import flash

    booking = booking_of(flow.data)
    moment = parse_time(Wizard.answers(flow.data).get("wanneer", {}).get("tijd"))
    if booking is None or moment is None:
        flows.discard(KIND)
        return go(url_for("booking.manage"))
    try:
        service.reschedule(booking.id, int(flow.data.get("versie", 0)), moment)
    except SlotFull:
        answers = dict(Wizard.answers(flow.data))
        answers.pop("wanneer", None)
        flow.data["antwoorden"] = answers
        flow.data[NET_VOL] = True
        with contextlib.suppress(flows.StaleFlow):
            flows.save(flow)
        return go(wizard.url("wanneer"))
    except service.BookingChanged:
        flows.discard(KIND)
        flash(_("Uw afspraak is intussen veranderd. Hieronder ziet u hoe hij nu is."), "info")
        return go(url_for("booking.manage"))
    flows.discard(KIND)
    flash(
        _("Uw afspraak is verzet naar %(when)s.", when=when_words(moment, current_language())), "ok"
    )
    return go(url_for("booking.manage"))


wizard = Wizard(
    KIND,
    (
        Step(
            "wanneer",
            _l("Kies een nieuwe tijd"),
            time_form,
            "booking/step_time.html",
            fits=time_fits,
            save=time_save,
            context=time_context,
        ),
        Step(
            "controleren",
            _l("Controleer de nieuwe tijd"),
            review_form,
            "booking/reschedule_review.html",
            save=review_save,
            context=review_context,
            review=True,
        ),
    ),
    endpoint="booking.reschedule_step",
)


def start(booking: Booking) -> flows.Flow:
    return flows.start(KIND, {"booking": booking.id, "versie": booking.version, "antwoorden": {}})
