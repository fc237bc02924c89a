"""Keyed hashes that link records to a resident without storing the BSN.

`subject_key("bsn", bsn, purpose)` is the same value as `app.identity.client_key(resident,
purpose)` for a resident whose affairs these are, so a notice run without a login (a BSN from
the selection) and a visit to Mijn Loket find the same opt-out and contact preference. Each
purpose gives other hashes: the tables of different uses cannot be joined without the secret.
"""

from flask import current_app

from app.core.references import keyed_hash

OPTOUT = "meldingen"  # opt-outs and notices sent
CONTACT = "contact"  # contact preferences
POSTCODE = "meldingen-postcode"  # the second factor of a letter's code


def subject_key(subject_type: str, subject: str, purpose: str) -> str:
    """Return the key of a person (bsn) or business (kvk) for `purpose`."""
    return keyed_hash(f"{subject_type}:{subject}", _secret(), purpose)


def postcode_key(postcode: str) -> str:
    """Return the keyed hash of a postcode as typed ("6512ab", "6512 AB" are the same)."""
    return keyed_hash("".join(postcode.split()).upper(), _secret(), POSTCODE)


def dedupe_key(subject: str, occurrence: str) -> str:
    """Return the key that makes a notice go to a resident once ("reisdocument:...")."""
    return keyed_hash(f"{subject}|{occurrence}", _secret(), "meldingen-verstuurd")


def _secret() -> str:
    return str(current_app.config["SECRET_KEY"])
