"""Every text a resident reads, with the profile and language it must pass.

The CI gate (tests/test_language_gate.py) runs the checker over all of them: content pages, site
pages, the Dutch UI strings in the translation catalogue and message templates (e-mail, SMS,
letter) under templates/messages/ as they are added.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .cli import settings_for

PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{\{.*?\}\}|\{%.*?%\}")
MESSAGE_SUFFIXES = (".txt", ".md", ".html")


@dataclass(frozen=True, slots=True)
class Source:
    where: str
    text: str
    profile: str
    lang: str


def catalogue_strings(pot: Path) -> Iterator[tuple[str, str]]:
    """Yield (msgid location, Dutch text) from a .pot file, placeholders removed."""
    entry: list[str] = []
    reading, start = False, 0
    for number, line in enumerate(pot.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("msgid "):
            entry, reading, start = [_unquote(line[6:])], True, number
        elif reading and line.startswith('"'):
            entry.append(_unquote(line))
        elif reading:
            reading = False
            text = PLACEHOLDER.sub("", "".join(entry)).strip()
            if text:
                yield f"{pot}:{start}", text


def _unquote(value: str) -> str:
    return value.strip()[1:-1].replace('\\"', '"').replace("\\n", "\n")


def resident_texts(root: Path) -> Iterator[Source]:
    for path in sorted((root / "content").rglob("*.md")):
        if path.name == "README.md":
            continue
        text = path.read_text(encoding="utf-8")
        target = settings_for(path, text, None, None)
        yield Source(str(path.relative_to(root)), text, target.profile, target.lang)
    pot = root / "translations" / "messages.pot"
    for where, text in catalogue_strings(pot):
        yield Source(str(Path(where).relative_to(root)), text, "b1", "nl")
    messages = root / "templates" / "messages"
    if messages.exists():
        for path in sorted(p for p in messages.rglob("*") if p.suffix in MESSAGE_SUFFIXES):
            lang = "en" if ".en." in path.name else "nl"
            text = PLACEHOLDER.sub("", path.read_text(encoding="utf-8"))
            yield Source(str(path.relative_to(root)), text, "b1", lang)
