"""The catalogue is current and complete: every UI string is extracted (so the language gate
sees it) and has an English translation (so English pages are English)."""

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from app.config import ROOT

POT = ROOT / "translations" / "messages.pot"
EN = ROOT / "translations" / "en" / "LC_MESSAGES" / "messages.po"


def msgids(path: Path) -> set[str]:
    with path.open("rb") as f:
        return {str(m.id if isinstance(m.id, str) else m.id[0]) for m in read_po(f) if m.id}


def test_catalogue_template_is_current(tmp_path: Path) -> None:
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "--no-location",
            "--sort-output",
            "--ignore-dirs=.venv node_modules .git instance",
            "-o",
            str(fresh),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    missing = msgids(fresh) - msgids(POT)
    assert not missing, f"run `make translations` and translate: {sorted(missing)[:10]}"


def test_every_string_has_an_english_translation() -> None:
    with EN.open("rb") as f:
        catalogue = read_po(f)
    untranslated = [
        m.id
        for m in catalogue
        if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)) or m.fuzzy)
    ]
    assert not untranslated, f"untranslated or fuzzy in {EN.name}: {untranslated[:10]}"
    assert msgids(POT) <= msgids(EN), "run `make translations` to update the English catalogue"
