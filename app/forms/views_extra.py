"""Around a form: "Mijn situatie past hier niet" (book a person) and the paper version."""

from typing import Any

from flask import abort, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from app.core.wizard import go
from app.extensions import current_language
from app.forms import engine, library, prefill, summary
from app.forms.definitions import FormDef
from app.forms.forms import NotFitForm
from app.forms.views import bp, definition
from app.identity.resident import current_resident
from app.links import booking_url

# The booking flow's "Iets anders" text holds at most this much (app/booking/forms.py).
HAND_OVER_MAX = 200


def _answers_seen(form: FormDef) -> tuple[dict[str, Any], list[str]]:
    """The answers of this browser's form, if they are this visitor's to pass on."""
    flow = engine.wizard_for(form).load()
    if flow is None or engine.owned_by_someone_else(form, flow):
        return {}, []
    return engine.answers_of(flow.data), list(flow.data.get("gezien") or [])


def hand_over_text(form: FormDef, note: str) -> str:
    answers, seen = _answers_seen(form)
    text = summary.hand_over(form, answers, seen, note, current_language())
    return text if len(text) <= HAND_OVER_MAX else text[: HAND_OVER_MAX - 1].rstrip() + "…"


@bp.route("/formulieren/<slug>/past-niet", methods=["GET", "POST"])
def not_fitting(slug: str) -> ResponseReturnValue:
    """My situation does not fit: talk to a person, with my answers so far if I want."""
    form = definition(slug)
    page = NotFitForm()
    if page.validate_on_submit():
        if not page.meegeven.data:
            return go(booking_url(slug))
        from app.booking.topics import OTHER
        from app.booking.views import wizard as booking

        text = hand_over_text(form, str(page.wat.data or ""))
        flow = booking.start({"onderwerp": {"onderwerp": OTHER, "anders": text}})
        return go(booking.next_url(flow))
    step = request.args.get("stap", "")
    wizard = engine.wizard_for(form)
    back = wizard.url(step) if step in wizard.by_name else url_for("forms.start", slug=slug)
    seen = _answers_seen(form)[1]
    return render_template(
        "forms/not_fitting.html",
        definition=form,
        form=page,
        back_url=back,
        preview=hand_over_text(form, ""),
        has_answers=bool(seen),
        booking_link=booking_url(slug),
        title=_("Mijn situatie past hier niet"),
    )


@bp.get("/formulieren/<slug>/papier")
def paper(slug: str) -> ResponseReturnValue:
    """The form on paper, to print and fill in by hand; filled in ahead after logging in."""
    form = definition(slug)
    resident = current_resident() if form.login else None
    lang = current_language()
    filled: dict[str, dict[str, Any]] = {}
    unavailable = False
    bsn = engine.bsn_of(resident)
    if bsn is not None:
        found = prefill.read_for(form, bsn)
        unavailable = bool(found.unavailable)
        for step in form.steps:
            for question in step.questions:
                offer = prefill.offer(question, found, lang, bsn)
                if offer is None:
                    continue
                value = summary.offered_lines(question, offer.value, lang)
                filled.setdefault(step.name, {})[question.name] = {
                    "lines": value,
                    "source": summary.source_label(
                        {"bron": offer.source, "datum": offer.read_on}, lang
                    ),
                }
    return render_template(
        "forms/paper.html",
        definition=form,
        filled=filled,
        unavailable=unavailable,
        resident=resident,
        return_address=library().return_address,
        conditions=_conditions(form, lang),
        title=_("%(title)s: formulier op papier", title=str(form.title)),
    )


def _conditions(form: FormDef, lang: str) -> dict[str, str]:
    """ "Alleen invullen als u bij 'Waar komt uw geld vandaan?' Werk hebt gekozen." per step."""
    found = {}
    for step in form.steps:
        if step.when is None:
            continue
        question = form.question(step.when.step, step.when.question)
        if question is None:
            abort(500)
        labels = {o.value: o.label.get(lang) for o in question.options}
        labels.update({"ja": _("Ja"), "nee": _("Nee")})
        chosen = f" {_('of')} ".join(labels.get(v, v) for v in step.when.values)
        if step.when.negate:
            found[step.name] = _(
                "Vul dit deel alleen in als u bij “%(question)s” niet %(answer)s hebt gekozen.",
                question=question.label.get(lang),
                answer=chosen,
            )
        else:
            found[step.name] = _(
                "Vul dit deel alleen in als u bij “%(question)s” %(answer)s hebt gekozen.",
                question=question.label.get(lang),
                answer=chosen,
            )
    return found
