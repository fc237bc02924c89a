"""A parsed text: units, sentences and word tokens, all with offsets in the original input."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from .markup import Unit, mask, new_tuple, units
from .splitter import split_sentences
from .words import WORD

_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r" ([.,!?;:])")
_END = re.compile(r"[.!?…]")


# Tokens, sentences and units are named tuples: immutable like frozen dataclasses, but about
# five times cheaper to create, and there is one of each per word or sentence (the hot loops
# make them with `new_tuple`, see markup.py).
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


@dataclass(frozen=True, slots=True)
class Document:
    masked: str
    units: tuple[Unit, ...]
    sentences: tuple[Sentence, ...]


def parse(text: str, *, one_sentence_per_line: bool = False) -> Document:
    """Mask markup, find units (headings, items, cells, paragraphs), then sentences and words."""
    masked = mask(text)
    found_units = units(masked, one_per_line=one_sentence_per_line)
    # The words of the whole text in one scan, handed out to the sentences by offset: a scan
    # per sentence costs several times more on texts of many short lines (bench/RESULTS.md).
    words = [
        new_tuple(Token, (m.start(), m.end(), w, not w[0].isdigit()))
        for m in WORD.finditer(masked)
        for w in (m.group(),)
    ]
    count = len(words)
    first = 0  # the first word not yet handed out
    sentences: list[Sentence] = []
    append = sentences.append
    for unit in found_units:
        start = unit.start
        while first < count and words[first].end <= start:
            first += 1  # words outside every unit: list numbers, markup
        if first < count:
            word = words[first]
            # A unit that is exactly one word without a full stop (a one-word line or heading)
            # is one sentence of that word: what the general path below finds, made directly
            # (a text may hold 10,000 of them).
            if word.start == start and word.end == unit.end and "." not in word.text:
                append(new_tuple(Sentence, (start, word.end, word.text, unit, (word,))))
                first += 1
                continue
        # A unit without end punctuation (a heading, a one-word line) is one sentence.
        spans = (
            split_sentences(masked, unit.start, unit.end)
            if _END.search(masked, unit.start, unit.end)
            else ((unit.start, unit.end),)
        )
        for start, end in spans:
            while first < count and words[first].end <= start:
                first += 1  # words outside every sentence: list numbers, markup
            last = first
            while last < count and words[last].end <= end:
                last += 1
            if (first < count and words[first].start < start) or (
                last < count and words[last].start < end
            ):  # a word runs over an edge: scan the sentence alone, as its edges cut the word
                tokens = _tokens(masked, start, end)
            else:
                tokens = tuple(words[first:last])
            first = last
            if not tokens:
                continue
            if len(tokens) == 1 and tokens[0].start == start and tokens[0].end == end:
                clean = tokens[0].text  # one word and nothing around it: nothing to tidy
            else:
                clean = " ".join(masked[start:end].split())
                if " " in clean:
                    clean = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", clean)
            append(new_tuple(Sentence, (start, end, clean, unit, tokens)))
    return Document(masked, tuple(found_units), tuple(sentences))


def _tokens(masked: str, start: int, end: int) -> tuple[Token, ...]:
    return tuple(
        [
            Token(m.start(), m.end(), w, not w[0].isdigit())
            for m in WORD.finditer(masked, start, end)
            for w in (m.group(),)
        ]
    )
