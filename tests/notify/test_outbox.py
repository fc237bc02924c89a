"""The outbox API: enqueue in the caller's transaction, read back, and purge for privacy."""

import datetime as dt
from pathlib import Path

import jinja2
import pytest
from flask import Flask
from sqlalchemy import func, select

from app.core.storage import wipe_deleted
from app.core.time import aware, frozen_at, utcnow
from app.extensions import db
from app.notify import outbox
from app.notify.examples import example
from app.notify.models import DemoDelivery, Letter, OutboxMessage
from app.notify.recipients import NotAMobileNumber, PostalAddress, Recipient, normalise_mobile
from app.notify.render import TemplateMissing
from app.notify.worker import Worker
from tests.conftest import both_databases
from tests.notify.helpers import FATIMA, JAN, queue


def _count() -> int:
    return int(db.session.scalar(select(func.count()).select_from(OutboxMessage)) or 0)


@both_databases()
def test_the_message_lives_and_dies_with_the_callers_transaction(ctx: Flask) -> None:
    queue(commit=False)
    db.session.rollback()  # the booking failed: no message either
    assert _count() == 0
    message = queue(commit=False)
    db.session.commit()  # committed together with the booking
    assert _count() == 1
    assert outbox.messages_about("afspraak:AF-4736-KM")[0].key == message.key


def test_enqueue_renders_and_stores_what_will_be_sent(ctx: Flask) -> None:
    with frozen_at(dt.datetime(2027, 2, 20, 10, 0)):
        message = queue()
    assert message.status == "wachtend"
    assert message.subject == "Uw afspraak op dinsdag 2 maart 2027 (AF-4736-KM)"
    assert "Beste Fatima El Amrani," in message.body
    assert "Wanneer: dinsdag 2 maart 2027 om 10.30 uur" in message.body
    assert "Waar: Stadswinkel, Mariënburg 30, 6511 PS Nijmegen" in message.body
    assert "- Een pasfoto." in message.body
    assert "Niet tevreden?" in message.body and "ombudsman" in message.body
    assert message.lang == "nl" and message.channel == "email"
    assert len(message.key) == 32
    assert aware(message.send_after) == dt.datetime(2027, 2, 20, 9, 0, tzinfo=dt.UTC)
    assert message.recipient["email"] == "fatima@voorbeeld.example"


def test_english_messages_are_english(ctx: Flask) -> None:
    message = queue(lang="en")
    assert message.subject.startswith("Your appointment on Tuesday 2 March 2027")
    assert "Not satisfied?" in message.body and "ombudsman" in message.body
    assert "/en/contact" in message.body


def test_the_time_helpers_speak_amsterdam_time_in_the_messages_language(ctx: Flask) -> None:
    """For callers that pass times instead of words (forms, Mijn): summer and winter time."""
    from app.notify.render import helpers

    nl, en = helpers("nl"), helpers("en")
    summer = "2027-07-01T08:00:00+00:00"  # 10.00 in Nijmegen (UTC+2)
    assert nl["date_words"](summer) == "donderdag 1 juli 2027"
    assert nl["time_words"](summer) == "10.00 uur"
    assert en["date_words"](summer) == "Thursday 1 July 2027"
    assert nl["time_words"](dt.datetime(2027, 1, 4, 8, 0, tzinfo=dt.UTC)) == "9.00 uur"
    assert nl["day_words"]("2027-01-04T08:00:00+00:00") == "maandag 4 januari"


def test_a_booking_context_with_its_own_channel_and_contact_keys(ctx: Flask) -> None:
    """The booking's `channel` (desk, phone) and `contact` (e-mail, SMS) are its own."""
    message = queue(channel="sms", kind="afspraak_bevestiging", contact="sms")
    assert "Bel 14 024" in message.body  # our contact facts still speak
    assert message.kind == "afspraak_bevestiging"  # stored as given; the template is shared
    phone = outbox.enqueue(
        kind="afspraak-bevestiging",
        channel="email",
        to=FATIMA,
        lang="nl",
        context=example(
            "afspraak-bevestiging",
            "nl",
            channel="telefoon",
            place=["Wij bellen u op 06 12 34 56 78."],
        ),
        about="afspraak:AF-4444-PP",
    )
    assert "Wij bellen u op 06 12 34 56 78." in phone.body and "Waar:" not in phone.body


