"""The opt-out of proactive notices: recorded with date and channel, undone the same way.

Every notice checks `is_opted_out` before it is shown or sent, on every channel (Mijn Loket,
letter, e-mail, SMS). The history is kept: the latest entry counts.

    opt_out(key, "mijn")                       # in Mijn Loket
    opt_out(key, "balie", staff_id=user.id)    # recorded by staff at the desk
    opt_in(key, "telefoon", staff_id=user.id)  # undone by phone
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.core.time import aware
from app.extensions import db
from app.notices.models import OPTED_IN, OPTED_OUT, OptOut

# How an opt-out reached us (labels in app/notices/labels.py).
CHANNELS = ("mijn", "code", "balie", "telefoon", "brief")
STAFF_CHANNELS = ("balie", "telefoon", "brief")


@dataclass(frozen=True)
class Entry:
    opted_out: bool
    channel: str
    at: dt.datetime  # UTC
    by_staff: bool


def history(subject_key: str) -> list[Entry]:
    """Every opt-out and undoing for this resident, newest first."""
    rows = db.session.scalars(
        select(OptOut).where(OptOut.subject_key == subject_key).order_by(OptOut.id.desc())
    )
    return [
        Entry(r.action == OPTED_OUT, r.channel, aware(r.at), r.staff_id is not None) for r in rows
    ]


def current(subject_key: str) -> Entry | None:
    """The latest entry (None: the resident never opted out)."""
    row = db.session.scalar(
        select(OptOut).where(OptOut.subject_key == subject_key).order_by(OptOut.id.desc()).limit(1)
    )
    if row is None:
        return None
    return Entry(row.action == OPTED_OUT, row.channel, aware(row.at), row.staff_id is not None)


def is_opted_out(subject_key: str) -> bool:
    entry = current(subject_key)
    return entry is not None and entry.opted_out


def _record(subject_key: str, action: str, channel: str, staff_id: int | None) -> None:
    if channel not in CHANNELS:
        raise ValueError(f"channel must be one of {CHANNELS}")
    db.session.add(
        OptOut(subject_key=subject_key, action=action, channel=channel, staff_id=staff_id)
    )
    db.session.commit()


def opt_out(subject_key: str, channel: str, staff_id: int | None = None) -> None:
    """Stop every proactive notice to this resident, from now on."""
    if not is_opted_out(subject_key):
        _record(subject_key, OPTED_OUT, channel, staff_id)


def opt_in(subject_key: str, channel: str, staff_id: int | None = None) -> None:
    """Undo an opt-out: notices may reach this resident again."""
    if is_opted_out(subject_key):
        _record(subject_key, OPTED_IN, channel, staff_id)
