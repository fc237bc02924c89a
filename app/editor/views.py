"""The language checker for editors and anyone who writes to residents."""

from dataclasses import dataclass

from flask import Blueprint, make_response, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import ngettext
from wtforms.fields.choices import SelectChoice

from app.auth.service import current_user
from app.editor.forms import CheckForm
from app.editor.labels import (
    MEASURE_LABELS,
    METRIC_LABELS,
    SEVERITY_LABELS,
    number,
    target_text,
)
from app.editor.marking import marked_text
from app.extensions import current_language, limiter, wants_fragment
from app.pages.content import current_store
from app.readability import PROFILES, Report, analyse
from app.readability.targets import targets

bp = Blueprint("editor", __name__, url_prefix="/redactie")
LANGS = ("nl", "en")


@dataclass(frozen=True)
class Checked:
    text: str
    profile: str
    lang: str
    report: Report


def page_choices() -> list[SelectChoice]:
    """Return every content page, grouped by language and variant."""
    pages = sorted(
        current_store().pages.values(), key=lambda p: (p.lang, p.variant, p.title.casefold())
    )
    groups = {
        ("nl", "b1"): _("Nederlands, B1"),
        ("nl", "makkelijk"): _("Nederlands, makkelijk lezen"),
        ("en", "b1"): _("Engels"),
    }
    return [SelectChoice("", _("Geen pagina: ik plak zelf een tekst"))] + [
        SelectChoice(p.key, p.title, optgroup=groups[(p.lang, p.variant)]) for p in pages
    ]


def check(form: CheckForm, may_pick_page: bool, live: bool) -> Checked | None:
    """Analyse the pasted text, or the chosen content page; None (with an error) when empty.

    live: checked while the editor types. An empty box then is a moment between two texts,
    not a mistake: no error, so nothing is announced.
    """
    page = current_store().by_key(form.page.data) if may_pick_page else None
    if page is not None and not (form.text.data or "").strip():
        # Load the page into the box once; the editor's own edits are checked from then on.
        form.text.data = page.body
        form.profile.data, form.lang.data = page.variant, page.lang
    form.page.data = ""
    text = form.text.data or ""
    if not text.strip():
        if not live:
            form.text.errors = [_("Plak of typ een tekst in het vak. Of kies een pagina.")]
        return None
    profile = form.profile.data if form.profile.data in PROFILES else "b1"
    lang = form.lang.data if form.lang.data in LANGS else "nl"
    form.profile.data, form.lang.data = profile, lang
    return Checked(
        text, profile, lang, analyse(text, profile, lang, message_lang=current_language())
    )


def status_text(form: CheckForm, checked: Checked | None) -> str:
    """The short line a screen reader hears after each check (the report itself is not read)."""
    if checked is not None:
        points = len(checked.report.findings)
        return ngettext(
            "Niveau %(level)s, %(num)d punt.",
            "Niveau %(level)s, %(num)d punten.",
            points,
            level=checked.report.level,
        )
    if form.text.errors:
        return _("Verbeter eerst dit: %(error)s", error=form.text.errors[0])
    return ""


def live_field_attributes() -> dict[str, str]:
    """htmx on the text box: check while typing (and when a choice changes), marked as live."""
    return {
        "spellcheck": "true",
        "hx-post": url_for("editor.taalcheck"),
        "hx-trigger": "input changed delay:800ms, change from:#taalcheck input[type=radio]",
        "hx-target": "#uitslag-blok",
        "hx-vals": '{"live": "1"}',
        "hx-sync": "closest form:replace",
    }


@bp.route("/taalcheck", methods=["GET", "POST"])
@limiter.limit("30/minute", methods=["POST"])
def taalcheck() -> ResponseReturnValue:
    """Check the language level of a text and show what to change, most important first."""
    form = CheckForm()
    if request.method == "GET":  # a link may choose the language and profile in advance
        form.lang.data = request.args.get("taal") if request.args.get("taal") in LANGS else "nl"
        chosen = request.args.get("profiel")
        form.profile.data = chosen if chosen in PROFILES else "b1"
    form.text.render_kw = live_field_attributes()
    user = current_user()
    may_pick_page = user is not None and user.has_role("redacteur")
    form.page.choices = page_choices() if may_pick_page else []
    fragment = wants_fragment()
    live = fragment and request.form.get("live") == "1"
    checked = check(form, may_pick_page, live) if form.validate_on_submit() else None
    context = {
        "form": form,
        "checked": checked,
        "may_pick_page": may_pick_page,
        "marked": marked_text(checked.text, checked.report) if checked else None,
        "targets": targets(checked.profile, checked.lang) if checked else [],
        "metric_labels": METRIC_LABELS,
        "severity_labels": SEVERITY_LABELS,
        "measure_labels": MEASURE_LABELS,
        "number": number,
        "target_text": target_text,
        "status": status_text(form, checked),
        # The text box is swapped only when its error state changes, so typing is not lost.
        "swap_field": bool(form.text.errors) or request.form.get("was_invalid") == "1",
    }
    template = "editor/_fragment.html" if fragment else "editor/taalcheck.html"
    response = make_response(render_template(template, **context))
    response.vary.add("HX-Request")
    return response
