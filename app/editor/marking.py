"""Turn a report into marked-up HTML: each sentence with its length band, each hard word with
its plainer alternative or advice written out (not only in colour, not only on hover), and the
places where a long sentence splits naturally.

Linear in the size of the text: sentences and marks are both in text order, so one pass walks
them together. (Sorting every mark for every sentence took 3.8 s for 5,000 one-word lines.)
"""

import re
from dataclasses import dataclass
from html import escape

from flask_babel import gettext as _
from flask_babel import ngettext
from markupsafe import Markup

from app.readability import Report, WordMark

_SPECIAL = re.compile(r"[&<>\"']")


def _escape(text: str) -> str:
    """html.escape, but cheap for the many short pieces without special characters."""
    return escape(text) if _SPECIAL.search(text) else text


@dataclass
class Work:
    """Counts what the marking did, so a test can check it grows linearly with the input."""

    marks_visited: int = 0


def band_label(band: str) -> str:
    labels = {
        "kort": _("kort"),
        "gemiddeld": _("gemiddeld"),
        "lang": _("lang"),
        "te lang": _("te lang"),
    }
    return labels.get(band, band)


class _Labels:
    """The translated words, looked up once per text: gettext costs more than the marking."""

    def __init__(self) -> None:
        self.kinds = {
            "jargon": _escape(_("ambtelijk")),
            "moeilijk": _escape(_("moeilijk")),
            "nominalisatie": _escape(_("werkwoord als naamwoord")),
            "lijdend": _escape(_("lijdende zin")),
        }
        self.cut = _escape(_("(hier knippen)"))
        self.rewrite = _escape(_("zeg het anders"))
        self.who = _escape(_("zeg wie het doet"))
        self._bands: dict[tuple[int, str], str] = {}
        self._openings: dict[tuple[int, str], str] = {}
        self._verbs: dict[str, str] = {}

    def band(self, words: int, band: str) -> str:
        key = (words, band)
        if key not in self._bands:
            label = ngettext(
                "%(num)d woord, %(band)s", "%(num)d woorden, %(band)s", words,
                band=band_label(band),
            )  # fmt: skip
            self._bands[key] = _escape(label)
        return self._bands[key]

    def opening(self, words: int, band: str) -> str:
        """The start of a sentence with its length band: the same for every sentence of that
        length, so made once (a text may have 10,000 sentences)."""
        key = (words, band)
        if key not in self._openings:
            self._openings[key] = (
                f'<span class="loket-sentence loket-sentence--{_escape(band.replace(" ", "-"))}">'
                f'<span class="loket-band">[{self.band(words, band)}]</span> '
            )
        return self._openings[key]

    def write_with(self, verb: str) -> str:
        if verb not in self._verbs:
            self._verbs[verb] = _escape(_("schrijf met %(verb)s", verb=verb))
        return self._verbs[verb]


def _mark_html(text: str, mark: WordMark, labels: _Labels) -> str:
    if mark.kind == "knip":
        return (
            '<span class="loket-cut" aria-hidden="true">✂</span>'
            f'<span class="loket-visually-hidden"> {labels.cut} </span>'
        )
    word = _escape(text[mark.start : mark.end])
    after = ""
    if mark.alternative:
        after = f'<span class="loket-alt"> → {_escape(mark.alternative)}</span>'
    elif mark.kind == "lijdend":
        after = f'<span class="loket-hint-inline"> ({labels.who})</span>'
    elif mark.kind == "nominalisatie" and mark.hint:
        after = f'<span class="loket-alt"> → {labels.write_with(mark.hint)}</span>'
    elif mark.hint:
        after = f'<span class="loket-hint-inline"> ({labels.rewrite})</span>'
    kind = labels.kinds.get(mark.kind, _escape(mark.kind))
    return (
        f'<mark class="loket-word loket-word--{_escape(mark.kind)}">{word}'
        f'<span class="loket-visually-hidden"> ({kind})</span></mark>{after}'
    )


def marked_text(text: str, report: Report, work: Work | None = None) -> Markup:
    """Return `text` as HTML with sentences and words marked; the text itself is escaped."""
    work = work if work is not None else Work()
    labels = _Labels()
    # Most texts have nothing to escape: then the pieces of it need no look either.
    escape_piece = _escape if _SPECIAL.search(text) else str
    marks = report.marks  # in text order (the engine sorts them once)
    count = len(marks)
    next_mark = 0
    # Where the next mark starts (past the end of the text when there is none): compared once
    # per sentence, so a text of 10,000 sentences and few marks costs little more than its text.
    next_start = marks[0].start if marks else len(text) + 1
    out: list[str] = []
    shown: dict[tuple[object, ...], str] = {}
    pos = 0
    for start, end, _text, words, band, heading in report.sentences:  # in text order, disjoint
        if start < pos:
            continue
        if heading:  # headings do not count as sentences: no length band
            opening = '<span class="loket-sentence loket-sentence--kop">'
        else:
            opening = labels.opening(words, band)
        out += (escape_piece(text[pos:start]), opening)
        pos = start
        # Marks before this sentence (in markup the checker skipped) are passed over once.
        while next_start < start:
            work.marks_visited += 1
            next_mark += 1
            next_start = marks[next_mark].start if next_mark < count else len(text) + 1
        while next_start <= end:
            mark = marks[next_mark]
            work.marks_visited += 1
            next_mark += 1
            next_start = marks[next_mark].start if next_mark < count else len(text) + 1
            if mark.start < pos or mark.end > end:
                continue  # overlaps a mark already shown
            # The same word with the same advice is the same HTML: made once per text.
            key = (text[mark.start : mark.end], *mark[2:])
            html = shown.get(key)
            if html is None:
                html = shown[key] = _mark_html(text, mark, labels)
            out += (escape_piece(text[pos : mark.start]), html)
            pos = mark.end
        out += (escape_piece(text[pos:end]), "</span>")
        pos = end
    out.append(escape_piece(text[pos:]))
    return Markup("".join(out))  # noqa: S704 - every piece of text above is escaped
