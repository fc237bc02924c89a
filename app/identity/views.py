"""Logging in as a resident: choose a method, go to the broker, come back, log out."""

import datetime as dt
import logging

from flask import (
    Blueprint,
    Response,
    abort,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from app.core import flows
from app.extensions import current_language, limiter
from app.i18n import language_neutral, neutral_url_for, path_in
from app.identity import service
from app.identity.broker import LoginFailed, brokers
from app.identity.contrib.demo import DemoBroker
from app.identity.demo import choices
from app.identity.forms import DemoLoginForm, LogoutForm
from app.identity.resident import METHODS, current_resident, log_in_resident
from app.security import safe_return_path
from app.site.views import public_url

bp = Blueprint("identity", __name__)


@bp.after_request
def _private(response: Response) -> Response:
    """Login and session pages are about one person (and carry CSRF tokens): never cached."""
    response.headers["Cache-Control"] = "no-store"
    response.vary.add("Cookie")
    return response


log = logging.getLogger(__name__)
START_KIND = "inlog-start"
START_TTL = dt.timedelta(minutes=15)


def redirect_uri() -> str:
    return public_url() + "/auth/callback"


@bp.get("/login")
@limiter.limit("30/minute")
def login() -> ResponseReturnValue:
    """Show the ways to log in, or start the one chosen (a GET link: no form to the broker)."""
    method = request.args.get("method", "")
    target = request.args.get("volgende")
    if method not in METHODS:
        return render_template("identity/login.html", target=target)
    try:
        start = brokers.get().begin(method, redirect_uri())
    except LoginFailed as failed:
        log.warning("login could not start: %s", failed)
        return _failed(failed.reason, method, safe_return_path(target) if target else None)
    flows.start(
        START_KIND,
        {
            "kept": start.kept,
            "method": method,
            "lang": current_language(),
            "volgende": safe_return_path(target) if target else None,
        },
        ttl=START_TTL,
    )
    return redirect(start.url)


@bp.get("/auth/callback")
@language_neutral
def callback() -> ResponseReturnValue:
    """Finish the login the broker sends back; every start can be finished once."""
    started = flows.load(START_KIND)
    if started is not None:
        request.environ["loket.lang"] = started.data.get("lang", "nl")
        flows.discard(START_KIND)
    if started is None:
        return _failed("expired")
    try:
        resident = brokers.get().complete(request.args, started.data["kept"], redirect_uri())
    except LoginFailed as failed:
        # The detail names the check that failed, never a number or a name.
        log.warning("login refused: %s", failed)
        return _failed(failed.reason, started.data.get("method"), started.data.get("volgende"))
    log_in_resident(resident)
    target = started.data.get("volgende") or path_in(started.data.get("lang", "nl"), "/")
    return redirect(target)


STATUS = {"cancelled": 400, "expired": 400, "level": 403, "unavailable": 503, "failed": 400}


def _failed(
    reason: str, method: str | None = None, target: str | None = None
) -> ResponseReturnValue:
    titles = {
        "cancelled": _("U bent niet ingelogd"),
        "expired": _("Het inloggen is verlopen"),
        "level": _("Dit inlogmiddel is niet genoeg"),
        "unavailable": _("Inloggen lukt nu niet"),
        "failed": _("Het inloggen is niet gelukt"),
    }
    messages = {
        "cancelled": _("U hebt het inloggen gestopt. U kunt het opnieuw proberen."),
        "expired": _("Het duurde te lang, of u deed het twee keer. Probeer het opnieuw."),
        "level": _(
            "Voor deze pagina is meer zekerheid nodig. Log in met de DigiD app of met een sms-code."
        ),
        "unavailable": _(
            "Het inloggen doet het nu niet. Dat ligt aan ons. Probeer het over een paar minuten "
            "opnieuw."
        ),
        "failed": _("Er ging iets mis bij het inloggen. Probeer het opnieuw."),
    }
    key = reason if reason in titles else "failed"
    return (
        render_template(
            "identity/failed.html",
            title=titles[key],
            message=messages[key],
            method=method,
            reason=key,
            target=target,
        ),
        STATUS[key],
    )


@bp.route("/login/demo", methods=["GET", "POST"])
def demo_login() -> ResponseReturnValue:
    """The test environment's stand-in for DigiD, Yivi and eHerkenning: pick a demo resident."""
    broker = brokers.get()
    if not isinstance(broker, DemoBroker):
        abort(404)
    form = DemoLoginForm()
    method = form.method.data or request.args.get("method", "")
    state = form.state.data or request.args.get("state", "")
    if method not in METHODS:
        abort(404)
    people = choices(method)
    english = current_language() == "en"
    form.person.choices = [
        (p.key, f"{p.name}: {p.situation_en if english else p.situation}") for p in people
    ]
    form.method.data, form.state.data = method, state
    if form.validate_on_submit():
        code = broker.issue_code(str(form.person.data), method, state)
        return redirect(neutral_url_for("identity.callback", code=code, state=state))
    cancel = neutral_url_for("identity.callback", error="access_denied", state=state)
    return render_template("identity/demo.html", form=form, method=method, cancel=cancel)


@bp.get("/login/demo/uitloggen")
def demo_logout() -> ResponseReturnValue:
    """The demo broker's end-session address: nothing to end there, straight back."""
    if not isinstance(brokers.get(), DemoBroker):
        abort(404)
    return redirect(url_for("identity.logout"))


@bp.route("/logout", methods=["GET", "POST"])
def logout() -> ResponseReturnValue:
    """Log out here and at the broker; the broker sends the resident back to this page.

    Chromium applies `form-action 'self'` to every redirect after a form is sent, so the POST
    cannot redirect to the broker: it comes back here, and this page sends the browser on with
    an instant refresh (and a link, in case the refresh is switched off).
    """
    if request.method == "POST":
        if LogoutForm().validate_on_submit():
            service.log_out()
            return redirect(url_for("identity.logout"), 303)
        abort(400)
    leaving = service.pending_broker_logout()
    if leaving is not None:
        return render_template("identity/leaving.html", **leaving)
    if session.get(service.WIPED_KEY) is not None:
        return redirect(url_for("session.wiped"))  # back from the broker after "Stoppen en wissen"
    resident = current_resident()
    # A form (and so a CSRF token in the session) only for someone who can log out.
    form = LogoutForm() if resident else None
    return render_template("identity/logout.html", form=form, resident=resident)
