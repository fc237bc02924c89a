"""The editors' dashboard: every page with its measures, review status and both filters."""

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.dates import format_date
from babel.numbers import format_decimal
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from app.config import ROOT
from app.pages.content import ContentError, load_page
from app.panel import views
from app.panel.pages import SOFT_HYPHEN, hyphenate, measures
from tests.pagecheck import check_page
from tests.panel.conftest import post_form, start


def rows(client: FlaskClient, query: str = "") -> list[list[str]]:
    soup = check_page(client.get("/redactie" + query).data)
    wrap = soup.select_one(".loket-table-wrap")
    if wrap is None:
        return []
    assert wrap["tabindex"] == "0" and wrap["role"] == "region" and wrap.get("aria-labelledby")
    return [
        [
            cell.get_text(" ", strip=True).replace(SOFT_HYPHEN, "")
            for cell in tr.find_all(["th", "td"])
        ]
        for tr in wrap.select("tbody tr")
    ]


MONTHS = "januari februari maart april mei juni juli augustus september oktober november december"


def dutch_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS.split()[day.month - 1]} {day.year}"


def record(client: FlaskClient, page: str) -> int:
    session_id = start(client, page)
    url = f"/redactie/leespanel/sessie/{session_id}"
    post_form(client, url + "/blok/1", {"zin_2_reden": ["woord"]})
    response = post_form(
        client,
        url + "/uitkomst",
        {"readers": "3", "tested_on": "1-10-2026", "organisation": "Zelfbewust", "verdict": "goed"},
    )
    assert response.status_code == 302
    return session_id


def dutch(value: float) -> str:
    """Dutch notation as the dashboard writes it: 7,2 and 75."""
    return format_decimal(round(value, 1), format="#,##0.#", locale="nl")


def test_every_page_with_its_measures(app: Flask, editor: FlaskClient) -> None:
    store = app.extensions["loket.content"]
    table = rows(editor)
    assert len(table) == len(store.pages)
    page = store.get("nl", "kwijtschelding", "makkelijk")
    row = next(r for r in table if r[0].startswith(page.title + " Nederlands, makkelijk"))
    found = measures(page)
    assert row[1:] == [
        found.level,
        dutch(found.avg_sentence_words),
        f"{dutch(found.score)} Flesch-Douma",
        "✔ Goed" if found.passed else "✖ Niet goed",
        "Nog niet getest met lezers Test met lezers van " + page.title,
        format_date(page.last_reviewed, "long", locale="nl"),
    ]
    for kind in ("Nederlands, B1", "Engels, B1", "Nederlands, makkelijk lezen"):
        assert any(kind in r[0] for r in table), kind


def test_english_pages_show_the_measure_that_applies_to_them(
    app: Flask, editor: FlaskClient
) -> None:
    store = app.extensions["loket.content"]
    page = store.get("en", "kwijtschelding", "b1")
    found = measures(page)
    assert found.formula == "flesch_kincaid_grade" and found.measure != "dutch-engine"
    soup = check_page(editor.get("/redactie").data)
    link = soup.find("a", href=page.public_path)
    assert link["lang"] == "en"  # so the browser hyphenates the English title as English
    cells = [td.get_text(" ", strip=True) for td in link.find_parent("tr").find_all("td")]
    assert cells[2] == f"{dutch(found.score)} Flesch-Kincaid"


@pytest.mark.parametrize(
    ("column", "key"),
    [
        ("niveau", lambda r: {"A2": 0, "B1": 1, "B2+": 2}[r[1]]),
        ("woorden", lambda r: float(r[2].replace(",", "."))),
    ],
)
def test_sort_by_column(editor: FlaskClient, column: str, key: Callable[[list[str]], Any]) -> None:
    up = rows(editor, f"?sorteer={column}")
    down = rows(editor, f"?sorteer={column}&volgorde=af")
    assert [key(r) for r in up] == sorted(key(r) for r in up)
    assert [key(r) for r in down] == sorted((key(r) for r in down), reverse=True)
    soup = check_page(editor.get(f"/redactie?sorteer={column}&toon=niet-getest").data)
    header = soup.select_one("th[aria-sort]")
    assert header["aria-sort"] == "ascending"
    link = header.find("a")["href"]
    assert "volgorde=af" in link and "toon=niet-getest" in link  # the filter stays
    assert soup.select_one("#filter input[name=sorteer]")["value"] == column  # and the sort


def test_sort_by_title(editor: FlaskClient) -> None:
    soup = check_page(editor.get("/redactie?sorteer=pagina").data)
    titles = [
        tr.th.a.get_text().replace(SOFT_HYPHEN, "").casefold()
        for tr in soup.select(".loket-table-wrap tbody tr")
    ]
    assert titles == sorted(titles)


def test_unknown_sort_keeps_the_order_of_the_services(editor: FlaskClient) -> None:
    assert rows(editor, "?sorteer=iets") == rows(editor)
    assert check_page(editor.get("/redactie?sorteer=iets").data).select("th[aria-sort]") == []


