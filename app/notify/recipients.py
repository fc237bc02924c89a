"""Who a message goes to: a name and the one way of reaching them that the channel needs."""

import re
from dataclasses import dataclass, fields
from typing import Any

_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})\s*$")


@dataclass(frozen=True)
class PostalAddress:
    """A postal address; `country` only for an address abroad (empty means the Netherlands)."""

    street: str
    number: str
    postcode: str
    city: str
    suffix: str = ""
    country: str = ""

    def lines(self) -> list[str]:
        """Return the address lines as PostNL asks: "6512 AB  NIJMEGEN" (two spaces, capitals)."""
        house = f"{self.number} {self.suffix}".strip() if self.suffix else self.number
        street = f"{self.street} {house}".strip()
        if self.country:
            return [street, f"{self.postcode} {self.city}".strip(), self.country.upper()]
        match = _POSTCODE.match(self.postcode)
        postcode = f"{match[1]} {match[2].upper()}" if match else self.postcode.strip()
        return [street, f"{postcode}  {self.city.upper()}"]


@dataclass(frozen=True)
class Recipient:
    """A resident (or someone acting for them). Only the field the channel needs is required:
    `email` for "email", `phone` for "sms", `address` for "brief"."""

    name: str
    email: str | None = None
    phone: str | None = None
    address: PostalAddress | None = None

    def to_json(self) -> dict[str, Any]:
        """Return what is stored. The address may be any object with our address fields
        (the address lookup's own `PostalAddress`, say): only those fields are kept."""
        address = self.address
        return {
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "address": {
                f.name: str(getattr(address, f.name, "") or "") for f in fields(PostalAddress)
            }
            if address is not None
            else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Recipient":
        address = data.get("address")
        return cls(
            name=str(data.get("name") or ""),
            email=data.get("email"),
            phone=data.get("phone"),
            address=PostalAddress(**address) if address else None,
        )


class NotAMobileNumber(ValueError):
    """The number cannot receive an SMS (too short, a landline, letters in it)."""


def normalise_mobile(typed: str) -> str:
    """Return a mobile number as international digits ("31612345678") for an SMS provider.

    Accepts what residents type: "06-1234 5678", "+31 6 12345678", "0031612345678", and
    numbers abroad with their country code ("+49 151 2345 6789"). Dutch landlines cannot
    receive an SMS, so a Dutch number must be a mobile one (06).

    :raises NotAMobileNumber: with a reason in words.
    """
    raw = typed.strip().replace("(0)", "")
    if re.search(r"[^0-9+()\-.\s/]", raw):
        raise NotAMobileNumber("er staan letters of tekens in het nummer")
    digits = re.sub(r"[^0-9]", "", raw)
    if raw.startswith("+"):
        international = digits
    elif digits.startswith("00"):
        international = digits[2:]
    elif digits.startswith("0"):
        international = "31" + digits[1:]
    else:
        raise NotAMobileNumber("het nummer begint niet met 06 of met een landnummer")
    if international.startswith("31"):
        if not re.fullmatch(r"316[0-9]{8}", international):
            raise NotAMobileNumber("dit is geen Nederlands mobiel nummer (06 en 8 cijfers)")
    elif not 8 <= len(international) <= 15:
        raise NotAMobileNumber("het nummer is te kort of te lang")
    return international
