"""The regelingencheck (/regelingencheck, no login): one question per page, then the schemes
you may be entitled to. By POST (income does not belong in a URL); nothing is stored and the
session is not touched: the answers travel in the form. Protected like search by an Origin
check and a rate limit instead of a CSRF token (app/regelingen/__init__.py exempts it)."""

from collections.abc import Mapping
from urllib.parse import urlsplit

from flask import Blueprint, Response, abort, redirect, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from markupsafe import Markup, escape
from wtforms import RadioField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired

from app.extensions import current_language, limiter
from app.regelingen import check
from app.regelingen.results import results
from app.security import personal

bp = Blueprint("regelingen", __name__)
EASY = "makkelijk"
EARLIER = "eerder-"  # an answer given before "Vorige vraag" or "Antwoorden veranderen"


@bp.after_request
def _not_kept(response: Response) -> Response:
    if request.method == "POST":  # answers about income: no browser or proxy keeps them
        response.headers["Cache-Control"] = "no-store"
    return response


def same_origin() -> bool:
    """Whether a POST comes from a page of this site (Origin, else Referer; neither: a client
    that sends no such headers, such as a script of our own tests, is let through)."""
    sent = request.headers.get("Origin") or request.headers.get("Referer")
    if sent is None:
        return True
    parts = urlsplit(sent)
    return f"{parts.scheme}://{parts.netloc}" == request.host_url.rstrip("/")


def lines(text: str) -> Markup:
    """Easy-read text: one sentence per line."""
    return Markup("<br>").join(escape(line) for line in text.split("\n"))


def question_form(
    question: check.Question, answers: Mapping[str, str], variant: str, submitted: bool
) -> FlaskForm:
    lang = EASY if variant == EASY else current_language()
    choices = [
        SelectChoice(a.key, a.label(lang).replace("\n", " "))
        for a in check.answers_for(question, answers)
    ]

    class Form(FlaskForm):
        class Meta:
            csrf = False

    field = RadioField(
        question.text("tekst", lang),
        choices=choices,
        validators=[InputRequired(_("Kies een antwoord."))],
    )
    setattr(Form, question.key, field)
    if submitted:
        form = Form(formdata=request.form)
        form.validate()
    else:  # going back, or changing answers: the earlier choice is chosen already
        chosen = request.form.get(question.key) or request.form.get(EARLIER + question.key)
        form = Form(formdata=None, data={question.key: chosen})
    return form


def _page(variant: str) -> ResponseReturnValue:
    lang = EASY if variant == EASY else current_language()
    template_vars = {
        "variant": variant,
        "easy": variant == EASY,
        "lang_texts": lang,
        "lines": lines,
        "easy_texts": check.questions().easy,
    }
    if request.method == "POST":
        if not same_origin():
            abort(403)
        personal()  # answers about income: never kept by a cache, never compressed (BREACH)
    posted = request.form.to_dict() if request.method == "POST" else {}
    back = posted.get("terug")
    answers = check.read(posted)
    earlier = {k.removeprefix(EARLIER): v for k, v in posted.items() if k.startswith(EARLIER)}
    if back in answers:  # "Vorige vraag": ask it again, with its answer and the later ones kept
        keys = list(answers)
        earlier.update({k: answers[k] for k in keys[keys.index(back) :]})
        answers = {k: answers[k] for k in keys[: keys.index(back)]}
    earlier = {k: v for k, v in earlier.items() if k not in answers}
    question = check.next_question(answers)
    if question is None:
        outcomes = results(check.situation_of(answers), lang)
        return render_template(
            "regelingen/uitslag.html", answers=answers, outcomes=outcomes, **template_vars
        )
    submitted = posted.get("vraag") == question.key and not back
    form = question_form(question, answers, variant, submitted)
    asked = check.asked(answers)
    done = [q.key for q in asked if q.key in answers]
    return render_template(
        "regelingen/vraag.html",
        form=form,
        field=form[question.key],
        question=question,
        hint=question.text("uitleg", lang),
        answers=answers,
        earlier={EARLIER + k: v for k, v in earlier.items() if k != question.key},
        number=len(done) + 1,
        total=len(asked),
        previous=done[-1] if done else None,
        **template_vars,
    ), (400 if submitted and form.errors else 200)


@bp.route("/regelingencheck", methods=["GET", "POST"])
@limiter.limit("30/minute;300/hour", methods=["POST"])
def start() -> ResponseReturnValue:
    """Questions -> the schemes you may be entitled to (an indication: a person decides)."""
    return _page("b1")


@bp.route("/regelingencheck/makkelijk-lezen", methods=["GET", "POST"])
@limiter.limit("30/minute;300/hour", methods=["POST"])
def easy() -> ResponseReturnValue:
    """The same check in easy-read Dutch (there is no English easy read: the English check)."""
    if current_language() != "nl":
        return redirect("/en/regelingencheck", 302)
    return _page(EASY)
