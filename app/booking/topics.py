"""What residents can book a conversation about: the service pages with a `booking` block.

The channels come from the page's front matter (`booking.channels`); the length of a
conversation from the database (`TopicLength`, changed by a beheerder) or else the page's
`booking.minutes`. "Iets anders" offers every channel.
"""

from dataclasses import dataclass

from flask import g, has_app_context
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.booking.models import CHANNELS, TopicLength
from app.extensions import current_language, db
from app.pages.content import current_store

OTHER = "iets-anders"
# The general page "Praat met een mens" links here without a topic of its own.
GENERAL = "praat-met-een-mens"
OTHER_MINUTES = 30
DEFAULT_TEAM = "Team Dienstverlening"

CHANNEL_LABELS = {
    "balie": _l("Aan de balie in de Stadswinkel"),
    "telefoon": _l("Aan de telefoon"),
    "video": _l("Met video"),
    "stip": _l("Bij een Stip of in de bibliotheek"),
    "thuis": _l("Bij u thuis"),
}
CHANNEL_HINTS = {
    "balie": _l("U komt naar de Stadswinkel, Mariënburg 30 in het centrum van Nijmegen."),
    "telefoon": _l("Wij bellen u op de tijd die u kiest. U hoeft zelf niet te bellen."),
    "video": _l("U ziet de medewerker op uw telefoon, tablet of computer. U krijgt een link."),
    "stip": _l("Dichtbij, in uw wijk. Een medewerker van de gemeente praat daar met u."),
    "thuis": _l("Voor wie niet naar ons toe kan komen. Wij vragen waarom."),
}


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    channels: tuple[str, ...]
    minutes: int
    team: str


def _lengths() -> dict[str, int]:
    return {t.topic: t.minutes for t in db.session.scalars(select(TopicLength))}


def topics(lang: str | None = None) -> list[Topic]:
    """Return every bookable topic in the page language, by title, with "Iets anders" last.

    Kept for the rest of the request: one step asks for it many times.
    """
    lang = lang or current_language()
    cache: dict[str, list[Topic]] | None = (
        g.setdefault("booking_topics", {}) if has_app_context() else None
    )
    if cache is not None and lang in cache:
        return cache[lang]
    found = _topics(lang)
    if cache is not None:
        cache[lang] = found
    return found


def _topics(lang: str) -> list[Topic]:
    store = current_store()
    lengths = _lengths()
    found = []
    for page in store.services("nl"):
        if page.booking is None or page.slug == GENERAL:
            continue
        shown = store.get(lang, page.slug) or page
        found.append(
            Topic(
                page.slug,
                shown.title,
                tuple(c for c in CHANNELS if c in page.booking.channels),
                lengths.get(page.slug, page.booking.minutes),
                page.owner,
            )
        )
    found.sort(key=lambda t: t.title.casefold())
    found.append(other_topic(lengths.get(OTHER, OTHER_MINUTES)))
    return found


def other_topic(minutes: int = OTHER_MINUTES) -> Topic:
    return Topic(OTHER, _("Iets anders"), CHANNELS, minutes, DEFAULT_TEAM)


def topic(slug: str | None, lang: str | None = None) -> Topic | None:
    if not slug:
        return None
    return next((t for t in topics(lang) if t.slug == slug), None)


def title_of(slug: str, other: str = "", lang: str | None = None) -> str:
    """Return a topic's title for a page or a message; "Iets anders: <what they typed>"."""
    if slug == OTHER:
        return f"{_('Iets anders')}: {other}" if other else _("Iets anders")
    found = topic(slug, lang)
    return found.title if found else slug


def page_title(slug: str, lang: str | None = None) -> str | None:
    """Return the title of any service page (also one without booking), or None."""
    page = current_store().get(lang or current_language(), slug) or current_store().get("nl", slug)
    return page.title if page else None
