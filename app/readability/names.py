"""Proper names, titles of laws and quoted names: the word rules give them no advice.

"verordening" is officialese, but in "de Algemene verordening gegevensbescherming" it is part of
a name the writer cannot change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .data import lines, zipf

# A capitalised word mid-sentence that starts the title of a law or regulation; the lower-case
# words after it belong to the title ("Verordening maatschappelijke ondersteuning").
TITLE_STARTERS = frozenset(
    [
        "algemene",
        "wet",
        "verordening",
        "regeling",
        "besluit",
        "beleidsregels",
        "beleidsregel",
        "reglement",
        "richtlijn",
    ]
)
TITLE_MAX_WORDS = 3
# Very common words (verbs such as "geldt", function words) end a title.
TITLE_WORD_MAX_ZIPF = 4.7
_QUOTED = re.compile(r"[\"“„«]([^\"“”„«»\n]{1,120})[\"”»]|(?<!\w)['‘]([^'‘’\n]{1,120})['’](?!\w)")


@cache
def _names() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The multi-word names, by their first word (so a sentence is scanned once)."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for line in lines("names.txt"):
        words = tuple(line.lower().split())
        by_first.setdefault(words[0], []).append(words)
    return {first: tuple(names) for first, names in by_first.items()}


_QUOTE_CHARS = frozenset("\"“”„«»'‘’")


def name_tokens(
    originals: Sequence[str], starts: Sequence[int], gaps: Sequence[str], text: str, offset: int
) -> set[int]:
    """Return the indexes of tokens that belong to a name, a title or a quotation.

    originals: the tokens as written; starts: their offsets in `text`; gaps[i]: the text
    before token i; text/offset: the (masked) text and where this sentence starts in it.
    """
    skip: set[int] = set()
    lowered = [t.lower() for t in originals]
    for index, word in enumerate(originals):
        is_acronym = len(word) > 1 and word.isupper()
        if (index > 0 and word[:1].isupper()) or is_acronym:
            skip.add(index)
            if index > 0 and lowered[index] in TITLE_STARTERS:
                _extend_title(lowered, gaps, index, skip)
    names = _names()
    for index, word in enumerate(lowered):
        for name in names.get(word, ()):
            if tuple(lowered[index : index + len(name)]) == name:
                skip.update(range(index, index + len(name)))
    if starts and any(c in _QUOTE_CHARS for g in gaps for c in g):
        end = starts[-1] + len(originals[-1])
        for match in _QUOTED.finditer(text, offset, end):
            skip.update(i for i, s in enumerate(starts) if match.start() < s < match.end())
    return skip


def _extend_title(lowered: Sequence[str], gaps: Sequence[str], start: int, skip: set[int]) -> None:
    for index in range(start + 1, min(start + 1 + TITLE_MAX_WORDS, len(lowered))):
        word = lowered[index]
        if gaps[index].strip() or not word.isalpha() or zipf(word) >= TITLE_WORD_MAX_ZIPF:
            return
        skip.add(index)
