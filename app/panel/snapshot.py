"""The reader-test line on public pages, from a snapshot instead of a query per page view.

Content pages are the same for every visitor and are served from a cache, so they must not ask
the database anything. The snapshot holds the latest recorded session of every tested page; it is
refreshed at once in the worker that records a session and at most `MAX_AGE` later in the others.
"""

import time
from dataclasses import dataclass, field

from flask import current_app
from flask_babel import format_date, ngettext
from sqlalchemy.exc import SQLAlchemyError

from app.extensions import db
from app.pages.content import Page
from app.panel.labels import ReviewSummary

MAX_AGE = 60.0  # seconds another worker may show an older line


@dataclass
class Snapshot:
    summaries: dict[tuple[str, str, str], ReviewSummary] = field(default_factory=dict)
    taken: float = float("-inf")
    version: int = 0


def _snapshot() -> Snapshot:
    snap: Snapshot = current_app.extensions.setdefault("loket.panel.snapshot", Snapshot())
    if time.monotonic() - snap.taken > MAX_AGE:
        refresh(snap)
    return snap


def refresh(snap: Snapshot | None = None) -> None:
    """Read the latest sessions again (after recording one, or when the snapshot is old)."""
    from app.panel.service import review_summaries

    snap = snap or current_app.extensions.setdefault("loket.panel.snapshot", Snapshot())
    try:
        summaries = review_summaries()
    except SQLAlchemyError:
        # The page then shows no line rather than a wrong one; try again later.
        current_app.logger.exception("reader-panel snapshot unavailable")
        db.session.rollback()
        summaries = {}
    if summaries != snap.summaries:
        snap.version += 1
    snap.summaries = summaries
    snap.taken = time.monotonic()


def version() -> int:
    """Change counter of the snapshot, for caches of pages that show the line."""
    return _snapshot().version


def public_review_line(page: Page) -> str:
    """Say in a reader's words that the page was tested with readers, or nothing.

    Editors see the whole status (to-dos, verdict) on the dashboard; readers only need to know
    that people like them read this text.
    """
    summary = _snapshot().summaries.get((page.lang, page.slug, page.variant))
    if summary is None:
        return ""
    return ngettext(
        "%(num)d lezer heeft deze tekst getest op %(date)s.",
        "%(num)d lezers hebben deze tekst getest op %(date)s.",
        summary.readers,
        date=format_date(summary.tested_on, "long"),
    )
