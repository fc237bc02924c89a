"""`flask leespanel export`: one YAML file per tested page, stable, for version control."""

import datetime as dt
from pathlib import Path

import yaml
from flask import Flask

from app.panel import service
from app.panel.pages import blocks
from app.panel.service import MarkInput, Outcome


def record(app: Flask, slug: str, tested_on: dt.date, readers: int) -> None:
    with app.app_context():
        page = app.extensions["loket.content"].get("nl", slug, "makkelijk")
        session = service.start_session(page)
        first = blocks(page)[0]
        service.save_block(
            session,
            first,
            {
                first.sentences[2].no: MarkInput(("zin-te-lang", "woord"), "Twee zinnen."),
                first.sentences[1].no: MarkInput(("plaatje",)),
            },
        )
        service.record_outcome(
            session, Outcome(readers, tested_on, "Zelfbewust", "aanpassen", "Goede sessie.")
        )


def test_export_writes_one_file_per_page(app: Flask, tmp_path: Path) -> None:
    record(app, "kwijtschelding", dt.date(2026, 11, 12), 4)
    record(app, "kwijtschelding", dt.date(2026, 10, 1), 3)
    record(app, "verhuizen", dt.date(2026, 9, 1), 5)
    with app.app_context():
        service.start_session(app.extensions["loket.content"].get("nl", "grof-afval", "makkelijk"))
    runner = app.test_cli_runner()
    result = runner.invoke(args=["leespanel", "export", "--map", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "2 bestand(en) geschreven" in result.output
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.yaml"))
    assert files == ["nl/kwijtschelding.makkelijk.yaml", "nl/verhuizen.makkelijk.yaml"]

    path = tmp_path / "nl" / "kwijtschelding.makkelijk.yaml"
    assert path.read_text(encoding="utf-8").startswith(
        "# Tests met lezers van content/nl/kwijtschelding.makkelijk.md"
    )
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["page"] == {"lang": "nl", "slug": "kwijtschelding", "variant": "makkelijk"}
    assert [s["tested_on"] for s in data["sessions"]] == [
        dt.date(2026, 10, 1),
        dt.date(2026, 11, 12),
    ]
    first = data["sessions"][0]
    assert first["readers"] == 3 and first["organisation"] == "Zelfbewust"
    assert first["verdict"] == "aanpassen" and first["notes"] == "Goede sessie."
    assert [m["sentence"] for m in first["marks"]] == [2, 3], "marks in sentence order"
    assert first["marks"][1]["reasons"] == ["woord", "zin-te-lang"]
    assert first["marks"][1]["suggestion"] == "Twee zinnen."
    assert first["marks"][0]["block"] == "Wat is het?"
    assert first["marks"][0]["done_on"] is None
    # Nothing about readers themselves, and no database ids.
    assert set(first) == {"tested_on", "readers", "organisation", "verdict", "notes", "marks"}

    # Stable: a second export writes the same bytes.
    before = path.read_bytes()
    assert runner.invoke(args=["leespanel", "export", "--map", str(tmp_path)]).exit_code == 0
    assert path.read_bytes() == before


def test_export_defaults_to_the_content_folder(app: Flask, tmp_path: Path) -> None:
    record(app, "kwijtschelding", dt.date(2026, 11, 12), 4)
    app.config["CONTENT_DIR"] = tmp_path  # the content itself is loaded already
    result = app.test_cli_runner().invoke(args=["leespanel", "export"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "leespanel" / "nl" / "kwijtschelding.makkelijk.yaml").exists()


def test_export_with_nothing_recorded(app: Flask, tmp_path: Path) -> None:
    result = app.test_cli_runner().invoke(args=["leespanel", "export", "--map", str(tmp_path)])
    assert result.exit_code == 0
    assert "0 bestand(en)" in result.output
