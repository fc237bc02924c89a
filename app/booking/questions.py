"""Written questions (/contact/vraag): for residents who cannot phone or prefer writing.

Staff see them in their day view and answer by the way the resident chose; the answer goes out
through the outbox. A question and its answer are deleted N days after the answer.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update

from app.address.base import PostalAddress
from app.booking import notices
from app.booking.models import WrittenQuestion
from app.booking.tx import rowcount, write_transaction
from app.core.references import new_reference
from app.core.time import utcnow
from app.extensions import db


@dataclass(frozen=True)
class Question:
    topic: str
    text: str
    name: str
    contact: str  # email, sms, brief
    email: str = ""
    phone: str = ""
    address: PostalAddress | None = None
    lang: str = "nl"


def ask(question: Question) -> WrittenQuestion:
    """Store a question under a new reference (VR-...)."""
    for _ in range(8):
        reference = new_reference("VR")
        taken = db.session.scalar(
            select(WrittenQuestion.id).where(WrittenQuestion.reference == reference)
        )
        if taken is None:
            break
    stored = WrittenQuestion(
        reference=reference,
        topic=question.topic,
        question=question.text,
        name=question.name,
        contact=question.contact,
        email=question.email,
        phone=question.phone,
        address=question.address.to_data() if question.address else None,
        lang=question.lang,
        created_at=utcnow(),
    )
    db.session.add(stored)
    db.session.commit()
    return stored


def open_questions() -> list[WrittenQuestion]:
    return list(
        db.session.scalars(
            select(WrittenQuestion)
            .where(WrittenQuestion.status == "open")
            .order_by(WrittenQuestion.created_at)
        )
    )


def answered_since(moment: dt.datetime) -> list[WrittenQuestion]:
    return list(
        db.session.scalars(
            select(WrittenQuestion)
            .where(WrittenQuestion.status == "beantwoord", WrittenQuestion.answered_at >= moment)
            .order_by(WrittenQuestion.answered_at.desc())
        )
    )


def answer(question_id: int, text: str, staff_id: int) -> WrittenQuestion | None:
    """Answer a question once; the answer goes out in the same transaction."""
    with write_transaction():
        result = db.session.execute(
            update(WrittenQuestion)
            .where(WrittenQuestion.id == question_id, WrittenQuestion.status == "open")
            .values(status="beantwoord", answer=text, answered_by=staff_id, answered_at=utcnow())
        )
        if rowcount(result) != 1:
            return None
        question = db.session.get(WrittenQuestion, question_id)
        assert question is not None
        db.session.refresh(question)
        notices.answered(question)
    return question
