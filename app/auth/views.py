"""Staff login, logout and overview."""

from flask import (
    Blueprint,
    Response,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext

from app.auth.decorators import login_required
from app.auth.forms import LoginForm
from app.auth.service import authenticate, current_user, log_in, log_out
from app.extensions import limiter
from app.security import safe_return_path

bp = Blueprint("auth", __name__, url_prefix="/medewerker")


@bp.route("/inloggen", methods=["GET", "POST"])
@limiter.limit("20/minute", methods=["POST"])
def login() -> str | Response:
    """Sign in a member of staff or an editor."""
    form = LoginForm()
    if form.validate_on_submit():
        result = authenticate(form.email.data or "", form.password.data or "")
        if result.user is not None:
            log_in(result.user)
            target = request.args.get("volgende")
            return redirect(safe_return_path(target) if target else url_for("auth.overview"))  # type: ignore[return-value]
        form.password.errors = [login_error(result.wait)]
    return render_template("auth/login.html", form=form)


def login_error(wait: int) -> str:
    """The one answer to a failed login: the same for real and unknown addresses."""
    if not wait:
        return _(
            "Het e-mailadres of het wachtwoord klopt niet. Controleer ze en probeer het opnieuw."
        )
    return ngettext(
        "Het is te vaak niet gelukt. Probeer het over %(num)d seconde opnieuw. Weet u uw "
        "wachtwoord niet meer? Vraag de beheerder om hulp.",
        "Het is te vaak niet gelukt. Probeer het over %(num)d seconden opnieuw. Weet u uw "
        "wachtwoord niet meer? Vraag de beheerder om hulp.",
        wait,
    )


@bp.post("/uitloggen")
def logout() -> Response:
    """Sign out and forget the session."""
    log_out()
    flash(_("U bent uitgelogd."), "ok")
    return redirect(url_for("auth.login"))  # type: ignore[return-value]


@bp.get("/")
@login_required
def overview() -> str:
    """Show what this account can do."""
    return render_template("auth/overview.html", user=current_user())
