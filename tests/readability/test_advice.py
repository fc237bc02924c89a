"""Advice that never makes a text worse, checked on a corpus of sentences (advice/corpus.yaml).

Every drop-in replacement the checker offers must be one the corpus lists as right; a replacement
that breaks the sentence ("Geachte" -> "verwacht", "voorliggende" -> "dit") counts as wrong.
Run this file directly to print the tally: `.venv/bin/python tests/readability/test_advice.py`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from app.readability import Finding, analyse

CORPUS = yaml.safe_load((Path(__file__).parent / "advice" / "corpus.yaml").read_text("utf-8"))
# Rules that give advice about a word or an expression (the ones an editor acts on word by word).
WORD_RULES = {"jargon", "policy_word", "nominalisation", "uncommon_word", "long_word"}


@dataclass
class Verdict:
    wrong: list[str] = field(default_factory=list)  # replacements not known to be right
    missed: list[str] = field(default_factory=list)  # known-right advice not given
    noisy: list[str] = field(default_factory=list)  # advice on words that must stay quiet
    doubled: list[str] = field(default_factory=list)  # overlapping word findings
    broken: list[str] = field(default_factory=list)  # sentence not right after the replacements


def span(text: str, finding: Finding) -> str:
    return text[finding.start : finding.end]


def judge(item: dict) -> Verdict:  # type: ignore[type-arg]
    text: str = item["text"]
    replace: dict[str, str] = item.get("replace") or {}
    advise: dict[str, str | None] = item.get("advise") or {}
    quiet: list[str] = item.get("quiet") or []
    findings = [f for f in analyse(text).findings if f.rule in WORD_RULES]
    verdict = Verdict()
    for finding in findings:
        if (
            finding.suggestion is not None
            and replace.get(span(text, finding)) != finding.suggestion
        ):
            verdict.wrong.append(f"{text!r}: {span(text, finding)!r} -> {finding.suggestion!r}")
    for words, replacement in replace.items():
        if not any(span(text, f) == words and f.suggestion == replacement for f in findings):
            verdict.missed.append(f"{text!r}: {words!r} -> {replacement!r}")
    for words, needed in advise.items():
        fits = [f for f in findings if span(text, f) == words and f.suggestion is None]
        if not fits or (needed and not any(needed in f.message for f in fits)):
            verdict.missed.append(f"{text!r}: advice on {words!r} naming {needed!r}")
    for word in quiet:
        start = text.index(word)
        end = start + len(word)
        for finding in findings:
            if finding.start < end and start < finding.end:
                verdict.noisy.append(f"{text!r}: {finding.rule} on {span(text, finding)!r}")
    ordered = sorted(findings, key=lambda f: (f.start, f.end))
    for before, after in itertools.pairwise(ordered):
        if after.start < before.end:
            verdict.doubled.append(f"{text!r}: {span(text, before)!r} + {span(text, after)!r}")
    if "result" in item:
        fixed = text
        for finding in sorted(findings, key=lambda f: f.start, reverse=True):
            if finding.suggestion is not None:
                fixed = fixed[: finding.start] + finding.suggestion + fixed[finding.end :]
        if fixed != item["result"]:
            verdict.broken.append(f"{text!r} became {fixed!r}")
    return verdict


def test_the_corpus_is_big_enough() -> None:
    assert len(CORPUS) >= 60
    assert sum("replace" in item for item in CORPUS) >= 30
    assert sum("advise" in item for item in CORPUS) >= 15
    assert sum("quiet" in item for item in CORPUS) >= 15


@pytest.mark.parametrize("item", CORPUS, ids=[item["text"][:50] for item in CORPUS])
def test_advice_is_right(item: dict) -> None:  # type: ignore[type-arg]
    verdict = judge(item)
    assert verdict.wrong == [], "wrong replacement"
    assert verdict.missed == [], "right advice missing"
    assert verdict.noisy == [], "advice on a word that must stay quiet"
    assert verdict.doubled == [], "one finding per span"
    assert verdict.broken == [], "the replacements do not give the right sentence"


def tally() -> dict[str, int]:
    verdicts = [judge(item) for item in CORPUS]
    offered = sum(
        f.suggestion is not None
        for item in CORPUS
        for f in analyse(item["text"]).findings
        if f.rule in WORD_RULES
    )
    return {
        "sentences": len(CORPUS),
        "replacements offered": offered,
        "wrong replacements": sum(len(v.wrong) for v in verdicts),
        "right advice missing": sum(len(v.missed) for v in verdicts),
        "advice on quiet words": sum(len(v.noisy) for v in verdicts),
        "overlapping findings": sum(len(v.doubled) for v in verdicts),
        "sentences broken by the replacements": sum(len(v.broken) for v in verdicts),
    }


if __name__ == "__main__":
    import sys

    for item in CORPUS:
        verdict = judge(item)
        for kind in ("wrong", "missed", "noisy", "doubled", "broken"):
            for line in getattr(verdict, kind):
                print(f"{kind:8} {line}")
    print(tally(), file=sys.stderr)
