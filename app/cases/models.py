"""Tables of the demo case system only: in real life the case system keeps its own records.

The demo stands in for an external zaaksysteem, so it keeps what one keeps (the initiator's
BSN and postcode). With a real case system (`CONNECTORS["zaken"] = "http"`) these tables stay
empty.
"""

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.core.time import utcnow
from app.extensions import db


class DemoCase(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "demo_case"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    case_type: Mapped[str] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(String(80))
    initiator_type: Mapped[str] = mapped_column(String(3))
    initiator_id: Mapped[str] = mapped_column(String(20), index=True)
    initiator_name: Mapped[str] = mapped_column(String(200))
    initiator_postcode: Mapped[str] = mapped_column(String(7), default="")
    representative: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    started_on: Mapped[dt.date] = mapped_column(Date)
    ended_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    steps: Mapped[list["DemoCaseStatus"]] = relationship(
        order_by="DemoCaseStatus.id", cascade="all, delete-orphan", back_populates="case"
    )
    versions: Mapped[list["DemoCaseSubmission"]] = relationship(
        order_by="DemoCaseSubmission.version", cascade="all, delete-orphan"
    )


class DemoCaseStatus(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "demo_case_status"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("demo_case.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    set_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    note: Mapped[str] = mapped_column(String(1000), default="")

    case: Mapped[DemoCase] = relationship(back_populates="steps")


class DemoCaseSubmission(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "demo_case_submission"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("demo_case.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
