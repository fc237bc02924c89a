"""What Mijn Loket shows of the notices, through providers (app/mijn does not import this):

- `"mijn.aandacht"`: `attention(resident)` -> the items for "Belangrijk voor u" on the overview,
  each linking to its "Waarom zie ik dit?" on `/mijn/meldingen`;
- `"mijn.instellingen"`: `settings_section(resident)` -> (template, context) for the opt-out on
  Mijn instellingen; its form posts to `/mijn/instellingen/meldingen` (app/notices/views.py).
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from flask import url_for
from flask_babel import gettext as _

from app.core.time import local_today
from app.extensions import current_language
from app.identity.resident import Resident
from app.notices import optout
from app.notices.describe import Words, describe
from app.notices.keys import OPTOUT, subject_key
from app.notices.labels import MESSAGE_CHANNELS, OPTOUT_CHANNELS, UNAVAILABLE
from app.notices.service import Found, Notice, visible_for

SOON_DAYS = 31  # an action due within this many days is urgent


@dataclass(frozen=True)
class Attention:
    """One item for "Belangrijk voor u"."""

    title: str
    text: str
    url: str
    urgency: str  # "hoog" (act soon), "normaal", "info" (nothing to do)


def anchor(index: int) -> str:
    """The id of the n-th notice on /mijn/meldingen (a fragment: never sent to the server)."""
    return f"melding-{index + 1}"


def urgency(notice: Notice, today: dt.date) -> str:
    if notice.kind == "vanzelf":
        return "info"
    if notice.kind == "actie" and notice.due and (notice.due - today).days <= SOON_DAYS:
        return "hoog"
    return "normaal"


def notices_of(resident: Resident) -> Found | None:
    """The notices about whose affairs this session is, or None (opted out, or a business)."""
    kind, subject = resident.client
    return visible_for(kind, subject)


def words_of(found: Found) -> list[Words]:
    return [describe(n, current_language()) for n in found.notices]


def missing_words(found: Found) -> list[str]:
    return [str(UNAVAILABLE.get(k, k)) for k in sorted(found.unavailable)]


def attention(resident: Resident) -> list[Attention]:
    """The provider "mijn.aandacht": one item per notice, most urgent kinds first."""
    found = notices_of(resident)
    if found is None:
        return []
    today = local_today()
    page = url_for("notices.mine")  # /en/... on English pages (app/i18n.py)
    items = [
        Attention(w.title, w.reason, url_for("notices.one", number=i), urgency(n, today))
        for i, (n, w) in enumerate(zip(found.notices, words_of(found), strict=True), 1)
    ]
    if found.unavailable:
        items.append(
            Attention(
                _("Wij konden niet alles nakijken"),
                _(
                    "Wij konden dit nu niet ophalen: %(what)s. Misschien is er dus nog iets"
                    " belangrijk voor u. Probeer het later opnieuw.",
                    what=", ".join(missing_words(found)),
                ),
                page,
                "info",
            )
        )
    return items


def settings_section(resident: Resident) -> tuple[str, dict[str, Any]]:
    """The provider "mijn.instellingen": the opt-out, its history and the form to change it."""
    from app.notices.forms import MijnForm

    kind, subject = resident.client
    key = subject_key(kind, subject, OPTOUT) if kind == "bsn" else None
    return (
        "notices/_instellingen.html",
        {
            "notices_form": MijnForm(),
            "notices_business": key is None,
            "notices_current": optout.current(key) if key else None,
            "notices_history": optout.history(key) if key else [],
            "notices_channels": OPTOUT_CHANNELS,
            "message_channels": MESSAGE_CHANNELS,
        },
    )
