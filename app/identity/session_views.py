"""The resident's session: how long the login lasts, staying logged in, "Stoppen en wissen"."""

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from app.core.time import local
from app.extensions import current_language
from app.i18n import path_in
from app.identity import service
from app.identity.forms import ExtendForm, StopForm
from app.identity.resident import current_resident, login_expires_at, seconds_left
from app.security import safe_return_path

bp = Blueprint("session", __name__)


@bp.after_request
def _private(response: Response) -> Response:
    """Login and session pages are about one person (and carry CSRF tokens): never cached."""
    response.headers["Cache-Control"] = "no-store"
    response.vary.add("Cookie")
    return response


@bp.get("/sessie")
def overview() -> str:
    """Show whether someone is logged in, what this browser keeps, and how to wipe it."""
    resident = current_resident()
    items = [service.label(k) for k in service.flows_in_progress()]
    return render_template("identity/session.html", resident=resident, items=items)


@bp.post("/sessie/verlengen")
def extend() -> ResponseReturnValue:
    """Stay logged in ("Blijf ingelogd"): the idle time starts again; back to the same page.

    With JavaScript (sessie.js) the answer is JSON and the page stays as it is, with what the
    resident typed in it.
    """
    form = ExtendForm()
    form.validate_on_submit()  # only the CSRF token can fail, and that is checked before this
    back = safe_return_path(form.terug.data or path_in(current_language(), "/sessie"))
    resident = current_resident()  # reading the login moves its end forward
    if request.accept_mimetypes.best == "application/json":
        ends = login_expires_at()
        return jsonify(
            logged_in=resident is not None,
            seconds=seconds_left(),
            until=local(ends).strftime("%H:%M") if ends else None,
        )
    if resident is None:
        minutes = max(1, round(float(current_app.config.get("RESIDENT_IDLE_MINUTES", 15))))
        flash(
            _(
                "U bent uitgelogd, omdat u %(minutes)d minuten niets deed. Wij hebben uw "
                "antwoorden bewaard. Log opnieuw in om verder te gaan.",
                minutes=minutes,
            ),
            "info",
        )
        return redirect(url_for("identity.login", volgende=back), 303)
    return redirect(back, 303)


@bp.get("/sessie/status")
def status() -> Response:
    """Tell the page's script how long the login has left, without moving its end."""
    ends = login_expires_at()
    return jsonify(seconds=seconds_left(), until=local(ends).strftime("%H:%M") if ends else None)


@bp.post("/stoppen")
def stop() -> ResponseReturnValue:
    """Stop and wipe ("Stoppen en wissen", a shared computer): forget every flow, log out."""
    StopForm().validate_on_submit()  # the CSRF token is checked before this view runs
    service.wipe()
    if service.pending_broker_logout_exists():
        return redirect(url_for("identity.logout"), 303)  # on to the broker, then /gewist
    return redirect(url_for("session.wiped"), 303)


@bp.get("/gewist")
def wiped() -> str:
    """Say what "Stoppen en wissen" wiped, and what the resident should still do."""
    return render_template(
        "identity/wiped.html", title=_("Wij hebben alles gewist"), **service.wiped_summary()
    )
