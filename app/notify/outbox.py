"""The one way Loket sends a message to a resident: write it to the outbox.

    msg = outbox.enqueue(kind="afspraak-bevestiging", channel="email", to=recipient,
                         lang="nl", context={...}, about="afspraak:AF-4736-KM")
    db.session.commit()  # the caller commits it together with its own change

The row joins the caller's transaction: the message exists if and only if the booking (or
form, or answer) does. `flask berichten versturen` delivers it later. Nothing in a request
sends mail, SMS or letters directly.
"""

import datetime as dt
import json
import secrets
from typing import Any

from flask import current_app
from sqlalchemy import delete, select

from app.core.time import aware, utcnow
from app.extensions import db
from app.notify.models import (
    CHANNELS,
    LANGUAGES,
    WAITING,
    DemoDelivery,
    Letter,
    OutboxMessage,
)
from app.notify.recipients import PostalAddress, Recipient
from app.notify.render import render
from app.notify.sms.segments import fit, measure

NEEDS = {"email": "email", "sms": "phone", "brief": "address"}
__all__ = ["PostalAddress", "Recipient", "delete_about", "enqueue", "messages_about"]


def enqueue(
    *,
    kind: str,
    channel: str,
    to: Recipient,
    lang: str,
    context: dict[str, Any],
    about: str,
    send_after: dt.datetime | None = None,
) -> OutboxMessage:
    """Render a message and add it to the outbox in the caller's transaction (no commit).

    :param kind: names the template, `templates/messages/<kind>.<channel>.<lang>.txt`.
    :param channel: "email", "sms" or "brief".
    :param to: the recipient; the field the channel needs must be filled.
    :param lang: "nl" or "en", the language of the message (stored with it).
    :param context: JSON-serialisable values the template uses (times as ISO strings or
        aware datetimes).
    :param about: what it is about, "<what>:<reference>" (e.g. "afspraak:AF-4736-KM"): for
        `delete_about`, staff views, and the reference printed on a letter.
    :param send_after: an aware UTC time before which it is not sent; None is now.
    :raises ValueError: an unknown channel or language, a recipient without what the channel
        needs, a context that is not JSON, or a template without a subject line.
    :raises app.notify.render.TemplateMissing: no template for kind, channel and language.
    """
    if channel not in CHANNELS:
        raise ValueError(f"channel must be one of {CHANNELS}, not {channel!r}")
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, not {lang!r}")
    if not getattr(to, NEEDS[channel]):
        raise ValueError(f"a {channel} message needs the recipient's {NEEDS[channel]}")
    if not about or len(about) > 120:
        raise ValueError("about must be a short text such as 'afspraak:AF-4736-KM'")
    if send_after is not None and send_after.tzinfo is None:
        raise ValueError("send_after must be an aware (UTC) datetime")
    try:
        json.dumps(context)
    except TypeError as error:
        if not _only_times(context):
            raise ValueError(f"context must be JSON-serialisable: {error}") from None
    recipient = to.to_json()
    rendered = render(kind, channel, lang, context, recipient)
    body = rendered.body
    if channel == "sms":
        body = fit(body, int(current_app.config["NOTIFY_SMS_MAX_SEGMENTS"]))
    now = utcnow()
    message = OutboxMessage(
        key=secrets.token_hex(16),
        kind=kind,
        channel=channel,
        lang=lang,
        about=about,
        recipient=recipient,
        subject=rendered.subject,
        body=body,
        segments=measure(body).segments if channel == "sms" else None,
        status=WAITING,
        attempts=0,
        send_after=aware(send_after) if send_after else now,
        created_at=now,
    )
    db.session.add(message)
    return message


def _only_times(value: Any) -> bool:
    """Aware datetimes are allowed in the context too; the template formats them."""
    if isinstance(value, dict):
        return all(_only_times(v) for v in value.values())
    if isinstance(value, list | tuple):
        return all(_only_times(v) for v in value)
    if isinstance(value, dt.datetime | dt.date):
        return True
    try:
        json.dumps(value)
    except TypeError:
        return False
    return True


def messages_about(about: str) -> list[OutboxMessage]:
    """Return every message about `about`, oldest first (staff views, tests)."""
    stmt = (
        select(OutboxMessage)
        .where(OutboxMessage.about == about)
        .order_by(OutboxMessage.created_at, OutboxMessage.id)
    )
    return list(db.session.scalars(stmt))


def delete_about(about: str) -> int:
    """Delete every message about `about`, with its letter PDF and demo copies (no commit).

    The caller commits with the rest of its purge, then calls `app.core.storage.wipe_deleted()`
    so the bytes leave the SQLite file too. A worker sending one of these right now finds the
    row gone and leaves it. Returns the number of messages deleted.
    """
    ids = select(OutboxMessage.id).where(OutboxMessage.about == about)
    db.session.execute(delete(Letter).where(Letter.message_id.in_(ids)))
    db.session.execute(delete(DemoDelivery).where(DemoDelivery.message_id.in_(ids)))
    result = db.session.execute(
        delete(OutboxMessage).where(OutboxMessage.about == about),
        execution_options={"synchronize_session": "fetch"},
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
