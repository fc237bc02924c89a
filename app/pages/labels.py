"""Words residents see for channel kinds, and the review status of easy-read pages."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.pages.content import Page

KIND_LABELS = {
    "balie": _l("Langskomen"),
    "telefoon": _l("Bellen"),
    "post": _l("Een brief sturen"),
    "website": _l("Op internet"),
    "formulier": _l("Online formulier"),
    "afspraak": _l("Een afspraak maken"),
    "email": _l("E-mail"),
    "app": _l("Een app"),
}


def review_status(page: Page) -> str:
    """Say in plain words whether this easy-read page was tested with readers.

    Reader-panel sessions are recorded by editors; until one is, the page says so honestly.
    """
    return _("Nog niet getest met lezers")
