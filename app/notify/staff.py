"""What the staff pages read and change in the outbox (the views call only these)."""

import datetime as dt

from sqlalchemy import func, select, update

from app.core.time import utcnow
from app.extensions import db
from app.notify.delivery import Claimed, letter_document
from app.notify.letters.document import LetterDocument
from app.notify.models import FAILED, WAITING, DemoDelivery, Letter, OutboxMessage

PAGE_SIZE = 200


def latest(status: str | None = None) -> list[OutboxMessage]:
    stmt = select(OutboxMessage).order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
    if status:
        stmt = stmt.where(OutboxMessage.status == status)
    return list(db.session.scalars(stmt.limit(PAGE_SIZE)))


def counts() -> dict[str, int]:
    rows = db.session.execute(
        select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
    )
    return {status: int(n) for status, n in rows}


def find(key: str) -> OutboxMessage | None:
    if len(key) > 40:
        return None
    return db.session.scalar(select(OutboxMessage).where(OutboxMessage.key == key))


def demo_deliveries(message: OutboxMessage) -> list[DemoDelivery]:
    stmt = select(DemoDelivery).where(DemoDelivery.message_id == message.id)
    return list(db.session.scalars(stmt.order_by(DemoDelivery.id)))


def letter_of(message: OutboxMessage) -> Letter | None:
    return db.session.get(Letter, message.id)


def letters_of_day(day: dt.date) -> list[tuple[OutboxMessage, Letter]]:
    stmt = (
        select(OutboxMessage, Letter)
        .join(Letter, Letter.message_id == OutboxMessage.id)
        .where(Letter.dated == day)
        .order_by(Letter.made_at, OutboxMessage.id)
    )
    return [(m, letter) for m, letter in db.session.execute(stmt)]


def document_of(message: OutboxMessage, letter: Letter) -> LetterDocument:
    """The letter as data, dated as printed: the HTML copy shows the same letter as the PDF."""
    from flask import current_app

    return letter_document(_snapshot(message), letter.dated, current_app.config)


def _snapshot(message: OutboxMessage) -> Claimed:
    return Claimed(
        id=message.id,
        key=message.key,
        kind=message.kind,
        channel=message.channel,
        lang=message.lang,
        about=message.about,
        recipient=dict(message.recipient),
        subject=message.subject,
        body=message.body,
        attempts=message.attempts,
    )


def send_again(key: str) -> bool:
    """Put a failed or waiting message back in line with a fresh set of tries."""
    result = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.key == key, OutboxMessage.status.in_((FAILED, WAITING)))
        .values(status=WAITING, attempts=0, send_after=utcnow(), error_code=None, error_detail=None)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]
