"""Dutch sentence splitter: a regex with an abbreviation list.

pysbd splits Dutch well but is about ten times too slow for the speed budget (see RECIPES.md).
A candidate boundary is end punctuation followed by white space and a capital, digit or quote.
It is rejected after a known abbreviation ("bijv.", "art.", "jan."), an initial ("J."), or when
the period belongs to a number ("€ 1.500,-", "28-11-2026" never contain a space after the dot).
"""

from __future__ import annotations

import re

from .data import abbreviations

# Only the start of a run of end punctuation can start a candidate: from a later position the
# same run would be scanned again and fail the same way ("." * 20,000 was quadratic). The
# character before a unit (where finditer starts) is never end punctuation.
_CANDIDATE = re.compile(r"(?<![.!?…])[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-ZÀ-ÖØ-Þ0-9€])")
_TOKEN_BEFORE = re.compile(r"[^\s(\[\"'“‘]*$")
_INITIAL = re.compile(r"[A-ZÀ-ÖØ-Þ]\.$")


def _is_boundary(text: str, start: int, match: re.Match[str]) -> bool:
    punctuation = match.group(0)
    if not punctuation.startswith(".") or len(punctuation.rstrip("\"'”’)]")) > 1:
        return True  # "?", "!", "..." always end a sentence
    token = _TOKEN_BEFORE.search(text, max(start, match.start() - 24), match.start())
    word = (token.group(0) if token else "") + "."
    if _INITIAL.fullmatch(word):
        return False
    abbreviation = abbreviations().get(word.lower())
    return abbreviation is None or abbreviation.may_end_sentence


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in text[start:end], trimmed of white space."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for match in _CANDIDATE.finditer(text, start, end):
        if _is_boundary(text, sentence_start, match):
            spans.append((sentence_start, match.end()))
            sentence_start = match.end()
    spans.append((sentence_start, end))
    result: list[tuple[int, int]] = []
    for left, right in spans:
        while left < right and text[left].isspace():
            left += 1
        while right > left and text[right - 1].isspace():
            right -= 1
        if left < right:
            result.append((left, right))
    return result
