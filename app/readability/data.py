"""Load the word lists once per process (module-level caches), never per call."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from importlib import resources


def lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def allowlist() -> frozenset[str]:
    return frozenset(line.strip().lower() for line in lines("allowlist.txt"))


@dataclass(frozen=True, slots=True)
class Abbreviation:
    expansion: str
    may_end_sentence: bool  # "enz." and "etc." often close a sentence


@cache
def abbreviations() -> dict[str, Abbreviation]:
    """Map lower-case abbreviations with their dots ("bijv.") to their expansion."""
    table: dict[str, Abbreviation] = {}
    for line in lines("abbreviations.tsv"):
        parts = line.split("\t")
        table[parts[0].strip().lower()] = Abbreviation(
            parts[1].strip(), len(parts) > 2 and parts[2].strip() == "~"
        )
    return table


@cache
def _frequencies() -> dict[str, float]:
    # Import lazily: wordfreq's first load costs about a quarter of a second.
    from wordfreq import get_frequency_dict  # type: ignore[import-untyped, unused-ignore]

    freqs: dict[str, float] = get_frequency_dict("nl")
    return freqs


def zipf(word: str) -> float:
    """Return the Zipf frequency of a lower-case Dutch word (0 when unknown, 7+ for "de")."""
    freq = _frequencies().get(word, 0.0)
    return math.log10(freq) + 9.0 if freq > 0 else 0.0


def warm_up() -> None:
    """Load every data file now, so the first analysis is not slow."""
    allowlist()
    abbreviations()
    _frequencies()
