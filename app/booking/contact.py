"""How we reach a resident: e-mail addresses, phone numbers and postcodes in one stored form."""

import re

from app.address.base import normalise_postcode

_PHONE_CHARS = re.compile(r"[\s\-().]")


def normalise_email(typed: str | None) -> str:
    return (typed or "").strip().lower()


def normalise_phone(typed: str | None) -> str | None:
    """Return a phone number as +31612345678; None when it cannot be one.

    Accepts what people write: "06 12 34 56 78", "06-12345678", "+31 6 1234 5678",
    "0031 6 ...", "024 329 99 99" and numbers abroad with their country code.
    """
    raw = _PHONE_CHARS.sub("", typed or "")
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    if raw.startswith("+31"):
        raw = "0" + raw[3:].lstrip("0")
    if raw.startswith("0") and raw[1:].isdigit():
        return "+31" + raw[1:] if len(raw) == 10 else None
    if raw.startswith("+") and raw[1:].isdigit() and 8 <= len(raw) - 1 <= 15:
        return raw
    return None


def is_mobile(phone: str) -> bool:
    """A number that can get an SMS: a Dutch 06 number, or a number abroad."""
    return phone.startswith("+316") or not phone.startswith("+31")


def phone_words(phone: str) -> str:
    """Return +31612345678 as people write it: 06 12 34 56 78."""
    if phone.startswith("+316") and len(phone) == 12:
        digits = "0" + phone[3:]
        return " ".join([digits[:2], digits[2:4], digits[4:6], digits[6:8], digits[8:]])
    if phone.startswith("+31") and len(phone) == 12:
        digits = "0" + phone[3:]
        return f"{digits[:3]} {digits[3:6]} {digits[6:8]} {digits[8:]}"
    return phone


def second_factor_forms(typed: str) -> set[str]:
    """Return every stored form `typed` could be: an e-mail address, a phone number, a postcode."""
    forms = {normalise_email(typed)}
    phone = normalise_phone(typed)
    if phone:
        forms.add(phone)
    postcode = normalise_postcode(typed)
    if postcode:
        forms.add(postcode)
    return {f for f in forms if f}
