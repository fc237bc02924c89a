"""Small helpers for the outbox tests."""

from typing import Any

from app.extensions import db
from app.notify import outbox
from app.notify.examples import example
from app.notify.models import OutboxMessage
from app.notify.recipients import PostalAddress, Recipient

FATIMA = Recipient("Fatima El Amrani", email="fatima@voorbeeld.example", phone="06-12345678")
JAN = Recipient(
    "Jan de Vries", address=PostalAddress("Oefenlaan", "3", "6521 CD", "Nijmegen", suffix="A")
)


def queue(
    channel: str = "email",
    to: Recipient = FATIMA,
    kind: str = "afspraak-bevestiging",
    lang: str = "nl",
    about: str = "afspraak:AF-4736-KM",
    commit: bool = True,
    **changes: Any,
) -> OutboxMessage:
    message = outbox.enqueue(
        kind=kind,
        channel=channel,
        to=to,
        lang=lang,
        context=example(kind, lang, reference=about.split(":", 1)[1], **changes),
        about=about,
    )
    if commit:
        db.session.commit()
    return message


def fresh(message_id: int) -> OutboxMessage:
    db.session.expire_all()
    row = db.session.get(OutboxMessage, message_id)
    assert row is not None
    return row
