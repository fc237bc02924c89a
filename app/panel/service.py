"""Reader-panel sessions: start, mark sentences, record the outcome, tick off to-dos, export.

The only module that touches the database session for the panel tables.
"""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import Select, func, select

from app.core.time import AMSTERDAM as LOCAL_ZONE
from app.core.time import utcnow
from app.extensions import db
from app.pages.content import ContentStore, Page
from app.panel import snapshot
from app.panel.labels import ReviewSummary, status_text
from app.panel.models import REASONS, VERDICTS, PanelMark, PanelSession
from app.panel.pages import Block, Measures, blocks, measures, one_year_before

DEMO_ORGANISATION = "Demo-organisatie (geen echte test)"
EXPORT_HEADER = (
    "# Tests met lezers van {source}, geschreven door `flask leespanel export`.\n"
    "# Pas dit bestand niet met de hand aan: de database is de bron.\n"
    "# reasons: woord = woord snap ik niet, zin-te-lang, plaatje = plaatje klopt niet, anders.\n"
    "# verdict: goed, aanpassen (aanpassen nodig), niet-begrijpelijk.\n"
)


class PanelError(ValueError):
    """The request does not fit the session (a programming error in the caller)."""


@dataclass(frozen=True)
class MarkInput:
    """What the facilitator noted for one sentence."""

    reasons: tuple[str, ...]
    suggestion: str = ""


@dataclass(frozen=True)
class Outcome:
    readers: int
    tested_on: dt.date
    organisation: str
    verdict: str
    notes: str = ""


def start_session(page: Page) -> PanelSession:
    """Start a session for a page; it stays open until the outcome is recorded."""
    session = PanelSession(page_lang=page.lang, page_slug=page.slug, page_variant=page.variant)
    db.session.add(session)
    db.session.commit()
    return session


def get_session(session_id: int) -> PanelSession | None:
    return db.session.get(PanelSession, session_id)


def open_sessions() -> list[PanelSession]:
    """Return the sessions still going on, newest first."""
    stmt = (
        select(PanelSession)
        .where(PanelSession.recorded_at.is_(None))
        .order_by(PanelSession.created_at.desc(), PanelSession.id.desc())
    )
    return list(db.session.scalars(stmt))


def recorded_sessions() -> list[PanelSession]:
    """Return the recorded sessions, most recent test first."""
    stmt = (
        select(PanelSession)
        .where(PanelSession.recorded_at.is_not(None))
        .order_by(PanelSession.tested_on.desc(), PanelSession.id.desc())
    )
    return list(db.session.scalars(stmt))


def save_block(session: PanelSession, block: Block, marks: dict[int, MarkInput]) -> None:
    """Replace the marks of the sentences in `block` with `marks` (sentence number → input).

    A sentence without reasons and suggestion is not marked (again): readers found it clear.

    :raises PanelError: when a number in `marks` is not a sentence of the block, or a reason is
        unknown.
    """
    in_block = {s.no: s for s in block.sentences}
    if set(marks) - set(in_block):
        raise PanelError(f"sentences {sorted(set(marks) - set(in_block))} are not in the block")
    existing = {m.sentence_no: m for m in session.marks if m.sentence_no in in_block}
    for no, sentence in in_block.items():
        given = marks.get(no)
        mark = existing.get(no)
        if given is None or not (given.reasons or given.suggestion.strip()):
            if mark is not None:
                session.marks.remove(mark)
            continue
        unknown = set(given.reasons) - set(REASONS)
        if unknown:
            raise PanelError(f"unknown reasons {sorted(unknown)}")
        if mark is None:
            mark = PanelMark(sentence_no=no)
            session.marks.append(mark)
        mark.block_no = block.no
        mark.block_heading = block.heading[:200]
        mark.sentence = sentence.text
        mark.reasons = ",".join(r for r in REASONS if r in given.reasons)
        mark.suggestion = given.suggestion.strip()
    session.last_block = max(session.last_block, block.no)
    db.session.commit()


def record_outcome(session: PanelSession, outcome: Outcome) -> None:
    """Record (or correct) the outcome; the page's review status shows it from now on.

    :raises PanelError: on an unknown verdict or a number of readers below 1.
    """
    if outcome.verdict not in VERDICTS:
        raise PanelError(f"unknown verdict {outcome.verdict!r}")
    if outcome.readers < 1:
        raise PanelError("a session needs at least one reader")
    session.readers = outcome.readers
    session.tested_on = outcome.tested_on
    session.organisation = outcome.organisation.strip()
    session.verdict = outcome.verdict
    session.notes = outcome.notes.strip() or None
    if session.recorded_at is None:
        session.recorded_at = utcnow()
    db.session.commit()
    snapshot.refresh()


def set_done(session: PanelSession, mark_id: int, done: bool) -> bool:
    """Tick a to-do off (or on again). Return False when the mark is not in this session."""
    mark = next((m for m in session.marks if m.id == mark_id), None)
    if mark is None:
        return False
    if done and mark.done_at is None:
        mark.done_at = utcnow()
    elif not done:
        mark.done_at = None
    db.session.commit()
    return True


