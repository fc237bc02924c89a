"""Every text of the notice rules (meldingen.yaml) is B1 Dutch with an English version: the
same words go on Mijn Loket and in letters, so they pass the same gate as the site."""

import pytest
import yaml

from app.notices.catalogue import FILE
from app.readability import analyse

# Placeholders are filled with dates, names and plates: read them as plain words.
FILLED = {
    "{document}": "paspoort",
    "{datum}": "1 maart 2027",
    "{regeling}": "Meedoenregeling",
    "{kenteken}": "ZZ-301-D",
    "{zone}": "Oefenwijk",
    "{straat}": "Oefenlaan",
}


def texts() -> list[tuple[str, str, str]]:
    data = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    found = [(f"algemeen.{k}", lang, v[lang]) for k, v in data["algemeen"].items() for lang in v]
    for rule in data["meldingen"]:
        for name, value in rule.items():
            if isinstance(value, dict) and set(value) == {"nl", "en"}:
                found += [(f"{rule['key']}.{name}", lang, value[lang]) for lang in value]
    return found


def fill(text: str) -> str:
    for placeholder, value in FILLED.items():
        text = text.replace(placeholder, value)
    return text


@pytest.mark.parametrize(
    ("where", "lang", "text"), texts(), ids=[f"{w}.{lang}" for w, lang, _ in texts()]
)
def test_text_passes_b1(where: str, lang: str, text: str) -> None:
    report = analyse(fill(text), "b1", lang)
    blocking = [f"{f.rule}: {f.message}" for f in report.findings if f.severity == "blocking"]
    assert report.passed, f"{where} ({lang}) is {report.level}: {blocking}"
