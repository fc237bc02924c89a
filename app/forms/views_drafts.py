"""Save a form for later and go on with it: by code plus postcode (rate-limited), or by link."""

import hashlib
from typing import Any

from flask import current_app, flash, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_date
from flask_babel import gettext as _
from limits import parse

from app.core import flows
from app.core.time import aware, local
from app.core.wizard import go
from app.extensions import current_language, limiter
from app.forms import drafts, engine, fields, library, messages
from app.forms.forms import ResumeForm, SaveForm
from app.forms.views import bp, definition, login_url
from app.i18n import language_neutral, neutral_url_for, path_in
from app.identity.resident import current_resident
from app.notify.recipients import Recipient
from app.security import public_url

SAVED_KIND = "formulier-bewaard"
RESUME_SCOPE = "formulier-verder"


def _day(moment: Any) -> str:
    return format_date(local(aware(moment)).date(), "d MMMM y")


@bp.route("/formulieren/<slug>/bewaren", methods=["GET", "POST"])
def save(slug: str) -> ResponseReturnValue:
    """Save the answers so far; get a code to write down (and a link)."""
    form = definition(slug)
    wizard = engine.wizard_for(form)
    if form.login and current_resident() is None:
        return go(login_url(form))
    flow = wizard.load()
    if flow is None or not wizard.answers(flow.data) or engine.owned_by_someone_else(form, flow):
        return go(url_for("forms.start", slug=slug))
    if flow.data.get("correctie"):
        return go(wizard.next_url(flow))
    address = fields.address_of(form, wizard.answers(flow.data))
    page = SaveForm(
        data={"postcode": address.postcode} if address and request.method == "GET" else None
    )
    if page.validate_on_submit():
        postcode = drafts.postcode_key(page.postcode.data)
        channel, to = _send_to(page)
        if postcode is None:
            page.postcode.errors = [
                _("Vul een postcode in met 4 cijfers en 2 letters, bijvoorbeeld 6511 AB.")
            ]
        elif channel is not None and to is None:
            pass  # the error is at the field
        else:
            saved = drafts.save(form, flow, postcode, current_language())
            link = public_url() + neutral_url_for("forms.resume_link", code=saved.token)
            if channel is not None and to is not None:
                messages.draft_saved(form, saved.draft, link, channel, to, current_language())
                from app.extensions import db

                db.session.commit()
            flows.start(
                SAVED_KIND,
                {"slug": slug, "code": saved.draft.code, "link": link, "sent": channel or ""},
            )
            return go(url_for("forms.saved", slug=slug))
    return render_template(
        "forms/save.html",
        definition=form,
        form=page,
        back_url=wizard.next_url(flow),
        days=drafts.days(),
        title=_("Bewaren en later verder"),
    )


def _send_to(page: SaveForm) -> tuple[str | None, Recipient | None]:
    from app.booking.contact import is_mobile, normalise_email, normalise_phone

    how = page.sturen.data
    if how == "email":
        email = normalise_email(page.email.data)
        if not email or "@" not in email or "." not in email.partition("@")[2]:
            page.email.errors = [_("Vul uw e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")]
            return "email", None
        return "email", Recipient(name="", email=email)
    if how == "sms":
        phone = normalise_phone(page.telefoon.data)
        if phone is None or not is_mobile(phone):
            page.telefoon.errors = [_("Vul een mobiel nummer in, bijvoorbeeld 06 12 34 56 78.")]
            return "sms", None
        return "sms", Recipient(name="", phone=phone)
    return None, None