def _summaries() -> Select[Any]:
    open_todos = (
        select(func.count(PanelMark.id))
        .where(PanelMark.session_id == PanelSession.id, PanelMark.done_at.is_(None))
        .correlate(PanelSession)
        .scalar_subquery()
    )
    todos = (
        select(func.count(PanelMark.id))
        .where(PanelMark.session_id == PanelSession.id)
        .correlate(PanelSession)
        .scalar_subquery()
    )
    return select(
        PanelSession.id,
        PanelSession.page_lang,
        PanelSession.page_slug,
        PanelSession.page_variant,
        PanelSession.readers,
        PanelSession.tested_on,
        PanelSession.verdict,
        open_todos,
        todos,
    ).where(PanelSession.recorded_at.is_not(None))


def _summary(row: Any) -> ReviewSummary:
    return ReviewSummary(
        session_id=row[0],
        readers=row[4],
        tested_on=row[5],
        verdict=row[6],
        open_todos=row[7],
        todos=row[8],
    )


def review_summary(lang: str, slug: str, variant: str) -> ReviewSummary | None:
    """Return the latest recorded session of one page, in one small query."""
    stmt = (
        _summaries()
        .where(
            PanelSession.page_lang == lang,
            PanelSession.page_slug == slug,
            PanelSession.page_variant == variant,
        )
        .order_by(PanelSession.tested_on.desc(), PanelSession.id.desc())
        .limit(1)
    )
    row = db.session.execute(stmt).first()
    return _summary(row) if row is not None else None


def review_summaries() -> dict[tuple[str, str, str], ReviewSummary]:
    """Return the latest recorded session of every tested page, keyed (lang, slug, variant)."""
    stmt = _summaries().order_by(PanelSession.tested_on, PanelSession.id)
    # Later rows overwrite earlier ones: the newest test wins.
    return {(row[1], row[2], row[3]): _summary(row) for row in db.session.execute(stmt)}


@dataclass(frozen=True)
class Row:
    """One page on the editors' dashboard."""

    page: Page
    measures: Measures
    summary: ReviewSummary | None
    status: str
    old: bool  # last reviewed more than a year ago


def dashboard_rows(store: ContentStore, show: set[str], day: dt.date) -> list[Row]:
    """Return every page with its measures and review status, the three variants of a service
    together.

    :param show: "niet-getest" keeps pages without a recorded session; "oud" keeps pages last
        reviewed more than a year before `day`. Both together keep pages that are both.
    """
    summaries = review_summaries()
    year_ago = one_year_before(day)
    rows = []
    for page in sorted(store.pages.values(), key=lambda p: (p.slug, p.lang, p.variant)):
        summary = summaries.get((page.lang, page.slug, page.variant))
        old = page.last_reviewed < year_ago
        if ("niet-getest" in show and summary is not None) or ("oud" in show and not old):
            continue
        rows.append(Row(page, measures(page), summary, status_text(summary), old))
    return rows


def export_records(directory: Path) -> list[Path]:
    """Write the recorded sessions to one YAML file per page, `<lang>/<slug>.<variant>.yaml`.

    Sessions are ordered by test date and marks by sentence, so a file only changes when its
    records change. Sessions still going on are left out.
    """
    pages: dict[tuple[str, str, str], list[PanelSession]] = {}
    for session in reversed(recorded_sessions()):
        key = (session.page_lang, session.page_slug, session.page_variant)
        pages.setdefault(key, []).append(session)
    written = []
    for (lang, slug, variant), sessions in sorted(pages.items()):
        record = {
            "page": {"lang": lang, "slug": slug, "variant": variant},
            "sessions": [_export_session(s) for s in sessions],
        }
        path = directory / lang / f"{slug}.{variant}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        header = EXPORT_HEADER.format(source=f"content/{lang}/{slug}.{variant}.md")
        path.write_text(
            header + yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100),
            encoding="utf-8",
        )
        written.append(path)
    return written


def _export_session(session: PanelSession) -> dict[str, Any]:
    return {
        "tested_on": session.tested_on,
        "readers": session.readers,
        "organisation": session.organisation,
        "verdict": session.verdict,
        "notes": session.notes or "",
        "marks": [
            {
                "sentence": mark.sentence_no,
                "block": mark.block_heading,
                "text": mark.sentence,
                "reasons": mark.reason_list,
                "suggestion": mark.suggestion,
                "done_on": _local_date(mark.done_at),
            }
            for mark in session.marks
        ],
    }


def _local_date(moment: dt.datetime | None) -> dt.date | None:
    if moment is None:
        return None
    if moment.tzinfo is None:  # SQLite drops the zone; we store UTC
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(LOCAL_ZONE).date()


def add_demo_session(store: ContentStore) -> PanelSession | None:
    """Add one open session with two marks to the demo database (once).

    It stays open on purpose: a recorded demo session would show residents a test that never
    happened.
    """
    if db.session.scalar(
        select(PanelSession.id).where(PanelSession.organisation == DEMO_ORGANISATION)
    ):
        return None
    page = store.get("nl", "kwijtschelding", "makkelijk")
    if page is None:
        return None
    session = PanelSession(
        page_lang=page.lang,
        page_slug=page.slug,
        page_variant=page.variant,
        organisation=DEMO_ORGANISATION,
    )
    db.session.add(session)
    first = blocks(page)[0]
    word, other = first.sentences[-1], first.sentences[1]
    db.session.flush()
    save_block(
        session,
        first,
        {
            word.no: MarkInput(("woord",), "Een lezer kende dit woord niet."),
            other.no: MarkInput(("anders",), "Lezers vroegen: welke belasting is dit?"),
        },
    )
    return session
