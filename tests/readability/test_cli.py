"""`taalcheck` command: exit codes 0/1/2, JSON Lines shape, profile and language per file."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from app.readability.cli import taalcheck

EASY = "Heeft u weinig geld?\nDan kan de gemeente helpen.\nBel ons.\n"
DENSE = (
    "Indien u zich niet met deze beschikking kunt verenigen, dient u binnen zes weken na "
    "dagtekening een gemotiveerd bezwaarschrift in te dienen bij het college van burgemeester "
    "en wethouders, alwaar het bezwaar ter zake in behandeling wordt genomen.\n"
)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    (tmp_path / "nl").mkdir()
    (tmp_path / "en").mkdir()
    (tmp_path / "nl" / "hulp.b1.md").write_text("---\ntitle: Hulp\n---\n" + EASY, encoding="utf-8")
    (tmp_path / "nl" / "hulp.makkelijk.md").write_text(EASY, encoding="utf-8")
    (tmp_path / "en" / "hulp.b1.md").write_text("Do you need help?\nCall us.\n", encoding="utf-8")
    (tmp_path / "en" / "pagina").mkdir()
    (tmp_path / "en" / "pagina" / "contact.b1.md").write_text("Call us.\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("Documentation; " * 40, encoding="utf-8")
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(taalcheck, list(args))
    return result.exit_code, result.output


def test_is_a_plain_click_command() -> None:
    assert isinstance(taalcheck, click.Command)
    assert taalcheck.name == "taalcheck"


def test_folder_that_passes_exits_0(content: Path) -> None:
    code, output = run(str(content))
    assert code == 0, output
    assert "GOED" in output


def test_json_lines_shape_and_settings_from_file_names(content: Path) -> None:
    code, output = run("--json", str(content))
    assert code == 0
    records = [json.loads(line) for line in output.splitlines()]
    assert len(records) == 4  # README.md is documentation, not content
    by_path = {Path(r["path"]).relative_to(content).as_posix(): r for r in records}
    assert (
        by_path["nl/hulp.makkelijk.md"]["profile"],
        by_path["nl/hulp.makkelijk.md"]["lang"],
    ) == ("makkelijk", "nl")
    assert (by_path["en/hulp.b1.md"]["profile"], by_path["en/hulp.b1.md"]["lang"]) == ("b1", "en")
    assert by_path["en/pagina/contact.b1.md"]["lang"] == "en"
    for record in records:
        assert set(record) == {
            "path", "lang", "profile", "level", "measure", "passed", "metrics", "findings",
        }  # fmt: skip
        english = ("flesch-kincaid", "sentence-length")
        assert record["measure"] in (("dutch-engine",) if record["lang"] == "nl" else english)
        assert record["level"] in ("A2", "B1", "B2+")
        assert isinstance(record["passed"], bool)
        assert all(isinstance(v, (int, float)) for v in record["metrics"].values())
        for finding in record["findings"]:
            assert set(finding) == {
                "rule",
                "severity",
                "message",
                "sentence",
                "start",
                "end",
                "suggestion",
            }
    english = by_path["en/hulp.b1.md"]
    assert any(f["rule"] == "language_neutral" for f in english["findings"])


def test_failing_file_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(DENSE, encoding="utf-8")
    code, output = run(str(path))
    assert code == 1
    assert "NIET GOED" in output


def test_options_apply_to_txt_files(tmp_path: Path) -> None:
    path = tmp_path / "tekst.txt"
    path.write_text("Kom langs. Bel ons.\n", encoding="utf-8")
    assert run("--json", str(path))[0] == 0
    code, output = run("--json", "--profile", "makkelijk", "--lang", "nl", str(path))
    assert code == 1  # two sentences on one line
    assert json.loads(output)["profile"] == "makkelijk"


def test_front_matter_sets_profile(tmp_path: Path) -> None:
    path = tmp_path / "los.md"
    path.write_text("---\nprofile: makkelijk\nlang: nl\n---\n" + EASY, encoding="utf-8")
    code, output = run("--json", str(path))
    assert json.loads(output)["profile"] == "makkelijk"
    assert code == 0


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--profile", "c2", "x.txt"],
        ["--lang", "de", "x.txt"],
        ["--onbekend", "x.txt"],
        ["/bestaat/niet.md"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run(*args)[0] == 2


def test_unreadable_file_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "kapot.txt"
    path.write_bytes(b"\xff\xfe\x00kapot")
    assert run(str(path))[0] == 2


def test_empty_folder_exits_2(tmp_path: Path) -> None:
    assert run(str(tmp_path))[0] == 2
