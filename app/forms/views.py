"""The forms: /formulieren, each form's start page, its steps, payment and confirmation.

Saving and resuming are in views_drafts.py, the resident's own submissions (PDF copy, correct,
withdraw) in views_submitted.py, the paper version and "past niet" in views_extra.py.
"""

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_date
from flask_babel import gettext as _
from werkzeug.exceptions import RequestEntityTooLarge

from app.core import flows
from app.core.connectors import SourceUnavailable
from app.core.time import aware, local
from app.core.wizard import go
from app.extensions import current_language
from app.forms import engine, fields, library, service
from app.forms.definitions import FormDef
from app.forms.forms import ConfirmForm
from app.i18n import neutral_url_for, path_in
from app.identity.resident import current_resident
from app.links import exists_when
from app.security import accepts_files

STATIC = Path(__file__).resolve().parent / "static"
bp = Blueprint("forms", __name__, static_folder=str(STATIC), static_url_path="/formulieren/static")


@cache
def _version(filename: str) -> str:
    return hashlib.sha256((STATIC / filename).read_bytes()).hexdigest()[:12]


@bp.app_template_global()
def forms_static(filename: str) -> str:
    """The language-neutral, versioned URL of a file in app/forms/static."""
    return neutral_url_for("forms.static", filename=filename, v=_version(filename))


@bp.app_template_global()
def day_text(iso: str) -> str:
    """An ISO date in words, in the page's language ("26 januari 2027")."""
    import datetime as dt

    return format_date(dt.date.fromisoformat(iso), "d MMMM y")


@bp.app_template_global()
def money(cents: int) -> str:
    """An amount in the page's language: "€ 54,00"."""
    from app.forms.values import money_words

    return money_words(int(cents), current_language())


@bp.app_template_global()
def draft_day(draft: Any) -> str:
    """The day a saved form is deleted, in words ("3 januari 2027")."""
    return format_date(local(aware(draft.expires_at)).date(), "d MMMM y")


def definition(slug: str) -> FormDef:
    found = library().get(slug)
    if found is None:
        abort(404)
    return found


def login_url(form: FormDef, path: str | None = None) -> str:
    here = path or url_for("forms.start", slug=form.slug).removeprefix(request.script_root)
    return url_for("identity.login", volgende=path_in(current_language(), here))


@bp.url_value_preprocessor
def larger_uploads(endpoint: str | None, values: dict[str, Any] | None) -> None:
    """The steps take files: their own limit, set before anything reads the body.

    (A URL value preprocessor runs before the app's before_request hooks, one of which looks
    for file parts and would otherwise parse the body with the site's 512 KB limit.)
    """
    if endpoint == "forms.step" and request.method == "POST":
        request.max_content_length = int(
            current_app.config.get("FORMS_REQUEST_MAX_BYTES", 8 * 1024 * 1024)
        )


def upload_limit() -> int:
    return int(current_app.config.get("FORMS_UPLOAD_MAX_BYTES", 5 * 1024 * 1024))


@bp.errorhandler(RequestEntityTooLarge)
def too_large(error: RequestEntityTooLarge) -> ResponseReturnValue:
    """A file far too large for any step: say so on the step, not on an error page."""
    slug = (request.view_args or {}).get("slug")
    step = (request.view_args or {}).get("step")
    form = library().get(slug)
    if form is None or not step:
        return error
    flash(
        _(
            "Dit bestand is te groot. Het mag hoogstens %(size)s zijn. Kies een kleiner bestand.",
            size=f"{upload_limit() // (1024 * 1024)} MB",
        ),
        "info",
    )
    return redirect(engine.wizard_for(form).url(step), 303)


@bp.get("/formulieren")
def index() -> ResponseReturnValue:
    """Every form that can be filled in on this site."""
    return render_template("forms/index.html", forms=list(library()), title=_("Formulieren"))


