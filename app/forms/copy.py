"""A printable PDF copy of what a resident sent, made with the outbox's letter machinery.

The copy is a letter as `app/notify/letters` makes them (the same sender block, font, page
numbers and reference on every page), so there is one PDF layer in Loket, not two.
"""

import datetime as dt
from pathlib import Path

from babel.dates import format_date
from flask import Response, current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from app.core.time import aware, local
from app.extensions import current_language
from app.forms import fields, messages, summary
from app.forms.definitions import FormDef
from app.forms.models import FormSubmission
from app.notify.letters.document import Block, LetterDocument, sender_block
from app.notify.letters.pdf import letter_pdf
from app.notify.recipients import PostalAddress
from app.notify.render import DEV_URL, contact_facts

LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def document(form: FormDef, row: FormSubmission, lang: str) -> LetterDocument:
    """The copy as a letter: every question and answer, what is still to come, what next."""
    contact = contact_facts()
    site = str(current_app.config.get("PUBLIC_URL") or DEV_URL).rstrip("/")
    sent = local(aware(row.updated_at if row.version > 1 else (row.submitted_at or row.created_at)))
    day = format_date(sent.date(), "d MMMM y", locale=LOCALES[lang])
    address = fields.address_of(form, row.answers)
    name = _recipient_name(form, row)
    lines: tuple[str, ...] = (name,) if name else ()
    if address is not None:
        postal = PostalAddress(
            address.street, address.number, address.postcode, address.city, address.suffix
        )
        lines = (*lines, *postal.lines())
    with force_locale(lang):
        blocks: list[Block] = [
            Block("p", (_("Dit is een kopie van wat u ons stuurde op %(day)s.", day=day),)),
        ]
        if row.version > 1:
            blocks.append(
                Block("p", (_("U heeft uw aanvraag daarna veranderd. Dit is de nieuwste versie."),))
            )
        if row.status == "ingetrokken":
            blocks.append(Block("p", (_("U heeft deze aanvraag ingetrokken."),)))
        for section in summary.sections(form, row.answers, lang):
            blocks.append(Block("h", (section.title,)))
            items = []
            for entry in section.rows:
                answer = "; ".join(entry.lines)
                if entry.source:
                    answer += f" ({entry.source})"
                items.append(f"{entry.label}: {answer}")
            blocks.append(Block("ul", tuple(items)))
        later = messages.missing_lines(form, row.answers, lang)
        if later["later"] or later["meenemen"]:
            blocks.append(Block("h", (_("Wat wij nog van u nodig hebben"),)))
            if later["later"]:
                blocks.append(
                    Block(
                        "p",
                        (
                            _(
                                "Stuur dit op naar %(address)s. Zet uw nummer %(reference)s erbij.",
                                address=", ".join(_return_address()),
                                reference=row.reference,
                            ),
                        ),
                    )
                )
                blocks.append(Block("ul", tuple(later["later"])))
            if later["meenemen"]:
                blocks.append(Block("p", (_("Neem dit mee naar de Stadswinkel:"),)))
                blocks.append(Block("ul", tuple(later["meenemen"])))
        blocks.append(Block("h", (_("Wat gebeurt er nu?"),)))
        blocks.append(Block("p", (form.next.get(lang),)))
        blocks.append(
            Block(
                "p", (_("Een medewerker beslist over uw aanvraag. Een computer beslist dit niet."),)
            )
        )
        blocks.append(Block("h", (_("Niet tevreden?"),)))
        blocks.append(
            Block(
                "p",
                (
                    _(
                        "Bent u niet tevreden over hoe wij u helpen? "
                        "Bel ons op telefoonnummer %(phone)s. Of stuur ons een brief.",
                        phone=contact["phone"]["number"],
                    ),
                    *(
                        (
                            _(
                                "Bent u het niet eens met een besluit? Dan kunt u bezwaar maken. "
                                "Hoe dat gaat, staat in de brief met het besluit."
                            ),
                        )
                        if form.objection
                        else ()
                    ),
                    _(
                        "Komen wij er samen niet uit? Dan kunt u naar de gemeentelijke ombudsman. "
                        "Dat is gratis."
                    ),
                ),
            )
        )
        subject = _("Kopie van uw aanvraag: %(topic)s", topic=messages.topic(form, lang))
    address_facts = contact["address"]
    return LetterDocument(
        lang=lang,
        sender=sender_block(contact, lang, site),
        return_line=(
            f"Gemeente Nijmegen, {address_facts['street']}, "
            f"{address_facts['postcode']} {address_facts['city']}"
        ),
        recipient=lines,
        date_text=day,
        reference=row.reference,
        subject=subject,
        blocks=tuple(blocks),
    )


def _return_address() -> tuple[str, ...]:
    from app.forms import library

    return library().return_address


def _recipient_name(form: FormDef, row: FormSubmission) -> str:
    from app.forms.service import _name

    return _name(form, row.answers, None)


def pdf_bytes(form: FormDef, row: FormSubmission, lang: str) -> bytes:
    font_dir = Path(str(current_app.config["NOTIFY_LETTER_FONT_DIR"]))
    data, _pages = letter_pdf(document(form, row, lang), font_dir)
    return data


def pdf_response(form: FormDef, row: FormSubmission) -> Response:
    data = pdf_bytes(form, row, current_language())
    response = Response(data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{row.reference}.pdf"'
    response.headers["Cache-Control"] = "no-store"
    return response


__all__ = ["document", "dt", "pdf_bytes", "pdf_response"]
