"""The reader panel end to end: start, mark sentences, record, status on the page, to-dos."""

import re

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from app.panel.pages import blocks
from tests.browse import csrf_token
from tests.pagecheck import check_page
from tests.panel.conftest import EASY, errors, find_link, post_form, sign_in, start

EASY_URL = "/diensten/kwijtschelding/makkelijk-lezen"


def status_on_page(client: FlaskClient) -> str:
    """Return the review status editors see for the page on the dashboard."""
    link = find_link(client, href=EASY_URL)
    cell = link.find_parent("tr").find_all("td", recursive=False)[4]  # "Getest met lezers"
    return str(cell.contents[0]).strip()


def line_for_readers(client: FlaskClient) -> str:
    """Return the plain reader-test line residents see at the bottom of the page ("" if none)."""
    soup = check_page(client.get(EASY_URL).data, "nl")
    line = soup.select_one(".loket-easy > .loket-meta")
    return line.get_text(" ", strip=True) if line else ""


def easy_blocks(app: Flask):  # type: ignore[no-untyped-def]
    return blocks(app.extensions["loket.content"].get("nl", "kwijtschelding", "makkelijk"))


def todo_forms(client: FlaskClient, session_id: int) -> list[tuple[str, str]]:
    """Return (action, value of klaar) of every to-do form on the session page."""
    soup = check_page(client.get(f"/redactie/leespanel/sessie/{session_id}").data)
    forms = soup.select(".loket-panel-todo form")
    return [
        (str(f["action"]), str(f.find("input", attrs={"name": "klaar"})["value"])) for f in forms
    ]


def tick(client: FlaskClient, session_id: int, action: str, value: str) -> None:
    page = client.get(f"/redactie/leespanel/sessie/{session_id}").get_data(as_text=True)
    response = client.post(action, data={"klaar": value, "csrf_token": csrf_token(page)})
    assert response.status_code == 302
    assert response.location.startswith(f"/redactie/leespanel/sessie/{session_id}#punt-")


