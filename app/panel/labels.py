"""Words editors and residents see for reasons, verdicts, variants, and the review status."""

import datetime as dt
from dataclasses import dataclass

from flask_babel import format_date, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

# The words readers themselves use for what was hard.
REASON_LABELS = {
    "woord": _l("Woord snap ik niet"),
    "zin-te-lang": _l("Zin te lang"),
    "plaatje": _l("Plaatje klopt niet"),
    "anders": _l("Anders"),
}
VERDICT_LABELS = {
    "goed": _l("Goed te begrijpen"),
    "aanpassen": _l("Aanpassen nodig"),
    "niet-begrijpelijk": _l("Niet te begrijpen"),
}
VARIANT_LABELS = {"b1": _l("B1"), "makkelijk": _l("Makkelijk lezen")}
LANG_LABELS = {"nl": _l("Nederlands"), "en": _l("Engels")}


@dataclass(frozen=True)
class ReviewSummary:
    """The latest recorded reader-panel session of a page, with its to-dos."""

    session_id: int
    readers: int
    tested_on: dt.date
    verdict: str
    open_todos: int
    todos: int


def status_text(summary: ReviewSummary | None) -> str:
    """Say in plain words whether a page was tested with readers, and what is still to do."""
    if summary is None:
        return _("Nog niet getest met lezers")
    tested = ngettext(
        "Getest met %(num)d lezer op %(date)s.",
        "Getest met %(num)d lezers op %(date)s.",
        summary.readers,
        date=format_date(summary.tested_on, "long"),
    )
    if summary.open_todos:
        rest = ngettext(
            "Nog %(num)d ding aanpassen.", "Nog %(num)d dingen aanpassen.", summary.open_todos
        )
    elif summary.verdict == "goed":
        rest = _("Goed te begrijpen.")
    elif summary.todos:
        # Every change is made, but readers have not seen the new text yet: say so.
        rest = _("Daarna aangepast, nog niet opnieuw getest.")
    else:
        rest = _("De tekst moet nog beter.")
    return f"{tested} {rest}"
