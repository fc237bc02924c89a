"""The booking flow: /afspraak, its seven steps, the confirmation and the .ics file."""

import contextlib
import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    make_response,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_wtf import FlaskForm

from app.address.base import PostalAddress
from app.booking import calendar, capacity, rules, service, steps
from app.booking.capacity import SlotFull
from app.booking.formatting import day_words, when_words
from app.booking.forms import ConfirmForm, ReviewForm, TimeForm
from app.booking.models import Booking
from app.booking.places import bring_lines, place_lines
from app.booking.rules import NEEDS_LEAD_TIME
from app.booking.steps import (
    SUPPORT_LABELS,
    agenda_of,
    answer,
    channel,
    chosen_topic,
    earliest_of,
    minutes_of,
    needs,
    parse_time,
)
from app.booking.times import parse_day, times_page
from app.booking.topics import CHANNEL_LABELS, GENERAL, OTHER, page_title, title_of, topic
from app.core import flows
from app.core.time import local
from app.core.wizard import Data, StepInvalid, go
from app.extensions import current_language, wants_fragment
from app.i18n import language_neutral, neutral_url_for

STATIC = Path(__file__).resolve().parent / "static"
bp = Blueprint("booking", __name__, static_folder=str(STATIC), static_url_path="/afspraak/static")
DONE_KIND = "afspraak-klaar"
NET_VOL = "net_vol"


@cache
def _version(filename: str) -> str:
    return hashlib.sha256((STATIC / filename).read_bytes()).hexdigest()[:12]


def booking_asset(filename: str) -> str:
    """The language-neutral, versioned URL of a file in app/booking/static."""
    return neutral_url_for("booking.static", filename=filename, v=_version(filename))


@bp.app_template_global()
def booking_static(filename: str) -> str:
    return booking_asset(filename)


# --- the steps' own parts ------------------------------------------------------------------------


def staff_of(data: Data) -> dict[str, Any] | None:
    """The member of staff booking for a resident, if it is still the one signed in."""
    from app.auth.service import current_user

    marked = data.get(steps.STAFF_KEY)
    user = current_user()
    if not isinstance(marked, dict) or user is None or not user.has_role("medewerker"):
        return None
    return marked if marked.get("id") == user.id else None


def booking_request(data: Data, key: str) -> service.BookingRequest:
    """Turn the answers into what the service books."""
    from app.identity.resident import client_key, current_resident

    found, chosen, agenda = chosen_topic(data), channel(data), agenda_of(data)
    moment = parse_time(answer(data, "wanneer").get("tijd"))
    if found is None or chosen is None or agenda is None or moment is None:
        raise SlotFull(None)
    details = answer(data, "gegevens")
    place = answer(data, "waar")
    raw_address = place.get("adres") if chosen == "thuis" else details.get("adres")
    support = answer(data, "ondersteuning")
    staff = staff_of(data)
    resident = current_resident() if staff is None else None
    return service.BookingRequest(
        topic=found.slug,
        topic_other=str(answer(data, "onderwerp").get("anders") or "")
        if found.slug == OTHER
        else "",
        channel=chosen,
        agenda_id=agenda.id,
        starts_at=moment,
        minutes=minutes_of(data),
        details=service.Details(
            name=str(details.get("naam", "")),
            contact=str(details.get("bericht", "")),
            email=str(details.get("email", "")),
            phone=str(details.get("telefoon", "")),
            address=PostalAddress.from_data(raw_address) if raw_address else None,
            printed=bool(details.get("zelf_printen")) or staff is not None,
        ),
        home_reason=str(place.get("waarom", "")) if chosen == "thuis" else "",
        support=support if support.get("nodig") else None,
        lang=current_language(),
        client_key=client_key(resident, "afspraken") if resident else None,
        booked_by=staff["id"] if staff else None,
        booked_via=staff["via"] if staff else None,
        idempotency_key=key,
    )


def review_save(form: FlaskForm, flow: flows.Flow) -> ResponseReturnValue:
    """Book: the last POST of the flow. A full time sends back to step 5 with the answers."""
    assert isinstance(form, ReviewForm)
    if staff_of(flow.data) is not None and not form.toestemming.data:
        raise StepInvalid(
            "toestemming", _("Vraag of de inwoner deze afspraak wil. Vink het dan aan.")
        )
    key = str(flow.data.get("sleutel") or steps.new_key())
    try:
        booked = service.book(booking_request(flow.data, key))
    except SlotFull:
        answers = dict(flow.data.get("antwoorden") or {})
        answers.pop("wanneer", None)
        flow.data["antwoorden"] = answers
        flow.data[NET_VOL] = True
        with contextlib.suppress(flows.StaleFlow):
            flows.save(flow)
        return go(wizard.url("wanneer"))
    flows.discard(steps.KIND)
    remember_done(booked.booking, booked.token)
    return go(url_for("booking.confirmation"))


