"""Reader-panel sessions and the sentences readers marked as hard.

No personal data about readers is stored: only how many there were and the organisation that
brought them. Only `app.panel.service` reads and writes these tables.
"""

import datetime as dt

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.time import utcnow
from app.extensions import db

VERDICTS = ("goed", "aanpassen", "niet-begrijpelijk")
REASONS = ("woord", "zin-te-lang", "plaatje", "anders")


class PanelSession(db.Model):  # type: ignore[name-defined,misc]
    """One meeting with readers about one page; open until the outcome is recorded."""

    __tablename__ = "panel_session"
    __table_args__ = (Index("ix_panel_session_page", "page_lang", "page_slug", "page_variant"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    page_lang: Mapped[str] = mapped_column(String(2))
    page_slug: Mapped[str] = mapped_column(String(100))
    page_variant: Mapped[str] = mapped_column(String(10))
    # The block the facilitator saved last, so a resumed session continues after it.
    last_block: Mapped[int] = mapped_column(Integer, default=0)
    readers: Mapped[int | None] = mapped_column(Integer, nullable=True)
    organisation: Mapped[str | None] = mapped_column(String(120), nullable=True)
    tested_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    verdict: Mapped[str | None] = mapped_column(String(20), nullable=True)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    recorded_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    marks: Mapped[list["PanelMark"]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        order_by="PanelMark.sentence_no",
    )

    @property
    def recorded(self) -> bool:
        return self.recorded_at is not None


class PanelMark(db.Model):  # type: ignore[name-defined,misc]
    """A sentence readers found hard, why, and what they proposed: a to-do for the editor."""

    __tablename__ = "panel_mark"
    __table_args__ = (UniqueConstraint("session_id", "sentence_no", name="uq_panel_mark_sentence"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("panel_session.id", ondelete="CASCADE"), index=True
    )
    sentence_no: Mapped[int] = mapped_column(Integer)
    block_no: Mapped[int] = mapped_column(Integer)
    # The sentence as the readers saw it: the page may change after the session.
    sentence: Mapped[str] = mapped_column(Text)
    block_heading: Mapped[str] = mapped_column(String(200), default="")
    reasons: Mapped[str] = mapped_column(String(100), default="")  # comma-separated REASONS
    suggestion: Mapped[str] = mapped_column(Text, default="")
    done_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    session: Mapped[PanelSession] = relationship(back_populates="marks")

    @property
    def reason_list(self) -> list[str]:
        return [r for r in self.reasons.split(",") if r]

    @property
    def done(self) -> bool:
        return self.done_at is not None
