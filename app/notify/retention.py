"""Outbox rows are personal data: delete them NOTIFY_KEEP_DAYS after they were dealt with.

Features purge their own messages sooner with `outbox.delete_about(...)` (a booking N days
after the appointment); this catches everything else. Run by `flask opslag opschonen`, which
wipes the deleted bytes from the SQLite file afterwards.
"""

import datetime as dt

from flask import current_app
from sqlalchemy import delete, func, select

from app.core.time import utcnow
from app.extensions import db
from app.notify.models import DONE, FAILED, DemoDelivery, Letter, OutboxMessage


def purge_old_messages(now: dt.datetime | None = None) -> str:
    cutoff = (now or utcnow()) - dt.timedelta(days=int(current_app.config["NOTIFY_KEEP_DAYS"]))
    old = select(OutboxMessage.id).where(
        OutboxMessage.status.in_((*DONE, FAILED)),
        func.coalesce(OutboxMessage.sent_at, OutboxMessage.created_at) < cutoff,
    )
    db.session.execute(delete(Letter).where(Letter.message_id.in_(old)))
    db.session.execute(delete(DemoDelivery).where(DemoDelivery.message_id.in_(old)))
    result = db.session.execute(
        delete(OutboxMessage).where(OutboxMessage.id.in_(old)),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()
    return f"{int(result.rowcount or 0)} oude berichten aan inwoners verwijderd."  # type: ignore[attr-defined]
