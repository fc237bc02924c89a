"""Who `flask meldingen versturen` looks at: a file of BSNs (a BRP selection or the
municipality's own lists) or the demo population; and how long Loket remembers a notice."""

import datetime as dt
from pathlib import Path

from flask import Flask
from sqlalchemy import func, select

from app.core.time import local_today
from app.extensions import db
from app.notices.models import NoticeLetter, NoticeSent
from app.notices.selection import FileSelection
from app.notices.sending import forget_old, send_all
from tests.conftest import make_app
from tests.notices.helpers import BSN, messages_to


def test_a_file_of_bsns_with_invalid_and_double_lines(tmp_path: Path) -> None:
    path = tmp_path / "selectie.txt"
    path.write_text(f"# BRP-selectie\n{BSN['henk']}\n123456789\n\n{BSN['henk']}\n{BSN['jan']}\n")
    selection = FileSelection({"MELDINGEN_SELECTIE_BESTAND": str(path)})
    assert list(selection.residents()) == [BSN["henk"], BSN["jan"]]
    assert selection.rejected == 1


def test_only_the_selection_is_looked_at(app: Flask, tmp_path: Path) -> None:
    path = tmp_path / "selectie.txt"
    path.write_text(BSN["henk"] + "\n")
    app.config["CONNECTORS"] = {"selectie": "bestand"}
    app.config["MELDINGEN_SELECTIE_BESTAND"] = str(path)
    with app.app_context():
        report = send_all()
        assert report.counts["bekeken"] == 1 and report.counts["berichten"] == 1
        assert len(messages_to("Henk Willems")) == 1 and messages_to("Jan de Vries") == []


def test_a_selection_that_cannot_be_read_sends_nothing_and_says_so(tmp_path: Path) -> None:
    app = make_app(
        f"sqlite:///{tmp_path / 'x.db'}",
        CONNECTORS={"selectie": "bestand"},
        MELDINGEN_SELECTIE_BESTAND=str(tmp_path / "er-is-geen-bestand.txt"),
    )
    result = app.test_cli_runner().invoke(args=["meldingen", "versturen"])
    assert result.exit_code == 1 and "De selectie is nu niet te lezen" in result.output


def test_records_are_forgotten_after_their_time(app: Flask) -> None:
    with app.app_context():
        send_all()
        count = int(db.session.scalar(select(func.count()).select_from(NoticeSent)) or 0)
        assert count > 0
        assert forget_old(local_today()) == 0
        assert forget_old(local_today() + dt.timedelta(days=400)) == count
        assert db.session.scalar(select(func.count()).select_from(NoticeLetter)) == 0


def test_the_purge_command_includes_the_notices(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["opslag", "opschonen"])
    assert result.exit_code == 0 and "Meldingen: 0 oude verzendregels gewist." in result.output
