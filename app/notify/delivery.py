"""Deliver one claimed message on its channel. Only the worker calls this."""

import datetime as dt
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from pathlib import Path
from typing import Any

from email_validator import EmailNotValidError, validate_email

from app.core.time import local_today, utcnow
from app.notify.errors import DeliveryFailed
from app.notify.letters import document
from app.notify.letters.pdf import MissingFont, letter_pdf
from app.notify.mail.base import MailTransport
from app.notify.recipients import NotAMobileNumber, Recipient, normalise_mobile
from app.notify.render import contact_facts, helpers
from app.notify.sms.base import SmsProvider, SmsRequest
from app.notify.sms.segments import measure


@dataclass(frozen=True)
class Claimed:
    """What the worker needs of a claimed row (a snapshot, independent of the session)."""

    id: int
    key: str
    kind: str
    channel: str
    lang: str
    about: str
    recipient: dict[str, Any]
    subject: str
    body: str
    attempts: int

    @property
    def reference(self) -> str:
        return self.about.split(":", 1)[-1]


@dataclass(frozen=True)
class Delivered:
    provider_ref: str | None
    letter: tuple[bytes, int, dt.date] | None = None  # pdf, pages, date printed


def message_id(key: str, config: dict[str, Any]) -> str:
    """The Message-ID of a message: fixed by its key, so every resend carries the same one."""
    domain = config.get("NOTIFY_MESSAGE_ID_DOMAIN") or (
        parseaddr(config["NOTIFY_EMAIL_FROM"])[1].rpartition("@")[2] or "loket.invalid"
    )
    return f"<{key}@{domain}>"


def email_message(claimed: Claimed, config: dict[str, Any]) -> tuple[EmailMessage, str, str]:
    """Build the e-mail; return it with the envelope sender and recipient."""
    recipient = Recipient.from_json(claimed.recipient)
    try:
        checked = validate_email(recipient.email or "", check_deliverability=False)
    except EmailNotValidError as error:
        raise DeliveryFailed("adres-ongeldig", str(error)) from None
    sender_name, sender_address = parseaddr(config["NOTIFY_EMAIL_FROM"])
    message = EmailMessage()
    message["From"] = Address(sender_name, addr_spec=sender_address)
    message["To"] = Address(recipient.name, addr_spec=checked.normalized)
    if config.get("NOTIFY_REPLY_TO"):
        message["Reply-To"] = config["NOTIFY_REPLY_TO"]
    message["Subject"] = claimed.subject
    message["Date"] = format_datetime(utcnow())
    message["Message-ID"] = message_id(claimed.key, config)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies
    message.set_content(claimed.body, charset="utf-8", cte="quoted-printable")
    message["Content-Language"] = claimed.lang  # after set_content, which drops Content-*
    envelope_from = config.get("NOTIFY_BOUNCE_ADDRESS") or sender_address
    return message, envelope_from, checked.normalized


def send_email(claimed: Claimed, transport: MailTransport, config: dict[str, Any]) -> Delivered:
    message, sender, to = email_message(claimed, config)
    receipt = transport.send(message, sender, to)
    return Delivered(receipt.server_reply[:200])


def send_sms(claimed: Claimed, provider: SmsProvider, config: dict[str, Any]) -> Delivered:
    recipient = Recipient.from_json(claimed.recipient)
    try:
        number = normalise_mobile(recipient.phone or "")
    except NotAMobileNumber as error:
        raise DeliveryFailed("adres-ongeldig", str(error)) from None
    size = measure(claimed.body)
    receipt = provider.send(
        SmsRequest(
            to=number,
            body=claimed.body,
            encoding=size.encoding,
            segments=size.segments,
            reference=claimed.key,
            originator=str(config["SMS_ORIGINATOR"]),
        )
    )
    return Delivered(receipt.provider_id[:200])


def letter_document(
    claimed: Claimed, dated: dt.date, config: dict[str, Any]
) -> document.LetterDocument:
    recipient = Recipient.from_json(claimed.recipient)
    if recipient.address is None:
        raise DeliveryFailed("geen-adres", "")
    return document.build(
        lang=claimed.lang,
        recipient=recipient,
        reference=claimed.reference,
        subject=claimed.subject,
        body=claimed.body,
        dated=dated,
        contact=contact_facts(),
        site=helpers(claimed.lang)["short_url"]("/").rstrip("/"),
    )


def make_letter(claimed: Claimed, config: dict[str, Any]) -> Delivered:
    dated = local_today()
    doc = letter_document(claimed, dated, config)
    try:
        pdf, pages = letter_pdf(doc, Path(config["NOTIFY_LETTER_FONT_DIR"]))
    except MissingFont as error:
        raise DeliveryFailed("storing", str(error), permanent=False) from None
    return Delivered(None, (pdf, pages, dated))
