"""The outbox tables: one row per message, the letter PDFs, and what the demo providers sent.

A message row holds the rendered text (subject and body) and the recipient: personal data,
deleted with `outbox.delete_about(...)` when what it is about is purged, and by
`flask opslag opschonen` after `NOTIFY_KEEP_DAYS`.
"""

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.core.time import utcnow
from app.extensions import db

CHANNELS = ("email", "sms", "brief")
LANGUAGES = ("nl", "en")

# Statuses, stored in Dutch because staff read them in exports and in the database.
WAITING = "wachtend"  # due at send_after
SENDING = "bezig"  # claimed by a worker until lease_until
SENT = "verzonden"  # accepted by the mail server or SMS provider
READY_FOR_POST = "klaar-voor-de-post"  # the letter PDF is made, for the print-and-post service
FAILED = "mislukt"  # will not be tried again (error_code says why)
DONE = (SENT, READY_FOR_POST)
STATUSES = (WAITING, SENDING, SENT, READY_FOR_POST, FAILED)


class OutboxMessage(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "outbox_message"
    __table_args__ = (Index("ix_outbox_message_due", "status", "send_after"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Random and fixed at enqueue: the e-mail's Message-ID and the SMS provider's reference, so
    # a resend after a crash is recognisable as the same message.
    key: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(80))
    channel: Mapped[str] = mapped_column(String(10))
    lang: Mapped[str] = mapped_column(String(5))
    about: Mapped[str] = mapped_column(String(120), index=True)
    recipient: Mapped[dict[str, Any]] = mapped_column(JSON)
    subject: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text)
    segments: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default=WAITING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    send_after: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    lease_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    claimed_by: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    provider_ref: Mapped[str | None] = mapped_column(String(200))
    error_code: Mapped[str | None] = mapped_column(String(40))
    error_detail: Mapped[str | None] = mapped_column(Text)

    @property
    def reference(self) -> str:
        """The reference printed on a letter: what the message is about, after the colon."""
        return self.about.split(":", 1)[-1]


class Letter(db.Model):  # type: ignore[name-defined,misc]
    """The print-ready PDF of a letter, in the database so that purging deletes it everywhere."""

    __tablename__ = "outbox_letter"

    message_id: Mapped[int] = mapped_column(
        ForeignKey("outbox_message.id", ondelete="CASCADE"), primary_key=True
    )
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    pages: Mapped[int] = mapped_column(Integer)
    dated: Mapped[dt.date] = mapped_column(Date, index=True)  # the date printed on the letter
    made_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DemoDelivery(db.Model):  # type: ignore[name-defined,misc]
    """What a demo provider would have sent (e-mail or SMS), for staff and tests to read."""

    __tablename__ = "outbox_demo_delivery"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[int] = mapped_column(
        ForeignKey("outbox_message.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(String(10))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
