"""Each form definition as a `Wizard` (app/core/wizard.py): its steps, then "Controleer".

The flow's data (in the flow store, never in the cookie):

- `antwoorden`: per step the answer; `_bron` names the answers kept as a register gave them
  (source and date), `_veranderd` those the resident changed, `_ophalen` marks a step whose
  register values were left out of a saved draft (they come back only after logging in).
- `aangeboden`: per step what the registers offered (for "Uit de ...", and to see a change).
- `eigenaar`: whose form it is (`client_key(resident, "formulieren")`), for a form with login.
- `bundel`: the key of the files sent with it; `sleutel`: against a double submit;
  `gezien`: the steps answered (for passing answers on to a person); `concept`: the saved
  draft; `correctie`: the reference of the submission being corrected; `kenmerk`: the
  reference once submitting began; `betaling`: the payment in progress.
"""

import contextlib
import secrets
from collections.abc import Mapping
from typing import Any

from flask import current_app, g, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, TextAreaField
from wtforms.validators import Length

from app.core import flows
from app.core.wizard import Data, Step, Wizard
from app.extensions import current_language
from app.forms import fields, prefill
from app.forms.definitions import FormDef, StepDef
from app.identity.resident import Resident, client_key, current_resident

REVIEW = "controleren"
CLIENT_PURPOSE = "formulieren"


def kind_of(form: FormDef) -> str:
    return f"formulier-{form.slug}"[:60]


def owner_key(resident: Resident | None) -> str | None:
    return client_key(resident, CLIENT_PURPOSE) if resident is not None else None


def bsn_of(resident: Resident | None) -> str | None:
    """The BSN whose registers a form may read: the represented person when acting for one."""
    if resident is None:
        return None
    kind, subject = resident.client
    return subject if kind == "bsn" else None


class ReviewForm(FlaskForm):
    sleutel = HiddenField()
    toelichting = TextAreaField(
        _l("Wat heeft u veranderd? (als u dat wilt zeggen)"),
        validators=[Length(max=1000, message=_l("Schrijf het korter, in 1000 tekens of minder."))],
    )


def answers_of(data: Data) -> dict[str, Any]:
    return Wizard.answers(data)


# --- one step --------------------------------------------------------------------------------


def _offered(form: FormDef, step: StepDef, data: Data) -> dict[str, Any]:
    """What the registers offer for this step; read again on every GET of an unanswered step."""
    kept = dict((data.get("aangeboden") or {}).get(step.name) or {})
    wants = [q for q in step.questions if q.prefill]
    stored = answers_of(data).get(step.name)
    fresh = request.method == "GET" and wants and (stored is None or stored.get("_ophalen"))
    resident = current_resident()
    bsn = bsn_of(resident)
    if not fresh or bsn is None:
        return kept
    found = prefill.read_for(form, bsn)
    lang = current_language()
    offered: dict[str, Any] = {}
    for question in wants:
        offer = prefill.offer(question, found, lang, bsn)
        if offer is not None:
            offered[question.name] = offer.to_data()
    g.loket_form_unavailable = sorted(found.unavailable)
    all_offered = dict(data.get("aangeboden") or {})
    all_offered[step.name] = offered
    data["aangeboden"] = all_offered
    g.loket_form_offered_changed = offered != kept
    return offered


