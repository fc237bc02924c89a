"""Words residents see for channel kinds, and the review status of easy-read pages."""

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import SQLAlchemyError

from app.extensions import db
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
    """Say in plain words whether this page was tested with readers, and what is still to do.

    Reader-panel sessions are recorded by editors (app.panel); until one is, the page says so
    honestly. One small query per page view. Returns "" when the database cannot answer: then
    the page shows no status rather than a wrong one.
    """
    from app.panel.labels import status_text
    from app.panel.service import review_summary

    try:
        summary = review_summary(page.lang, page.slug, page.variant)
    except SQLAlchemyError:
        current_app.logger.exception("Review status of %s unavailable", page.path)
        db.session.rollback()
        return ""
    return status_text(summary)
