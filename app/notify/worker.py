"""The outbox worker: claim one message, deliver it, record the result; repeat.

Safe with several workers on several machines:

- **Claim** is one statement: `UPDATE ... SET status='bezig', lease_until=now+lease,
  claimed_by=me, attempts=attempts+1 WHERE id = (SELECT id ... LIMIT 1 [FOR UPDATE SKIP LOCKED])
  AND <still claimable> RETURNING id`. On PostgreSQL the sub-select skips rows another worker
  holds; on SQLite writes are serialised and the repeated condition makes a second claimer
  update nothing. Committed before anything is sent.
- **Lease**: a worker that dies (SIGKILL, power) leaves its row `bezig`; when the lease has run
  out another worker claims it again. Nothing is lost; it is delivered at least once.
- **Same identity on a resend**: the e-mail's Message-ID and the SMS reference come from the
  row's key, fixed at enqueue, so a resend after a crash between "accepted" and our commit is
  recognisable as the same message by the receiving side.
- **Record** only if the row is still ours (`claimed_by = me AND status = 'bezig'`): a worker
  whose lease ran out does not overwrite the one that took over.
- **Retry** with exponential backoff (NOTIFY_BACKOFF_SECONDS x 2^(attempt-1), capped), up to
  NOTIFY_MAX_ATTEMPTS; a permanent failure (an address that cannot exist) stops at once, with
  the reason for staff.
- **Letters** are made and stored in the same transaction that marks them "klaar voor de post":
  exactly once.
"""

import datetime as dt
import logging
import os
import secrets
import socket
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import current_app
from sqlalchemy import and_, or_, select, update
from sqlalchemy.exc import OperationalError

from app.core.time import utcnow
from app.extensions import db
from app.notify.delivery import Claimed, Delivered, make_letter, send_email, send_sms
from app.notify.errors import DeliveryFailed
from app.notify.mail.base import MailTransport, mail_transports
from app.notify.models import (
    FAILED,
    READY_FOR_POST,
    SENDING,
    SENT,
    WAITING,
    Letter,
    OutboxMessage,
)
from app.notify.sms.base import SmsProvider, sms_providers

log = logging.getLogger("loket.notify")


