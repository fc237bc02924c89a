"""Markdown to safe HTML for content pages. Raw HTML in content is not allowed."""

import re

from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    "table"
)
_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_TABLE = re.compile(r"<table>(.*?)</table>", re.S)


def render_block(source: str) -> str:
    """Render Markdown; local links are resolved per request (see `app.links.resolve_html`)."""
    html = _md.render(source)
    # Tables scroll in their own box so the page never scrolls sideways at 320 px.
    html = _TABLE.sub(
        r'<div class="loket-table-wrap" tabindex="0" role="region" aria-label="Tabel">'
        r"<table>\1</table></div>",
        html,
    )
    return html


def render_inline(source: str) -> str:
    return _md.renderInline(source)


def plain_text(source: str) -> str:
    """Return the text of a Markdown source without markup, for search."""
    return _SPACE.sub(" ", _TAGS.sub(" ", _md.render(source))).strip()
