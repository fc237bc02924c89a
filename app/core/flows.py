"""The flow store: answers of multi-step flows (bookings, forms, drafts, a login) server-side.

Each entry is a JSON document in the database under a random, unguessable id, with an expiry
that slides forward on every save. The session cookie holds only the ids (`session["flows"]`,
one per kind), so nothing a resident typed ever travels in the cookie, which is signed but not
encrypted. Expired entries are unreadable at once and deleted by `flask opslag opschonen`.

    flow = flows.load("afspraak") or flows.start("afspraak")
    flow.data["onderwerp"] = "kwijtschelding"
    flows.save(flow)
"""

import datetime as dt
import secrets
from dataclasses import dataclass, field
from typing import Any

from flask import current_app, session
from sqlalchemy import JSON, DateTime, Integer, String, delete, select, update
from sqlalchemy.orm import Mapped, mapped_column

from app.core.time import aware, utcnow
from app.extensions import db

SESSION_KEY = "flows"
DEFAULT_TTL = dt.timedelta(hours=2)


class StaleFlow(Exception):
    """Someone saved this flow after it was loaded (a second tab, a double click)."""


class FlowEntry(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "flow_entry"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(60), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


@dataclass
class Flow:
    """One flow's answers; change `data` and `save()` it."""

    id: str
    kind: str
    data: dict[str, Any] = field(default_factory=dict)
    version: int = 1
    expires_at: dt.datetime | None = None
    ttl: dt.timedelta = DEFAULT_TTL


def _ttl(kind: str, ttl: dt.timedelta | None) -> dt.timedelta:
    if ttl is not None:
        return ttl
    minutes = dict(current_app.config.get("FLOW_TTL_MINUTES") or {}).get(kind)
    return dt.timedelta(minutes=minutes) if minutes else DEFAULT_TTL


def _ids() -> dict[str, str]:
    raw = session.get(SESSION_KEY)
    return dict(raw) if isinstance(raw, dict) else {}


def start(
    kind: str,
    data: dict[str, Any] | None = None,
    ttl: dt.timedelta | None = None,
    remember: bool = True,
) -> Flow:
    """Create a flow; with `remember` its id goes into the session (replacing one of its kind)."""
    now = utcnow()
    lifetime = _ttl(kind, ttl)
    entry = FlowEntry(
        id=secrets.token_urlsafe(32),
        kind=kind,
        data=dict(data or {}),
        version=1,
        created_at=now,
        updated_at=now,
        expires_at=now + lifetime,
    )
    db.session.add(entry)
    db.session.commit()
    flow = Flow(entry.id, kind, dict(entry.data), 1, entry.expires_at, lifetime)
    if remember:
        remember_flow(flow)
    return flow


def get(flow_id: str | None, kind: str | None = None) -> Flow | None:
    """Return the flow with this id (and kind) if it has not expired."""
    if not flow_id or not isinstance(flow_id, str) or len(flow_id) > 64:
        return None
    entry = db.session.get(FlowEntry, flow_id)
    if entry is None or (kind is not None and entry.kind != kind):
        return None
    if aware(entry.expires_at) <= utcnow():
        return None
    lifetime = aware(entry.expires_at) - aware(entry.updated_at)
    return Flow(
        entry.id, entry.kind, dict(entry.data or {}), entry.version, entry.expires_at, lifetime
    )


def load(kind: str) -> Flow | None:
    """Return this session's flow of `kind`; forget its id when it has expired or gone."""
    flow_id = _ids().get(kind)
    if flow_id is None:
        return None
    flow = get(flow_id, kind)
    if flow is None:
        forget(kind)
    return flow


def save(flow: Flow, ttl: dt.timedelta | None = None) -> None:
    """Store the flow's data and move its expiry forward.

    :raises StaleFlow: when another request saved it since it was loaded, or it expired.
    """
    now = utcnow()
    lifetime = ttl or flow.ttl
    result = db.session.execute(
        update(FlowEntry)
        .where(
            FlowEntry.id == flow.id,
            FlowEntry.version == flow.version,
            FlowEntry.expires_at > now,
        )
        .values(
            data=dict(flow.data),
            version=flow.version + 1,
            updated_at=now,
            expires_at=now + lifetime,
        )
    )
    db.session.commit()
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise StaleFlow(flow.id)
    flow.version += 1
    flow.expires_at = now + lifetime
    flow.ttl = lifetime


def remember_flow(flow: Flow) -> None:
    ids = _ids()
    ids[flow.kind] = flow.id
    session[SESSION_KEY] = ids


def forget(kind: str) -> None:
    """Drop the session's reference to its flow of `kind` (the entry stays until it expires)."""
    ids = _ids()
    if ids.pop(kind, None) is not None:
        session[SESSION_KEY] = ids


def discard(kind: str) -> None:
    """Delete this session's flow of `kind` now and forget it."""
    flow_id = _ids().get(kind)
    if flow_id:
        delete_flow(flow_id)
    forget(kind)


def delete_flow(flow_id: str) -> None:
    db.session.execute(delete(FlowEntry).where(FlowEntry.id == flow_id))
    db.session.commit()


def discard_all() -> None:
    """Delete every flow of this session (a resident who chose "Stoppen en wissen")."""
    for flow_id in _ids().values():
        db.session.execute(delete(FlowEntry).where(FlowEntry.id == flow_id))
    db.session.commit()
    session.pop(SESSION_KEY, None)


def purge_expired(now: dt.datetime | None = None) -> int:
    """Delete every expired entry; return how many. Safe to run on several machines at once."""
    moment = now or utcnow()
    result = db.session.execute(delete(FlowEntry).where(FlowEntry.expires_at <= moment))
    db.session.commit()
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def kinds_in_session() -> list[str]:
    return sorted(_ids())


def count(kind: str | None = None) -> int:
    stmt = select(FlowEntry.id)
    if kind is not None:
        stmt = stmt.where(FlowEntry.kind == kind)
    return len(db.session.scalars(stmt).all())