def test_facts_to_verify_are_listed_for_editors_only(
    app: Flask, editor: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = app.extensions["loket.content"]
    key = ("nl", "kwijtschelding", "b1")
    page = store.pages[key]
    facts = ("Wie int de rioolheffing: eigenaar of huurder?", "Welk formulier hoort bij RNI?")
    monkeypatch.setitem(store.pages, key, dataclasses.replace(page, to_verify=facts))
    soup = check_page(editor.get("/redactie").data)
    # Other pages have facts to check too: look at this page's link.
    link = soup.find("a", class_="loket-panel-verify", href="#controleren-nl-kwijtschelding-b1")
    assert link.get_text(" ", strip=True).startswith("2 feiten nog controleren")
    section = soup.find(id=link["href"].lstrip("#"))
    assert [li.get_text() for li in section.find_next("ul").find_all("li")] == list(facts)
    public = editor.get(page.public_path).get_data(as_text=True)
    assert not any(fact in public for fact in facts)


@pytest.mark.parametrize(
    ("value", "ok"),
    [(None, True), (["Klopt het bedrag?"], True), ("één feit", False), ([""], False), ([3], False)],
)
def test_to_verify_is_validated(tmp_path: Path, value: object, ok: bool) -> None:
    source = (ROOT / "content" / "nl" / "kwijtschelding.b1.md").read_text(encoding="utf-8")
    meta, body = source.split("---\n", 2)[1:]
    data = yaml.safe_load(meta)
    data.pop("to_verify", None)
    if value is not None:
        data["to_verify"] = value
    path = tmp_path / "kwijtschelding.b1.md"
    path.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n" + body)
    if ok:
        assert load_page(path, "nl", frozenset()).to_verify == tuple(value or ())
    else:
        with pytest.raises(ContentError, match="to_verify"):
            load_page(path, "nl", frozenset())


def test_a_tested_page_shows_its_status_and_links_to_the_test(
    app: Flask, editor: FlaskClient
) -> None:
    session_id = record(editor, "nl/kwijtschelding/makkelijk")
    soup = BeautifulSoup(editor.get("/redactie").data, "html.parser")
    link = soup.find("a", href=f"/redactie/leespanel/sessie/{session_id}")
    assert link is not None
    cell = link.find_parent("td").get_text(" ", strip=True)
    assert cell.startswith("Getest met 3 lezers op 1 oktober 2026. Nog 1 ding aanpassen.")


def test_filter_not_yet_tested(app: Flask, editor: FlaskClient) -> None:
    record(editor, "nl/kwijtschelding/makkelijk")
    everything = rows(editor)
    untested = rows(editor, "?toon=niet-getest")
    assert len(untested) == len(everything) - 1
    assert all(r[5].startswith("Nog niet getest") for r in untested)
    # The filter form shows what was chosen, so it can be changed.
    soup = check_page(editor.get("/redactie?toon=niet-getest").data)
    box = soup.find("input", attrs={"name": "toon", "value": "niet-getest"})
    assert box is not None and box.has_attr("checked")


def test_filter_review_older_than_a_year(
    app: Flask, editor: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Dates come from the content itself, so the test survives ordinary content reviews.
    pages = app.extensions["loket.content"].pages.values()
    oldest = min(p.last_reviewed for p in pages)
    newest = max(p.last_reviewed for p in pages)
    monkeypatch.setattr(views, "today", lambda: oldest)
    soup = check_page(editor.get("/redactie?toon=oud").data)
    assert soup.select_one(".loket-table-wrap") is None
    assert "Geen pagina past bij dit filter." in soup.get_text()
    # A year after the oldest review: still not older than a year.
    monkeypatch.setattr(views, "today", lambda: add_year(oldest))
    assert rows(editor, "?toon=oud") == []
    # A day later the oldest pages are; a year and a day after the newest review, all are.
    monkeypatch.setattr(views, "today", lambda: add_year(oldest) + dt.timedelta(days=1))
    expected = sum(p.last_reviewed == oldest for p in pages)
    assert len(rows(editor, "?toon=oud")) == expected
    monkeypatch.setattr(views, "today", lambda: add_year(newest) + dt.timedelta(days=1))
    old = rows(editor, "?toon=oud")
    assert len(old) == len(pages)
    assert all("Meer dan een jaar geleden" in r[6] for r in old)


def add_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def test_both_filters_together_and_unknown_values(
    app: Flask, editor: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    record(editor, "nl/verhuizen/makkelijk")
    newest = max(p.last_reviewed for p in app.extensions["loket.content"].pages.values())
    monkeypatch.setattr(views, "today", lambda: add_year(newest) + dt.timedelta(days=1))
    both = rows(editor, "?toon=oud&toon=niet-getest")
    assert len(both) == len(app.extensions["loket.content"].pages) - 1
    assert len(rows(editor, "?toon=iets-anders")) == len(app.extensions["loket.content"].pages)


def test_long_titles_break_between_syllables() -> None:
    dashes = hyphenate("Bewonersparkeervergunning", "nl").replace(SOFT_HYPHEN, "-")
    assert dashes == "Be-wo-ners-par-keer-ver-gun-ning"
    assert hyphenate("Kort woord", "nl") == "Kort woord"
    assert hyphenate("Ask the administration", "en").replace(SOFT_HYPHEN, "-") == (
        "Ask the ad-min-is-tra-tion"
    )
