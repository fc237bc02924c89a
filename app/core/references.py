"""References a resident can read aloud and write down, and unguessable tokens stored hashed.

A reference such as `AF-4821-KM` is a prefix, four digits and two letters from an alphabet
without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). It identifies; it does not authorise: who
knows it must also give a second factor (postcode, e-mail address or phone number). A token in
a link authorises by itself, so it is long and random, and only its hash is stored.
"""

import hashlib
import hmac
import re
import secrets

DIGITS = "34679"
LETTERS = "ACDEFGHJKMNPQRTUVWXY"
_CLEAN = re.compile(r"[^A-Z0-9]")


def new_reference(prefix: str, digits: int = 4, letters: int = 2) -> str:
    """Return a fresh reference like `AF-4821-KM` (check it is unused before you store it).

    With four digits from 5 and two letters from 20 there are 250,000 per prefix; callers retry
    on a clash, which the database's unique constraint detects.
    """
    number = "".join(secrets.choice(DIGITS) for _ in range(digits))
    tail = "".join(secrets.choice(LETTERS) for _ in range(letters))
    return f"{prefix}-{number}-{tail}"


def new_code(prefix: str, groups: tuple[int, ...] = (3, 3)) -> str:
    """Return a short code like `KW-7Q4-M2X` (letters and digits mixed, no look-alikes)."""
    alphabet = DIGITS + LETTERS
    parts = ["".join(secrets.choice(alphabet) for _ in range(n)) for n in groups]
    return "-".join([prefix, *parts])


def normalise(typed: str) -> str:
    """Return a typed reference in its stored form: "af 4821km" -> "AF-4821-KM".

    Residents read references aloud and type what they heard: spaces, dashes and lower case do
    not matter, and the look-alikes are read as what they must be.
    """
    raw = _CLEAN.sub("", typed.upper().replace("O", "0").replace("I", "1"))
    match = re.fullmatch(r"([A-Z]{2})([0-9]{4})([A-Z0-9]{2})", raw)
    if not match:
        return typed.strip().upper()
    prefix, number, tail = match.groups()
    tail = tail.replace("0", "O").replace("1", "I")
    return f"{prefix}-{number}-{tail}"


def new_token() -> str:
    """Return a token for a link (256 random bits)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str, secret: str) -> str:
    """Return what is stored for a token: a keyed hash, so a copy of the database opens nothing."""
    return hmac.new(secret.encode(), token.encode(), hashlib.sha256).hexdigest()


def keyed_hash(value: str, secret: str, purpose: str) -> str:
    """Return a keyed hash of `value` for linking records without storing it (e.g. a BSN)."""
    key = hmac.new(secret.encode(), purpose.encode(), hashlib.sha256).digest()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()
