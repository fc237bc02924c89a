"""The demo residents the notice tests use, and what the outbox holds for them."""

from sqlalchemy import select

from app.extensions import db
from app.notify.models import OutboxMessage

BSN = {
    "fatima": "999993653",
    "jan": "999992648",
    "anna": "999994669",
    "sanne": "999995182",
    "pieter": "999996411",
    "eva": "999997622",
    "kees": "999999151",
    "ria": "999990020",
    "lotte": "999954672",
    "henk": "999942554",  # never logs in
    "daan": "999901102",
}


def notice_messages() -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "melding")))


def messages_to(name: str) -> list[OutboxMessage]:
    """Messages whose recipient carries this demo resident's name."""
    return [
        m for m in notice_messages() if name.lower() in str(m.recipient.get("name", "")).lower()
    ]
