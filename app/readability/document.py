"""A parsed text: units, sentences and word tokens, all with offsets in the original input."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from .markup import Unit, mask, units
from .splitter import split_sentences
from .words import WORD

_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r" ([.,!?;:])")
_END = re.compile(r"[.!?…]")


# Tokens, sentences and units are named tuples: immutable like frozen dataclasses, but about
# five times cheaper to create, and there is one of each per word or sentence.
class Token(NamedTuple):
    start: int
    end: int
    text: str
    is_word: bool = True  # False for numbers ("14", "1.500,00")


class Sentence(NamedTuple):
    start: int
    end: int
    text: str  # markup removed, white space collapsed: what the editor reads
    unit: Unit
    tokens: tuple[Token, ...]

    @property
    def word_count(self) -> int:
        return len(self.tokens)


@dataclass(frozen=True, slots=True)
class Document:
    masked: str
    units: tuple[Unit, ...]
    sentences: tuple[Sentence, ...]


def parse(text: str, *, one_sentence_per_line: bool = False) -> Document:
    """Mask markup, find units (headings, items, cells, paragraphs), then sentences and words."""
    masked = mask(text)
    found_units = units(masked, one_per_line=one_sentence_per_line)
    sentences: list[Sentence] = []
    for unit in found_units:
        segment = masked[unit.start : unit.end]
        # A unit without end punctuation (a heading, a one-word line) is one sentence.
        spans = (
            split_sentences(masked, unit.start, unit.end)
            if _END.search(segment)
            else [(unit.start, unit.end)]
        )
        for start, end in spans:
            tokens = tuple(
                [
                    Token(m.start(), m.end(), word, not word[0].isdigit())
                    for m in WORD.finditer(masked, start, end)
                    for word in (m.group(),)
                ]
            )
            if tokens:
                clean = " ".join(masked[start:end].split())
                if " " in clean:
                    clean = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", clean)
                sentences.append(Sentence(start, end, clean, unit, tokens))
    return Document(masked, tuple(found_units), tuple(sentences))
