"""Calibration: the level estimate against a labelled corpus (tests/readability/corpus).

Every corpus file has front matter with `label` (A2, B1, B2+), `split` (tune or holdout) and
`profile`. The thresholds in app/readability/level.py were tuned on the tune split only; the
holdout split was run once afterwards. Run this file directly to print the tune table:
`.venv/bin/python tests/readability/test_calibration.py [tune|holdout]`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from app.readability import analyse

CORPUS = Path(__file__).parent / "corpus"
LEVELS = ("A2", "B1", "B2+")


@dataclass(frozen=True)
class Sample:
    name: str
    label: str
    split: str
    profile: str
    text: str


def load_corpus() -> list[Sample]:
    samples = []
    for path in sorted(CORPUS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---")[1])
        samples.append(Sample(path.stem, meta["label"], meta["split"], meta["profile"], text))
    return samples


def predictions(split: str) -> list[tuple[Sample, str]]:
    return [
        (s, analyse(s.text, profile=s.profile).level) for s in load_corpus() if s.split == split
    ]


def agreement(results: list[tuple[Sample, str]]) -> float:
    return sum(s.label == level for s, level in results) / len(results)


def per_level(results: list[tuple[Sample, str]]) -> dict[str, tuple[int, int]]:
    table = {}
    for level in LEVELS:
        rows = [(s, got) for s, got in results if s.label == level]
        table[level] = (sum(s.label == got for s, got in rows), len(rows))
    return table


def test_corpus_is_big_enough_and_labelled() -> None:
    samples = load_corpus()
    assert len(samples) >= 40
    assert {s.label for s in samples} == set(LEVELS)
    holdout = [s for s in samples if s.split == "holdout"]
    assert len(holdout) >= 10
    assert len(holdout) >= len(samples) / 4 - 1
    for sample in samples:
        words = analyse(sample.text, profile=sample.profile).metrics["words"]
        assert 70 <= words <= 300, (sample.name, words)


# The holdout was run once, after tuning: 9 of 11 (82%). Two short-sentence B1 texts were
# estimated A2. We did not tune on the holdout afterwards, so its bar is what it honestly reached;
# see app/readability/README.md.
@pytest.mark.parametrize(("split", "minimum"), [("tune", 0.9), ("holdout", 0.8)])
def test_agreement(split: str, minimum: float) -> None:
    results = predictions(split)
    off_by_two = [s.name for s, got in results if {s.label, got} == {"A2", "B2+"}]
    assert off_by_two == []
    assert agreement(results) >= minimum, per_level(results)


def test_agreement_over_the_whole_corpus() -> None:
    results = predictions("tune") + predictions("holdout")
    assert agreement(results) >= 0.9, per_level(results)


def _print_table(split: str) -> None:
    results = predictions(split)
    for sample, got in results:
        marker = "" if got == sample.label else "   <-- MISS"
        print(f"{sample.name:45} {sample.label:4} -> {got:4}{marker}")
    print(split, f"agreement {agreement(results):.0%}", per_level(results))


if __name__ == "__main__":
    _print_table(sys.argv[1] if len(sys.argv) > 1 else "tune")
