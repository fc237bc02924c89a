"""Readable references and hashed tokens."""

import re

from app.core.references import (
    DIGITS,
    LETTERS,
    keyed_hash,
    new_code,
    new_reference,
    new_token,
    normalise,
    token_hash,
)

LOOK_ALIKES = set("0O1IL5S2Z8B")


def test_references_have_no_look_alikes() -> None:
    assert not LOOK_ALIKES & set(DIGITS + LETTERS)
    for _ in range(200):
        ref = new_reference("AF")
        assert re.fullmatch(r"AF-[0-9]{4}-[A-Z]{2}", ref)
        assert not LOOK_ALIKES & set(ref[3:].replace("-", ""))
    assert re.fullmatch(r"KW-[0-9A-Z]{3}-[0-9A-Z]{3}", new_code("KW"))


def test_typed_references_are_read_kindly() -> None:
    assert normalise("af 4736 km") == "AF-4736-KM"
    assert normalise(" AF-4736-KM ") == "AF-4736-KM"
    assert normalise("af4736km") == "AF-4736-KM"
    assert normalise("onzin") == "ONZIN"


def test_tokens_are_long_and_stored_hashed() -> None:
    token = new_token()
    assert len(token) >= 43
    assert token_hash(token, "geheim") != token
    assert token_hash(token, "geheim") == token_hash(token, "geheim")
    assert token_hash(token, "ander") != token_hash(token, "geheim")


def test_keyed_hash_depends_on_purpose_and_key() -> None:
    bsn = "999993653"
    assert keyed_hash(bsn, "k", "afspraken") != keyed_hash(bsn, "k", "meldingen")
    assert keyed_hash(bsn, "k", "afspraken") != keyed_hash(bsn, "j", "afspraken")
    assert bsn not in keyed_hash(bsn, "k", "afspraken")
