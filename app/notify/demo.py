"""Demo messages for `make run` and the page checks: one of each channel and one that failed.

Delivered at once through the demo connectors (whatever the configuration says), so the staff
pages have something to show: an e-mail, an SMS, a letter for the post, and a message to an
address that cannot exist.
"""

from flask import current_app
from sqlalchemy import select

from app.extensions import db
from app.notify import outbox
from app.notify.examples import example
from app.notify.mail.demo import DemoMailTransport
from app.notify.models import OutboxMessage
from app.notify.recipients import PostalAddress, Recipient
from app.notify.sms.demo import DemoSms
from app.notify.worker import Worker

DEMO = (
    (
        "demo-email-fatima",
        "afspraak-bevestiging",
        "email",
        "nl",
        Recipient("Fatima El Amrani", email="fatima.elamrani@voorbeeld.example"),
        "afspraak:AF-4736-KM",
    ),
    (
        "demo-sms-anna",
        "afspraak-herinnering",
        "sms",
        "nl",
        Recipient("Anna Jansen", phone="06 12345678"),
        "afspraak:AF-6397-HT",
    ),
    (
        "demo-brief-jan",
        "afspraak-bevestiging",
        "brief",
        "nl",
        Recipient(
            "Jan de Vries",
            address=PostalAddress("Oefenlaan", "3", "6521 CD", "Nijmegen", suffix="A"),
        ),
        "afspraak:AF-7743-PR",
    ),
    (
        "demo-mislukt",
        "afspraak-gewijzigd",
        "email",
        "en",
        Recipient("Pieter Smit", email="pieter.smit@@voorbeeld"),
        "afspraak:AF-9463-WX",
    ),
)


def fill_messages() -> str | None:
    keys = [key for key, *_ in DEMO]
    existing = set(db.session.scalars(select(OutboxMessage.key).where(OutboxMessage.key.in_(keys))))
    added = []
    for key, kind, channel, lang, recipient, about in DEMO:
        if key in existing:
            continue
        context = example(kind, lang, reference=about.split(":", 1)[1], name=recipient.name)
        message = outbox.enqueue(
            kind=kind, channel=channel, to=recipient, lang=lang, context=context, about=about
        )
        message.key = key
        added.append(key)
    db.session.commit()
    if not added:
        return None
    worker = Worker(
        mail=DemoMailTransport(current_app.config), sms=DemoSms(current_app.config), only=added
    )
    worker.run_once()
    return f"{len(added)} voorbeeldberichten aan inwoners (e-mail, sms, brief) gemaakt."