def test_an_address_from_the_address_lookup_is_accepted(ctx: Flask) -> None:
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class LookedUp:  # the address connector's own dataclass, with a field we do not keep
        street: str
        number: str
        postcode: str
        city: str
        suffix: str = ""
        source: str = "bag"

    who = Recipient("Jan de Vries", address=LookedUp("Oefenlaan", "3", "6521 CD", "Nijmegen", "A"))  # type: ignore[arg-type]
    message = queue("brief", who)
    assert message.recipient["address"] == {
        "street": "Oefenlaan",
        "number": "3",
        "postcode": "6521 CD",
        "city": "Nijmegen",
        "suffix": "A",
        "country": "",
    }
    assert Recipient.from_json(message.recipient).address == JAN.address


def test_a_message_every_channel_and_kind_names_complaints_and_the_ombudsman(ctx: Flask) -> None:
    from app.notify.examples import CHANNELS_OF

    for kind, channels in CHANNELS_OF.items():
        for channel in channels:
            for lang in ("nl", "en"):
                to = {"email": FATIMA, "sms": FATIMA, "brief": JAN}[channel]
                message = queue(channel, to, kind=kind, lang=lang, commit=False)
                assert "ombudsman" in message.body, (kind, channel, lang)
                assert ("Niet tevreden?" if lang == "nl" else "happy?") in message.body or (
                    "Not satisfied?" in message.body
                ), (kind, channel, lang)
    db.session.rollback()


def test_send_after_delays_the_message(ctx: Flask) -> None:
    later = utcnow() + dt.timedelta(hours=3)
    message = outbox.enqueue(
        kind="afspraak-herinnering",
        channel="sms",
        to=FATIMA,
        lang="nl",
        context=example("afspraak-herinnering", "nl"),
        about="afspraak:AF-4736-KM",
        send_after=later,
    )
    db.session.commit()
    assert Worker(sms=None).run_once().handled == 0  # not due yet
    assert message.segments in (1, 2)


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"channel": "fax"}, "channel"),
        ({"lang": "de"}, "lang"),
        ({"to": Recipient("Jan")}, "needs the recipient's email"),
        ({"channel": "brief", "to": FATIMA}, "needs the recipient's address"),
        ({"about": ""}, "about"),
        ({"send_after": dt.datetime(2027, 1, 1, 12, 0)}, "aware"),
        ({"context": {**example("afspraak-bevestiging", "nl"), "x": object()}}, "JSON"),
    ],
)
def test_enqueue_refuses_what_cannot_be_sent(
    ctx: Flask, changes: dict[str, object], error: str
) -> None:
    arguments: dict[str, object] = {
        "kind": "afspraak-bevestiging",
        "channel": "email",
        "to": FATIMA,
        "lang": "nl",
        "context": example("afspraak-bevestiging", "nl"),
        "about": "afspraak:AF-4736-KM",
        **changes,
    }
    with pytest.raises(ValueError, match=error):
        outbox.enqueue(**arguments)  # type: ignore[arg-type]


def test_a_missing_template_or_value_fails_in_the_callers_request(ctx: Flask) -> None:
    with pytest.raises(TemplateMissing):
        outbox.enqueue(
            kind="bestaat-niet",
            channel="email",
            to=FATIMA,
            lang="nl",
            context={},
            about="afspraak:AF-4736-KM",
        )
    with pytest.raises(TemplateMissing):
        queue("brief", JAN, kind="afspraak-herinnering")  # a reminder letter would come too late
    context = example("afspraak-bevestiging", "nl")
    del context["when"]
    with pytest.raises(jinja2.UndefinedError):
        outbox.enqueue(
            kind="afspraak-bevestiging",
            channel="email",
            to=FATIMA,
            lang="nl",
            context=context,
            about="afspraak:AF-4736-KM",
        )


