"""Words: tokens, syllables and how common a word is (wordfreq Zipf scale, compounds by parts)."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from .data import allowlist, zipf
from .morphology import base_forms

# Words are runs of letters, joined by hyphens, apostrophes or inner dots ("o.a", "i.v.m");
# numbers ("1.500,00", "14") count as words too.
WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:[-'’.][^\W\d_]+)*")

# A word below this Zipf frequency counts as uncommon ("moeilijk"). Zipf 3 is about once per
# million words: "kwijtschelding" (2.7) and "verstrekking" (2.6) are below, "toeslag" (3.4) above.
UNCOMMON_ZIPF = 3.0
# Parts of a compound must be fairly common themselves, so that rare words are not explained
# away by chance splits into short rare fragments.
PART_ZIPF = 3.3
_MIN_PART = 3
_MAX_COMPOUND = 40  # longer "words" are junk (URLs, repeated letters): splitting them is quadratic
_LINKS = ("", "s", "e", "en")  # tussenklanken: dienstverlening-s-waarden, pannen-koek


def is_number(token: str) -> bool:
    return token[0].isdigit()


# Bounded: the public editor takes any text, so the caches must not grow with every made-up
# word sent to it. 100,000 words is far more than the vocabulary of real Dutch pages.
WORD_CACHE_SIZE = 100_000


@lru_cache(maxsize=WORD_CACHE_SIZE)
def syllables(word: str) -> int:
    """Count syllables with pyphen's Dutch hyphenation patterns (cached per word)."""
    if not word or word[0].isdigit():
        return 1
    return len(_hyphenator().positions(word.lower())) + 1


@cache
def _hyphenator() -> Any:
    import pyphen  # type: ignore[import-untyped, unused-ignore]

    return pyphen.Pyphen(lang="nl_NL")


def _known(part: str) -> bool:
    return len(part) >= _MIN_PART and (part in allowlist() or zipf(part) >= PART_ZIPF)


def _splits_into_known(word: str, parts_left: int) -> bool:
    """True when word splits into up to parts_left known words (linking s/e/en allowed)."""
    if _known(word):
        return True
    if parts_left <= 1:
        return False
    for cut in range(len(word) - _MIN_PART, _MIN_PART - 1, -1):
        head, tail = word[:cut], word[cut:]
        if not _splits_into_known(tail, parts_left - 1):
            continue
        for link in _LINKS:
            if link and not head.endswith(link):
                continue
            stem = head[: len(head) - len(link)]
            if _known(stem):
                return True
    return False


@lru_cache(maxsize=WORD_CACHE_SIZE)
def word_zipf(lower: str) -> float:
    """Return how common a lower-case word is; compounds get their parts' score."""
    if lower in allowlist():
        return 7.0
    score = zipf(lower)
    if score >= UNCOMMON_ZIPF:
        return score
    # Inflected and separable verb forms are as common as their dictionary form: "invult" is
    # "invullen", "opstuurt" is "opsturen", "aangevraagde" is "aanvragen".
    if len(lower) <= _MAX_COMPOUND:
        base = max((zipf(form) for form in base_forms(lower)), default=0.0)
        if base >= UNCOMMON_ZIPF:
            return base
    parts = [p for p in lower.split("-") if p]
    if len(parts) > 1:
        return min(word_zipf(p) for p in parts)
    if 2 * _MIN_PART <= len(lower) <= _MAX_COMPOUND and _splits_into_known(lower, 3):
        return PART_ZIPF
    return score


def is_uncommon(lower: str) -> bool:
    return word_zipf(lower) < UNCOMMON_ZIPF


def clear_caches() -> None:
    """Forget cached word scores (the benchmark uses this to measure a cold start honestly)."""
    word_zipf.cache_clear()
    syllables.cache_clear()
