"""`flask meldingen versturen`: tell residents what applies to them, also those who never log in.

For every resident the selection connector names: skip who opted out; compute the notices from
the registers (live); leave out those already sent; put the rest in one message in the outbox,
by the resident's channel (a letter to the BRP address by default), under a code that lets
them opt out without DigiD. One transaction per resident: the message exists if and only if the
record that it was sent does.

Safe to run twice and on several machines at once: the record of each notice has a unique key
(the resident and the notice, hashed); a second runner that tries to record the same notice
gets a unique-constraint error, rolls back its message and moves on. The opt-out is read again
just before the commit.
"""

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.core.connectors import ConnectorError
from app.core.references import new_reference
from app.extensions import db
from app.mijn import contact
from app.notices import optout
from app.notices.describe import Words, describe
from app.notices.keys import OPTOUT, dedupe_key, postcode_key, subject_key
from app.notices.models import NoticeLetter, NoticeSent
from app.notices.selection import selections
from app.notices.service import Found, Notice, find
from app.notify import outbox

log = logging.getLogger(__name__)
KIND = "melding"  # templates/messages/melding.<channel>.<lang>.txt
CODE_PREFIX = "ML"
OPTOUT_PATH = "/meldingen/afmelden"


@dataclass
class Report:
    counts: Counter[str]

    def line(self) -> str:
        c = self.counts
        return (
            f"Meldingen: {c['bekeken']} inwoners bekeken, {c['berichten']} berichten met "
            f"{c['meldingen']} meldingen in de outbox; {c['afgemeld']} afgemeld, "
            f"{c['al-verstuurd']} al verstuurd, {c['onvolledig']} met een bron die niet "
            f"bereikbaar was, {c['onbereikbaar']} zonder adres, {c['tegelijk']} tegelijk door "
            "een andere run verstuurd."
        )


def _code() -> str:
    for _ in range(20):
        code = new_reference(CODE_PREFIX)
        if db.session.scalar(select(NoticeLetter.id).where(NoticeLetter.code == code)) is None:
            return code
    raise RuntimeError("no free letter code")  # pragma: no cover - 250,000 codes


def _already_sent(subject: str, notices: tuple[Notice, ...]) -> list[Notice]:
    keys = {dedupe_key(subject, n.occurrence): n for n in notices}
    sent = set(db.session.scalars(select(NoticeSent.dedupe).where(NoticeSent.dedupe.in_(keys))))
    return [n for key, n in keys.items() if key not in sent]


def _context(words: list[Words], code: str) -> dict[str, Any]:
    return {
        "code": code,
        "optout_path": OPTOUT_PATH,
        "notices": [
            {
                "title": w.title,
                "kind": w.kind,
                "reason": w.reason,
                "explanation": w.explanation,
                "reasons": list(w.reasons),
                "facts": [[f.label, f.value, f.source] for f in w.facts],
                "legal": list(w.legal),
                "action": w.action,
                "form_path": w.form_path,
                "booking_path": w.booking_path,
                "service_path": w.service_path,
                "worth": w.worth,
                "caveat": w.caveat,
                "decided_by": w.decided_by,
                "mistake": w.mistake,
            }
            for w in words
        ],
    }


def send_to(bsn: str, found: Found, counts: Counter[str], code_for: Callable[..., str]) -> None:
    """Queue one message with the new notices of `bsn` (one transaction)."""
    subject = f"bsn:{bsn}"
    fresh = _already_sent(subject, found.notices)
    if not fresh:
        counts["al-verstuurd" if found.notices else "niets"] += 1
        return
    person = found.person
    wanted = contact.preference("bsn", bsn)
    name = person.name.full if person and person.name else ""
    address = (person.address or person.abroad) if person else None
    route = contact.route(wanted, name, address)
    if route is None:
        counts["onbereikbaar"] += 1
        return
    channel, recipient = route
    lang = wanted.lang if wanted else "nl"
    key = subject_key("bsn", bsn, OPTOUT)
    code = code_for()
    postcode = person.address.postcode if person and person.address else ""
    today = max(n.forget_after for n in fresh)
    letter = NoticeLetter(
        code=code,
        subject_key=key,
        postcode_key=postcode_key(postcode) if postcode else "",
        channel=channel,
        forget_after=today,
    )
    for notice in fresh:
        letter.notices.append(
            NoticeSent(
                dedupe=dedupe_key(subject, notice.occurrence),
                rule=notice.rule.key,
                forget_after=notice.forget_after,
            )
        )
    db.session.add(letter)
    words = [describe(n, lang, message=True) for n in fresh]
    outbox.enqueue(
        kind=KIND,
        channel=channel,
        to=recipient,
        lang=lang,
        context=_context(words, code),
        about=f"melding:{code}",
    )
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        counts["tegelijk"] += 1
        return
    if optout.is_opted_out(key):  # opted out while we were reading the registers
        db.session.rollback()
        counts["afgemeld"] += 1
        return
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        counts["tegelijk"] += 1
        return
    counts["berichten"] += 1
    counts["meldingen"] += len(fresh)


def send_all(code_for: Callable[[], str] = _code) -> Report:
    """Look at everyone the selection names; queue what is new for each (see module doc).

    :raises ConnectorError: the selection cannot be read (nothing was sent).
    """
    counts: Counter[str] = Counter()
    selection = selections.get()
    for bsn in selection.residents():
        counts["bekeken"] += 1
        if optout.is_opted_out(subject_key("bsn", bsn, OPTOUT)):
            counts["afgemeld"] += 1
            continue
        try:
            found = find(bsn)
        except ConnectorError as error:  # one resident's sources: try again next run
            log.warning("notices for one resident failed: %s", type(error).__name__)
            counts["onvolledig"] += 1
            continue
        if found.unavailable:
            counts["onvolledig"] += 1  # what could be read is sent; the rest next run
        send_to(bsn, found, counts, code_for)
    return Report(counts)


def forget_old(today: dt.date) -> int:
    """Delete the records of notices and letters past their time (`flask opslag opschonen`)."""
    old = list(db.session.scalars(select(NoticeSent).where(NoticeSent.forget_after < today)))
    for row in old:
        db.session.delete(row)
    db.session.flush()
    empty = db.session.scalars(
        select(NoticeLetter).where(NoticeLetter.forget_after < today, ~NoticeLetter.notices.any())
    )
    for letter in empty:
        db.session.delete(letter)
    db.session.commit()
    return len(old)