def remember_done(booking: Booking, token: str) -> None:
    flows.start(DONE_KIND, {"booking": booking.id, "token": token})


def review_context(flow: flows.Flow, form: FlaskForm) -> Data:
    assert isinstance(form, ReviewForm)
    form.sleutel.data = flow.data.get("sleutel")
    data = flow.data
    return {"rows": review_rows(data), "staff": staff_of(data)}


def review_rows(data: Data) -> list[dict[str, Any]]:
    """The answers as "check your answers" rows, each with its "Wijzig" link."""
    found = chosen_topic(data)
    chosen = channel(data) or ""
    rows: list[dict[str, Any]] = []
    if found:
        rows.append(
            {
                "key": _("Onderwerp"),
                "value": [title_of(found.slug, str(answer(data, "onderwerp").get("anders", "")))],
                "step": "onderwerp",
                "change": _("onderwerp"),
            }
        )
    rows.append(
        {
            "key": _("Hoe"),
            "value": [str(CHANNEL_LABELS.get(chosen, chosen))],
            "step": "kanaal",
            "change": _("manier van praten"),
        }
    )
    support = answer(data, "ondersteuning")
    wanted = [str(SUPPORT_LABELS[n]) for n in needs(data)]
    if support.get("taal"):
        wanted = [
            w if not w.startswith(str(SUPPORT_LABELS["tolk"])) else f"{w}: {support['taal']}"
            for w in wanted
        ]
    rows.append(
        {
            "key": _("Hulp bij het gesprek"),
            "value": wanted or [_("Niets nodig")],
            "step": "ondersteuning",
            "change": _("hulp bij het gesprek"),
        }
    )
    agenda = agenda_of(data)
    if chosen in ("balie", "stip") and agenda and agenda.location:
        location = agenda.location
        rows.append(
            {
                "key": _("Waar"),
                "value": [location.name, f"{location.street}, {location.postcode} {location.city}"],
                "step": "waar",
                "change": _("plek"),
            }
        )
    if chosen == "thuis":
        place = answer(data, "waar")
        address = PostalAddress.from_data(place["adres"]) if place.get("adres") else None
        rows.append(
            {
                "key": _("Waar"),
                "value": [_("Bij u thuis"), address.line if address else ""],
                "step": "waar",
                "change": _("adres"),
            }
        )
    moment = parse_time(answer(data, "wanneer").get("tijd"))
    if moment:
        rows.append(
            {
                "key": _("Wanneer"),
                "value": [when_words(moment, current_language())],
                "step": "wanneer",
                "change": _("tijdstip"),
            }
        )
    details = answer(data, "gegevens")
    how = {
        "email": _("Per e-mail naar %(email)s", email=details.get("email", "")),
        "sms": _("Per sms naar %(phone)s", phone=_phone(details)),
        "brief": _("Met een brief"),
    }.get(str(details.get("bericht", "")), "")
    value = [str(details.get("naam", "")), how]
    if details.get("bericht") == "brief" and details.get("adres"):
        value.append(PostalAddress.from_data(details["adres"]).line)
    if chosen == "telefoon":
        value.append(_("Wij bellen u op %(phone)s", phone=_phone(details)))
    rows.append(
        {"key": _("Uw gegevens"), "value": value, "step": "gegevens", "change": _("gegevens")}
    )
    return rows


def _phone(details: Data) -> str:
    from app.booking.contact import phone_words

    return phone_words(str(details.get("telefoon", "")))


def time_context(flow: flows.Flow, form: FlaskForm) -> Data:
    assert isinstance(form, TimeForm)
    data = flow.data
    if data.get(NET_VOL) and not form.tijd.errors:
        form.tijd.errors = [_("Dit tijdstip is net vol. Kies een ander tijdstip.")]
    agenda = agenda_of(data)
    page = None
    if agenda is not None:
        from app.booking.waiting import expire_holds

        expire_holds()
        chosen = parse_time(form.tijd.data) if form.tijd.data else None
        page = times_page(
            agenda,
            capacity.units_for(minutes_of(data)),
            earliest_of(data),
            current_language(),
            parse_day(request.args.get("vanaf")),
            chosen,
        )
    letter = answer(data, "gegevens").get("bericht") == "brief"
    return {
        "times": page,
        "letter": letter and not answer(data, "gegevens").get("zelf_printen"),
        "interpreter": any(n in NEEDS_LEAD_TIME for n in needs(data)),
        "minutes": minutes_of(data),
        "agenda": agenda,
        "day_words": day_words,
        "letter_day": rules.letter_first_day(),
        "staff": staff_of(data),
    }


