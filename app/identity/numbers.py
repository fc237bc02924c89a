"""Checks on the numbers a login broker reports: a BSN passes the elfproef, a KvK number has 8
digits. A broker that sends a pseudonym where a BSN belongs is refused rather than trusted."""

import re

_BSN = re.compile(r"\d{9}")
_KVK = re.compile(r"\d{8}")


def valid_bsn(value: object) -> bool:
    """Return True for nine digits that pass the elfproef (9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0)."""
    if not isinstance(value, str) or not _BSN.fullmatch(value):
        return False
    digits = [int(c) for c in value]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return total % 11 == 0 and value != "000000000"


def valid_kvk(value: object) -> bool:
    """Return True for a KvK number: eight digits."""
    return isinstance(value, str) and bool(_KVK.fullmatch(value))


def valid_subject(subject_type: str, value: object) -> bool:
    return valid_bsn(value) if subject_type == "bsn" else valid_kvk(value)
