"""The language checker for editors and anyone who writes to residents."""

from dataclasses import dataclass

from flask import Blueprint, make_response, render_template
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from wtforms.fields.choices import SelectChoice

from app.auth.service import current_user
from app.editor.forms import CheckForm
from app.editor.labels import METRIC_LABELS, SEVERITY_LABELS
from app.editor.marking import marked_text
from app.extensions import current_language, limiter, wants_fragment
from app.pages.content import current_store
from app.readability import PROFILES, Report, analyse
from app.readability.targets import targets

bp = Blueprint("editor", __name__, url_prefix="/redactie")


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


def check(form: CheckForm, may_pick_page: bool) -> Checked | None:
    """Analyse the pasted text, or the chosen content page; None (with an error) when empty."""
    page = current_store().by_key(form.page.data) if may_pick_page else None
    if page is not None and not (form.text.data or "").strip():
        # Load the page into the box once; the editor's own edits are checked from then on.
        form.text.data = page.body
        form.profile.data, form.lang.data = page.variant, page.lang
    form.page.data = ""
    text = form.text.data or ""
    if not text.strip():
        form.text.errors = [_("Plak of typ een tekst in het vak. Of kies een pagina.")]
        return None
    profile = form.profile.data if form.profile.data in PROFILES else "b1"
    lang = form.lang.data if form.lang.data in ("nl", "en") else "nl"
    form.profile.data, form.lang.data = profile, lang
    return Checked(
        text, profile, lang, analyse(text, profile, lang, message_lang=current_language())
    )


@bp.route("/taalcheck", methods=["GET", "POST"])
@limiter.limit("30/minute", methods=["POST"])
def taalcheck() -> ResponseReturnValue:
    """Check the language level of a text and show what to change, worst first."""
    form = CheckForm()
    user = current_user()
    may_pick_page = user is not None and user.has_role("redacteur")
    form.page.choices = page_choices() if may_pick_page else []
    checked = check(form, may_pick_page) if form.validate_on_submit() else None
    context = {
        "form": form,
        "checked": checked,
        "may_pick_page": may_pick_page,
        "marked": marked_text(checked.text, checked.report) if checked else None,
        "targets": targets(checked.profile, checked.lang) if checked else [],
        "metric_labels": METRIC_LABELS,
        "severity_labels": SEVERITY_LABELS,
    }
    template = "editor/_result.html" if wants_fragment() else "editor/taalcheck.html"
    response = make_response(render_template(template, **context))
    response.vary.add("HX-Request")
    return response