def test_a_session_from_start_to_ticked_off_todos(app: Flask, editor: FlaskClient) -> None:
    assert status_on_page(editor) == "Nog niet getest met lezers"
    start_page = check_page(editor.get("/redactie/leespanel").data)
    options = [o["value"] for o in start_page.select("#page option") if o["value"]]
    assert options[0].endswith("/makkelijk"), "easy-read pages come first"
    assert any(o.endswith("/b1") for o in options), "B1 pages may be tested too"

    session_id = start(editor)
    first, second = easy_blocks(app)[:2]
    url = f"/redactie/leespanel/sessie/{session_id}/blok/1"
    soup = check_page(editor.get(url).data)
    legends = [legend.get_text(strip=True) for legend in soup.select("#leespanel-blok legend")]
    assert legends == [
        ("Kopje, zin" if s.heading else "Zin") + f" {s.no}: {s.text}" for s in first.sentences
    ], "every sentence of the block, in order"
    assert soup.find("h1").get_text() == f"Blok 1 van {len(easy_blocks(app))}: {first.heading}"

    hard = first.sentences[2]
    response = post_form(
        editor,
        url,
        {f"zin_{hard.no}_reden": ["woord"], f"zin_{hard.no}_opmerking": "kwijtschelding"},
    )
    assert response.status_code == 302
    assert response.location == f"/redactie/leespanel/sessie/{session_id}/blok/2"
    long = second.sentences[1]
    response = post_form(
        editor,
        response.location,
        {
            f"zin_{long.no}_reden": ["zin-te-lang", "anders"],
            f"zin_{long.no}_opmerking": "Maak er twee zinnen van.",
        },
    )
    assert response.location == f"/redactie/leespanel/sessie/{session_id}/blok/3"

    # Resume later: the overview continues at block 3, and block 1 shows what was saved.
    overview = check_page(editor.get(f"/redactie/leespanel/sessie/{session_id}").data)
    resume = overview.find("a", string=re.compile("Verder met blok 3"))
    assert resume is not None and resume["href"].endswith("/blok/3")
    again = check_page(editor.get(url).data)
    assert again.find("input", attrs={"name": f"zin_{hard.no}_reden", "value": "woord"}).has_attr(
        "checked"
    )
    assert again.find("textarea", attrs={"name": f"zin_{hard.no}_opmerking"}).get_text(
        strip=True
    ) == ("kwijtschelding")
    # An open session changes nothing for residents.
    assert status_on_page(editor) == "Nog niet getest met lezers"
    assert line_for_readers(editor) == ""

    last = len(easy_blocks(app))
    response = post_form(editor, f"/redactie/leespanel/sessie/{session_id}/blok/{last}", {})
    assert response.location == f"/redactie/leespanel/sessie/{session_id}/uitkomst"
    outcome = editor.get(response.location).get_data(as_text=True)
    assert "Wij bewaren geen gegevens over de lezers" in check_page(outcome).get_text()
    response = post_form(
        editor,
        f"/redactie/leespanel/sessie/{session_id}/uitkomst",
        {
            "readers": "4",
            "tested_on": "12-11-2026",
            "organisation": "Zelfbewust",
            "verdict": "aanpassen",
        },
    )
    assert response.status_code == 302
    assert response.location == f"/redactie/leespanel/sessie/{session_id}"

    assert status_on_page(editor) == (
        "Getest met 4 lezers op 12 november 2026. Nog 2 dingen aanpassen."
    )
    # Residents read that people like them tested the text, not the editors' to-do list.
    assert line_for_readers(editor) == "4 lezers hebben deze tekst getest op 12 november 2026."
    session_page = check_page(editor.get(response.location).data).get_text(" ", strip=True)
    assert "Nog 2 punten te doen" in session_page
    assert "Woord snap ik niet" in session_page and "Zin te lang, Anders" in session_page
    assert "Maak er twee zinnen van." in session_page

    forms = todo_forms(editor, session_id)
    assert [value for _, value in forms] == ["ja", "ja"]
    tick(editor, session_id, *forms[0])
    assert status_on_page(editor).endswith("Nog 1 ding aanpassen.")
    tick(editor, session_id, *forms[1])
    assert status_on_page(editor).endswith("Daarna aangepast, nog niet opnieuw getest.")
    done = check_page(editor.get(f"/redactie/leespanel/sessie/{session_id}").data)
    assert [s.get_text(" ", strip=True) for s in done.select(".loket-panel-todo__status")] == [
        "✔ Klaar",
        "✔ Klaar",
    ]
    action, value = todo_forms(editor, session_id)[0]
    assert value == "nee"
    tick(editor, session_id, action, value)
    assert status_on_page(editor).endswith("Nog 1 ding aanpassen.")

    # A recorded session is closed for marking, and listed as recorded.
    blocked = editor.get(f"/redactie/leespanel/sessie/{session_id}/blok/1")
    assert blocked.status_code == 302
    assert blocked.location == f"/redactie/leespanel/sessie/{session_id}"
    listing = check_page(editor.get("/redactie/leespanel").data)
    recorded = listing.select_one("#vastgelegd + div table")
    assert recorded is not None and "Zelfbewust" in recorded.get_text()


def test_a_clear_text_says_so(app: Flask, editor: FlaskClient) -> None:
    session_id = start(editor)
    response = post_form(
        editor,
        f"/redactie/leespanel/sessie/{session_id}/uitkomst",
        {
            "readers": "1",
            "tested_on": "2026-11-12",
            "organisation": "Zelfbewust",
            "verdict": "goed",
        },
    )
    assert response.status_code == 302
    assert status_on_page(editor) == "Getest met 1 lezer op 12 november 2026. Goed te begrijpen."


def test_clearing_a_mark_removes_it(app: Flask, editor: FlaskClient) -> None:
    session_id = start(editor)
    url = f"/redactie/leespanel/sessie/{session_id}/blok/1"
    post_form(editor, url, {"zin_2_reden": ["woord"]})
    overview = f"/redactie/leespanel/sessie/{session_id}"
    listed = check_page(editor.get(overview).data).find(id="blokken").find_next("ol")
    assert "Blok 1: Wat is het? (1 zin lastig)" in listed.get_text(" ", strip=True)
    post_form(editor, url, {"zin_2_reden": [], "zin_2_opmerking": ""})
    soup = check_page(editor.get(url).data)
    assert not soup.find("input", attrs={"name": "zin_2_reden", "checked": True})
    listed = check_page(editor.get(overview).data).find(id="blokken").find_next("ol")
    assert "lastig)" not in listed.get_text()


