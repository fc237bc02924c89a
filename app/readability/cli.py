"""`taalcheck` command: check content files and plain text files (see INTERFACES.md)."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import click
import yaml

from .engine import analyse
from .report import Report

_CONTENT_NAME = re.compile(r"^[^.]+\.(b1|makkelijk)\.md$")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_LANGS = ("nl", "en")
_PROFILES = ("b1", "makkelijk")
WORST_SHOWN = 5


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
    folder_langs = [p.name for p in path.parents if p.name in _LANGS]
    chosen_lang = folder_langs[0] if name_match and folder_langs else None
    meta_profile = meta.get("profile", meta.get("variant"))
    if chosen_profile is None and meta_profile in _PROFILES:
        chosen_profile = str(meta_profile)
    if chosen_lang is None and meta.get("lang") in _LANGS:
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


def _summary(path: Path, report: Report) -> str:
    status = "GOED" if report.passed else "NIET GOED"
    lines = [
        f"{path}: {status} - niveau {report.level} (profiel {report.profile}, taal {report.lang})",
        f"  {report.verdict}",
    ]
    for finding in report.fixes()[:WORST_SHOWN]:
        where = f' "{finding.sentence[:60]}"' if finding.sentence else ""
        lines.append(f"  [{finding.severity}] {finding.message}{where}")
    hidden = len(report.findings) - WORST_SHOWN
    if hidden > 0:
        lines.append(f"  ... en nog {hidden} punten (gebruik --json voor alles)")
    return "\n".join(lines)


@click.command("taalcheck")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines: one object per file.")
@click.option("--profile", type=click.Choice(_PROFILES), default=None, help="For .txt files.")
@click.option("--lang", type=click.Choice(_LANGS), default=None, help="For .txt files.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def taalcheck(
    as_json: bool, profile: str | None, lang: str | None, paths: tuple[Path, ...]
) -> None:
    """Check the language level of content files and text files (folders: *.md and *.txt).

    Exit code 0 when every file passes, 1 when any fails, 2 for unreadable or missing files.
    """
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise click.UsageError(f"Bestand of map bestaat niet: {', '.join(missing)}")
    files = collect(paths)
    if not files:
        raise click.UsageError("Geen .md- of .txt-bestanden gevonden.")
    any_failed = False
    unreadable = False
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            click.echo(f"{path}: kan het bestand niet lezen ({error})", err=True)
            unreadable = True
            continue
        target = settings_for(path, text, profile, lang)
        report = analyse(text, profile=target.profile, lang=target.lang)
        any_failed = any_failed or not report.passed
        if as_json:
            record = {
                "path": str(path),
                "lang": report.lang,
                "profile": report.profile,
                "level": report.level,
                "passed": report.passed,
                "metrics": report.metrics,
                "findings": [
                    {
                        "rule": f.rule,
                        "severity": f.severity,
                        "message": f.message,
                        "sentence": f.sentence,
                        "start": f.start,
                        "end": f.end,
                        "suggestion": f.suggestion,
                    }
                    for f in report.fixes()
                ],
            }
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(_summary(path, report))
    if unreadable:
        sys.exit(2)
    sys.exit(1 if any_failed else 0)
