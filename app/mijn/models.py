"""Contact preferences: how a resident wants to hear from the municipality (Mijn instellingen).

The one thing Mijn Loket stores about a resident, because the resident gave it: the channel
(e-mail, SMS or a letter), the address or number for it, and the language. Linked by a keyed
hash of whose affairs these are (`client_key(resident, "contact")`), never the BSN.
"""

import datetime as dt

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.time import utcnow
from app.extensions import db


class ContactPreference(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "mijn_contactvoorkeur"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject_key: Mapped[str] = mapped_column(String(64), unique=True)
    channel: Mapped[str] = mapped_column(String(10))  # email, sms, brief
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)
    phone: Mapped[str | None] = mapped_column(String(40), nullable=True)
    lang: Mapped[str] = mapped_column(String(2), default="nl")
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
