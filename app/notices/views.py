"""Notices in Mijn Loket ("Waarom zie ik dit?"), and the opt-out in every way a resident has:
in Mijn Loket, with the code on a letter (no DigiD), or recorded by staff at the desk."""

from collections import Counter
from collections.abc import Callable
from functools import partial, wraps
from typing import Any

from flask import Blueprint, Response, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from app.auth.decorators import role_required
from app.auth.service import current_user
from app.extensions import current_language, limiter
from app.i18n import path_in
from app.identity.resident import Resident, current_resident
from app.notices import optout, staff
from app.notices.catalogue import catalogue
from app.notices.describe import describe
from app.notices.forms import CodeForm, MijnForm, StaffForm
from app.notices.keys import OPTOUT, subject_key
from app.notices.labels import MESSAGE_CHANNELS, OPTOUT_CHANNELS
from app.notices.mijn import anchor, missing_words, notices_of, words_of
from app.security import personal

bp = Blueprint("notices", __name__)
SETTINGS_PATH = "/mijn/instellingen"  # Mijn instellingen (app/mijn) shows the opt-out section


@bp.after_request
def _private(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    response.vary.add("Cookie")
    return response


def resident_required(
    view: Callable[..., ResponseReturnValue],
) -> Callable[..., ResponseReturnValue]:
    """Send a visitor who is not logged in to the login, and back here afterwards."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> ResponseReturnValue:
        resident = current_resident()
        if resident is None:
            return redirect(url_for("identity.login", volgende=path_in(current_language())))
        return view(resident, *args, **kwargs)

    return wrapped


@bp.get("/mijn/meldingen")
@resident_required
def mine(resident: Resident) -> ResponseReturnValue:
    """Every notice with "Waarom zie ik dit?": the reason, the data used, the legal basis."""
    found = notices_of(resident)
    return render_template(
        "notices/mine.html",
        found=found,
        words=words_of(found) if found else [],
        missing=missing_words(found) if found else [],
        anchor=anchor,
        business=resident.client[0] != "bsn",
        settings_path=path_in(current_language(), SETTINGS_PATH),
    )


@bp.get("/mijn/meldingen/<int:number>")
@resident_required
def one(resident: Resident, number: int) -> ResponseReturnValue:
    """One notice in full: "Waarom zie ik dit?", the data it used and the legal basis.

    The number is its place in the list (no personal data in the URL); when the list has
    changed since, the page shows what is at that place now, with its own title."""
    found = notices_of(resident)
    if found is None or not 1 <= number <= len(found.notices):
        abort(404)
    notice = found.notices[number - 1]
    return render_template("notices/one.html", w=describe(notice, current_language()))


@bp.post("/mijn/instellingen/meldingen")
@resident_required
def mijn_setting(resident: Resident) -> ResponseReturnValue:
    """Stop proactive notices from Mijn instellingen, or undo that."""
    form = MijnForm()
    kind, subject = resident.client
    back = path_in(current_language(), SETTINGS_PATH) + "#meldingen"
    if not form.validate() or kind != "bsn" or form.actie.data not in ("af", "aan"):
        flash(_("Dat lukte niet. Het formulier was verlopen. Probeer het nog een keer."), "info")
        return redirect(back)
    key = subject_key(kind, subject, OPTOUT)
    if form.actie.data == "af":
        optout.opt_out(key, "mijn")
        flash(_("U krijgt geen berichten meer over wat u kunt krijgen of moet regelen."), "ok")
    else:
        optout.opt_in(key, "mijn")
        flash(_("U krijgt weer berichten over wat u kunt krijgen of moet regelen."), "ok")
    return redirect(back)


@bp.route("/meldingen/afmelden", methods=["GET", "POST"])
@limiter.limit("10/minute;60/hour", methods=["POST"])
def by_code() -> ResponseReturnValue:
    """Stop (or restart) notices with the code from a letter and the postcode."""
    form = CodeForm()
    done = None
    status = 200
    if form.validate_on_submit():
        personal()
        key = staff.key_for_code(form.code.data or "", form.postcode.data or "")
        if key is None:
            done, status = "niet-gevonden", 404
        elif form.actie.data == "af":
            optout.opt_out(key, "code")
            done = "afgemeld"
        else:
            optout.opt_in(key, "code")
            done = "aangemeld"
    elif form.is_submitted():
        status = 400
    return render_template("notices/afmelden.html", form=form, done=done), status


@bp.route("/medewerker/meldingen", methods=["GET", "POST"])
@role_required("medewerker")
def desk() -> ResponseReturnValue:
    """Record a resident's opt-out (or its undoing) told at the desk, by phone or by letter."""
    form = StaffForm()
    shown = None
    status = 200
    if form.validate_on_submit():
        key = staff.key_for_bsn(form.bsn.data or "")
        staff_id = getattr(current_user(), "id", None)
        if form.actie.data == "af":
            optout.opt_out(key, form.kanaal.data or "balie", staff_id=staff_id)
        elif form.actie.data == "aan":
            optout.opt_in(key, form.kanaal.data or "balie", staff_id=staff_id)
        shown = {
            "action": form.actie.data,
            "current": optout.current(key),
            "history": optout.history(key),
            "letters": staff.letters_of(key),
        }
        form.bsn.data = ""  # the number is not kept on the page after use
    elif form.is_submitted():
        status = 400
    return render_template(
        "notices/medewerker.html",
        form=form,
        shown=shown,
        channels=OPTOUT_CHANNELS,
        message_channels=MESSAGE_CHANNELS,
        about=partial(_about, _notice_names()),
    ), status


def _notice_names() -> dict[str, str]:
    lang = current_language()
    return {key: rule.text("naam", lang) for key, rule in catalogue().rules.items()}


def _about(names: dict[str, str], rules: tuple[str, ...]) -> str:
    """What the notices of one letter were about, for staff: each kind once, with how often."""
    counted = Counter(rules)
    return ", ".join(
        names.get(rule, rule) + (f" ({count}×)" if count > 1 else "")
        for rule, count in counted.items()
    )
