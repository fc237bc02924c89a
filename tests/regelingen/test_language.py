"""Every text of the schemes, their facts and the check's questions passes the gate: B1 Dutch
(and English) for the check and the notices, A2 for the easy-read variant."""

from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from app.readability import analyse
from app.regelingen.rules import HERE

FILLED = {
    "{grens}": "3",
    "{waarde}": "€ 1.400 per maand",
    "{regeling}": "Meedoenregeling",
    "{bedrag}": "€ 500",
    "{tot}": "€ 1.400",
    "{van}": "€ 1.200",
}


def _walk(node: Any, where: str) -> Iterator[tuple[str, str, str]]:
    if isinstance(node, dict):
        if {"nl", "en"} <= set(node) and all(
            isinstance(v, str) for k, v in node.items() if k in ("nl", "en", "makkelijk")
        ):
            for lang in ("nl", "en", "makkelijk"):
                if isinstance(node.get(lang), str):
                    yield where, lang, node[lang]
            return
        for key, value in node.items():
            yield from _walk(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{where}[{i}]")


def texts() -> list[tuple[str, str, str]]:
    found = []
    for name in ("regelingen.yaml", "feiten.yaml", "vragen.yaml"):
        data = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
        found += list(_walk(data, name.removesuffix(".yaml")))
        if name == "vragen.yaml":
            easy = data["makkelijk"]
            found += [("vragen.makkelijk.inleiding", "makkelijk", easy["inleiding"])]
            found += [
                (f"vragen.makkelijk.punten[{i}]", "makkelijk", p)
                for i, p in enumerate(easy["punten"])
            ]
    return found


def fill(text: str) -> str:
    for placeholder, value in FILLED.items():
        text = text.replace(placeholder, value)
    return text


TEXTS = texts()


def test_every_kind_of_text_is_checked() -> None:
    assert len(TEXTS) > 150
    assert {lang for _, lang, _ in TEXTS} == {"nl", "en", "makkelijk"}


@pytest.mark.parametrize(
    ("where", "lang", "text"), TEXTS, ids=[f"{w}.{lang}" for w, lang, _ in TEXTS]
)
def test_text_passes_its_profile(where: str, lang: str, text: str) -> None:
    profile, language = ("makkelijk", "nl") if lang == "makkelijk" else ("b1", lang)
    report = analyse(fill(text), profile, language)
    blocking = [
        f"{f.rule}: {f.message} ({f.sentence!r})"
        for f in report.findings
        if f.severity == "blocking"
    ]
    assert report.passed, (
        f"{where} ({lang}) is {report.level} for {profile}: {report.verdict} {blocking}"
    )
