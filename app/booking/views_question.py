"""A written question (/contact/vraag), for residents who cannot phone or prefer writing."""

from flask import render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from wtforms.fields.choices import SelectChoice

from app.booking import questions
from app.booking.forms import QuestionForm
from app.booking.topics import OTHER, topics
from app.booking.views import bp
from app.core import flows
from app.core.wizard import StepInvalid, go
from app.extensions import current_language, db

SENT_KIND = "vraag-verstuurd"


@bp.route("/contact/vraag", methods=["GET", "POST"])
def question() -> ResponseReturnValue:
    """Ask a question in writing; the answer comes by e-mail, SMS or letter."""
    form = QuestionForm()
    form.onderwerp.choices = [SelectChoice("", _("Kies een onderwerp"))] + [
        SelectChoice(t.slug, t.title) for t in topics()
    ]
    if form.validate_on_submit():
        contact = form.bericht.data or ""
        try:
            email, phone = form.contact_values(contact, False)
            address = form.address() if contact == "brief" else None
        except StepInvalid as invalid:
            getattr(form, invalid.field).errors = [invalid.message]
        else:
            stored = questions.ask(
                questions.Question(
                    topic=form.onderwerp.data or OTHER,
                    text=form.vraag.data or "",
                    name=form.naam.data or "",
                    contact=contact,
                    email=email,
                    phone=phone,
                    address=address,
                    lang=current_language(),
                )
            )
            flows.start(SENT_KIND, {"question": stored.id})
            return go(url_for("booking.question_sent"))
    return render_template("booking/question.html", form=form, title=_("Stel uw vraag"))


@bp.get("/contact/vraag/verstuurd")
def question_sent() -> ResponseReturnValue:
    """Confirm the question with its reference."""
    from app.booking.models import WrittenQuestion

    flow = flows.load(SENT_KIND)
    stored = db.session.get(WrittenQuestion, flow.data.get("question")) if flow else None
    if stored is None:
        return go(url_for("booking.question"))
    return render_template(
        "booking/question_sent.html", question=stored, title=_("Uw vraag is verstuurd")
    )