def test_the_start_page_can_be_prefilled_from_the_dashboard(editor: FlaskClient) -> None:
    soup = check_page(editor.get("/redactie/leespanel?pagina=nl/verhuizen/b1").data)
    chosen = soup.select_one("#page option[selected]")
    assert chosen is not None and chosen["value"] == "nl/verhuizen/b1"


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("", "Kies de pagina die de lezers gaan lezen."),
        ("nl/bestaat-niet/makkelijk", "Deze pagina bestaat niet."),
        ("../../etc/passwd", "Deze pagina bestaat niet."),
        ("en/kwijtschelding/makkelijk", "Deze pagina bestaat niet."),
    ],
)
def test_start_refuses_an_unknown_page(editor: FlaskClient, page: str, message: str) -> None:
    response = post_form(editor, "/redactie/leespanel", {"page": page})
    assert response.status_code == 200
    assert message in errors(response.get_data(as_text=True))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"zin_2_opmerking": "belasting"}, "Kies bij zin 2 wat er lastig was."),
        ({"zin_2_reden": ["anders"]}, "Schrijf bij zin 2 op wat er anders lastig was."),
        ({"zin_2_reden": ["anders"], "zin_2_opmerking": "   "}, "Schrijf bij zin 2 op"),
        ({"zin_3_reden": ["boos"]}, "Kies bij zin 3 een reden uit de lijst."),
        (
            {"zin_2_reden": ["woord"], "zin_2_opmerking": "x" * 1001},
            "Maak de opmerking bij zin 2 korter",
        ),
    ],
)
def test_marking_bad_input_keeps_what_was_typed(
    editor: FlaskClient, data: dict[str, object], message: str
) -> None:
    session_id = start(editor)
    url = f"/redactie/leespanel/sessie/{session_id}/blok/1"
    response = post_form(editor, url, data)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert message in errors(html)
    soup = BeautifulSoup(html, "html.parser")
    if "zin_2_opmerking" in data:
        kept = soup.find("textarea", attrs={"name": "zin_2_opmerking"}).get_text()
        assert kept.strip() == str(data["zin_2_opmerking"]).strip()
    for reason in data.get("zin_2_reden", []):  # type: ignore[attr-defined]
        box = soup.find("input", attrs={"name": "zin_2_reden", "value": reason})
        assert box is not None and box.has_attr("checked")
    saved = check_page(editor.get(url).data).select_one(".loket-panel-blocks")
    assert "lastig)" not in saved.get_text(), "nothing saved"


TODAY = "28-11-2026"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("readers", "", "Vul het aantal lezers in, bijvoorbeeld 4."),
        ("readers", "0", "Vul een aantal van 1 tot en met 50 in"),
        ("readers", "1000", "Vul een aantal van 1 tot en met 50 in"),
        ("readers", "-3", "met cijfers"),
        ("readers", "vier", "met cijfers"),
        ("tested_on", "", "Vul de datum van de test in"),
        ("tested_on", "31-02-2026", "dag-maand-jaar"),
        ("tested_on", "gisteren", "dag-maand-jaar"),
        ("tested_on", "2026-13-01", "dag-maand-jaar"),
        ("tested_on", "01-01-2999", "in de toekomst"),
        ("tested_on", "01-01-1999", "na het jaar 2000"),
        ("organisation", "", "Vul de naam van de organisatie in"),
        ("organisation", "x" * 121, "Maak de naam korter"),
        ("verdict", "", "Kies wat de lezers van de hele tekst vonden."),
        ("verdict", "super", "Kies wat de lezers van de hele tekst vonden."),
        ("notes", "x" * 2001, "Maak de opmerkingen korter"),
    ],
)
def test_outcome_bad_input_keeps_what_was_typed(
    editor: FlaskClient, field: str, value: str, message: str
) -> None:
    session_id = start(editor)
    data = {
        "readers": "4",
        "tested_on": "12-11-2026",
        "organisation": "Zelfbewust",
        "verdict": "goed",
        "notes": "",
        field: value,
    }
    url = f"/redactie/leespanel/sessie/{session_id}/uitkomst"
    response = post_form(editor, url, data)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert message in errors(html)
    soup = BeautifulSoup(html, "html.parser")
    if field in ("readers", "tested_on", "organisation"):
        assert soup.find("input", attrs={"name": field})["value"] == value
    assert status_on_page(editor) == "Nog niet getest met lezers", "nothing recorded"