def test_aware_datetimes_are_accepted_in_the_context(ctx: Flask) -> None:
    message = queue(starts_at=dt.datetime(2027, 3, 2, 9, 30, tzinfo=dt.UTC))
    assert message.status == "wachtend"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("06-12345678", "31612345678"),
        ("06 1234 5678", "31612345678"),
        ("+31 6 12345678", "31612345678"),
        ("+31 (0)6 12345678", "31612345678"),
        ("0031612345678", "31612345678"),
        ("+49 151 23456789", "4915123456789"),
    ],
)
def test_mobile_numbers_are_normalised(typed: str, expected: str) -> None:
    assert normalise_mobile(typed) == expected


@pytest.mark.parametrize(
    "typed", ["024-3299999", "0612345", "bel me", "612345678", "+31 24 3299999"]
)
def test_numbers_that_cannot_receive_an_sms_are_refused(typed: str) -> None:
    with pytest.raises(NotAMobileNumber):
        normalise_mobile(typed)


def test_postnl_address_lines() -> None:
    assert JAN.address is not None
    assert JAN.address.lines() == ["Oefenlaan 3 A", "6521 CD  NIJMEGEN"]
    abroad = PostalAddress("Hauptstraße", "5", "47533", "Kleve", country="Duitsland")
    assert abroad.lines() == ["Hauptstraße 5", "47533 Kleve", "DUITSLAND"]


@both_databases()
def test_delete_about_removes_rows_letters_and_demo_copies(ctx: Flask) -> None:
    from app.notify.mail.demo import DemoMailTransport

    queue("email", about="afspraak:AF-4736-KM")
    queue("brief", JAN, about="afspraak:AF-4736-KM")
    queue("email", about="afspraak:AF-9999-XX")
    Worker(mail=DemoMailTransport(ctx.config)).run_once()
    assert db.session.scalar(select(func.count()).select_from(Letter)) == 1
    assert db.session.scalar(select(func.count()).select_from(DemoDelivery)) == 2

    assert outbox.delete_about("afspraak:AF-4736-KM") == 2
    db.session.commit()
    assert outbox.messages_about("afspraak:AF-4736-KM") == []
    assert db.session.scalar(select(func.count()).select_from(Letter)) == 0
    assert db.session.scalar(select(func.count()).select_from(DemoDelivery)) == 1
    assert len(outbox.messages_about("afspraak:AF-9999-XX")) == 1


def test_after_a_purge_the_bytes_are_gone_from_the_sqlite_file(ctx: Flask) -> None:
    from app.notify.mail.demo import DemoMailTransport

    name = "Wilhelmina Zonderachternaam"
    who = Recipient(name, email="w.zonder@voorbeeld.example", address=JAN.address)
    queue("email", who, about="afspraak:AF-6666-QQ")
    queue("brief", who, about="afspraak:AF-6666-QQ")
    Worker(mail=DemoMailTransport(ctx.config)).run_once()
    wipe_deleted()
    path = Path(db.engine.url.database or "")
    needles = [name.encode(), b"w.zonder@voorbeeld.example"]
    assert any(n in path.read_bytes() for n in needles), "the test must see the data first"

    outbox.delete_about("afspraak:AF-6666-QQ")
    db.session.commit()
    wipe_deleted()
    data = path.read_bytes() + (
        Path(f"{path}-wal").read_bytes() if Path(f"{path}-wal").exists() else b""
    )
    for needle in needles:
        assert needle not in data


def test_links_in_messages_come_from_public_url_never_from_the_host_header(ctx: Flask) -> None:
    ctx.config["PUBLIC_URL"] = "https://loket.nijmegen.nl"
    with ctx.test_request_context("/afspraak", headers={"Host": "evil.example"}):
        message = queue(kind="afspraak-afgezegd")
    assert "https://loket.nijmegen.nl/afspraak" in message.body
    assert "evil.example" not in message.body
