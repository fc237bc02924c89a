"""Tell the resident when their case moves: every status change, by their own channel.

Registered as `providers={"zaken.status": tell_resident}`: app/cases calls it for every status
change made through Loket (a demo case moved by `flask zaken status`, a withdrawal, staff).
The message goes through the outbox by the resident's contact preference, a letter to the BRP
address when they gave none.
"""

import logging

from app.cases.service import StatusChange, explain
from app.core.time import local
from app.mijn import contact
from app.notify import outbox
from app.prefill import service as registers
from app.prefill.purposes import Purpose

log = logging.getLogger(__name__)
KIND = "zaak-status"  # templates/messages/zaak-status.<channel>.<lang>.txt
ADDRESS = Purpose.declare("bericht:zaak", {"personen": ["naam", "adres"]})


def context(change: StatusChange, lang: str) -> dict[str, object]:
    """The message's words, from the same texts as Mijn zaken and /zaak-status."""
    told = explain(change.case, lang)
    status = change.case.status
    return {
        "reference": change.case.reference,
        "case_name": told.name,
        "sentence": told.sentence,
        "next": told.next,
        "expected_by": told.expected_by.isoformat() if told.expected_by else "",
        "team": told.team,
        "status": status.key if status else "",
        "objection": bool(status and status.key == "besluit"),
        "moment": local(status.set_at).isoformat() if status else "",
    }


def tell_resident(change: StatusChange) -> None:
    """Queue a message about `change` for its initiator, in the caller's transaction.

    No commit: app/cases commits it together with the status change, once every listener ran.

    A business (KvK) has no channel here yet and is skipped. Without an initiator Loket cannot
    know whom to tell (logged, so the caller can pass one).

    :raises SourceUnavailable: a letter is due but the BRP cannot give the address now.
    """
    party = change.initiator
    if party is None or party.subject_type != "bsn":
        log.warning("status change of a case without a resident initiator: nobody told")
        return
    wanted = contact.preference("bsn", party.subject)
    name, address = party.name, party.address
    if (wanted is None or wanted.channel == contact.LETTER) or not name:
        found = registers.person(party.subject, ADDRESS).value
        if found is not None:
            name = found.name.full if found.name else name
            address = found.address or found.abroad  # type: ignore[assignment]
    route = contact.route(wanted, name, address)
    if route is None:
        log.warning("status change for a resident without any address: nobody told")
        return
    channel, recipient = route
    lang = wanted.lang if wanted else "nl"
    outbox.enqueue(
        kind=KIND,
        channel=channel,
        to=recipient,
        lang=lang,
        context=context(change, lang),
        about=f"zaak:{change.case.reference}",
    )