@bp.get("/formulieren/<slug>")
@exists_when(lambda slug: library().get(slug) is not None)
def start(slug: str) -> ResponseReturnValue:
    """A form's start page: what it is for, what you need, how to start (or go on)."""
    form = definition(slug)
    wizard = engine.wizard_for(form)
    flow = wizard.load()
    resident = current_resident()
    in_progress = flow is not None and bool(wizard.answers(flow.data))
    if flow is not None and engine.owned_by_someone_else(form, flow):
        in_progress = False
    first = wizard.steps[0].name
    return render_template(
        "forms/start.html",
        definition=form,
        resident=resident,
        in_progress=in_progress,
        next_url=wizard.next_url(flow) if in_progress and flow else wizard.url(first),
        login_link=login_url(form),
        restart_form=ConfirmForm(),
        title=str(form.title),
        description=str(form.summary),
    )


@bp.post("/formulieren/<slug>/opnieuw")
def restart(slug: str) -> ResponseReturnValue:
    """Throw away the answers of this form in this browser and start again."""
    form = definition(slug)
    if ConfirmForm().validate_on_submit():
        flows.discard(engine.kind_of(form))
        flash(_("Wij hebben uw antwoorden gewist. U begint opnieuw."), "ok")
    return go(url_for("forms.start", slug=slug))


@bp.route("/formulieren/<slug>/<step>", methods=["GET", "POST"])
@accepts_files
def step(slug: str, step: str) -> ResponseReturnValue:
    """One step of a form; anything out of order goes to the first open step."""
    form = definition(slug)
    wizard = engine.wizard_for(form)
    if form.login and current_resident() is None:
        return go(
            login_url(
                form, url_for("forms.step", slug=slug, step=step).removeprefix(request.script_root)
            )
        )
    flow = wizard.load()
    if flow is not None and engine.owned_by_someone_else(form, flow):
        flows.discard(engine.kind_of(form))
        flash(_("Dit formulier was van iemand anders. U begint met een nieuw formulier."), "info")
        return go(url_for("forms.start", slug=slug))
    if flow is not None and form.login:
        engine.take_over(flow)
    stepdef = form.step(step)
    if request.files and (stepdef is None or not fields.has_files(stepdef)):
        abort(400)  # a file where none is asked for
    if step == engine.REVIEW and request.method == "POST":
        again = _sent_already()
        if again is not None:
            return again
    return wizard.handle(step)


def _sent_already() -> ResponseReturnValue | None:
    """A second click on "Versturen" after the first one sent it: show that confirmation."""
    key = request.form.get("sleutel")
    if not key:
        return None
    row = service.by_key(str(key))
    if row is None or row.status == "betalen":
        return None
    flows.start(service.DONE_KIND, {"reference": row.reference, "slug": row.slug})
    return go(url_for("forms.confirmation", slug=row.slug))


@bp.get("/formulieren/<slug>/bevestiging")
def confirmation(slug: str) -> ResponseReturnValue:
    """The confirmation: the reference, what happens next, who decides, how long, not satisfied."""
    form = definition(slug)
    row = service.done_submission()
    if row is None or row.slug != slug:
        return go(url_for("forms.start", slug=slug))
    return render_template("forms/confirmation.html", **confirmation_context(form, row))


def confirmation_context(form: FormDef, row: Any) -> dict[str, Any]:
    from app.cases.statuses import catalogue
    from app.forms import messages, summary

    lang = current_language()
    kind = catalogue().case_types[form.case_type]
    found = messages.context(form, row, lang)
    return {
        "definition": form,
        "row": row,
        "title": _("Uw melding is verstuurd") if not form.login else _("Uw aanvraag is verstuurd"),
        "weeks": kind.weeks,
        "team": kind.team[lang],
        "expected_by": found["expected_by"],
        "send_later": found["send_later"],
        "bring": found["bring"],
        "return_address": library().return_address,
        "chosen": service.contact_of(form, row.answers).get("kanaal"),
        "sections": summary.sections(form, row.answers, lang),
        "copy_url": url_for("forms.done_copy", slug=form.slug),
    }