def _stored_for_form(stored: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """A draft's answer without its register values shows the fields empty, to be filled again."""
    if stored and stored.get("_ophalen"):
        return {k: v for k, v in stored.items() if k not in stored["_ophalen"]}
    return stored


def make_step(form: FormDef, step: StepDef) -> Step:
    def build(data: Data, stored: Mapping[str, Any] | None) -> FlaskForm:
        offered = _offered(form, step, data)
        previous = answers_of(data).get(step.name)  # its files may be kept
        return fields.build_form(
            form,
            step,
            answers_of(data),
            _stored_for_form(stored),
            offered,
            current_language(),
            previous=previous if isinstance(previous, dict) else None,
        )

    def applies(data: Data) -> bool:
        return step.applies(answers_of(data))

    def fits(answer: Data, data: Data) -> bool:
        return fields.answered(step, answer)

    def save(built: FlaskForm, flow: flows.Flow) -> Data:
        from app.forms import service

        assert isinstance(built, fields.StepForm)
        answer = fields.answer_of(step, built)
        offered = (flow.data.get("aangeboden") or {}).get(step.name) or {}
        answer.update(compare(step, answer, offered, built))
        service.store_files(form, step, built, answer, flow)
        seen = [s for s in flow.data.get("gezien", []) if s != step.name]
        flow.data["gezien"] = [*seen, step.name]
        return answer

    def context(flow: flows.Flow, built: FlaskForm) -> Data:
        if g.get("loket_form_offered_changed"):
            with contextlib.suppress(flows.StaleFlow):  # another tab saved first
                flows.save(flow)
        return step_context(form, step, flow)

    return Step(
        step.name,
        step.title,
        build,
        "forms/step.html",
        condition=applies,
        fits=fits,
        save=save,
        context=context,
    )


def compare(step: StepDef, answer: Data, offered: Mapping[str, Any], built: Any) -> Data:
    """Which answers are the register's own (`_bron`), and which the resident changed."""
    sources: dict[str, Any] = {}
    changed: list[str] = []
    for question in step.questions:
        offer = offered.get(question.name)
        if offer is None:
            continue
        mine = answer.get(question.name)
        theirs = fields._offered_value(question, offer["waarde"])
        if question.kind == "adres":
            same = isinstance(mine, dict) and mine.get("source") == "brp"
        elif question.kind == "meerkeuze":
            same = sorted(mine or []) == sorted(theirs or [])
        elif question.kind == "lang":
            same = _lines(mine) == _lines(theirs)
        elif question.kind == "tekst":
            same = fields._normalised(question, str(theirs or "")) == mine
        else:
            same = mine == theirs
        if same:
            sources[question.name] = {"bron": offer["bron"], "datum": offer["datum"]}
        else:
            changed.append(question.name)
    return {"_bron": sources, "_veranderd": changed}


def _lines(value: Any) -> list[str]:
    return [line.strip() for line in str(value or "").splitlines() if line.strip()]


def step_context(form: FormDef, step: StepDef, flow: flows.Flow) -> Data:
    from app.forms.summary import source_label
    from app.prefill.service import SOURCES, UNAVAILABLE

    lang = current_language()
    answer = answers_of(flow.data).get(step.name) or {}
    offered = (flow.data.get("aangeboden") or {}).get(step.name) or {}
    notes: dict[str, Any] = {}
    for question in step.questions:
        meta = (answer.get("_bron") or {}).get(question.name) or offered.get(question.name)
        if meta and question.name not in (answer.get("_veranderd") or []):
            source = SOURCES.get(str(meta.get("bron")))
            notes[question.name] = {
                "label": source_label(meta, lang),
                "correction": source.correction if source else None,
                "correction_url": source.correction_url if source else None,
            }
    unavailable = g.get("loket_form_unavailable") or []
    return {
        "definition": form,
        "stepdef": step,
        "sources": notes,
        "unavailable": UNAVAILABLE
        if unavailable and any(q.prefill for q in step.questions)
        else None,
        "multipart": fields.has_files(step),
        "payment_step": 1 if form.payment else 0,
        "files": _files_of(step, answer),
        "upload_limit": current_app.config.get("FORMS_UPLOAD_MAX_BYTES", 5 * 1024 * 1024),
        "address_of": fields.address_of(form, answers_of(flow.data)),
        **common_context(form, flow),
    }


def _files_of(step: StepDef, answer: Mapping[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for question in step.questions:
        value = answer.get(question.name)
        if question.kind == "foto" and isinstance(value, dict):
            found[question.name] = value
    return found


def common_context(form: FormDef, flow: flows.Flow) -> Data:
    from app.forms import drafts

    return {
        "draft": drafts.of_flow(flow),
        "correcting": flow.data.get("correctie"),
    }


# --- the review step ----------------------------------------------------------------------------


def make_review(form: FormDef) -> Step:
    def build(data: Data, stored: Mapping[str, Any] | None) -> FlaskForm:
        return ReviewForm()

    def save(built: FlaskForm, flow: flows.Flow) -> Any:
        from app.forms import service

        assert isinstance(built, ReviewForm)
        return service.submit_from_review(form, flow, built)

    def context(flow: flows.Flow, built: FlaskForm) -> Data:
        from app.forms import service, summary

        assert isinstance(built, ReviewForm)
        built.sleutel.data = flow.data.get("sleutel")
        lang = current_language()
        answers = answers_of(flow.data)
        return {
            "definition": form,
            "sections": summary.sections(form, answers, lang),
            "missing": summary.missing(form, answers, lang),
            "amount": service.price(form, answers) if form.payment else None,
            "payment_step": 1 if form.payment else 0,
            "problem": g.get("loket_form_problem"),
            **common_context(form, flow),
        }

    return Step(
        REVIEW,
        _l("Controleer uw antwoorden"),
        build,
        "forms/review.html",
        save=save,
        context=context,
        review=True,
    )


def make_wizard(form: FormDef) -> Wizard:
    def on_start() -> Data:
        resident = current_resident()
        return {
            "sleutel": secrets.token_urlsafe(24),
            "bundel": secrets.token_urlsafe(24),
            "eigenaar": owner_key(resident) if form.login else None,
            "taal": current_language(),
            "gezien": [],
        }

    steps = (*(make_step(form, s) for s in form.steps), make_review(form))
    return Wizard(
        kind_of(form),
        steps,
        endpoint="forms.step",
        on_start=on_start,
        url_values={"slug": form.slug},
    )


def wizard_for(form: FormDef) -> Wizard:
    """The wizard of a form, made once per app."""
    made: dict[str, Wizard] = current_app.extensions.setdefault("loket.forms.wizards", {})
    if form.slug not in made:
        made[form.slug] = make_wizard(form)
    return made[form.slug]


def owned_by_someone_else(form: FormDef, flow: flows.Flow) -> bool:
    """A form with login belongs to whoever started it; nobody else may see its answers."""
    if not form.login:
        return False
    owner = flow.data.get("eigenaar")
    mine = owner_key(current_resident())
    return owner is not None and owner != mine


def take_over(flow: flows.Flow) -> None:
    """A form begun before logging in (a resumed draft without owner) becomes this resident's."""
    if flow.data.get("eigenaar") is None:
        flow.data["eigenaar"] = owner_key(current_resident())
        with contextlib.suppress(flows.StaleFlow):  # another tab saved first
            flows.save(flow)


def problem(message: str) -> None:
    """Show `message` on the review page (the case system is down, say)."""
    g.loket_form_problem = message


__all__ = ["REVIEW", "ReviewForm", "_", "kind_of", "make_wizard", "problem", "wizard_for"]
