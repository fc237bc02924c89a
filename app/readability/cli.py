"""`taalcheck` command: check content files and plain text files (see INTERFACES.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .engine import analyse
from .files import LANGS, PROFILES, collect, settings_for
from .report import Report

WORST_SHOWN = 5


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
@click.option("--profile", type=click.Choice(PROFILES), default=None, help="For .txt files.")
@click.option("--lang", type=click.Choice(LANGS), default=None, help="For .txt files.")
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
                "measure": report.measure,
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
