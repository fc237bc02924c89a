"""The content renderer: CommonMark plus one mark for a word in another language, and words
filled in per language at request time."""

import pytest
from flask import Flask

from app.links import resolve_html
from app.pages.markdown import marked_html, plain_text, render_block, unmarked


@pytest.mark.parametrize(
    ("source", "html"),
    [
        (
            "Apply for [bijzondere bijstand]{lang=nl} now.",
            '<p>Apply for <span lang="nl">bijzondere bijstand</span> now.</p>',
        ),
        (
            "See the [Kinderfonds](/diensten/kinderfonds){lang=nl}.",
            '<p>See the <a href="/diensten/kinderfonds" lang="nl">Kinderfonds</a>.</p>',
        ),
        ("[a](/b) {lang=nl}", '<p><a href="/b">a</a> {lang=nl}</p>'),
        ("Just {lang=nl}.", "<p>Just {lang=nl}.</p>"),
        ("[*bezwaar*]{lang=nl}", '<p><span lang="nl"><em>bezwaar</em></span></p>'),
        ("`[bijstand]{lang=nl}`", "<p><code>[bijstand]{lang=nl}</code></p>"),
        ("[Bonjour]{lang=fr}", "<p>[Bonjour]{lang=fr}</p>"),
        ("[a <b> & c]{lang=nl}", '<p><span lang="nl">a &lt;b&gt; &amp; c</span></p>'),
        ("[bijstand]\n{lang=nl}", "<p>[bijstand]\n{lang=nl}</p>"),
        ("[a [b] c]{lang=nl}", "<p>[a [b] c]{lang=nl}</p>"),
        ("- [milieustraat]{lang=nl}", '<ul>\n<li><span lang="nl">milieustraat</span></li>\n</ul>'),
    ],
)
def test_a_language_mark_becomes_a_span(source: str, html: str) -> None:
    assert render_block(source).strip() == html


def test_search_and_the_language_check_see_the_words_only() -> None:
    assert plain_text("Ask for [bijstand]{lang=nl} (social assistance).") == (
        "Ask for bijstand (social assistance)."
    )


def test_front_matter_texts_have_a_plain_and_a_marked_form() -> None:
    title = "[Meedoenregeling]{lang=nl} (money to take part) & more"
    assert unmarked(title) == "Meedoenregeling (money to take part) & more"
    assert str(marked_html(title)) == (
        '<span lang="nl">Meedoenregeling</span> (money to take part) &amp; more'
    )
    assert str(marked_html("<script>")) == "&lt;script&gt;"


def test_a_marked_link_keeps_its_language_when_it_resolves_or_not(app: Flask) -> None:
    html = render_block(
        "[Kinderfonds](/diensten/kinderfonds){lang=nl} or [Formulier](/nog-niet-gebouwd){lang=nl}"
    )
    with app.test_request_context("/diensten/kwijtschelding", environ_base={"loket.lang": "en"}):
        resolved = str(resolve_html(html))
    assert '<a href="/en/diensten/kinderfonds" lang="nl">Kinderfonds</a>' in resolved
    assert '<span lang="nl">Formulier</span>' in resolved  # no page yet: text, still Dutch


@pytest.mark.parametrize(("lang", "label"), [("nl", "Tabel"), ("en", "Table")])
def test_a_table_is_named_in_the_language_of_the_page(app: Flask, lang: str, label: str) -> None:
    html = render_block("| a | b |\n|---|---|\n| 1 | 2 |")
    with app.test_request_context("/diensten/kwijtschelding", environ_base={"loket.lang": lang}):
        resolved = str(resolve_html(html))
    assert f'role="region" aria-label="{label}"' in resolved
    assert "data-label" not in resolved
