"""A resident's own submissions: see, download a copy, correct or withdraw ("recht op vergissen").

Every URL here carries a reference; it opens only for the logged-in resident whose submission
it is (anyone else gets the same 404 as for a reference that does not exist).
"""

from typing import Any

from flask import abort, flash, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from app.core.connectors import SourceUnavailable
from app.core.wizard import go
from app.extensions import current_language
from app.forms import engine, library, service, summary
from app.forms.forms import ConfirmForm
from app.forms.models import FormSubmission
from app.forms.views import bp
from app.i18n import path_in
from app.identity.resident import current_resident


def _login_first() -> ResponseReturnValue | None:
    if current_resident() is None:
        return go(url_for("identity.login", volgende=path_in(current_language(), request.path)))
    return None


def _mine(reference: str) -> tuple[Any, FormSubmission]:
    """The form and the submission, if it is this resident's; else 404."""
    row = service.owned(reference)
    form = library().get(row.slug) if row else None
    if row is None or form is None:
        abort(404)
    return form, row


def _case(row: FormSubmission) -> tuple[Any, bool]:
    """The case now, and whether the case system answered."""
    try:
        return service.case_of(row), True
    except SourceUnavailable:
        return None, False


@bp.get("/formulieren/ingediend")
def submissions() -> ResponseReturnValue:
    """The forms this resident sent in the last months."""
    if (login := _login_first()) is not None:
        return login
    rows = [(r, library().get(r.slug)) for r in service.mine()]
    return render_template(
        "forms/submissions.html",
        rows=[(r, f) for r, f in rows if f is not None],
        title=_("Uw verstuurde formulieren"),
    )


@bp.get("/formulieren/ingediend/<reference>")
def submitted(reference: str) -> ResponseReturnValue:
    """One submission: its status, a copy, and changing or withdrawing it while it is open."""
    if (login := _login_first()) is not None:
        return login
    form, row = _mine(reference)
    case, answered = _case(row)
    explained = None
    if case is not None:
        from app.cases.service import explain

        explained = explain(case, current_language())
    return render_template(
        "forms/submitted.html",
        definition=form,
        row=row,
        case=case,
        explained=explained,
        reachable=answered,
        changeable=service.can_change(case) and row.status == "ingediend",
        sections=summary.sections(form, row.answers, current_language()),
        action_form=ConfirmForm(),
        changed=request.args.get("gewijzigd") == "1",
        title=_("Uw aanvraag %(reference)s", reference=row.reference),
    )


@bp.get("/formulieren/ingediend/<reference>/kopie.pdf")
def submitted_copy(reference: str) -> ResponseReturnValue:
    """The PDF copy of a submission (the latest version)."""
    from app.forms.copy import pdf_response

    if (login := _login_first()) is not None:
        return login
    form, row = _mine(reference)
    return pdf_response(form, row)


@bp.post("/formulieren/ingediend/<reference>/wijzigen")
def correct(reference: str) -> ResponseReturnValue:
    """Change a submission: the answers come back in the form; sending them makes a new version."""
    if (login := _login_first()) is not None:
        return login
    form, row = _mine(reference)
    if not ConfirmForm().validate_on_submit():
        return go(url_for("forms.submitted", reference=reference))
    case, answered = _case(row)
    if not answered:
        flash(_("Wij kunnen uw aanvraag nu niet ophalen. Probeer het later opnieuw."), "info")
        return go(url_for("forms.submitted", reference=reference))
    if not service.can_change(case) or row.status != "ingediend":
        flash(_("Over deze aanvraag is al besloten. U kunt hem niet meer veranderen."), "info")
        return go(url_for("forms.submitted", reference=reference))
    flow = service.start_correction(form, row)
    return go(
        engine.wizard_for(form).url(engine.REVIEW)
        if flow
        else url_for("forms.start", slug=form.slug)
    )


@bp.route("/formulieren/ingediend/<reference>/intrekken", methods=["GET", "POST"])
def withdraw(reference: str) -> ResponseReturnValue:
    """Withdraw a submission that is not decided yet: ask once, then do it."""
    if (login := _login_first()) is not None:
        return login
    form, row = _mine(reference)
    page = ConfirmForm()
    if page.validate_on_submit():
        try:
            done = service.withdraw(form, row)
        except SourceUnavailable:
            flash(
                _("Het intrekken lukt nu niet. Probeer het over een paar minuten opnieuw."), "info"
            )
            return go(url_for("forms.withdraw", reference=reference))
        if done:
            flash(_("U heeft uw aanvraag ingetrokken. Wij doen er niets meer mee."), "ok")
        else:
            flash(_("Over deze aanvraag is al besloten. U kunt hem niet meer intrekken."), "info")
        return go(url_for("forms.submitted", reference=reference))
    case, answered = _case(row)
    return render_template(
        "forms/withdraw.html",
        definition=form,
        row=row,
        form=page,
        possible=service.can_change(case) and row.status == "ingediend",
        reachable=answered,
        title=_("Aanvraag intrekken"),
    )
