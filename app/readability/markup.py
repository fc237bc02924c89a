"""Turn plain text, Markdown or HTML into units (paragraphs, headings, list items, table cells).

Markup is *masked*, not removed: every markup character becomes a space (newlines stay), so the
masked text has the same length as the input and every offset points into the ORIGINAL text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal, NamedTuple

UnitKind = Literal["paragraph", "heading", "item", "cell", "line"]


# Named tuples made in the loops that run once per line, word or sentence are made with
# tuple.__new__ (what `_make` does, without its Python frame): a tenth of an analysis of 10,000
# one-letter lines went to the named tuples' constructors.
new_tuple = tuple.__new__


class Unit(NamedTuple):
    start: int
    end: int
    kind: UnitKind
    block: int  # units with the same block number form one paragraph or list


def _blank_text(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _blank(match: re.Match[str]) -> str:
    return _blank_text(match.group(0))


def _blank_block_tag(match: re.Match[str]) -> str:
    # A block-level HTML tag ends a paragraph: turn it into a blank line of the same length.
    tag = match.group(0)
    return "\n\n" + " " * (len(tag) - 2) if len(tag) >= 2 else " " * len(tag)


def _keep_link_text(match: re.Match[str]) -> str:
    return " " + match.group(1) + " " * (len(match.group(0)) - len(match.group(1)) - 1)


# Every pattern below runs on text from the public editor (up to 20,000 characters), so each
# must take linear time on any input. A regex search that fails is retried from every later
# position: a repetition that runs to a delimiter (or to the end of the text) which is not there
# costs the rest of the text again and again ("[" * 20,000 took 10 s, "a@" * 10,000 over an hour).
# So repetitions stop at the next opening delimiter as well, are anchored where a match can only
# start, or the scan is done by hand (_blank_elements). tests/readability/test_hostile_input.py
# checks the rewrites against the original patterns; bench/readability_bench.py times them.
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# <script>/<style> elements and comments. Their ".*?" runs to the end of the text when the end
# tag is missing, so _blank_elements tries each kind of start tag only until that happens.
_SCRIPT_START = re.compile(r"<(?:script|style)\b", re.I)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
_COMMENT_START = re.compile(r"<!--")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
# Tags are searched only up to the last ">" (see _sub_up_to): "[^>]*>" cannot fail there.
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|blockquote)\b[^>]*>",
    re.I,
)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
# Link text stops at "[" and the address at "(" (one level of brackets inside it is allowed, as
# in Wikipedia addresses), so the scans from different "[" or "](" never overlap.
_LINK_TARGET = r"\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)"
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]" + _LINK_TARGET)
_LINK = re.compile(r"\[([^\[\]\n]*)\]" + _LINK_TARGET)
_MARKER = re.compile(r"\[\[[^\[\]\n]*\]\]|\{[a-z]+=[^{}\n]*\}")  # [[kanalen]], {picto=geld}
# An e-mail address is a whole run of non-space characters ("(info@gemeente.nl"): the run
# start is the only place a match can start, and "[^\s@]*@" takes the first "@" (if that one
# fails, every later one fails too), so one attempt per run scans it once.
_URL = re.compile(r"(?:https?://|www\.)\S+|(?<!\S)\S[^\s@]*@\S+\.\w+")
_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)|`")

_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+")
_ITEM = re.compile(r"[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+")
_QUOTE = re.compile(r"[ \t]{0,3}>[ \t]?")
# No two runs of blanks are adjacent ("[ \t]*\|?[ \t]*" splits a run of n blanks n ways).
_TABLE_SEPARATOR = re.compile(
    r"[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*(?:\|[ \t]*)?"
)
_SETEXT = re.compile(r"[ \t]*(?:=+|-{2,})[ \t]*")
# Runs of lines that are one plain word each ("A", "Doch"): what each of them becomes is known
# without looking at it (a heading-like line of its own), so a run is taken in one match. In
# prose a line followed by a capital is a heading (see _looks_like_heading); in easy-read every
# line is a unit anyway.
_PLAIN_HEADINGS = re.compile(r"(?:[A-Za-z]+\n(?=[A-Z0-9]))+")
_PLAIN_LINES = re.compile(r"(?:[A-Za-z]+\n)+")
_END_PUNCTUATION = ".!?:;,…"


def mask(text: str) -> str:
    """Return text of the same length with front matter, HTML and Markdown syntax blanked."""
    text = _FRONT_MATTER.sub(_blank, text)
    text = _blank_elements(text, _SCRIPT_START, _SCRIPT)
    text = _blank_elements(text, _COMMENT_START, _COMMENT)
    text = _sub_up_to(">", _BLOCK_TAG, _blank_block_tag, text)
    text = _sub_up_to(">", _TAG, _blank, text)
    text = _ENTITY.sub(_blank, text)
    text = _IMAGE.sub(_blank, text)
    text = _LINK.sub(_keep_link_text, text)
    text = _MARKER.sub(_blank, text)
    text = _URL.sub(_blank, text)
    text = _EMPHASIS.sub(_blank, text)
    return text


def _blank_elements(text: str, start: re.Pattern[str], element: re.Pattern[str]) -> str:
    """element.sub(_blank, text) for element = start + ".*?" + an end tag that depends only on
    the text of the start tag (case-insensitively).

    Linear: when no end tag follows a start tag, none follows a later start tag of the same kind
    either, so those are skipped instead of rescanning the rest of the text from each of them.
    """
    parts: list[str] = []
    copied = pos = 0
    unclosed: set[str] = set()
    while (opening := start.search(text, pos)) is not None:
        kind = opening.group(0).lower()
        found = None if kind in unclosed else element.match(text, opening.start())
        if found is None:
            unclosed.add(kind)
            pos = opening.start() + 1
            continue
        parts += [text[copied : found.start()], _blank(found)]
        copied = pos = found.end()
    parts.append(text[copied:])
    return "".join(parts)


def _sub_up_to(
    last: str, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str], text: str
) -> str:
    """pattern.sub(repl, text) for a pattern whose matches end at the first `last` they reach.

    No match ends after the last `last` in the text, so the tail is left out of the search:
    there an attempt would scan to the end of the text and fail, once per start position.
    """
    cut = text.rfind(last) + 1
    return pattern.sub(repl, text[:cut]) + text[cut:]


def _looks_like_heading(stripped: str, next_line: str) -> bool:
    """A short line without end punctuation, followed by a capital, is a heading of its own.

    `stripped` is the line without surrounding white space (never empty)."""
    following = next_line.lstrip()
    if not following or not (following[0].isupper() or following[0].isdigit()):
        return False
    return stripped[-1] not in _END_PUNCTUATION and (
        stripped.count(" ") < 8 or len(stripped.split()) <= 8
    )


def units(masked: str, *, one_per_line: bool = False) -> list[Unit]:
    """Split masked text into units; with one_per_line every line is a unit (easy-read).

    The loop runs once per line and a text may have 10,000 of them: the common case (a plain
    line) is tested first and written out here rather than in helper functions.
    """
    result: list[Unit] = []
    lines = masked.split("\n")
    last_index = len(lines) - 1
    block = 0
    open_start = -1  # start offset of the paragraph or list item being collected
    open_kind: UnitKind = "paragraph"
    open_end = 0
    next_offset = 0
    resume = 0  # lines before this one were taken as a run of plain lines
    plain = _PLAIN_LINES if one_per_line else _PLAIN_HEADINGS
    for index, line in enumerate(lines):
        if index < resume:
            continue
        offset = next_offset
        next_offset = offset + len(line) + 1
        if open_start < 0 and index < last_index and (run := plain.match(masked, offset)):
            # Each line of the run is one word and its line break: offsets by arithmetic.
            run_lines = run.group().split("\n")[:-1]
            start, step = offset, 0 if one_per_line else 1
            for word in run_lines:
                end = start + len(word)
                result.append(new_tuple(Unit, (start, end, "line", block)))
                block += step
                start = end + 1
            resume = index + len(run_lines)
            next_offset = run.end()
            continue
        stripped = line.strip()
        if not stripped:
            if open_start >= 0:
                _append(result, masked, open_start, open_end, open_kind, block)
                open_start = -1
            block += 1
            continue
        # Markdown syntax starts with one of a few characters: test those lines only (every
        # regular expression per line costs time on 5,000 one-word lines).
        first = stripped[0]
        if first in "|:-=" and (
            _TABLE_SEPARATOR.fullmatch(line) or (_SETEXT.fullmatch(line) and open_start >= 0)
        ):
            continue
        heading = _HEADING.match(line) if first == "#" else None
        if heading:
            if open_start >= 0:
                _append(result, masked, open_start, open_end, open_kind, block)
                open_start = -1
            block += 1
            _append(result, masked, offset + heading.end(), offset + len(line), "heading", block)
            block += 1
            continue
        quote = _QUOTE.match(line) if first == ">" else None
        body_start = offset + (quote.end() if quote else 0)
        if first == "|":
            if open_start >= 0:
                _append(result, masked, open_start, open_end, open_kind, block)
                open_start = -1
            cell_start = body_start
            for cell in line[body_start - offset :].split("|"):
                _append(result, masked, cell_start, cell_start + len(cell), "cell", block)
                cell_start += len(cell) + 1
            continue
        item = (
            _ITEM.match(line, body_start - offset) if first in "-*+•>" or first.isdigit() else None
        )
        if item:
            if open_start >= 0:
                _append(result, masked, open_start, open_end, open_kind, block)
            open_start, open_kind = offset + item.end(), "item"
        elif one_per_line:
            if open_start >= 0:
                _append(result, masked, open_start, open_end, open_kind, block)
            open_start, open_kind = body_start, "line"
        elif open_start < 0:
            open_start, open_kind = body_start, "paragraph"
        open_end = offset + len(line)
        if one_per_line or (
            open_kind == "paragraph"
            and index < last_index
            and _looks_like_heading(stripped, lines[index + 1])
        ):
            if not one_per_line and open_start == body_start:
                open_kind = "line"
            _append(result, masked, open_start, open_end, open_kind, block)
            open_start = -1
            if not one_per_line:
                block += 1
    if open_start >= 0:
        _append(result, masked, open_start, open_end, open_kind, block)
    return result


def _append(
    result: list[Unit], masked: str, start: int, end: int, kind: UnitKind, block: int
) -> None:
    # Trim white space so that offsets cover the words only.
    while start < end and masked[start].isspace():
        start += 1
    while end > start and masked[end - 1].isspace():
        end -= 1
    if start < end:
        result.append(new_tuple(Unit, (start, end, kind, block)))
