"""E-mail over SMTP against a real local SMTP server (aiosmtpd), read back as it arrived."""

import datetime as dt

from flask import Flask

from app.core.time import aware, frozen_at
from app.notify.mail.base import mail_transports
from app.notify.recipients import Recipient
from app.notify.worker import Worker, backoff
from tests.notify.helpers import FATIMA, fresh, queue
from tests.notify.smtp_server import Recorder, free_port, smtp_server


def _smtp_worker(app: Flask, port: int) -> Worker:
    return Worker(mail=mail_transports.create({**app.config, "SMTP_PORT": port}, "smtp"))


def test_an_email_arrives_with_its_message_id_subject_and_text(ctx: Flask) -> None:
    message = queue()
    with smtp_server() as (server, port):
        tally = _smtp_worker(ctx, port).run_once()
    assert tally.sent == 1
    assert len(server.received) == 1
    got = server.received[0]
    assert got.rcpt_tos == ["fatima@voorbeeld.example"]
    assert got.mail_from == "noreply@loket.example"
    mail = got.message
    assert mail["Message-ID"] == f"<{message.key}@loket.example>"
    assert mail["Subject"] == "Uw afspraak op dinsdag 2 maart 2027 (AF-4736-KM)"
    assert mail["To"] == "Fatima El Amrani <fatima@voorbeeld.example>"
    assert mail["From"] == "Gemeente Nijmegen <noreply@loket.example>"
    assert mail["Content-Language"] == "nl"
    assert mail["Auto-Submitted"] == "auto-generated"
    text = mail.get_content()
    assert "Mariënburg 30" in text and "AF-4736-KM" in text
    assert "Niet tevreden?" in text and "gemeentelijke ombudsman" in text
    row = fresh(message.id)
    assert row.status == "verzonden" and row.attempts == 1
    assert row.provider_ref and row.provider_ref.startswith("250")


def test_a_refused_address_fails_for_good_with_the_servers_words(ctx: Flask) -> None:
    message = queue(to=Recipient("Niemand", email="niemand@voorbeeld.example"))
    with smtp_server(Recorder(refuse={"niemand@voorbeeld.example"})) as (server, port):
        tally = _smtp_worker(ctx, port).run_once()
    assert tally.failed == 1 and server.received == []
    row = fresh(message.id)
    assert row.status == "mislukt"
    assert row.error_code == "adres-geweigerd"
    assert row.error_detail and row.error_detail.startswith("550 5.1.1")
    assert row.attempts == 1  # not tried again


def test_an_address_that_cannot_exist_is_not_even_sent(ctx: Flask) -> None:
    message = queue(to=Recipient("Pieter", email="pieter@@voorbeeld"))
    with smtp_server() as (server, port):
        tally = _smtp_worker(ctx, port).run_once()
    assert tally.failed == 1 and server.received == []
    row = fresh(message.id)
    assert (row.status, row.error_code) == ("mislukt", "adres-ongeldig")


def test_a_server_that_is_down_means_try_again_later_with_backoff(ctx: Flask) -> None:
    message = queue()
    start = dt.datetime(2027, 2, 20, 10, 0)
    with frozen_at(start) as clock:
        worker = _smtp_worker(ctx, free_port())  # nothing listens there
        assert worker.run_once().retried == 1
        row = fresh(message.id)
        assert (row.status, row.error_code, row.attempts) == ("wachtend", "onbereikbaar", 1)
        assert aware(row.send_after) == aware(clock.now()) + dt.timedelta(seconds=60)
        assert worker.run_once().handled == 0  # not due yet

        clock.advance(dt.timedelta(seconds=61))
        with smtp_server() as (server, port):
            tally = _smtp_worker(ctx, port).run_once()
    assert tally.sent == 1 and len(server.received) == 1
    row = fresh(message.id)
    assert (row.status, row.attempts, row.error_code) == ("verzonden", 2, None)


def test_a_busy_server_451_is_tried_again(ctx: Flask) -> None:
    message = queue()
    with (
        frozen_at(dt.datetime(2027, 2, 20, 10, 0)) as clock,
        smtp_server(Recorder(busy=1)) as (server, port),
    ):
        worker = _smtp_worker(ctx, port)
        assert worker.run_once().retried == 1
        clock.advance(dt.timedelta(minutes=2))
        assert worker.run_once().sent == 1
    assert len(server.received) == 1
    assert fresh(message.id).attempts == 2


def test_backoff_doubles_up_to_the_cap_and_stops_at_the_maximum(ctx: Flask) -> None:
    config = {**ctx.config, "NOTIFY_BACKOFF_SECONDS": 60, "NOTIFY_BACKOFF_MAX_SECONDS": 3600}
    waits = [backoff(n, config).total_seconds() for n in range(1, 9)]
    assert waits == [60, 120, 240, 480, 960, 1920, 3600, 3600]

    ctx.config["NOTIFY_MAX_ATTEMPTS"] = 3
    message = queue()
    with frozen_at(dt.datetime(2027, 2, 20, 10, 0)) as clock:
        worker = _smtp_worker(ctx, free_port())
        seen = []
        for _ in range(6):
            tally = worker.run_once()
            row = fresh(message.id)
            seen.append((row.status, row.attempts, tally.retried, tally.failed))
            clock.advance(dt.timedelta(hours=1))
    assert seen[:3] == [("wachtend", 1, 1, 0), ("wachtend", 2, 1, 0), ("mislukt", 3, 0, 1)]
    assert seen[3:] == [("mislukt", 3, 0, 0)] * 3  # never again
    assert fresh(message.id).error_code == "onbereikbaar"


def test_an_english_email_is_english(ctx: Flask) -> None:
    queue(lang="en", to=FATIMA)
    with smtp_server() as (server, port):
        _smtp_worker(ctx, port).run_once()
    mail = server.received[0].message
    assert mail["Content-Language"] == "en"
    assert mail["Subject"].startswith("Your appointment on Tuesday 2 March 2027")
    assert "municipal ombudsman" in mail.get_content()
