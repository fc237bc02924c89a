"""`flask demo vullen`: send the demo population's notices, so letters are there to look at.

The demo letters get codes made from the BSN (not random), so a page state or a tester can use
Jan's code on /meldingen/afmelden. Only where the demo sources are on.
"""

import hashlib

from flask import current_app

from app.core.references import DIGITS, LETTERS

DEMO_CODES: dict[str, str] = {}


def demo_code(bsn: str) -> str:
    """A fixed code per demo resident, in the shape of a real one (ML-4736-KM)."""
    digest = hashlib.sha256(f"demo-melding:{bsn}".encode()).digest()
    number = "".join(DIGITS[b % len(DIGITS)] for b in digest[:4])
    tail = "".join(LETTERS[b % len(LETTERS)] for b in digest[4:6])
    return f"ML-{number}-{tail}"


def fill_notices() -> str | None:
    """Queue the demo population's notices (each once; running it again adds nothing)."""
    if not current_app.config.get("DEMO_SOURCES"):
        return None
    from collections import Counter

    from app.notices import sending
    from app.notices.selection import selections
    from app.notices.service import find

    counts: Counter[str] = Counter()
    for bsn in selections.get().residents():
        found = find(bsn)
        if found.notices:
            sending.send_to(bsn, found, counts, lambda b=bsn: demo_code(b))
    return f"Demomeldingen: {counts['berichten']} berichten." if counts["berichten"] else None
