"""What Loket keeps about proactive notices: who opted out, and which notices went to whom.

No BSN is stored: a resident is a keyed hash (`keys.subject_key(..., "meldingen")`), which only
the app's secret links back to a person. No register data is stored either: a notice is
recomputed from the registers whenever it is shown or sent.
"""

import datetime as dt

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.time import utcnow
from app.extensions import db

OPTED_OUT, OPTED_IN = "af", "aan"


class OptOut(db.Model):  # type: ignore[name-defined,misc]
    """One opt-out or its undoing, with when and how; the latest row per resident counts."""

    __tablename__ = "melding_afmelding"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject_key: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(3))  # OPTED_OUT or OPTED_IN
    channel: Mapped[str] = mapped_column(String(20))  # labels.OPTOUT_CHANNELS
    staff_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # who recorded it
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class NoticeLetter(db.Model):  # type: ignore[name-defined,misc]
    """One message with one or more notices, under the code printed on it.

    The code plus the resident's postcode lets them opt out without DigiD; the postcode is kept
    only as a keyed hash.
    """

    __tablename__ = "melding_brief"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    subject_key: Mapped[str] = mapped_column(String(64), index=True)
    postcode_key: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(10))  # email, sms, brief
    sent_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    forget_after: Mapped[dt.date] = mapped_column(Date)

    notices: Mapped[list["NoticeSent"]] = relationship(
        cascade="all, delete-orphan", back_populates="letter"
    )


class NoticeSent(db.Model):  # type: ignore[name-defined,misc]
    """A notice that went out: its `dedupe` key (resident and occurrence, hashed) is unique, so
    a second run, on this machine or another, cannot send it again."""

    __tablename__ = "melding_verstuurd"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dedupe: Mapped[str] = mapped_column(String(64), unique=True)
    letter_id: Mapped[int] = mapped_column(
        ForeignKey("melding_brief.id", ondelete="CASCADE"), index=True
    )
    rule: Mapped[str] = mapped_column(String(40))
    forget_after: Mapped[dt.date] = mapped_column(Date)

    letter: Mapped[NoticeLetter] = relationship(back_populates="notices")
