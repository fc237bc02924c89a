"""Markdown to safe HTML for content pages. Raw HTML in content is not allowed.

One addition to CommonMark: a word in another language than the page is marked
`[bijzondere bijstand]{lang=nl}` and becomes `<span lang="nl">bijzondere bijstand</span>`, so a
screen reader says it in Dutch on an English page (WCAG 3.1.2). A link takes the mark after it,
`[Kinderfonds](/diensten/kinderfonds){lang=nl}` (the attribute syntax of Pandoc and kramdown):
CommonMark allows no "[" token inside a link's text. The same mark works in the front matter's
texts (title, summary, channel labels) through `marked_html` and `unmarked`.
"""

import re

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markupsafe import Markup, escape

LANGS = ("nl", "en")
_LANG = r"\{lang=(" + "|".join(LANGS) + r")\}"
# The text is on one line and holds no brackets; the mark ends at the first "]{lang=".
LANG_MARK = re.compile(r"\[([^\[\]\n]+)\]" + _LANG)
LANG_AFTER_LINK = re.compile(_LANG)
# Filled in per request with the translated word (see `app.links.resolve_html`): content is
# rendered once at start-up, for both languages' visitors of the same file.
TABLE_LABEL = 'data-label="tabel"'


def _lang_span(state: StateInline, silent: bool) -> bool:
    """Parse `[text]{lang=xx}` into a span; the text inside is ordinary inline Markdown."""
    if state.src[state.pos] != "[":
        return False
    match = LANG_MARK.match(state.src, state.pos)
    if match is None or match.end() > state.posMax:
        return False
    if not silent:
        end, maximum = match.end(), state.posMax
        token = state.push("lang_open", "span", 1)
        token.attrs = {"lang": match.group(2)}
        state.pos, state.posMax = match.start(1), match.end(1)
        state.md.inline.tokenize(state)
        state.push("lang_close", "span", -1)
        state.pos, state.posMax = end, maximum
    else:
        state.pos = match.end()
    return True


def _lang_after_link(state: StateInline, silent: bool) -> bool:
    """Parse `{lang=xx}` right after a link into the link's own `lang` attribute."""
    if state.src[state.pos] != "{" or state.pending:
        return False  # not right after the link: text (a space) came in between
    if not state.tokens or state.tokens[-1].type != "link_close":
        return False
    match = LANG_AFTER_LINK.match(state.src, state.pos)
    if match is None or match.end() > state.posMax:
        return False
    if not silent:
        level = 0
        for token in reversed(state.tokens):
            level += {"link_close": 1, "link_open": -1}.get(token.type, 0)
            if level == 0:
                token.attrSet("lang", match.group(1))
                break
    state.pos = match.end()
    return True


_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    "table"
)
_md.inline.ruler.before("link", "lang_span", _lang_span)
_md.inline.ruler.before("text", "lang_after_link", _lang_after_link)
_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_TABLE = re.compile(r"<table>(.*?)</table>", re.S)


def render_block(source: str) -> str:
    """Render Markdown; local links are resolved per request (see `app.links.resolve_html`)."""
    html = _md.render(source)
    # Tables scroll in their own box so the page never scrolls sideways at 320 px.
    html = _TABLE.sub(
        rf'<div class="loket-table-wrap" tabindex="0" role="region" {TABLE_LABEL}>'
        r"<table>\1</table></div>",
        html,
    )
    return html


def render_inline(source: str) -> str:
    return _md.renderInline(source)


def plain_text(source: str) -> str:
    """Return the text of a Markdown source without markup, for search."""
    return _SPACE.sub(" ", _TAGS.sub(" ", _md.render(source))).strip()


_DIGIT_GROUPS = re.compile(r"(?<=\d) (?=\d)")


def marked_html(text: str) -> Markup:
    """Return a plain text (a title, a label) as HTML, with its language marks as spans.

    A number in groups ("14 024", "6500 HG") never breaks over two lines: residents must see a
    phone number whole to recognise it.
    """
    html = _DIGIT_GROUPS.sub("&nbsp;", str(escape(text)))
    return Markup(LANG_MARK.sub(r'<span lang="\2">\1</span>', html))  # noqa: S704


def unmarked(text: str) -> str:
    """Return a plain text without its language marks: `[Kinderfonds]{lang=nl}` → `Kinderfonds`."""
    return LANG_MARK.sub(r"\1", text)
