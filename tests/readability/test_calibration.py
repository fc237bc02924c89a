"""Calibration: the level estimate against labelled corpora (Dutch `corpus/`, English `corpus_en/`).

Every corpus file has front matter with `label` (A2, B1, B2+), `split` (tune or holdout) and
`profile`. The thresholds (app/readability/level.py, english.py) were tuned on the tune split
only; the holdout split is run after tuning and never tuned on. Known holdout misses are listed
below as strict xfails with their reason, so both a regression and an improvement show up.
Print the table of a split: `.venv/bin/python tests/readability/test_calibration.py tune [en]`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from app.readability import analyse

HERE = Path(__file__).parent
CORPORA = {"nl": HERE / "corpus", "en": HERE / "corpus_en"}
LEVELS = ("A2", "B1", "B2+")
# Holdout texts the estimate gets wrong, with the reason. None today (after the second round,
# 2026-12-01: 17 of 17 Dutch, 6 of 6 English). Add a miss here rather than tuning on it.
KNOWN_HOLDOUT_MISSES: dict[str, str] = {}
# The bars. Tune: the thresholds were set on it, so anything below 95 % means a change broke
# them. Holdout: what the estimate honestly reached on unseen text, less one text of slack
# (a holdout of 17 moves 6 % per text); no text may ever be off by two levels.
TUNE_BAR = 0.95
HOLDOUT_BAR = {"nl": 0.9, "en": 0.8}


@dataclass(frozen=True)
class Sample:
    name: str
    lang: str
    label: str
    split: str
    profile: str
    text: str


def load_corpus(lang: str = "nl") -> list[Sample]:
    samples = []
    for path in sorted(CORPORA[lang].glob("*.md")):
        text = path.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---")[1])
        samples.append(Sample(path.stem, lang, meta["label"], meta["split"], meta["profile"], text))
    return samples


def level_of(sample: Sample) -> str:
    return analyse(sample.text, profile=sample.profile, lang=sample.lang).level


def predictions(split: str, lang: str = "nl") -> list[tuple[Sample, str]]:
    return [(s, level_of(s)) for s in load_corpus(lang) if s.split == split]


def agreement(results: list[tuple[Sample, str]]) -> float:
    return sum(s.label == level for s, level in results) / len(results)


def per_level(results: list[tuple[Sample, str]]) -> dict[str, tuple[int, int]]:
    table = {}
    for level in LEVELS:
        rows = [(s, got) for s, got in results if s.label == level]
        table[level] = (sum(s.label == got for s, got in rows), len(rows))
    return table


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_corpus_is_big_enough_and_labelled(lang: str) -> None:
    samples = load_corpus(lang)
    assert len(samples) >= (60 if lang == "nl" else 15)
    assert {s.label for s in samples} == set(LEVELS)
    holdout = [s for s in samples if s.split == "holdout"]
    assert len(holdout) >= len(samples) / 4 - 1
    for sample in samples:
        words = analyse(sample.text, profile=sample.profile, lang=lang).metrics["words"]
        assert 70 <= words <= 300, (sample.name, words)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_tune_split(lang: str) -> None:
    results = predictions("tune", lang)
    assert not [s.name for s, got in results if {s.label, got} == {"A2", "B2+"}]
    assert agreement(results) >= TUNE_BAR, per_level(results)


def _holdout_cases() -> list[object]:
    cases: list[object] = []
    for lang in CORPORA:
        for sample in load_corpus(lang):
            if sample.split != "holdout":
                continue
            reason = KNOWN_HOLDOUT_MISSES.get(sample.name)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(sample, id=f"{lang}/{sample.name}", marks=marks))
    return cases


@pytest.mark.parametrize("sample", _holdout_cases())
def test_holdout_text(sample: Sample) -> None:
    got = level_of(sample)
    assert {sample.label, got} != {"A2", "B2+"}, "off by two levels"
    assert got == sample.label


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_holdout_split_as_a_whole(lang: str) -> None:
    results = predictions("holdout", lang)
    assert agreement(results) >= HOLDOUT_BAR[lang], per_level(results)


def _print_table(split: str, lang: str) -> None:
    results = predictions(split, lang)
    for sample, got in results:
        marker = "" if got == sample.label else "   <-- MISS"
        print(f"{sample.name:45} {sample.label:4} -> {got:4}{marker}")
    print(split, lang, f"agreement {agreement(results):.0%}", per_level(results))


if __name__ == "__main__":
    _print_table(
        sys.argv[1] if len(sys.argv) > 1 else "tune", sys.argv[2] if len(sys.argv) > 2 else "nl"
    )
