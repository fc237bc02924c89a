"""The worker under concurrency and crashes: claims, leases, a SIGKILL mid-send, two workers.

The crash tests run `flask berichten versturen` as real processes against a real SMTP server.
"""

import datetime as dt
import signal
import sqlite3
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import create_engine, select, text, update
from sqlalchemy.engine import make_url

from app.core.time import frozen_at
from app.extensions import db
from app.notify.delivery import Claimed
from app.notify.mail.base import MailReceipt, MailTransport
from app.notify.models import OutboxMessage
from app.notify.worker import Tally, Worker
from tests.conftest import both_databases
from tests.notify.helpers import FATIMA, fresh, queue
from tests.notify.processes import start_worker
from tests.notify.smtp_server import Received, Recorder, smtp_server


class Counting(MailTransport):
    """An e-mail transport that only counts (for claim races without a server)."""

    def __init__(self) -> None:
        super().__init__({})
        self.sent: list[str] = []

    def send(self, message: Any, sender: str, recipient: str) -> MailReceipt:
        self.sent.append(str(message["Message-ID"]))
        return MailReceipt("250 ok")


def _queue_many(n: int) -> list[OutboxMessage]:
    messages = [queue(about=f"afspraak:AF-{i:04d}-ZZ", commit=False) for i in range(n)]
    db.session.commit()
    return messages


def test_a_crashed_workers_message_is_claimed_again_after_its_lease(ctx: Flask) -> None:
    message = queue()
    with frozen_at(dt.datetime(2027, 2, 20, 10, 0)) as clock:
        first = Worker(name="eerste")
        claimed = first.claim()  # ... and then the process dies before sending
        assert claimed is not None and claimed.id == message.id
        assert Worker(name="tweede").claim() is None  # the lease holds
        clock.advance(dt.timedelta(seconds=ctx.config["NOTIFY_LEASE_SECONDS"] + 1))
        second = Worker(name="tweede", mail=Counting())
        again = second.claim()
    assert again is not None and again.id == message.id and again.key == message.key
    row = fresh(message.id)
    assert (row.status, row.claimed_by, row.attempts) == ("bezig", "tweede", 2)


def test_a_worker_whose_lease_ran_out_does_not_overwrite_the_one_that_took_over(
    ctx: Flask,
) -> None:
    message = queue()
    with frozen_at(dt.datetime(2027, 2, 20, 10, 0)) as clock:
        slow = Worker(name="traag", mail=Counting())
        claimed = slow.claim()
        assert claimed is not None
        clock.advance(dt.timedelta(seconds=ctx.config["NOTIFY_LEASE_SECONDS"] + 1))
        quick = Worker(name="snel", mail=Counting())
        assert quick.run_once().sent == 1
        tally = Tally()
        slow.handle(claimed, tally)  # the slow one finishes its send after all
    assert tally.taken_over == 1 and tally.sent == 0
    row = fresh(message.id)
    assert (row.status, row.claimed_by) == ("verzonden", "snel")


def test_a_message_whose_worker_died_on_its_last_try_fails_visibly(ctx: Flask) -> None:
    ctx.config["NOTIFY_MAX_ATTEMPTS"] = 2
    message = queue()
    lease = dt.timedelta(seconds=ctx.config["NOTIFY_LEASE_SECONDS"] + 1)
    with frozen_at(dt.datetime(2027, 2, 20, 10, 0)) as clock:
        for _ in range(2):
            assert Worker().claim() is not None  # claimed, then the worker dies
            clock.advance(lease)
        assert Worker().claim() is None
    row = fresh(message.id)
    assert (row.status, row.error_code, row.attempts) == ("mislukt", "onderbroken", 2)


def _claim_race(app: Flask, workers: int, claim: Any) -> Counter[int]:
    """Let `workers` threads claim until nothing is left; count how often each id was taken."""
    taken: Counter[int] = Counter()
    lock = threading.Lock()
    barrier = threading.Barrier(workers)

    def run(n: int) -> None:
        with app.app_context():
            worker = Worker(name=f"draad-{n}")
            barrier.wait()
            while (got := claim(worker)) is not None:
                with lock:
                    taken[got] += 1
            db.session.remove()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return taken


