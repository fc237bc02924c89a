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

from babel.messages.pofile import read_po

from .files import settings_for

PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{\{.*?\}\}|\{%.*?%\}")
MESSAGE_SUFFIXES = (".txt", ".md", ".html")


@dataclass(frozen=True, slots=True)
class Source:
    where: str
    text: str
    profile: str
    lang: str


def catalogue_strings(pot: Path) -> Iterator[tuple[str, str]]:
    """Yield (msgid location, Dutch text) from a .pot file, placeholders removed.

    Read with Babel's own parser, so plural forms (`msgid_plural`) and every escape reach the
    gate exactly as gettext will show them.
    """
    with pot.open("rb") as handle:
        catalogue = read_po(handle)
    for entry in catalogue:
        forms = entry.id if isinstance(entry.id, tuple | list) else (entry.id,)
        for form in forms:
            text = PLACEHOLDER.sub("", form).strip()
            if text:
                yield f"{pot}:{entry.lineno}", text


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
    yield from case_status_texts(root / "content" / "zaakstatussen.yaml")
    yield from form_texts(root / "content" / "formulieren")
    messages = root / "templates" / "messages"
    if messages.exists():
        for path in sorted(p for p in messages.rglob("*") if p.suffix in MESSAGE_SUFFIXES):
            lang = "en" if ".en." in path.name else "nl"
            text = PLACEHOLDER.sub("", path.read_text(encoding="utf-8"))
            yield Source(str(path.relative_to(root)), text, "b1", lang)


def case_status_texts(path: Path) -> Iterator[Source]:
    """The plain sentences residents read about their case, per status and language."""
    if not path.exists():
        return
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, entry in data["statussen"].items():
        for part in ("zin", "daarna"):
            for lang, text in entry[part].items():
                yield Source(f"content/zaakstatussen.yaml:{key}.{part}", text, "b1", lang)


def form_texts(folder: Path) -> Iterator[Source]:
    """Every text of every form definition (`{nl: ..., en: ...}`), per language."""
    if not folder.exists():
        return
    import yaml

    def walk(value: object, where: str) -> Iterator[Source]:
        if isinstance(value, dict):
            if set(value) == {"nl", "en"} and all(isinstance(v, str) for v in value.values()):
                for lang in ("nl", "en"):
                    text = re.sub(r"\{[a-z_]+\}", "", str(value[lang])).strip()
                    yield Source(where, text, "b1", lang)
                return
            for key, item in value.items():
                yield from walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                name = item.get("name") or item.get("value") if isinstance(item, dict) else None
                yield from walk(item, f"{where}[{name or i}]")

    for path in sorted(folder.glob("*.yaml")):
        if not path.name.startswith("_"):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            yield from walk(data, f"content/formulieren/{path.name}:")
