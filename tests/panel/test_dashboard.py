"""The editors' dashboard: every page with its measures, review status and both filters."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from app.panel import views
from app.panel.pages import measures
from tests.pagecheck import check_page
from tests.panel.conftest import post_form, start


def rows(client: FlaskClient, query: str = "") -> list[list[str]]:
    soup = check_page(client.get("/redactie" + query).data)
    wrap = soup.select_one(".loket-table-wrap")
    if wrap is None:
        return []
    assert wrap["tabindex"] == "0" and wrap["role"] == "region" and wrap.get("aria-labelledby")
    return [
        [cell.get_text(" ", strip=True) for cell in tr.find_all(["th", "td"])]
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


def test_every_page_with_its_measures(app: Flask, editor: FlaskClient) -> None:
    store = app.extensions["loket.content"]
    table = rows(editor)
    assert len(table) == len(store.pages)
    page = store.get("nl", "kwijtschelding", "makkelijk")
    row = next(r for r in table if r[0].startswith(page.title))
    found = measures(page)
    assert row == [
        f"{page.title} Nederlands, makkelijk lezen",
        found.level,
        f"{found.avg_sentence_words:.1f}",
        f"{found.flesch_douma:.0f}",
        "✔ Goed" if found.passed else "✖ Niet goed",
        "Nog niet getest met lezers Test met lezers van " + page.title,
        dutch_date(page.last_reviewed),
    ]
    for kind in ("Nederlands, B1", "Engels, B1", "Nederlands, makkelijk lezen"):
        assert any(r[0].endswith(kind) for r in table), kind


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
    # Read the review dates from the content, so ordinary content work keeps this test true.
    pages = app.extensions["loket.content"].pages.values()
    first = min(p.last_reviewed for p in pages)
    last = max(p.last_reviewed for p in pages)
    monkeypatch.setattr(views, "today", lambda: first)
    soup = check_page(editor.get("/redactie?toon=oud").data)
    assert soup.select_one(".loket-table-wrap") is None
    assert "Geen pagina past bij dit filter." in soup.get_text()
    a_year_on = first.replace(year=first.year + 1)
    monkeypatch.setattr(views, "today", lambda: a_year_on)
    assert rows(editor, "?toon=oud") == []
    monkeypatch.setattr(views, "today", lambda: a_year_on + dt.timedelta(days=1))
    old = rows(editor, "?toon=oud")
    assert len(old) == sum(1 for p in pages if p.last_reviewed == first)
    assert all("Meer dan een jaar geleden" in r[6] for r in old)
    after_all = last.replace(year=last.year + 1) + dt.timedelta(days=1)
    monkeypatch.setattr(views, "today", lambda: after_all)
    assert len(rows(editor, "?toon=oud")) == len(app.extensions["loket.content"].pages)


def test_both_filters_together_and_unknown_values(
    app: Flask, editor: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    record(editor, "nl/verhuizen/makkelijk")
    monkeypatch.setattr(views, "today", lambda: dt.date(2028, 1, 1))
    both = rows(editor, "?toon=oud&toon=niet-getest")
    assert len(both) == len(app.extensions["loket.content"].pages) - 1
    assert len(rows(editor, "?toon=iets-anders")) == len(app.extensions["loket.content"].pages)