wizard = steps.make_wizard(review_save, review_context, time_context)


# --- views ---------------------------------------------------------------------------------------


@bp.get("/afspraak")
def start() -> ResponseReturnValue:
    """Start booking; from a service page with its topic already chosen."""
    slug = request.args.get("onderwerp", "")[:80]
    flow = wizard.load()
    answers: Data = {}
    found = topic(slug) if slug and slug != GENERAL else None
    if found is not None and found.slug != OTHER:
        answers["onderwerp"] = {"onderwerp": found.slug, "anders": ""}
    elif slug and slug != GENERAL and page_title(slug):
        # A page without its own booking block: "Iets anders", with the page's title filled in.
        answers["onderwerp"] = {"onderwerp": OTHER, "anders": page_title(slug)}
    if flow is not None and (
        not answers or wizard.answers(flow.data).get("onderwerp") == answers.get("onderwerp")
    ):
        return go(wizard.next_url(flow))
    flow = wizard.start(answers)
    return go(wizard.next_url(flow))


@bp.route("/afspraak/<step>", methods=["GET", "POST"])
def step(step: str) -> ResponseReturnValue:
    """One step of the flow; anything out of order goes to the first open step."""
    if step == wizard.review.name and request.method == "POST":
        again = _resubmitted()
        if again is not None:
            return again
    response = make_response(wizard.handle(step))
    if step == "wanneer" and wants_fragment() and response.status_code == 200:
        response.vary.add("HX-Request")
    return response


def _resubmitted() -> ResponseReturnValue | None:
    """A second click on "Afspraak maken" after the first one booked: show that booking."""
    form = ReviewForm()
    key = form.sleutel.data
    if not key or not form.validate_on_submit():
        return None
    booking = service._by_key(key)
    if booking is None:
        return None
    from app.booking.tx import write_transaction

    with write_transaction():
        token = service.add_token(booking)
    flows.discard(steps.KIND)
    remember_done(booking, token)
    return go(url_for("booking.confirmation"))


def done_booking() -> tuple[Booking, str] | None:
    flow = flows.load(DONE_KIND)
    if flow is None:
        return None
    from app.extensions import db

    booking = db.session.get(Booking, flow.data.get("booking"))
    return (booking, str(flow.data.get("token"))) if booking is not None else None


@bp.get("/afspraak/bevestiging")
def confirmation() -> ResponseReturnValue:
    """Show the booked appointment: reference, time in words, place, what to bring."""
    done = done_booking()
    if done is None:
        return go(url_for("booking.start"))
    booking, token = done
    return render_template(
        "booking/confirmation.html",
        **confirmation_context(booking, token),
        title=_("U hebt een afspraak"),
    )


def confirmation_context(booking: Booking, token: str) -> Data:
    from app.booking.waiting import on_list

    lang = current_language()
    return {
        "booking": booking,
        "when": when_words(booking.starts_at, lang),
        "day": day_words(local(booking.starts_at).date(), lang),
        "topic_title": title_of(booking.topic, booking.topic_other),
        "place": place_lines(booking, lang),
        "bring": bring_lines(booking, lang),
        "manage_url": neutral_url_for("booking.token_link", code=token),
        "ics_url": neutral_url_for("booking.ics", code=token),
        "channel_label": CHANNEL_LABELS.get(booking.channel, booking.channel),
        "on_waiting_list": on_list(booking.id),
        "support": [
            str(SUPPORT_LABELS.get(n, n)) for n in (booking.support or {}).get("nodig", [])
        ],
        "waiting_form": ConfirmForm(),
        "change_site": calendar.change_site(),
    }


@bp.get("/afspraak/agenda.ics")
@language_neutral
def ics() -> Response:
    """The appointment as an iCalendar file, for the resident's own calendar."""
    booking = service.by_token(request.args.get("code"))
    if booking is None or booking.status not in ("bevestigd",):
        abort(404)
    response = Response(calendar.ics(booking), mimetype="text/calendar")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="afspraak-{booking.reference}.ics"'
    )
    response.headers["Cache-Control"] = "no-store"
    return response