def test_unknown_or_mismatched_ids_are_not_found(app: Flask, editor: FlaskClient) -> None:
    first = start(editor)
    post_form(editor, f"/redactie/leespanel/sessie/{first}/blok/1", {"zin_2_reden": ["woord"]})
    other = start(editor, "nl/verhuizen/makkelijk")
    token = csrf_token(editor.get("/redactie/leespanel").get_data(as_text=True))
    for url in (
        "/redactie/leespanel/sessie/999",
        "/redactie/leespanel/sessie/999/blok/1",
        "/redactie/leespanel/sessie/999/uitkomst",
        f"/redactie/leespanel/sessie/{first}/blok/0",
        f"/redactie/leespanel/sessie/{first}/blok/99",
        "/redactie/leespanel/sessie/abc",
    ):
        response = editor.get(url)
        assert response.status_code == 404, url
        check_page(response.data)
    mark_id = todo_forms(editor, first)[0][0].rsplit("/", 1)[1]
    # A mark of one session cannot be ticked through another session, nor through none.
    for url in (
        f"/redactie/leespanel/sessie/{other}/punt/{mark_id}",
        f"/redactie/leespanel/sessie/999/punt/{mark_id}",
        f"/redactie/leespanel/sessie/{first}/punt/999",
    ):
        response = editor.post(url, data={"klaar": "ja", "csrf_token": token})
        assert response.status_code == 404, url
    bad = editor.post(
        f"/redactie/leespanel/sessie/{first}/punt/{mark_id}",
        data={"klaar": "misschien", "csrf_token": token},
    )
    assert bad.status_code == 400
    check_page(bad.data)


PAGES = (
    "/redactie",
    "/redactie/leespanel",
    "/redactie/leespanel/sessie/1",
    "/redactie/leespanel/sessie/1/blok/1",
    "/redactie/leespanel/sessie/1/uitkomst",
)


@pytest.mark.parametrize("url", PAGES)
def test_anonymous_visitors_go_to_the_login(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302
    assert response.location.startswith("/medewerker/inloggen?volgende=")


@pytest.mark.parametrize("url", PAGES)
def test_staff_without_the_editor_role_may_not(app: Flask, client: FlaskClient, url: str) -> None:
    sign_in(app, client, "medewerker@nijmegen.example", ["medewerker"])
    response = client.get(url)
    assert response.status_code == 403
    check_page(response.data)


def test_staff_without_the_editor_role_may_not_post(app: Flask, client: FlaskClient) -> None:
    sign_in(app, client, "medewerker@nijmegen.example", ["medewerker"])
    token = csrf_token(client.get("/medewerker/").get_data(as_text=True))
    for url in ("/redactie/leespanel", "/redactie/leespanel/sessie/1/punt/1"):
        assert client.post(url, data={"csrf_token": token, "page": EASY}).status_code == 403


def test_the_staff_overview_links_to_the_panel(editor: FlaskClient) -> None:
    soup = check_page(editor.get("/medewerker/").data)
    links = {a["href"] for a in soup.select(".loket-link-list a")}
    assert {"/redactie", "/redactie/leespanel"} <= links


def test_a_recorded_outcome_can_be_corrected(app: Flask, editor: FlaskClient) -> None:
    session_id = start(editor)
    url = f"/redactie/leespanel/sessie/{session_id}/uitkomst"
    answers = {"readers": "4", "tested_on": "12-11-2026", "organisation": "Zelfbewust"}
    post_form(editor, url, {**answers, "verdict": "goed"})
    soup = check_page(editor.get(url).data)
    for name, value in answers.items():
        assert soup.find("input", attrs={"name": name})["value"] == value
    assert soup.find("input", attrs={"name": "verdict", "value": "goed"}).has_attr("checked")
    response = post_form(editor, url, {**answers, "readers": "5", "verdict": "goed"})
    assert response.status_code == 302
    assert status_on_page(editor).startswith("Getest met 5 lezers")
