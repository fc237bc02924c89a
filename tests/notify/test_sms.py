"""SMS: the MessageBird client against a local fake that checks our schema, and the demo."""

import datetime as dt

from flask import Flask
from sqlalchemy import select

from app.core.time import frozen_at
from app.extensions import db
from app.notify.models import DemoDelivery
from app.notify.recipients import Recipient
from app.notify.sms.base import SmsRequest, sms_providers
from app.notify.sms.demo import DemoSms
from app.notify.worker import Worker
from tests.notify.fake_messagebird import fake_messagebird
from tests.notify.helpers import FATIMA, fresh, queue


def _worker(app: Flask, url: str, key: str = "test-access-key") -> Worker:
    config = {**app.config, "MESSAGEBIRD_URL": url, "MESSAGEBIRD_ACCESS_KEY": key}
    return Worker(sms=sms_providers.create(config, "messagebird"))


def test_a_text_reaches_messagebird_as_the_schema_says(ctx: Flask) -> None:
    message = queue("sms")
    with fake_messagebird() as fake:
        tally = _worker(ctx, fake.url).run_once()
    assert fake.schema_errors == []
    assert tally.sent == 1
    [sent] = fake.received
    assert sent["recipients"] == [31612345678]
    assert sent["originator"] == "Nijmegen"
    assert sent["reference"] == message.key  # the idempotency reference
    assert sent["body"] == message.body
    assert "AF-4736-KM" in sent["body"] and "ombudsman" in sent["body"]
    assert sent["datacoding"] == "plain"  # folded to GSM-7: one segment, not three
    row = fresh(message.id)
    assert row.status == "verzonden" and row.segments == 1
    assert row.provider_ref and len(row.provider_ref) == 32


def test_a_text_with_an_e_trema_that_fits_goes_as_unicode(ctx: Flask) -> None:
    message = queue("sms", kind="afspraak-afgezegd", topic="x")
    assert message.segments == 1
    with fake_messagebird() as fake:
        _worker(ctx, fake.url).run_once()
    assert fake.received[0]["datacoding"] == "plain"
    short = queue("sms", kind="afspraak-afgezegd", about="afspraak:AF-3333-CC")
    short.body = "Stadswinkel, Mariënburg 30."  # a short UCS-2 text keeps its ë
    db.session.commit()
    with fake_messagebird() as fake:
        _worker(ctx, fake.url).run_once()
    assert fake.received[0]["datacoding"] == "unicode"
    assert fake.received[0]["body"] == "Stadswinkel, Mariënburg 30."
    assert fake.schema_errors == []


def test_a_number_messagebird_refuses_fails_for_good(ctx: Flask) -> None:
    message = queue("sms", to=Recipient("Niemand", phone="06-00000000"))
    with fake_messagebird() as fake:
        tally = _worker(ctx, fake.url).run_once()
    assert tally.failed == 1 and fake.received == []
    row = fresh(message.id)
    assert (row.status, row.error_code) == ("mislukt", "adres-geweigerd")
    assert row.error_detail and "9: no (correct) recipients found" in row.error_detail


def test_a_landline_is_refused_before_anything_is_sent(ctx: Flask) -> None:
    message = queue("sms", to=Recipient("Balie", phone="024-3299999"))
    with fake_messagebird() as fake:
        _worker(ctx, fake.url).run_once()
    assert fake.received == []
    row = fresh(message.id)
    assert (row.status, row.error_code) == ("mislukt", "adres-ongeldig")
    assert row.error_detail and "mobiel" in row.error_detail


def test_unavailable_or_refused_credentials_are_tried_again_later(ctx: Flask) -> None:
    message = queue("sms")
    with frozen_at(dt.datetime(2027, 2, 20, 10, 0)) as clock, fake_messagebird() as fake:
        fake.unavailable = 1
        assert _worker(ctx, fake.url).run_once().retried == 1
        assert fresh(message.id).error_code == "onbereikbaar"
        clock.advance(dt.timedelta(minutes=2))
        assert _worker(ctx, fake.url, key="wrong").run_once().retried == 1
        row = fresh(message.id)
        assert (row.status, row.error_code) == ("wachtend", "toegang")
        clock.advance(dt.timedelta(minutes=5))
        assert _worker(ctx, fake.url).run_once().sent == 1
    assert len(fake.received) == 1
    assert fake.received[0]["reference"] == message.key
    assert fresh(message.id).attempts == 3


def test_every_attempt_carries_the_same_reference(ctx: Flask) -> None:
    request = SmsRequest("31612345678", "Test", "gsm7", 1, "abc123", "Nijmegen")
    with fake_messagebird() as fake:
        provider = sms_providers.create({**ctx.config, "MESSAGEBIRD_URL": fake.url}, "messagebird")
        provider.send(request)
        provider.send(request)  # what a resend after a crash does
    assert [m["reference"] for m in fake.received] == ["abc123", "abc123"]
    assert fake.schema_errors == []


def test_the_fake_really_checks_the_schema(ctx: Flask) -> None:
    """A request outside the schema is caught (so the test above can fail)."""
    import json
    import urllib.error
    import urllib.request

    with fake_messagebird() as fake:
        bad = urllib.request.Request(
            f"{fake.url}/messages",
            data=json.dumps(
                {"originator": "Nijmegen", "body": "x", "recipients": ["06-1"]}
            ).encode(),
            headers={
                "Authorization": "AccessKey test-access-key",
                "Content-Type": "application/json",
            },
            method="POST",
        )
        try:
            urllib.request.urlopen(bad, timeout=5)
        except urllib.error.HTTPError as error:
            assert error.code == 422
    assert fake.schema_errors and fake.schema_errors[0].startswith("request:")


def test_the_demo_provider_keeps_what_it_would_send(ctx: Flask) -> None:
    message = queue("sms", to=FATIMA)
    assert Worker(sms=DemoSms(ctx.config)).run_once().sent == 1
    [kept] = db.session.scalars(select(DemoDelivery)).all()
    assert kept.channel == "sms" and kept.message_id == message.id
    assert kept.payload["to"] == "31612345678"
    assert kept.payload["reference"] == message.key
    assert kept.payload["segments"] == 1
    assert fresh(message.id).provider_ref == f"demo-{message.key}"


def test_the_configured_provider_is_demo_unless_messagebird_is_set_up(ctx: Flask) -> None:
    assert sms_providers.chosen(ctx.config) == "demo"
    assert sms_providers.chosen({"CONNECTORS": {"sms": "messagebird"}}) == "messagebird"
