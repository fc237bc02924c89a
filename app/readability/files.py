"""Which profile and language a file is checked with, and which files a folder holds.

Library code: the `taalcheck` command (cli.py) and the CI gate (sources.py) both use it, so it
imports neither click nor Flask.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

_CONTENT_NAME = re.compile(r"^[^.]+\.(b1|makkelijk)\.md$")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
LANGS = ("nl", "en")
PROFILES = ("b1", "makkelijk")


@dataclass(frozen=True)
class Target:
    path: Path
    profile: str
    lang: str


def _front_matter(text: str) -> dict[str, object]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def settings_for(path: Path, text: str, profile: str | None, lang: str | None) -> Target:
    """Content files take profile and language from their name and folder, then front matter.

    Options apply to other files; the defaults are nl and b1.
    """
    meta = _front_matter(text) if path.suffix == ".md" else {}
    name_match = _CONTENT_NAME.match(path.name)
    chosen_profile = name_match.group(1) if name_match else None
    # content/<lang>/<slug>.<variant>.md, also in sub folders such as content/en/pagina/.
    folder_langs = [p.name for p in path.parents if p.name in LANGS]
    chosen_lang = folder_langs[0] if name_match and folder_langs else None
    meta_profile = meta.get("profile", meta.get("variant"))
    if chosen_profile is None and meta_profile in PROFILES:
        chosen_profile = str(meta_profile)
    if chosen_lang is None and meta.get("lang") in LANGS:
        chosen_lang = str(meta.get("lang"))
    return Target(path, chosen_profile or profile or "b1", chosen_lang or lang or "nl")


def collect(paths: tuple[Path, ...]) -> list[Path]:
    """Expand folders into their *.md and *.txt files (recursively, sorted).

    README files in folders document the folder; they are not content. Named explicitly, they
    are checked like any file.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p
                for p in path.rglob("*")
                if p.suffix in (".md", ".txt") and p.is_file() and p.stem.lower() != "readme"
            )
        else:
            files.append(path)
    return files
