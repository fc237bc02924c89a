"""The editors' dashboard and the reader-panel tool (/redactie, /redactie/leespanel)."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from app.auth.decorators import role_required
from app.editor.labels import number
from app.pages.content import Page, current_store
from app.panel import service
from app.panel.forms import FilterForm, OutcomeForm, StartForm, TodoForm, block_form
from app.panel.labels import (
    LANG_LABELS,
    REASON_LABELS,
    VARIANT_LABELS,
    VERDICT_LABELS,
    status_text,
)
from app.panel.models import PanelSession
from app.panel.pages import (
    Sort,
    blocks,
    hyphenate,
    panel_pages,
    today,
)

bp = Blueprint("panel", __name__, url_prefix="/redactie")


@bp.context_processor
def labels() -> dict[str, object]:
    return {
        "reason_labels": REASON_LABELS,
        "verdict_labels": VERDICT_LABELS,
        "variant_labels": VARIANT_LABELS,
        "lang_labels": LANG_LABELS,
    }


@bp.get("")
@role_required("redacteur")
def dashboard() -> ResponseReturnValue:
    """List every page with its language level, reader-test status and last review."""
    form = FilterForm(formdata=request.args)
    sort = Sort.from_args(request.args)
    rows = sort.apply(service.dashboard_rows(current_store(), form.chosen(), today()))
    return render_template(
        "panel/dashboard.html",
        filter_form=form,
        rows=rows,
        total=len(current_store().pages),
        sort=sort,
        shown=sorted(form.chosen()),
        number=number,
        hyphenate=hyphenate,
    )


@bp.route("/leespanel", methods=["GET", "POST"])
@role_required("redacteur")
def index() -> ResponseReturnValue:
    """Start a reader-panel session, or resume one."""
    form = StartForm()
    form.set_pages(panel_pages(current_store()))
    if request.method == "GET" and request.args.get("pagina"):
        form.page.data = request.args["pagina"]
    if form.validate_on_submit():
        page = current_store().by_key(form.page.data)
        assert page is not None  # validate_page checked it
        session = service.start_session(page)
        return redirect(url_for("panel.block", session_id=session.id, block_no=1))
    return render_template(
        "panel/index.html",
        form=form,
        open_sessions=service.open_sessions(),
        recorded=service.recorded_sessions(),
        page_of=_page_of,
    )


@bp.route(
    "/leespanel/sessie/<int(max=2147483647):session_id>/blok/<int(max=9999):block_no>",
    methods=["GET", "POST"],
)
@role_required("redacteur")
def block(session_id: int, block_no: int) -> ResponseReturnValue:
    """Go through one block of the page with the readers and mark what was hard."""
    session, page = _session_and_page(session_id)
    if session.recorded:
        flash(
            _("De uitkomst van deze sessie staat er al. U kunt de zinnen niet meer veranderen."),
            "info",
        )
        return redirect(url_for("panel.session", session_id=session.id))
    all_blocks = blocks(page)
    if not 1 <= block_no <= len(all_blocks):
        abort(404)
    current = all_blocks[block_no - 1]
    form = block_form(current, session.marks if request.method == "GET" else [])
    if form.validate_on_submit():
        service.save_block(session, current, form.marks())
        flash(_("Wij hebben blok %(no)d bewaard.", no=block_no), "ok")
        if block_no < len(all_blocks):
            return redirect(url_for("panel.block", session_id=session.id, block_no=block_no + 1))
        return redirect(url_for("panel.outcome", session_id=session.id))
    counts = {b.no: 0 for b in all_blocks}
    for mark in session.marks:
        counts[mark.block_no] = counts.get(mark.block_no, 0) + 1
    return render_template(
        "panel/block.html",
        form=form,
        session=session,
        page=page,
        block=current,
        blocks=all_blocks,
        counts=counts,
    )


@bp.route("/leespanel/sessie/<int(max=2147483647):session_id>/uitkomst", methods=["GET", "POST"])
@role_required("redacteur")
def outcome(session_id: int) -> ResponseReturnValue:
    """Record how many readers took part, when, with which organisation, and their verdict."""
    session, page = _session_and_page(session_id)
    form = OutcomeForm(data=_outcome_data(session) if request.method == "GET" else None)
    if form.validate_on_submit():
        service.record_outcome(session, form.outcome())
        flash(_("Wij hebben de uitkomst bewaard."), "ok")
        return redirect(url_for("panel.session", session_id=session.id))
    return render_template("panel/outcome.html", form=form, session=session, page=page)


@bp.get("/leespanel/sessie/<int(max=2147483647):session_id>")
@role_required("redacteur")
def session(session_id: int) -> ResponseReturnValue:
    """Show a session: its outcome and the changes still to make."""
    found = service.get_session(session_id)
    if found is None:
        abort(404)
    page = _page_of(found)
    summary = service.review_summary(found.page_lang, found.page_slug, found.page_variant)
    return render_template(
        "panel/session.html",
        session=found,
        page=page,
        blocks=blocks(page) if page else (),
        public_status=status_text(summary) if found.recorded else None,
    )


@bp.post("/leespanel/sessie/<int(max=2147483647):session_id>/punt/<int(max=2147483647):mark_id>")
@role_required("redacteur")
def todo(session_id: int, mark_id: int) -> ResponseReturnValue:
    """Tick a change off as done, or on again."""
    found = service.get_session(session_id)
    form = TodoForm()
    if found is None:
        abort(404)
    if not form.validate_on_submit():
        abort(400)
    if not service.set_done(found, mark_id, form.klaar.data == "ja"):
        abort(404)
    return redirect(url_for("panel.session", session_id=session_id, _anchor=f"punt-{mark_id}"))


def _page_of(session: PanelSession) -> Page | None:
    return current_store().get(session.page_lang, session.page_slug, session.page_variant)


def _session_and_page(session_id: int) -> tuple[PanelSession, Page]:
    found = service.get_session(session_id)
    if found is None:
        abort(404)
    page = _page_of(found)
    if page is None:  # the page was removed from the content since
        abort(404)
    return found, page


def _outcome_data(session: PanelSession) -> dict[str, object]:
    tested_on = session.tested_on or today()
    return {
        "readers": str(session.readers) if session.readers else "",
        "tested_on": tested_on.strftime("%d-%m-%Y"),
        "organisation": session.organisation or "",
        "verdict": session.verdict,
        "notes": session.notes or "",
    }
