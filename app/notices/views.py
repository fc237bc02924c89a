"""Opting out without DigiD: with the code on a letter, or recorded by staff at the desk."""

from flask import Blueprint, Response, render_template
from flask.typing import ResponseReturnValue

from app.auth.decorators import role_required
from app.auth.service import current_user
from app.extensions import limiter
from app.notices import optout, staff
from app.notices.forms import CodeForm, StaffForm
from app.security import personal

bp = Blueprint("notices", __name__)


@bp.after_request
def _private(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


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
            done = "niet-gevonden"
        elif form.actie.data == "af":
            optout.opt_out(key, "code")
            done = "afgemeld"
        else:
            optout.opt_in(key, "code")
            done = "aangemeld"
    elif form.is_submitted():
        status = 400
    return render_template("mijn/meldingen/afmelden.html", form=form, done=done), status


@bp.route("/medewerker/meldingen", methods=["GET", "POST"])
@role_required("medewerker")
def desk() -> ResponseReturnValue:
    """Record a resident's opt-out (or its undoing) told at the desk, by phone or by letter."""
    form = StaffForm()
    shown = None
    status = 200
    if form.validate_on_submit():
        key = staff.key_for_bsn(form.bsn.data or "")
        user = current_user()
        staff_id = getattr(user, "id", None)
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
    return render_template("mijn/meldingen/medewerker.html", form=form, shown=shown), status
