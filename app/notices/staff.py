"""What staff see about one resident's notices: the opt-out, its history, what was sent."""

from dataclasses import dataclass

from sqlalchemy import select

from app.core.time import aware
from app.extensions import db
from app.notices import optout
from app.notices.keys import OPTOUT, postcode_key, subject_key
from app.notices.models import NoticeLetter


@dataclass(frozen=True)
class Sent:
    code: str
    channel: str
    at: object
    rules: tuple[str, ...]


def letters_of(key: str) -> list[Sent]:
    rows = db.session.scalars(
        select(NoticeLetter).where(NoticeLetter.subject_key == key).order_by(NoticeLetter.id.desc())
    )
    return [
        Sent(r.code, r.channel, aware(r.sent_at), tuple(n.rule for n in r.notices)) for r in rows
    ]


def key_for_bsn(bsn: str) -> str:
    return subject_key("bsn", bsn, OPTOUT)


def key_for_code(typed_code: str, postcode: str) -> str | None:
    """The resident a letter's code belongs to, when the postcode matches too (else None).

    A wrong code and a wrong postcode give the same None; the comparison of the postcode
    takes the same time either way.
    """
    import hmac

    from app.core.references import normalise

    letter = db.session.scalar(
        select(NoticeLetter).where(NoticeLetter.code == normalise(typed_code))
    )
    expected = letter.postcode_key if letter else postcode_key("0000XX")
    matches = hmac.compare_digest(expected, postcode_key(postcode))
    return letter.subject_key if letter is not None and matches and letter.postcode_key else None


__all__ = ["key_for_bsn", "key_for_code", "letters_of", "optout"]
