"""The reader-panel service on SQLite and PostgreSQL."""

import datetime as dt

import pytest
from flask import Flask
from sqlalchemy import text

from app.extensions import db
from app.panel import service
from app.panel.labels import status_text
from app.panel.models import PanelMark, PanelSession
from app.panel.pages import blocks
from app.panel.service import MarkInput, Outcome, PanelError
from tests.conftest import both_databases
from tests.pagecheck import check_page


def as_utc(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def easy_page(app: Flask, slug: str = "kwijtschelding"):  # type: ignore[no-untyped-def]
    return app.extensions["loket.content"].get("nl", slug, "makkelijk")


@both_databases()
def test_marks_outcome_status_and_todos(app: Flask) -> None:
    page = easy_page(app)
    first, second = blocks(page)[:2]
    with app.app_context():
        session = service.start_session(page)
        session_id = session.id
        assert service.open_sessions()[0].id == session_id
        service.save_block(
            session,
            first,
            {
                first.sentences[1].no: MarkInput(("woord",), " belasting "),
                first.sentences[2].no: MarkInput((), ""),  # clear: not marked
            },
        )
        service.save_block(session, second, {second.sentences[0].no: MarkInput(("anders",), "?")})
        assert session.last_block == 2
        assert service.review_summary("nl", "kwijtschelding", "makkelijk") is None
        service.record_outcome(
            session, Outcome(4, dt.date(2026, 11, 12), " Zelfbewust ", "aanpassen")
        )

    with app.app_context():
        summary = service.review_summary("nl", "kwijtschelding", "makkelijk")
        assert summary is not None
        assert (summary.readers, summary.tested_on, summary.open_todos, summary.todos) == (
            4,
            dt.date(2026, 11, 12),
            2,
            2,
        )
        assert service.review_summaries() == {("nl", "kwijtschelding", "makkelijk"): summary}
        session = service.get_session(session_id)
        assert session is not None and session.organisation == "Zelfbewust"
        assert [m.suggestion for m in session.marks] == ["belasting", "?"]
        mark_id = session.marks[0].id
        assert service.set_done(session, mark_id, True)
        done_at = session.marks[0].done_at
        assert done_at is not None
        assert not service.set_done(session, 999_999, True)
        assert service.recorded_sessions()[0].id == session_id
        assert service.open_sessions() == []

    with app.app_context():
        session = service.get_session(session_id)
        assert session is not None
        stored = session.marks[0].done_at
        # PostgreSQL keeps the zone; SQLite drops it, but the moment is stored in UTC.
        assert stored is not None
        assert as_utc(stored) == as_utc(done_at)
        assert abs(as_utc(stored) - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
        summary = service.review_summary("nl", "kwijtschelding", "makkelijk")
        assert summary is not None and summary.open_todos == 1
        assert status_text(summary).endswith("Nog 1 ding aanpassen.")


@both_databases()
def test_the_newest_test_counts(app: Flask) -> None:
    page = easy_page(app)
    with app.app_context():
        for day, verdict in ((dt.date(2026, 11, 1), "goed"), (dt.date(2026, 6, 1), "aanpassen")):
            session = service.start_session(page)
            service.record_outcome(session, Outcome(3, day, "Zelfbewust", verdict))
        summary = service.review_summary("nl", "kwijtschelding", "makkelijk")
        assert summary is not None and summary.verdict == "goed"
        assert service.review_summaries()[("nl", "kwijtschelding", "makkelijk")] == summary


@both_databases()
def test_marks_are_replaced_per_block_and_sessions_cascade(app: Flask) -> None:
    page = easy_page(app)
    first = blocks(page)[0]
    with app.app_context():
        session = service.start_session(page)
        service.save_block(session, first, {first.sentences[1].no: MarkInput(("woord",))})
        service.save_block(session, first, {first.sentences[2].no: MarkInput(("plaatje",))})
        assert [m.sentence_no for m in session.marks] == [first.sentences[2].no]
        db.session.delete(session)
        db.session.commit()
        assert db.session.scalar(text("SELECT count(*) FROM panel_mark")) == 0


@pytest.mark.parametrize(
    ("marks", "outcome"),
    [
        ({999: MarkInput(("woord",))}, None),
        ({2: MarkInput(("boos",))}, None),
        (None, Outcome(4, dt.date(2026, 11, 12), "Zelfbewust", "prima")),
        (None, Outcome(0, dt.date(2026, 11, 12), "Zelfbewust", "goed")),
    ],
)
def test_the_service_refuses_what_does_not_fit(
    app: Flask, marks: dict[int, MarkInput] | None, outcome: Outcome | None
) -> None:
    page = easy_page(app)
    with app.app_context():
        session = service.start_session(page)
        with pytest.raises(PanelError):
            if marks is not None:
                service.save_block(session, blocks(page)[0], marks)
            if outcome is not None:
                service.record_outcome(session, outcome)


def test_demo_data_adds_one_open_session_once(app: Flask) -> None:
    runner = app.test_cli_runner()
    assert "Demo-leespanel" in runner.invoke(args=["demo", "vullen"]).output
    assert "Demo-leespanel" not in runner.invoke(args=["demo", "vullen"]).output
    runner.invoke(args=["demo", "accounts"])
    with app.app_context():
        sessions = db.session.query(PanelSession).all()
        assert len(sessions) == 1 and not sessions[0].recorded
        assert db.session.query(PanelMark).count() == 2
        # It is no reader test: residents still read "not yet tested".
        assert service.review_summary("nl", "kwijtschelding", "makkelijk") is None


def test_easy_page_shows_no_status_when_the_database_cannot_answer(app: Flask) -> None:
    with app.app_context():
        db.session.execute(text("DROP TABLE panel_mark"))
        db.session.execute(text("DROP TABLE panel_session"))
        db.session.commit()
    response = app.test_client().get("/diensten/kwijtschelding/makkelijk-lezen")
    assert response.status_code == 200
    assert "lezer" not in check_page(response.data).select_one(".loket-easy").get_text()


def test_review_status_comes_from_a_snapshot(app: Flask) -> None:
    from sqlalchemy import event

    statements: list[str] = []

    def remember(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", remember)
    client = app.test_client()
    try:
        for _ in range(3):
            assert client.get("/diensten/kwijtschelding/makkelijk-lezen").status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    # One snapshot of every page's status, not a query per page view.
    assert len([s for s in statements if "panel_session" in s]) == 1
