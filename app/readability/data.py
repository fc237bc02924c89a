"""Load the word lists once per process (module-level caches), never per call."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True, slots=True)
class JargonEntry:
    term: str  # the main form, as written in jargon.tsv
    alternative: str
    rejected_by_policy: bool  # words the municipality's own policy rejects ("klant", "burger")


@dataclass(frozen=True, slots=True)
class Jargon:
    words: dict[str, JargonEntry]  # every inflected single-word form -> entry
    phrases: dict[str, JargonEntry]  # multi-word forms (exact, lower case) -> entry


_VOWELS = "aeiouy"


def _verb_stem(infinitive: str) -> str:
    """Return the Dutch present-tense stem: verstrekken -> verstrek, verlenen -> verleen."""
    stem = infinitive[:-2]
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        stem = stem[:-1]  # doubled consonant: verstrekk -> verstrek
    elif (
        len(stem) >= 3
        and stem[-1] not in _VOWELS
        and stem[-2] in "aeou"
        and stem[-3] not in _VOWELS
    ):
        stem = stem[:-1] + stem[-2] + stem[-1]  # open syllable: verlen -> verleen
    if stem.endswith("v"):
        stem = stem[:-1] + "f"
    elif stem.endswith("z"):
        stem = stem[:-1] + "s"
    return stem


def inflected_forms(term: str) -> set[str]:
    """Return the usual inflections of a noun, adjective or verb (plural, -e, verb forms)."""
    forms = {term, term + "s", term + "en", term + "e", term + "n"}
    if term.endswith("en") and len(term) > 4:
        stem = _verb_stem(term)
        forms |= {stem, stem + "t", stem + "te", stem + "ten", stem + "de", stem + "den"}
        forms |= {term + "de", term + "d"}  # present participle: verstrekkende
    return forms


@cache
def jargon() -> Jargon:
    words: dict[str, JargonEntry] = {}
    phrases: dict[str, JargonEntry] = {}
    for line in _lines("jargon.tsv"):
        terms, alternative = line.split("\t")[:2]
        rejected = terms.startswith("!")
        variants = [t.strip().lower() for t in terms.lstrip("!").split("|")]
        entry = JargonEntry(variants[0].rstrip("="), alternative.strip(), rejected)
        for variant in variants:
            exact = variant.endswith("=")
            variant = variant.rstrip("=")
            if " " in variant:
                phrases.setdefault(variant, entry)
            else:
                for form in {variant} if exact else inflected_forms(variant):
                    words.setdefault(form, entry)
    return Jargon(words, phrases)


@cache
def allowlist() -> frozenset[str]:
    return frozenset(line.strip().lower() for line in _lines("allowlist.txt"))


@dataclass(frozen=True, slots=True)
class Abbreviation:
    expansion: str
    may_end_sentence: bool  # "enz." and "etc." often close a sentence


@cache
def abbreviations() -> dict[str, Abbreviation]:
    """Map lower-case abbreviations with their dots ("bijv.") to their expansion."""
    table: dict[str, Abbreviation] = {}
    for line in _lines("abbreviations.tsv"):
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
    jargon()
    allowlist()
    abbreviations()
    _frequencies()
