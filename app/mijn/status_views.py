"""/zaak-status: a case's status in plain words, by its number and the postcode, without DigiD.

For residents without DigiD and their helpers. The postcode is checked against the initiator's
address in the case system; a wrong number and a wrong postcode get the same answer. Loket
stores nothing for it: the answer is shown in the response to the POST (no redirect, so the
number and postcode never land in a URL), which is private (no-store) and carries a CSRF token.
"""

from flask import Blueprint, Response, render_template
from flask.typing import ResponseReturnValue

from app.cases import service as cases_service
from app.core.connectors import ConnectorError, SourceUnavailable
from app.extensions import current_language, limiter
from app.mijn.forms import CaseStatusForm
from app.security import personal

bp = Blueprint("zaakstatus", __name__)


@bp.after_request
def _private(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/zaak-status", methods=["GET", "POST"])
@limiter.limit("10/minute;60/hour", methods=["POST"])
def lookup() -> ResponseReturnValue:
    """Ask for the number and postcode; show the status in plain words."""
    form = CaseStatusForm()
    found = None
    outcome = "vragen"
    status = 200
    if form.validate_on_submit():
        personal()
        try:
            case = cases_service.status_by_reference(
                form.reference.data or "", form.postcode.data or ""
            )
        except (SourceUnavailable, ConnectorError):
            outcome, status = "storing", 503
        else:
            if case is None:
                outcome = "niet-gevonden"
            else:
                outcome, found = "gevonden", cases_service.explain(case, current_language())
    elif form.is_submitted():
        status = 400
    return render_template("mijn/zaak_status.html", form=form, found=found, outcome=outcome), status
