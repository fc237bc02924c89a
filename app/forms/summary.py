"""Answers as a resident and a member of staff read them: rows of question and answer.

One function for the check-your-answers page, the confirmation, the PDF copy, the case in the
case system (in Dutch, for staff) and the short summary a resident may pass on to a person.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from babel.dates import format_date
from flask_babel import force_locale
from flask_babel import gettext as _

from app.address.base import PostalAddress
from app.forms import values
from app.forms.definitions import FormDef, Question, StepDef
from app.prefill.service import SOURCES

LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def _channel_words(value: Mapping[str, Any]) -> str:
    from app.booking.contact import phone_words

    kind = value.get("kanaal")
    if kind == "email":
        return _("Per e-mail naar %(email)s", email=value.get("email", ""))
    if kind == "sms":
        return _("Per sms naar %(phone)s", phone=phone_words(str(value.get("telefoon", ""))))
    if kind == "brief":
        return _("Met een brief")
    return _("Geen bericht")


def _evidence_words(how: str) -> str:
    return {
        "nu": _("Meegestuurd"),
        "later": _("Stuurt u later op"),
        "meenemen": _("Neemt u mee naar de Stadswinkel"),
    }.get(how, "")


@dataclass
class Row:
    step: str
    question: str
    label: str
    lines: list[str]
    source: str | None = None  # "Uit de Basisregistratie Personen, 3 november 2026"
    changed: bool = False  # filled in ahead, then changed by the resident


@dataclass
class Section:
    step: StepDef
    title: str
    rows: list[Row] = field(default_factory=list)


def day_words(iso: str, lang: str) -> str:
    return format_date(dt.date.fromisoformat(iso), "d MMMM y", locale=LOCALES[lang])


def source_label(meta: Mapping[str, Any], lang: str) -> str | None:
    """ "Uit de Basisregistratie Personen, 3 november 2026" for a value kept as it came."""
    source = SOURCES.get(str(meta.get("bron", "")))
    if source is None or not meta.get("datum"):
        return None
    with force_locale(lang):
        phrase = str(source.from_phrase)
    return f"{phrase}, {day_words(str(meta['datum']), lang)}"


def display(question: Question, value: Any, lang: str) -> list[str]:
    """The lines an answer reads as, in `lang`."""
    with force_locale(lang):
        return _display(question, value, lang)


def _display(question: Question, value: Any, lang: str) -> list[str]:
    if value in (None, "", [], {}):
        return [_("Geen foto") if question.kind == "foto" else _("Niet ingevuld")]
    kind = question.kind
    if kind == "bedrag":
        return [values.money_words(int(value), lang)]
    if kind == "janee":
        return [{"ja": _("Ja"), "nee": _("Nee")}.get(str(value), str(value))]
    if kind == "keuze":
        option = next((o for o in question.options if o.value == value), None)
        return [option.label.get(lang) if option else str(value)]
    if kind == "meerkeuze":
        labels = {o.value: o.label.get(lang) for o in question.options}
        return [labels.get(v, v) for v in value]
    if kind == "adres":
        return [PostalAddress.from_data(value).line]
    if kind == "lang":
        return [line for line in str(value).splitlines() if line.strip()] or [_("Niet ingevuld")]
    if kind == "bewijs":
        lines = [_evidence_words(str(value.get("keuze")))]
        lines += [f["naam"] for f in value.get("bestanden", [])]
        return [line for line in lines if line]
    if kind == "foto":
        return [str(value.get("naam", ""))]
    if kind == "contact":
        return [_channel_words(value)]
    return [str(value)]


def offered_lines(question: Question, value: Any, lang: str) -> list[str]:
    """How a value a register offers reads (the paper version shows it filled in)."""
    if question.kind == "adres" and isinstance(value, dict):
        house = f"{value.get('huisnummer', '')} {value.get('toevoeging', '')}".strip()
        return [
            f"{value.get('straat', '')} {house}, "
            f"{value.get('postcode', '')} {value.get('woonplaats', '')}"
        ]
    if question.kind == "bedrag" and isinstance(value, str):
        cents = values.parse_money(value)
        return display(question, cents, lang)
    return display(question, value, lang)


def visible_steps(form: FormDef, answers: Mapping[str, Any]) -> list[StepDef]:
    return [s for s in form.steps if s.applies(answers)]


def sections(form: FormDef, answers: Mapping[str, Any], lang: str) -> list[Section]:
    """Every step that applies, with its questions and answers."""
    found = []
    for step in visible_steps(form, answers):
        answer = answers.get(step.name) or {}
        section = Section(step, step.title.get(lang))
        sources = answer.get("_bron") or {}
        changed = set(answer.get("_veranderd") or [])
        for question in step.questions:
            meta = sources.get(question.name)
            section.rows.append(
                Row(
                    step.name,
                    question.name,
                    question.label.get(lang),
                    display(question, answer.get(question.name), lang),
                    source_label(meta, lang) if meta else None,
                    question.name in changed,
                )
            )
        found.append(section)
    return found


def missing(form: FormDef, answers: Mapping[str, Any], lang: str) -> list[dict[str, Any]]:
    """Evidence still to come: what, and whether it is sent later or brought along."""
    found = []
    for step in visible_steps(form, answers):
        for question in step.questions:
            if question.kind != "bewijs":
                continue
            value = (answers.get(step.name) or {}).get(question.name) or {}
            if value.get("keuze") in ("later", "meenemen"):
                found.append(
                    {
                        "how": value["keuze"],
                        "documents": [d.get(lang) for d in question.documents],
                    }
                )
    return found


def for_case(form: FormDef, answers: Mapping[str, Any], reference: str) -> dict[str, Any]:
    """The submission as the case system keeps it: Dutch, readable, with where values came from."""
    steps = []
    for section in sections(form, answers, "nl"):
        steps.append(
            {
                "stap": section.title,
                "antwoorden": [
                    {
                        "vraag": row.label,
                        "antwoord": row.lines,
                        **({"bron": row.source} if row.source else {}),
                        **({"veranderd_door_inwoner": True} if row.changed else {}),
                    }
                    for row in section.rows
                ],
            }
        )
    with force_locale("nl"):
        lacking = [
            {"stukken": item["documents"], "hoe": _evidence_words(item["how"])}
            for item in missing(form, answers, "nl")
        ]
    files = [
        f["naam"]
        for step, question in form.questions_of("bewijs")
        for f in ((answers.get(step.name) or {}).get(question.name) or {}).get("bestanden", [])
    ]
    return {
        "formulier": form.slug,
        "kenmerk": reference,
        "stappen": steps,
        "ontbreekt": lacking,
        "bijlagen": files,
    }


def hand_over(
    form: FormDef, answers: Mapping[str, Any], seen: list[str], note: str, lang: str
) -> str:
    """A short summary for a conversation: the form, the resident's own words, the steps done.

    Only steps the resident saw and answered count (`seen`), and only what the resident typed or
    chose there; values taken over from a register unchanged are left out.
    """
    parts = [form.title.get(lang)]
    if note:
        parts.append(note)
    done = []
    for step in visible_steps(form, answers):
        if step.name not in seen:
            continue
        answer = answers.get(step.name) or {}
        kept_from_register = set((answer.get("_bron") or {}).keys())
        for question in step.questions:
            if question.name in kept_from_register or question.kind in (
                "bewijs",
                "foto",
                "contact",
                "adres",
            ):
                continue
            value = answer.get(question.name)
            if value in (None, "", []):
                continue
            done.append(f"{question.label.get(lang)}: {', '.join(display(question, value, lang))}")
    parts.extend(done)
    return ". ".join(p.rstrip(".") for p in parts)
