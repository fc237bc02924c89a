"""Marking up the checked text stays linear in its input (one visitor inside the rate limit must
not keep the server busy). The test counts the work, not the time: the machine is shared."""

from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from flask import Flask

from app.editor.marking import Work, marked_text
from app.readability import analyse

# The worst case the review found: one word per line, every line a sentence with a mark.
ONE_WORD_LINES = "Doch\n"


@pytest.fixture
def request_ctx(app: Flask) -> Iterator[None]:
    with app.test_request_context("/redactie/taalcheck"):
        yield


def work_for(text: str) -> tuple[int, int, int]:
    report = analyse(text)
    work = Work()
    marked_text(text, report, work)
    return work.marks_visited, len(report.marks), len(report.sentences)


@pytest.mark.usefixtures("request_ctx")
@pytest.mark.parametrize("unit", [ONE_WORD_LINES, "Wij verstrekken reeds een beschikking. "])
def test_doubling_the_input_at_most_doubles_the_marks_visited(unit: str) -> None:
    lines = 9_000 // len(unit)
    small, marks, sentences = work_for(unit * lines)
    large, *_ = work_for(unit * (2 * lines))
    assert marks >= lines and sentences >= lines  # the case is as hostile as it should be
    assert small <= marks  # each mark is visited once, not once per sentence
    assert large <= 2 * small


@pytest.mark.usefixtures("request_ctx")
def test_marks_are_written_out_in_the_right_sentences() -> None:
    text = "Wij verstrekken u een pas. Hierbij sturen wij de beschikking. Bel ons."
    html = BeautifulSoup(str(marked_text(text, analyse(text))), "html.parser")
    sentences = html.select(".loket-sentence")
    assert len(sentences) == 3
    assert "verstrekken (ambtelijk) → geven" in sentences[0].get_text(" ", strip=True)
    assert sentences[1].select_one(".loket-alt").get_text(strip=True) == "→ Met deze brief"
    assert html.get_text().count("Bel ons.") == 1
    assert not sentences[2].select("mark")


@pytest.mark.usefixtures("request_ctx")
def test_passives_are_marked_on_the_auxiliary() -> None:
    text = "Uw aanvraag wordt door ons beoordeeld."
    html = BeautifulSoup(str(marked_text(text, analyse(text))), "html.parser")
    mark = html.select_one(".loket-word--lijdend")
    assert mark is not None and mark.get_text().startswith("wordt")
    assert "zeg wie het doet" in html.get_text()