@bp.get("/formulieren/<slug>/kopie.pdf")
def done_copy(slug: str) -> ResponseReturnValue:
    """The PDF copy of what this browser just sent."""
    from app.forms.copy import pdf_response

    form = definition(slug)
    row = service.done_submission()
    if row is None or row.slug != slug:
        abort(404)
    return pdf_response(form, row)


# --- paying for a permit -------------------------------------------------------------------------


def _paying(form: FormDef) -> tuple[flows.Flow, Any] | None:
    flow = engine.wizard_for(form).load()
    if flow is None or engine.owned_by_someone_else(form, flow):
        return None
    row = service.pending_of(flow)
    return (flow, row) if row is not None else None


@bp.get("/formulieren/<slug>/betalen")
def pay(slug: str) -> ResponseReturnValue:
    """The payment step: the amount, and a link to the payment page (a GET, then a redirect)."""
    form = definition(slug)
    if form.payment is None:
        abort(404)
    if current_resident() is None:
        return go(login_url(form))
    found = _paying(form)
    if found is None:
        return go(url_for("forms.start", slug=slug))
    flow, row = found
    outcome = request.args.get("uitkomst")
    if row.payment_id and outcome is None and _already_paid(row.payment_id):
        # Paid, but registering failed (the case system was down): try that again.
        return go(url_for("forms.paid", slug=slug, betaling=row.payment_id))
    wizard = engine.wizard_for(form)
    shown = len(wizard.visible(flow.data)) + 1
    return render_template(
        "forms/pay.html",
        definition=form,
        row=row,
        progress=(shown, shown),
        back_url=wizard.url(engine.REVIEW),
        outcome=outcome,
        title=_("Betalen"),
    )


def _already_paid(payment_id: str) -> bool:
    from app.payment import service as payment

    try:
        return payment.payment_status(payment_id).paid
    except (SourceUnavailable, payment.UnknownPayment):
        return False


@bp.get("/formulieren/<slug>/betalen/start")
def pay_start(slug: str) -> ResponseReturnValue:
    """Start the payment and send the browser to the provider (a GET redirect)."""
    from app.payment import service as payment

    form = definition(slug)
    if form.payment is None or current_resident() is None:
        abort(404)
    found = _paying(form)
    if found is None:
        return go(url_for("forms.start", slug=slug))
    flow, row = found
    try:
        started = payment.start_payment(
            row.reference,
            int(row.amount_cents or service.price(form, engine.answers_of(flow.data))),
            form.payment.description.nl,
            url_for("forms.paid", slug=slug).removeprefix(request.script_root),
        )
    except SourceUnavailable:
        return go(url_for("forms.pay", slug=slug, uitkomst="storing"))
    service.record_payment(row, started.payment_id)
    flow.data["betaling"] = started.payment_id
    flows.save(flow)
    return redirect(started.redirect_url, 302)


@bp.get("/formulieren/<slug>/betaald")
def paid(slug: str) -> ResponseReturnValue:
    """Back from the provider: ask it how the payment ended (never trust the URL)."""
    from app.payment import service as payment

    form = definition(slug)
    if form.payment is None:
        abort(404)
    found = _paying(form)
    if found is None:
        return go(url_for("forms.start", slug=slug))
    flow, row = found
    payment_id = request.args.get("betaling", "")
    if not payment_id or payment_id != flow.data.get("betaling") or payment_id != row.payment_id:
        return go(url_for("forms.pay", slug=slug))
    try:
        state = payment.payment_status(payment_id)
    except (SourceUnavailable, payment.UnknownPayment):
        return go(url_for("forms.pay", slug=slug, uitkomst="storing"))
    if not state.paid or state.reference != row.reference or state.amount_cents != row.amount_cents:
        outcome = "open" if state.state == "open" else "niet-gelukt"
        return go(url_for("forms.pay", slug=slug, uitkomst=outcome))
    return service.register(form, flow)
