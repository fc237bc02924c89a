"""Staff pages: the messages sent to residents, and the letters for the print-and-post service."""

import datetime as dt
from io import BytesIO

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from markupsafe import Markup, escape

from app.auth.decorators import role_required
from app.core.time import local, local_today
from app.notify import labels, staff
from app.notify.letters.pdf import bundle
from app.notify.render import contact_facts

bp = Blueprint("notify", __name__, url_prefix="/medewerker")


@bp.after_request
def personal_data_is_not_cached(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.context_processor
def _labels() -> dict[str, object]:
    return {"labels": labels, "local": local}


@bp.app_template_filter("phone_links")
def phone_links(text: str) -> Markup:
    """Make the municipality's phone numbers in a letter's text into tel: links."""
    html = str(escape(text))
    contact = contact_facts()
    for phone in (contact["phone"], contact["phone_abroad"]):
        number = str(escape(phone["number"]))
        html = html.replace(number, f'<a href="{escape(phone["tel"])}">{number}</a>')
    return Markup(html)  # noqa: S704 - built from escaped parts


@bp.get("/berichten")
@role_required("medewerker")
def messages() -> str:
    """Show the latest messages to residents, the failed ones first when asked."""
    status = request.args.get("status") or None
    if status not in (None, *labels.STATUS):
        status = None
    return render_template(
        "notify/messages.html",
        messages=staff.latest(status),
        counts=staff.counts(),
        status=status,
    )


@bp.get("/berichten/<key>")
@role_required("medewerker")
def message(key: str) -> str:
    """Show one message: what was sent, to whom, how it went."""
    found = staff.find(key)
    if found is None:
        abort(404)
    return render_template(
        "notify/message.html",
        message=found,
        deliveries=staff.demo_deliveries(found),
        letter=staff.letter_of(found),
        form=FlaskForm(),
    )


@bp.post("/berichten/<key>/opnieuw")
@role_required("medewerker")
def retry(key: str) -> Response:
    """Put a failed or waiting message back in line, to be sent now."""
    if not FlaskForm().validate_on_submit():
        flash(_("Het formulier is verlopen. Probeer het nog een keer."), "info")
    elif staff.send_again(key):
        flash(_("Het bericht staat klaar. Het gaat zo snel mogelijk weg."), "ok")
    else:
        flash(_("U kunt dit bericht nu niet opnieuw versturen."), "info")
    return redirect(url_for("notify.message", key=key))  # type: ignore[return-value]


def _day() -> dt.date | None:
    raw = request.args.get("dag")
    if not raw:
        return local_today()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return None


@bp.get("/brieven")
@role_required("medewerker")
def letters() -> str | Response:
    """Show the letters of one day, for the print-and-post service."""
    day = _day()
    if day is None:
        flash(_("Die datum kennen wij niet. U ziet nu de brieven van vandaag."), "info")
        return redirect(url_for("notify.letters"))  # type: ignore[return-value]
    return render_template(
        "notify/letters.html",
        day=day,
        letters=staff.letters_of_day(day),
        previous_day=day - dt.timedelta(days=1),
        next_day=day + dt.timedelta(days=1),
        today=local_today(),
    )


@bp.get("/brieven/<key>")
@role_required("medewerker")
def letter(key: str) -> str:
    """Show one letter as a web page: the accessible copy, also for printing."""
    found = staff.find(key)
    letter = staff.letter_of(found) if found else None
    if found is None or letter is None:
        abort(404)
    return render_template(
        "notify/letter.html", message=found, letter=letter, doc=staff.document_of(found, letter)
    )


@bp.get("/brieven/<key>/brief.pdf")
@role_required("medewerker")
def letter_pdf(key: str) -> Response:
    """Download the PDF of one letter."""
    found = staff.find(key)
    letter = staff.letter_of(found) if found else None
    if found is None or letter is None:
        abort(404)
    return send_file(
        BytesIO(letter.pdf),
        mimetype="application/pdf",
        as_attachment=True,
        download_name=f"brief-{found.reference}.pdf",
    )


@bp.get("/brieven/dag/<day>/brieven.pdf")
@role_required("medewerker")
def letters_pdf(day: str) -> Response:
    """Download all letters of one day as one PDF, for the print-and-post service."""
    try:
        chosen = dt.date.fromisoformat(day)
    except ValueError:
        abort(404)
    found = staff.letters_of_day(chosen)
    if not found:
        abort(404)
    data = bundle([letter.pdf for _, letter in found], current_app.config["NOTIFY_LETTER_DUPLEX"])
    return send_file(
        BytesIO(data),
        mimetype="application/pdf",
        as_attachment=True,
        download_name=f"brieven-{chosen.isoformat()}.pdf",
    )
