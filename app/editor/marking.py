"""Turn a report into marked-up HTML: each sentence with its length band, each hard word with
its plainer alternative written out (not only in colour, not only on hover)."""

from flask_babel import gettext as _
from markupsafe import Markup, escape

from app.readability import Report


def band_label(band: str) -> str:
    labels = {
        "kort": _("kort"),
        "gemiddeld": _("gemiddeld"),
        "lang": _("lang"),
        "te lang": _("te lang"),
    }
    return labels.get(band, band)


def _words_html(text: str, start: int, end: int, report: Report) -> str:
    out: list[str] = []
    pos = start
    for mark in sorted(report.marks, key=lambda m: m.start):
        if mark.start < pos or mark.end > end:
            continue
        out.append(str(escape(text[pos : mark.start])))
        kind = _("ambtelijk") if mark.kind == "jargon" else _("moeilijk")
        word = escape(text[mark.start : mark.end])
        alternative = (
            f'<span class="loket-alt"> → {escape(mark.alternative)}</span>'
            if mark.alternative
            else ""
        )
        out.append(
            f'<mark class="loket-word loket-word--{escape(mark.kind)}">{word}'
            f'<span class="loket-visually-hidden"> ({kind})</span></mark>{alternative}'
        )
        pos = mark.end
    out.append(str(escape(text[pos:end])))
    return "".join(out)


def marked_text(text: str, report: Report) -> Markup:
    """Return `text` as HTML with sentences and words marked; the text itself is escaped."""
    out: list[str] = []
    pos = 0
    for sentence in sorted(report.sentences, key=lambda s: s.start):
        if sentence.start < pos:
            continue
        out.append(str(escape(text[pos : sentence.start])))
        band = sentence.band.replace(" ", "-")
        label = _(
            "%(words)d woorden, %(band)s", words=sentence.words, band=band_label(sentence.band)
        )
        out.append(
            f'<span class="loket-sentence loket-sentence--{escape(band)}">'
            f'<span class="loket-band">[{escape(label)}]</span> '
            f"{_words_html(text, sentence.start, sentence.end, report)}</span>"
        )
        pos = sentence.end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))  # noqa: S704 - every piece of text above is escaped