@both_databases()
def test_four_workers_claiming_at_once_never_take_the_same_message(ctx: Flask) -> None:
    ids = [m.id for m in _queue_many(150)]
    db.session.remove()
    taken = _claim_race(ctx, 4, lambda w: c.id if (c := w.claim()) else None)
    assert sorted(taken) == sorted(ids)
    assert max(taken.values()) == 1


@both_databases()
def test_the_race_test_catches_a_naive_claim(ctx: Flask) -> None:
    """Negative control: select-then-update without a condition hands one message out twice."""
    _queue_many(40)
    db.session.remove()

    def naive(worker: Worker) -> int | None:
        found = db.session.scalar(
            select(OutboxMessage.id).where(OutboxMessage.status == "wachtend").limit(1)
        )
        db.session.commit()
        if found is None:
            return None
        time.sleep(0.003)  # the time a real round trip takes
        db.session.execute(
            update(OutboxMessage).where(OutboxMessage.id == found).values(status="bezig")
        )
        db.session.commit()
        return found

    taken = _claim_race(ctx, 4, naive)
    assert max(taken.values()) > 1, "the naive claim did not race: the race test is too weak"


def _lock_row(database_url: str, message_id: int) -> Any:
    """Hold a write lock so the worker's commit after "250 accepted" has to wait."""
    url = make_url(database_url)
    if url.drivername.startswith("sqlite"):
        conn = sqlite3.connect(
            url.database or "", timeout=10, isolation_level=None, check_same_thread=False
        )
        conn.execute("BEGIN IMMEDIATE")
        return conn
    engine = create_engine(database_url, poolclass=None)
    conn = engine.connect()
    conn.execute(
        text("SELECT id FROM outbox_message WHERE id = :id FOR UPDATE"), {"id": message_id}
    )
    conn.engine_to_dispose = engine  # type: ignore[attr-defined]
    return conn


def _release(conn: Any) -> None:
    conn.rollback() if hasattr(conn, "engine_to_dispose") else conn.execute("ROLLBACK")
    conn.close()
    if hasattr(conn, "engine_to_dispose"):
        conn.engine_to_dispose.dispose()


@both_databases()
def test_sigkill_after_the_server_accepted_resends_with_the_same_message_id(
    ctx: Flask, database_url: str, tmp_path: Path
) -> None:
    """Kill -9 a worker between the SMTP server's "250" and our commit, three times over.

    Each killed worker's message stays claimed; its lease runs out; a later worker sends it
    again with the same Message-ID: delivered at least once, never lost, the copy recognisable.
    """
    runs = 3
    keys = {m.id: m.key for m in [queue(about=f"afspraak:AF-{i}000-KK") for i in range(runs)]}
    db.session.remove()
    held: list[tuple[str, Any]] = []  # (Message-ID, lock) of each first delivery
    accepted = threading.Semaphore(0)

    def hold_commit(got: Received) -> None:
        if got.message_id not in {mid for mid, _ in held}:  # a resend goes straight through
            message_id = next(i for i, k in keys.items() if f"<{k}@" in got.message_id)
            held.append((got.message_id, _lock_row(database_url, message_id)))
            accepted.release()

    with smtp_server(Recorder(on_data=hold_commit)) as (server, port):
        for run in range(runs):
            log = tmp_path / f"doomed-{run}.log"
            doomed = start_worker(database_url, port, "--loop", log=log)
            assert accepted.acquire(timeout=60), log.read_text()
            time.sleep(0.5)  # the worker has its "250" and waits for the lock to commit
            assert doomed.poll() is None
            doomed.send_signal(signal.SIGKILL)
            doomed.wait(10)
            message_id, lock = held[-1]
            _release(lock)
            row = db.session.scalar(
                select(OutboxMessage).where(OutboxMessage.key == message_id[1:33])
            )
            assert row is not None
            assert row.status == "bezig", "the kill came after the commit: the test proves nothing"
            db.session.remove()
        time.sleep(1.2)  # the last lease (1 s) runs out
        log = tmp_path / "survivor.log"
        assert start_worker(database_url, port, log=log).wait(120) == 0, log.read_text()

    copies = Counter(server.ids())
    assert len(held) == runs
    for message_id, key in keys.items():
        row = fresh(message_id)
        assert row.status == "verzonden", "lost"
        assert copies[f"<{key}@loket.example>"] >= 2  # the copy before the kill and the resend
    assert set(copies) == {f"<{key}@loket.example>" for key in keys.values()}  # no other ids