def worker_name() -> str:
    """A name for this worker, unique across machines: host, process and a random tail."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{secrets.token_hex(3)}"


def backoff(attempts: int, config: dict[str, Any]) -> dt.timedelta:
    """Wait before try `attempts + 1`: base x 2^(attempts-1), at most the configured cap."""
    base = float(config["NOTIFY_BACKOFF_SECONDS"])
    cap = float(config["NOTIFY_BACKOFF_MAX_SECONDS"])
    return dt.timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), cap))


@dataclass
class Tally:
    sent: int = 0
    letters: int = 0
    retried: int = 0
    failed: int = 0
    taken_over: int = 0  # our lease ran out and another worker had taken the message

    @property
    def handled(self) -> int:
        return self.sent + self.letters + self.retried + self.failed + self.taken_over


@dataclass
class Worker:
    name: str = field(default_factory=worker_name)
    mail: MailTransport | None = None  # default: the configured connector
    sms: SmsProvider | None = None
    stop: threading.Event = field(default_factory=threading.Event)
    only: list[str] | None = None  # claim only these keys (the demo filler)

    @property
    def config(self) -> dict[str, Any]:
        return current_app.config  # type: ignore[return-value]

    def claim(self) -> Claimed | None:
        """Claim the next due message for this worker and commit the claim; None when none."""
        now = utcnow()
        max_attempts = int(self.config["NOTIFY_MAX_ATTEMPTS"])
        lease = dt.timedelta(seconds=float(self.config["NOTIFY_LEASE_SECONDS"]))
        self._give_up_on_abandoned(now, max_attempts)
        claimable = and_(
            or_(
                and_(OutboxMessage.status == WAITING, OutboxMessage.send_after <= now),
                and_(OutboxMessage.status == SENDING, OutboxMessage.lease_until < now),
            ),
            OutboxMessage.attempts < max_attempts,
        )
        if self.only is not None:
            claimable = and_(claimable, OutboxMessage.key.in_(self.only))
        pick = (
            select(OutboxMessage.id)
            .where(claimable)
            .order_by(OutboxMessage.send_after, OutboxMessage.id)
            .limit(1)
            .with_for_update(skip_locked=True)
            .scalar_subquery()
        )
        claimed_id = db.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == pick, claimable)
            .values(
                status=SENDING,
                lease_until=now + lease,
                claimed_by=self.name,
                attempts=OutboxMessage.attempts + 1,
            )
            .returning(OutboxMessage.id)
            .execution_options(synchronize_session=False)
        ).scalar()
        db.session.commit()
        if claimed_id is None:
            return None
        row = db.session.get(OutboxMessage, claimed_id, populate_existing=True)
        if row is None:  # purged between our claim and this read
            return None
        return Claimed(
            id=row.id,
            key=row.key,
            kind=row.kind,
            channel=row.channel,
            lang=row.lang,
            about=row.about,
            recipient=dict(row.recipient),
            subject=row.subject,
            body=row.body,
            attempts=row.attempts,
        )

    def _give_up_on_abandoned(self, now: dt.datetime, max_attempts: int) -> None:
        """A message whose worker died on its last allowed try fails, with that reason."""
        db.session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.status == SENDING,
                OutboxMessage.lease_until < now,
                OutboxMessage.attempts >= max_attempts,
            )
            .values(
                status=FAILED,
                error_code="onderbroken",
                error_detail="",
                lease_until=None,
                claimed_by=None,
            )
            .execution_options(synchronize_session=False)
        )

    def deliver(self, claimed: Claimed) -> Delivered:
        if claimed.channel == "email":
            return send_email(claimed, self.mail or mail_transports.get(), self.config)
        if claimed.channel == "sms":
            return send_sms(claimed, self.sms or sms_providers.get(), self.config)
        return make_letter(claimed, self.config)

    def handle(self, claimed: Claimed, tally: Tally) -> None:
        try:
            delivered = self.deliver(claimed)
        except DeliveryFailed as failure:
            db.session.rollback()
            self._record_failure(claimed, failure, tally)
        except Exception as error:
            # Our own mistake: try again later. The log names where it happened, not the
            # exception's words, which may hold an address or a text.
            where = traceback.extract_tb(error.__traceback__)[-1]
            log.error(
                "outbox: message %s (%s) failed unexpectedly: %s at %s:%s",
                claimed.id,
                claimed.kind,
                type(error).__name__,
                where.filename,
                where.lineno,
            )
            db.session.rollback()
            self._record_failure(claimed, DeliveryFailed("storing", permanent=False), tally)
        else:
            self._record_success(claimed, delivered, tally)

    def _ours(self, claimed: Claimed) -> Any:
        return update(OutboxMessage).where(
            OutboxMessage.id == claimed.id,
            OutboxMessage.claimed_by == self.name,
            OutboxMessage.status == SENDING,
        )

    def _record_success(self, claimed: Claimed, delivered: Delivered, tally: Tally) -> None:
        status = READY_FOR_POST if delivered.letter else SENT
        result = db.session.execute(
            self._ours(claimed)
            .values(
                status=status,
                sent_at=utcnow(),
                provider_ref=delivered.provider_ref,
                lease_until=None,
                error_code=None,
                error_detail=None,
            )
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            db.session.rollback()
            tally.taken_over += 1
            log.warning("outbox: message %s was taken over (lease ran out)", claimed.id)
            return
        if delivered.letter:
            pdf, pages, dated = delivered.letter
            db.session.add(Letter(message_id=claimed.id, pdf=pdf, pages=pages, dated=dated))
        db.session.commit()
        if delivered.letter:
            tally.letters += 1
        else:
            tally.sent += 1
        log.info(
            "outbox: message %s (%s, %s) %s", claimed.id, claimed.kind, claimed.channel, status
        )

    def _record_failure(self, claimed: Claimed, failure: DeliveryFailed, tally: Tally) -> None:
        final = failure.permanent or claimed.attempts >= int(self.config["NOTIFY_MAX_ATTEMPTS"])
        values: dict[str, Any] = {
            "error_code": failure.code,
            "error_detail": failure.detail,
            "lease_until": None,
            "claimed_by": None,
        }
        if final:
            values["status"] = FAILED
        else:
            values["status"] = WAITING
            values["send_after"] = utcnow() + backoff(claimed.attempts, self.config)
        result = db.session.execute(
            self._ours(claimed).values(**values).execution_options(synchronize_session=False)
        )
        db.session.commit()
        if result.rowcount != 1:  # type: ignore[attr-defined]
            tally.taken_over += 1
            return
        if final:
            tally.failed += 1
        else:
            tally.retried += 1
        log.info(
            "outbox: message %s (%s, %s) %s after try %s: %s",
            claimed.id,
            claimed.kind,
            claimed.channel,
            "failed" if final else "will be retried",
            claimed.attempts,
            failure.code,
        )

    def run_once(self, limit: int | None = None) -> Tally:
        """Deliver what is due now, one message at a time, until none is left (or `limit`)."""
        tally = Tally()
        while not self.stop.is_set() and (limit is None or tally.handled < limit):
            claimed = self.claim()
            if claimed is None:
                break
            self.handle(claimed, tally)
        return tally

    def run_forever(self, report: Callable[[Tally], None] | None = None) -> None:
        """Keep delivering; sleep NOTIFY_POLL_SECONDS when nothing is due; stop on `stop`."""
        poll = float(self.config["NOTIFY_POLL_SECONDS"])
        while not self.stop.is_set():
            try:
                tally = self.run_once()
            except OperationalError:
                # The database went away (a restart, a failover): wait and carry on.
                log.warning("outbox: database unavailable, trying again in %ss", poll)
                db.session.rollback()
                db.session.remove()
                tally = Tally()
            if report is not None and tally.handled:
                report(tally)
            if not tally.handled:
                self.stop.wait(poll)