@bp.get("/formulieren/<slug>/bewaard")
def saved(slug: str) -> ResponseReturnValue:
    """The code and link of the saved form, and until when it is kept."""
    form = definition(slug)
    shown = flows.load(SAVED_KIND)
    if shown is None or shown.data.get("slug") != slug:
        return go(url_for("forms.start", slug=slug))
    flow = engine.wizard_for(form).load()
    draft = drafts.of_flow(flow) if flow else None
    if draft is None:
        return go(url_for("forms.start", slug=slug))
    return render_template(
        "forms/saved.html",
        definition=form,
        code=shown.data["code"],
        link=shown.data["link"],
        sent=shown.data.get("sent"),
        until=_day(draft.expires_at),
        continue_url=engine.wizard_for(form).next_url(flow) if flow else None,
        title=_("Uw formulier is bewaard"),
    )


# --- going on later ------------------------------------------------------------------------------


def _window() -> Any:
    return parse(str(current_app.config.get("FORMS_RESUME_LIMIT", "8 per hour")))


def _keys(code: str) -> list[str]:
    hashed = hashlib.sha256(code.encode()).hexdigest()[:32]
    return [f"ip:{request.remote_addr}", f"code:{hashed}"]


def _blocked(keys: list[str]) -> bool:
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return False
    return any(not limiter.limiter.test(_window(), RESUME_SCOPE, key) for key in keys)  # type: ignore[arg-type]


def _count_failure(keys: list[str]) -> None:
    if current_app.config.get("RATELIMIT_ENABLED", True):
        for key in keys:
            limiter.limiter.hit(_window(), RESUME_SCOPE, key)  # type: ignore[arg-type]


def _go_on(draft: Any) -> ResponseReturnValue:
    """Open the resumed form: at its first open step (after logging in, for a form with login)."""
    form = library().get(draft.slug)
    flow = drafts.resume(form, draft) if form else None
    if form is None or flow is None:
        return go(url_for("forms.resume", link="verlopen"))
    message = _("Welkom terug. Wij bewaren uw formulier tot %(day)s.", day=_day(draft.expires_at))
    if drafts.warning_due(draft):
        message = _(
            "Let op: wij wissen uw formulier op %(day)s. Maak het voor die dag af.",
            day=_day(draft.expires_at),
        )
    flash(message, "info")
    wizard = engine.wizard_for(form)
    target = wizard.next_url(flow).removeprefix(request.script_root)
    if form.login and current_resident() is None:
        flash(
            _("Log in om verder te gaan. Gegevens van de gemeente vullen wij dan weer voor u in."),
            "info",
        )
        return go(login_url(form, target))
    return go(path_in(current_language(), target))


@bp.route("/formulieren/verder", methods=["GET", "POST"])
def resume() -> ResponseReturnValue:
    """Go on with a saved form: the code and the postcode given when saving it."""
    page = ResumeForm()
    status = 200
    if page.validate_on_submit():
        code = drafts.normalise_code(page.code.data) or str(page.code.data or "").upper()
        keys = _keys(code)
        if _blocked(keys):
            page.code.errors = [
                _("U hebt het te vaak geprobeerd. Probeer het over een uur opnieuw. Of bel ons.")
            ]
            status = 429
        else:
            draft = drafts.find(page.code.data or "", page.postcode.data or "")
            if draft is not None:
                return _go_on(draft)
            _count_failure(keys)
            # The same words for a wrong code and a wrong postcode.
            page.code.errors = [
                _(
                    "Wij vinden geen formulier met deze code en deze postcode. Kijk of de code "
                    "klopt en of het de postcode is die u gaf. Bewaarde formulieren wissen wij "
                    "na %(days)d dagen.",
                    days=drafts.days(),
                )
            ]
    return (
        render_template(
            "forms/resume.html",
            form=page,
            expired_link=request.args.get("link") == "verlopen",
            title=_("Verder met een bewaard formulier"),
        ),
        status,
    )


@bp.get("/formulieren/verder/link")
@language_neutral
def resume_link() -> ResponseReturnValue:
    """The link on the saved page and in the message: open the form, in its own language."""
    draft = drafts.by_token(request.args.get("code"))
    if draft is None:
        return go(url_for("forms.resume", link="verlopen"))
    request.environ["loket.lang"] = draft.lang  # the flash and the redirect in its language
    return _go_on(draft)
