"""Property-based tests: any input, no crash, no injection. `make fuzz` runs them much longer."""

import html
import re

from flask import Flask
from hypothesis import given
from hypothesis import strategies as st

from app.config import ROOT
from app.editor.marking import marked_text
from app.pages.content import load_content
from app.pages.search import SearchIndex
from app.readability import analyse
from app.security import safe_return_path
from tests.conftest import make_app

APP: Flask = make_app("sqlite://")
INDEX = SearchIndex(
    load_content(ROOT / "content", ROOT / "app" / "static"), ROOT / "content" / "zoekwoorden.yaml"
)
TAGS = re.compile(r"<[^>]+>")


@given(st.text(max_size=200), st.sampled_from(["nl", "en"]))
def test_fuzz_search_never_breaks(query: str, lang: str) -> None:
    hits = INDEX.search(query, lang)
    assert len(hits) <= 10
    assert all(h.page.lang == lang for h in hits)


@given(st.text(max_size=400))
def test_fuzz_marked_text_escapes_and_keeps_the_text(text: str) -> None:
    with APP.test_request_context():
        marked = str(marked_text(text, analyse(text)))
    shown = html.unescape(
        TAGS.sub(
            "", re.sub(r'<span class="loket-(band|alt|visually-hidden)">.*?</span>', "", marked)
        )
    )
    assert shown.replace(" ", "") == text.replace(" ", "")


@given(st.text(max_size=100))
def test_fuzz_return_path_stays_on_this_site(target: str) -> None:
    with APP.test_request_context():
        path = safe_return_path(target)
    assert path.startswith("/") and not path.startswith("//") and "\\" not in path[:2]
