"""Mijn Loket: the resident's own overview, cases, appointments, details and settings."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from markupsafe import Markup

from app.extensions import current_language
from app.i18n import path_in
from app.identity.resident import Resident, current_resident
from app.mijn import appointments as bookings
from app.mijn import contact, service
from app.mijn.forms import ContactForm
from app.notify.recipients import normalise_mobile

bp = Blueprint("mijn", __name__, url_prefix="/mijn")


@bp.after_request
def _private(response: Response) -> Response:
    """About one person: never stored by a browser or proxy."""
    response.headers["Cache-Control"] = "no-store"
    response.vary.add("Cookie")
    return response


def resident_required(
    view: Callable[..., ResponseReturnValue],
) -> Callable[..., ResponseReturnValue]:
    """Send a visitor who is not logged in to the login, and back to this page afterwards."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> ResponseReturnValue:
        resident = current_resident()
        if resident is None:
            here = path_in(current_language(), request.path)
            return redirect(url_for("identity.login", volgende=here))
        return view(resident, *args, **kwargs)

    return wrapped


@bp.get("")
@resident_required
def overview(resident: Resident) -> str:
    """Show what needs attention first, then cases and appointments in short."""
    return render_template(
        "mijn/overview.html",
        resident=resident,
        attention=service.attention(resident),
        cases=service.cases(resident, current_language()),
        appointments=bookings.upcoming(resident),
    )


@bp.get("/zaken")
@resident_required
def cases(resident: Resident) -> str:
    """Show running and finished cases, each in plain words."""
    return render_template(
        "mijn/cases.html", resident=resident, cases=service.cases(resident, current_language())
    )


@bp.get("/afspraken")
@resident_required
def appointments(resident: Resident) -> str:
    """Show the appointments made while logged in, with links to change or cancel them."""
    return render_template(
        "mijn/appointments.html", resident=resident, appointments=bookings.listed(resident)
    )


@bp.get("/afspraken/<reference>")
@resident_required
def manage_appointment(resident: Resident, reference: str) -> ResponseReturnValue:
    """Open one of the resident's own appointments in the booking's change-or-cancel pages."""
    target = bookings.open_to_manage(resident, reference)
    if target is None:
        flash(_("Die afspraak vonden wij niet bij uw afspraken."), "info")
        return redirect(url_for("mijn.appointments"))
    return redirect(target)


@bp.get("/gegevens")
@resident_required
def details(resident: Resident) -> str:
    """Show what the registers know, each with its source and how to correct it."""
    return render_template(
        "mijn/details.html", resident=resident, details=service.details(resident)
    )


def _settings(
    resident: Resident, form: ContactForm | None = None, status: int = 200
) -> ResponseReturnValue:
    kind, subject = resident.client
    wanted = contact.preference(kind, subject)
    if form is None:
        form = ContactForm(
            data={
                "channel": wanted.channel if wanted else contact.LETTER,
                "email": wanted.email if wanted else "",
                "phone": wanted.phone if wanted else "",
                "lang": wanted.lang if wanted else current_language(),
            }
        )
    # Other capabilities' sections (the notices opt-out), each from its own template: Jinja
    # has escaped what they show, so the result is safe HTML.
    sections = [
        Markup(render_template(t, **c))  # noqa: S704
        for t, c in service.settings_sections(resident)
    ]
    page = render_template(
        "mijn/settings.html", resident=resident, form=form, preference=wanted, sections=sections
    )
    return page, status


@bp.get("/instellingen")
@resident_required
def settings(resident: Resident) -> ResponseReturnValue:
    """Show how the resident wants to hear from us."""
    return _settings(resident)


@bp.post("/instellingen")
@resident_required
def save_settings(resident: Resident) -> ResponseReturnValue:
    """Keep the contact preference; every message to the resident uses it."""
    form = ContactForm()
    if not form.validate():
        return _settings(resident, form, 400)
    phone = form.phone.data or None
    if phone:
        phone = "+" + normalise_mobile(phone)
    kind, subject = resident.client
    chosen = contact.Preference(
        form.channel.data or contact.LETTER, form.email.data or None, phone, form.lang.data or "nl"
    )
    contact.save(kind, subject, chosen)
    flash(_("Uw keuze is bewaard. Wij gebruiken die voor al onze berichten aan u."), "ok")
    return redirect(url_for("mijn.settings"))
