"""Words residents see for channel kinds, and the reader-test line of a page."""

from flask_babel import lazy_gettext as _l

from app.core.capabilities import wiring
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


def page_status(page: Page) -> str:
    """Return the line that says whether readers tested this page ("" when none or unknown).

    The reader panel registers the provider; the pages do not depend on it.
    """
    provider = wiring().provider("page_status")
    return str(provider(page)) if provider is not None else ""
