"""A notice in words, in one language: for Mijn Loket, and for the letter, e-mail and SMS.

`describe(notice, lang)` gives the same sentences everywhere (one voice). Dates and money are
written in that language; links are paths on this site (the page makes them language-aware,
a letter makes them absolute).
"""

from dataclasses import dataclass

from flask_babel import force_locale

from app.links import internal_exists
from app.notices.catalogue import catalogue
from app.notices.service import Notice


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    source: str  # "Uit de Basisregistratie Personen, 1 december 2026"


@dataclass(frozen=True)
class Words:
    rule: str
    kind: str  # actie, regeling, vanzelf
    title: str
    reason: str
    explanation: str  # what the scheme is (schemes only)
    reasons: tuple[str, ...]  # why we think so, one sentence per fact
    facts: tuple[Fact, ...]  # the data used, with its source
    legal: tuple[str, ...]  # the legal basis, then what applies to every notice
    action: str  # what to do, as a label
    form_path: str | None  # /formulieren/<slug> or the service page when the form is not there
    booking_topic: str | None
    booking_path: str | None  # /afspraak?onderwerp=... once the booking flow exists
    service_path: str | None  # /diensten/<topic>: how it works, every way to arrange it
    worth: str  # an indication of what it is worth
    caveat: str  # when it is not always the best choice
    decided_by: str  # "Een medewerker beoordeelt uw aanvraag. Er wordt niets automatisch besloten."
    mistake: str  # a mistaken award is in principle not reclaimed


def form_path(slug: str) -> str:
    """The form when it exists on this site, else the service page that explains every way."""
    path = f"/formulieren/{slug}"
    return path if internal_exists(path) else f"/diensten/{slug}"


# Messages write English dates the British way, as the outbox's own templates do.
MESSAGE_LOCALES = {"nl": "nl", "en": "en_GB"}


def describe(notice: Notice, lang: str, message: bool = False) -> Words:
    """Return the notice's words in `lang` ("nl" or "en"); `message`: for a letter or e-mail."""
    rule = notice.rule
    common = catalogue().common
    with force_locale(MESSAGE_LOCALES[lang] if message else lang):
        values = {name: make() for name, make in notice.values.items()}
        suffix = f"_{notice.variant}" if notice.variant else ""

        def text(name: str) -> str:
            return (rule.text(name + suffix, lang) or rule.text(name, lang)).format(**values)

        outcome = notice.outcome
        legal = [outcome.scheme.text("wet", lang) if outcome else rule.text("wet", lang)]
        legal.append(common["wet"][lang])
        return Words(
            rule=rule.key,
            kind=notice.kind,
            title=text("titel"),
            reason=text("reden"),
            explanation=outcome.scheme.text("uitleg", lang) if outcome else "",
            reasons=tuple(r.text(lang) for r in outcome.reasons) if outcome else (),
            facts=tuple(Fact(str(u.label), u.value(), u.source_label()) for u in notice.used),
            legal=tuple(t for t in legal if t),
            action=text("actie"),
            form_path=form_path(notice.form) if notice.form else None,
            booking_topic=notice.booking,
            booking_path=f"/afspraak?onderwerp={notice.booking}"
            if notice.booking and internal_exists("/afspraak")
            else None,
            service_path=f"/diensten/{notice.booking}"
            if notice.booking and internal_exists(f"/diensten/{notice.booking}")
            else None,
            worth=outcome.worth_words[lang] if outcome else "",
            caveat=outcome.scheme.text("kanttekening", lang) if outcome else "",
            decided_by=common["besluit"][lang] if notice.form else "",
            mistake=common["fout"][lang] if notice.kind == "vanzelf" else "",
        )
