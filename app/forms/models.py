"""Tables of the forms capability: saved drafts, submissions and the files sent with them.

The answers of a form in progress and of a saved draft live in the flow store
(`app/core/flows.py`); `FormDraft` is only the index a resume code or link finds them by.
Nothing here holds a BSN: whose it is, is a keyed hash (`client_key(resident, "formulieren")`).
"""

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.time import utcnow
from app.extensions import db


class FormDraft(db.Model):  # type: ignore[name-defined,misc]
    """A form saved to finish later: found by its code plus postcode, or by its link."""

    __tablename__ = "form_draft"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)  # "KW-7Q4-M2X"
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # of the link's token
    postcode_hash: Mapped[str] = mapped_column(String(64))  # keyed hash: the second factor
    slug: Mapped[str] = mapped_column(String(80))
    flow_id: Mapped[str] = mapped_column(String(64))  # the flow-store entry with the answers
    owner: Mapped[str | None] = mapped_column(String(64), nullable=True)  # client key
    lang: Mapped[str] = mapped_column(String(2), default="nl")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


class FormSubmission(db.Model):  # type: ignore[name-defined,misc]
    """What a resident sent (the case system keeps every version; this is Loket's copy for the
    confirmation, the PDF copy and "recht op vergissen"), kept `FORMS_KEEP_DAYS`."""

    __tablename__ = "form_submission"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)  # against a double submit
    slug: Mapped[str] = mapped_column(String(80))
    owner: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    lang: Mapped[str] = mapped_column(String(2), default="nl")
    # betalen: waits for the payment; ingediend: a case exists; ingetrokken: withdrawn.
    status: Mapped[str] = mapped_column(String(20))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1)
    payment_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    amount_cents: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    delete_after: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


class FormUpload(db.Model):  # type: ignore[name-defined,misc]
    """A checked file: evidence or a photo. Never served to anyone but its own form."""

    __tablename__ = "form_upload"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True)  # random, shown in forms
    bundle: Mapped[str] = mapped_column(String(64), index=True)  # the form in progress
    submission_id: Mapped[int | None] = mapped_column(
        ForeignKey("form_submission.id", ondelete="CASCADE"), nullable=True, index=True
    )
    slug: Mapped[str] = mapped_column(String(80))
    question: Mapped[str] = mapped_column(String(90))  # "step.question"
    filename: Mapped[str] = mapped_column(String(120))
    content_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