@both_databases()
def test_two_worker_processes_never_send_the_same_message(
    ctx: Flask, database_url: str, tmp_path: Path
) -> None:
    count = 120
    keys = {m.key for m in _queue_many(count)}
    db.session.remove()

    def slow_server(got: Received) -> None:
        time.sleep(0.01)  # a real server takes a moment: the two workers overlap

    with smtp_server(Recorder(on_data=slow_server)) as (server, port):
        # A lease far longer than a send: this test is about claims, not about crashes.
        workers = [
            start_worker(
                database_url, port, log=tmp_path / f"worker-{n}.log", NOTIFY_LEASE_SECONDS="120"
            )
            for n in range(2)
        ]
        for n, worker in enumerate(workers):
            assert worker.wait(120) == 0, (tmp_path / f"worker-{n}.log").read_text()

    ids = server.ids()
    assert len(ids) == count, f"{len(ids)} e-mails for {count} messages"
    assert len(set(ids)) == count, "a message was sent twice"
    assert set(ids) == {f"<{key}@loket.example>" for key in keys}
    db.session.expire_all()
    by = Counter(db.session.scalars(select(OutboxMessage.claimed_by)))
    assert len(by) == 2, f"both workers must have sent some: {by}"
    statuses = set(db.session.scalars(select(OutboxMessage.status)))
    assert statuses == {"verzonden"}


def test_the_worker_command_summarises_what_it_did(runner: Any, app: Flask) -> None:
    with app.app_context():
        queue("sms", FATIMA)
        queue("email", FATIMA, about="afspraak:AF-1234-AB")
    result = runner.invoke(args=["berichten", "versturen"])
    assert result.exit_code == 0, result.output
    assert "2 verzonden, 0 brieven klaar voor de post, 0 later opnieuw, 0 mislukt." in result.output


def test_the_worker_refuses_demo_connectors_where_they_are_not_allowed(
    runner: Any, app: Flask
) -> None:
    app.config["NOTIFY_DEMO_ALLOWED"] = False
    result = runner.invoke(args=["berichten", "versturen"])
    assert result.exit_code != 0
    assert "demo-verzending staat hier uit" in result.output


@pytest.mark.parametrize("channel", ["email", "sms"])
def test_an_unexpected_error_is_retried_not_lost(ctx: Flask, channel: str) -> None:
    class Broken(MailTransport):
        def send(self, message: Any, sender: str, recipient: str) -> MailReceipt:
            raise RuntimeError("bug")

    from app.notify.sms.base import SmsProvider, SmsReceipt, SmsRequest

    class BrokenSms(SmsProvider):
        def send(self, sms: SmsRequest) -> SmsReceipt:
            raise RuntimeError("bug")

    message = queue(channel)
    tally = Worker(mail=Broken({}), sms=BrokenSms({})).run_once()
    assert tally.retried == 1
    row = fresh(message.id)
    assert (row.status, row.error_code) == ("wachtend", "storing")


def test_claimed_snapshot_keeps_the_key(ctx: Flask) -> None:
    message = queue()
    claimed = Worker().claim()
    assert isinstance(claimed, Claimed) and claimed.key == message.key
