"""A letter as data: the one source for the PDF and for the HTML print view (the accessible
copy), so both show the same letter."""

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from babel.dates import format_date

from app.notify.recipients import Recipient
from app.notify.render import BABEL_LOCALE

LABELS = {
    "nl": {
        "date": "Datum",
        "reference": "Ons kenmerk",
        "subject": "Onderwerp",
        "page": "pagina",
        "sender": "Van",
        "recipient": "Aan",
    },
    "en": {
        "date": "Date",
        "reference": "Our reference",
        "subject": "Subject",
        "page": "page",
        "sender": "From",
        "recipient": "To",
    },
}
PHONE = {"nl": "Telefoon", "en": "Phone"}
ABROAD = {"nl": "Uit het buitenland", "en": "From abroad"}


@dataclass(frozen=True)
class Block:
    kind: Literal["p", "h", "ul"]
    lines: tuple[str, ...]  # the lines of a paragraph, one for a heading, the items of a list


@dataclass(frozen=True)
class LetterDocument:
    lang: str
    sender: tuple[str, ...]  # the municipal address block, top right
    return_line: str  # the small line above the address, for the window envelope
    recipient: tuple[str, ...]  # name and address lines
    date_text: str
    reference: str
    subject: str
    blocks: tuple[Block, ...]

    @property
    def labels(self) -> dict[str, str]:
        return LABELS[self.lang]


def parse_body(body: str) -> tuple[Block, ...]:
    """Split a rendered letter body into paragraphs, headings ("## ") and lists ("- ")."""
    blocks: list[Block] = []
    for chunk in body.split("\n\n"):
        lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("## "):
            blocks.append(Block("h", (lines[0][3:].strip(),)))
            lines = lines[1:]
            if not lines:
                continue
        if all(line.startswith("- ") for line in lines):
            blocks.append(Block("ul", tuple(line[2:].strip() for line in lines)))
        else:
            blocks.append(Block("p", tuple(lines)))
    return tuple(blocks)


def sender_block(contact: dict[str, Any], lang: str, site: str) -> tuple[str, ...]:
    address = contact["address"]
    return (
        "Gemeente Nijmegen",
        str(address["name"]),
        str(address["street"]),
        f"{address['postcode']} {address['city']}",
        "",
        f"{PHONE[lang]}: {contact['phone']['number']}",
        f"{ABROAD[lang]}: {contact['phone_abroad']['number']}",
        site,
    )


def build(
    *,
    lang: str,
    recipient: Recipient,
    reference: str,
    subject: str,
    body: str,
    dated: dt.date,
    contact: dict[str, Any],
    site: str,
) -> LetterDocument:
    if recipient.address is None:
        raise ValueError("a letter needs a postal address")
    address = contact["address"]
    return LetterDocument(
        lang=lang,
        sender=sender_block(contact, lang, site),
        return_line=f"Gemeente Nijmegen, {address['street']}, {address['postcode']} "
        f"{address['city']}",
        recipient=(recipient.name, *recipient.address.lines()),
        date_text=format_date(dated, "d MMMM y", locale=BABEL_LOCALE[lang]),
        reference=reference,
        subject=subject,
        blocks=parse_body(body),
    )
