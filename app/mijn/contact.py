"""Contact preferences: the channel every message to a resident uses (Mijn instellingen).

    preference("bsn", bsn)            # Preference or None (then: a letter, in Dutch)
    route(preference, name, address)  # (channel, Recipient) for app.notify.outbox.enqueue

Messages about a resident's own case, and proactive notices, go by this channel. Without a
preference, or when the e-mail address or number is missing, they go by letter to the address
in the BRP: a letter reaches everyone.
"""

from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select

from app.core.references import keyed_hash
from app.extensions import db
from app.mijn.models import ContactPreference
from app.notify.recipients import PostalAddress, Recipient
from app.prefill.persons import Address, ForeignAddress

CHANNELS = ("email", "sms", "brief")
LETTER = "brief"
PURPOSE = "contact"  # the keyed hash's purpose: the same as client_key(resident, "contact")


@dataclass(frozen=True)
class Preference:
    channel: str
    email: str | None
    phone: str | None
    lang: str


def contact_key(subject_type: str, subject: str) -> str:
    """Return the key a preference is stored under: `client_key(resident, "contact")`.

    Computed from the BSN (or KvK number) so that a message sent without a login (a case
    status change, a notice run) finds the preference a resident set in Mijn Loket.
    """
    secret = str(current_app.config["SECRET_KEY"])
    return keyed_hash(f"{subject_type}:{subject}", secret, PURPOSE)


def _row(subject_type: str, subject: str) -> ContactPreference | None:
    key = contact_key(subject_type, subject)
    return db.session.scalar(select(ContactPreference).where(ContactPreference.subject_key == key))


def preference(subject_type: str, subject: str) -> Preference | None:
    """Return how this person wants to hear from us, or None when they never said."""
    row = _row(subject_type, subject)
    if row is None:
        return None
    return Preference(row.channel, row.email, row.phone, row.lang)


def save(subject_type: str, subject: str, wanted: Preference) -> None:
    """Keep the preference; only what the channel needs is stored (no old e-mail address)."""
    if wanted.channel not in CHANNELS:
        raise ValueError(f"channel must be one of {CHANNELS}")
    row = _row(subject_type, subject)
    if row is None:
        row = ContactPreference(subject_key=contact_key(subject_type, subject))
        db.session.add(row)
    row.channel = wanted.channel
    row.email = wanted.email if wanted.channel == "email" else None
    row.phone = wanted.phone if wanted.channel == "sms" else None
    row.lang = wanted.lang if wanted.lang in ("nl", "en") else "nl"
    db.session.commit()


def postal(address: Address | ForeignAddress | None) -> PostalAddress | None:
    """The BRP address as the outbox wants it (a letter)."""
    if isinstance(address, Address):
        number = f"{address.number}{address.letter}"
        return PostalAddress(
            address.street, number, address.postcode, address.city, suffix=address.addition
        )
    if isinstance(address, ForeignAddress) and address.lines:
        rest = " ".join(address.lines[1:])
        return PostalAddress(address.lines[0], "", "", rest, country=address.country)
    return None


def route(
    wanted: Preference | None, name: str, address: Address | ForeignAddress | None
) -> tuple[str, Recipient] | None:
    """Return the channel and recipient for a message, or None when nobody can be reached."""
    if wanted is not None and wanted.channel == "email" and wanted.email:
        return "email", Recipient(name=name, email=wanted.email)
    if wanted is not None and wanted.channel == "sms" and wanted.phone:
        return "sms", Recipient(name=name, phone=wanted.phone)
    letter = postal(address)
    return (LETTER, Recipient(name=name, address=letter)) if letter else None
