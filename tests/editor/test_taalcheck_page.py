"""The editors' language checker: result, bad input, htmx, page choice, limits."""

import re

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from tests.browse import csrf_token, demo_login
from tests.pagecheck import check_page

DENSE = (
    "De aanvraag wordt door de gemeente in behandeling genomen. Wij verstrekken u daarna een "
    "beschikking. Heeft u vragen? Bel ons."
)


def post(client: FlaskClient, **data: str) -> object:
    token = csrf_token(client.get("/redactie/taalcheck").get_data(as_text=True))
    return client.post("/redactie/taalcheck", data={"csrf_token": token, **data})


def test_result_shows_verdict_metrics_marks_and_fixes(client: FlaskClient) -> None:
    soup = check_page(post(client, text=DENSE, profile="b1", lang="nl").data)
    verdict = soup.select_one(".loket-verdict").get_text(" ", strip=True)
    assert "Nog niet goed genoeg" in verdict and "B2+" in verdict
    rows = [tr.th.get_text(strip=True) for tr in soup.select(".loket-table tbody tr")]
    assert any("per zin" in r for r in rows) and any("Flesch-Douma" in r for r in rows)
    marked = soup.select_one(".loket-marked")
    # Alternatives are written out as text, and every sentence carries its length in words.
    assert "→ geven" in marked.get_text() and "→ besluit" in marked.get_text()
    assert len(marked.select(".loket-band")) == 4
    fixes = [li.get_text(" ", strip=True) for li in soup.select(".loket-fixes li")]
    assert fixes and fixes[0].startswith(("Moet anders", "Beter anders"))
    assert soup.find("textarea").get_text().strip().startswith("De aanvraag")  # nothing lost


def test_severity_order_is_worst_first(client: FlaskClient) -> None:
    text = DENSE + " " + " ".join(["woord"] * 35) + "."
    soup = check_page(post(client, text=text).data)
    order = {"Moet anders": 0, "Beter anders": 1, "Tip": 2}
    seen = [
        order[li.strong.get_text(strip=True).rstrip(":")] for li in soup.select(".loket-fixes li")
    ]
    assert seen == sorted(seen) and seen[0] == 0


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("", "Plak of typ een tekst"),
        ("   \n ", "Plak of typ een tekst"),
        ("a" * 20_001, "Uw tekst is te lang"),
    ],
)
def test_bad_input_gets_a_clear_message(client: FlaskClient, text: str, expect: str) -> None:
    response = post(client, text=text)
    assert response.status_code == 200
    soup = check_page(response.data)
    assert soup.title.get_text().startswith("Fout: ")
    assert expect in soup.select_one(".loket-error-summary").get_text()


@pytest.mark.parametrize(
    "text",
    [
        "Hallo",
        "<p>Wij <b>helpen</b> u graag.</p><script>alert(1)</script>",
        "Wij helpen u graag 😀👍🏽. Bel ons!",
        "We will help you. Call us on phone number 14 024.",
        "1.500,- € art. 3 bijv. o.a. 14 024",
    ],
)
def test_odd_input_gives_a_sensible_report(client: FlaskClient, text: str) -> None:
    response = post(client, text=text)
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "<script>alert" not in body
    soup = check_page(body)
    assert soup.select_one(".loket-verdict") is not None


def test_english_text_gets_a_level_and_says_which_measure_decided(client: FlaskClient) -> None:
    text = (
        "Pursuant to the applicable regulations, remission of municipal taxation may be granted "
        "upon submission of a substantiated application demonstrating insufficient capacity."
    )
    soup = check_page(post(client, text=text, lang="en").data)
    result = soup.select_one("#uitslag-blok").get_text(" ", strip=True)
    assert "B2+" in result and "Het niveau komt uit Flesch-Kincaid" in result
    rows = [tr.th.get_text(strip=True) for tr in soup.select(".loket-table tbody tr")]
    assert any("Flesch-Kincaid" in r for r in rows) and not any("Douma" in r for r in rows)
    assert "Waarom niveau B2+?" in result


def test_missing_or_odd_profile_falls_back_to_b1(client: FlaskClient) -> None:
    soup = check_page(post(client, text=DENSE, profile="raar", lang="xx").data)
    assert soup.find("input", attrs={"name": "profile", "value": "b1"}).has_attr("checked")


def test_htmx_gets_only_the_result(client: FlaskClient) -> None:
    token = csrf_token(client.get("/redactie/taalcheck").get_data(as_text=True))
    response = client.post(
        "/redactie/taalcheck",
        data={"csrf_token": token, "text": DENSE},
        headers={"HX-Request": "true"},
    )
    body = response.get_data(as_text=True)
    assert "<html" not in body and "loket-marked" in body
    assert "HX-Request" in response.headers["Vary"]


def test_without_csrf_token_it_is_refused(client: FlaskClient) -> None:
    assert client.post("/redactie/taalcheck", data={"text": DENSE}).status_code == 400


def test_signed_in_editor_can_check_a_content_page(app: Flask) -> None:
    app.test_cli_runner().invoke(args=["demo", "vullen"])
    client = app.test_client()
    demo_login(client, "redacteur")
    page = client.get("/redactie/taalcheck").get_data(as_text=True)
    options = check_page(page).select("select[name=page] option")
    assert any(o["value"] == "nl/kwijtschelding/makkelijk" for o in options)
    response = client.post(
        "/redactie/taalcheck",
        data={"csrf_token": csrf_token(page), "page": "nl/kwijtschelding/makkelijk", "text": ""},
    )
    soup = check_page(response.data)
    assert soup.find("input", attrs={"name": "profile", "value": "makkelijk"}).has_attr("checked")
    assert "Goed genoeg" in soup.select_one(".loket-verdict").get_text()


def test_anonymous_visitors_cannot_pick_pages(client: FlaskClient) -> None:
    soup = check_page(client.get("/redactie/taalcheck").data)
    assert soup.find("select", attrs={"name": "page"}) is None
    soup = check_page(post(client, page="nl/kwijtschelding/makkelijk", text="").data)
    assert "Plak of typ een tekst" in soup.get_text()


def test_rate_limit(client: FlaskClient) -> None:
    token = csrf_token(client.get("/redactie/taalcheck").get_data(as_text=True))
    codes = [
        client.post("/redactie/taalcheck", data={"csrf_token": token, "text": "Hallo."}).status_code
        for _ in range(32)
    ]
    assert codes.count(200) == 30 and codes[-1] == 429


def test_edits_after_picking_a_page_are_checked(app: Flask) -> None:
    app.test_cli_runner().invoke(args=["demo", "vullen"])
    client = app.test_client()
    demo_login(client, "redacteur")
    page = client.get("/redactie/taalcheck").get_data(as_text=True)
    soup = check_page(
        client.post(
            "/redactie/taalcheck",
            data={"csrf_token": csrf_token(page), "page": "nl/kwijtschelding/b1", "text": DENSE},
        ).data
    )
    assert "→ geven" in soup.select_one(".loket-marked").get_text()  # the typed text, not the page
    assert soup.select_one("select[name=page] option[selected]")["value"] == ""


def htmx_post(client: FlaskClient, **data: str) -> str:
    token = csrf_token(client.get("/redactie/taalcheck").get_data(as_text=True))
    response = client.post(
        "/redactie/taalcheck",
        data={"csrf_token": token, **data},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.mark.parametrize(("text", "expect"), [("", "Plak of typ"), ("a" * 20_001, "te lang")])
def test_htmx_errors_mark_the_field_as_without_javascript(
    client: FlaskClient, text: str, expect: str
) -> None:
    soup = BeautifulSoup(htmx_post(client, text=text), "html.parser")
    field = soup.select_one("#veld-tekst[hx-swap-oob]")
    assert field is not None, "the text box is swapped with its error"
    box = field.find("textarea")
    assert box["aria-invalid"] == "true"
    error = soup.find(id=box["aria-describedby"].split()[-1])
    assert error is not None and expect in error.get_text()
    assert soup.find(attrs={"role": "alert"}) is None  # said once, politely, in the status
    assert expect in soup.select_one("#taalcheck-status").get_text()


def test_live_check_of_an_empty_box_says_nothing(client: FlaskClient) -> None:
    soup = BeautifulSoup(htmx_post(client, text="", live="1"), "html.parser")
    assert soup.find(attrs={"role": "alert"}) is None
    assert soup.find(attrs={"aria-invalid": True}) is None
    assert soup.select_one("#taalcheck-status").get_text(strip=True) == ""


def test_the_field_loses_its_error_once_the_text_is_fine(client: FlaskClient) -> None:
    soup = BeautifulSoup(htmx_post(client, text=DENSE, live="1", was_invalid="1"), "html.parser")
    box = soup.select_one("#veld-tekst[hx-swap-oob] textarea")
    assert box is not None and not box.has_attr("aria-invalid")
    # Without an error to clear, the box is left alone while the editor types.
    assert "veld-tekst" not in htmx_post(client, text=DENSE, live="1")


def test_only_a_short_status_is_announced(client: FlaskClient) -> None:
    soup = check_page(client.get("/redactie/taalcheck").data)
    status = soup.select_one("#taalcheck-status")
    assert status["role"] == "status" and status.find_parent(id="uitslag-blok") is None
    assert not soup.select("#uitslag-blok[aria-live], #uitslag-blok [aria-live]")
    fragment = BeautifulSoup(htmx_post(client, text=DENSE), "html.parser")
    line = fragment.select_one("#taalcheck-status")
    assert line["hx-swap-oob"] == "innerHTML"
    assert re.fullmatch(r"Niveau B2\+, \d+ punten\.", line.get_text(strip=True))


def test_dutch_words_and_numbers_on_the_dutch_page(client: FlaskClient) -> None:
    text = "Wij sturen u een brief. Daarin staat wat u moet doen. Bel ons als u vragen heeft."
    soup = BeautifulSoup(htmx_post(client, text=text), "html.parser")
    cells = [td.get_text(" ", strip=True) for td in soup.select(".loket-table td")]
    assert any(c.startswith("hoogstens") for c in cells) and any("minstens" in c for c in cells)
    assert not any("at most" in c or "at least" in c for c in cells)
    numbers = [c for c in cells if re.fullmatch(r"[\d.,]+", c)]
    assert numbers and not any(re.search(r"\d\.\d", n) for n in numbers)  # 5,7 and 75
    assert "5,7" in cells  # 17 words in 3 sentences


def test_without_javascript_the_page_opens_at_the_result(client: FlaskClient) -> None:
    soup = check_page(client.get("/redactie/taalcheck").data)
    assert soup.select_one("form#taalcheck")["action"].endswith("#uitslag")
    soup = check_page(post(client, text=DENSE).data)
    assert soup.find(id="uitslag").name == "h2"


def test_what_drives_the_level_comes_first(client: FlaskClient) -> None:
    text = DENSE + "\n\n" + " ".join(["Dit is een zin."] * 6)
    soup = check_page(post(client, text=text).data)
    headings = [h.get_text(strip=True) for h in soup.select("#uitslag-blok h3")]
    assert headings[:2] == ["Waarom niveau B2+?", "Wat kunt u verbeteren?"]
    first = soup.select_one(".loket-fixes li").get_text(" ", strip=True)
    assert "ambtelijke taal" in first or "lijdende zin" in first


def test_nominalisations_and_officialese_are_marked_in_the_text(client: FlaskClient) -> None:
    text = "Geef een wijziging van uw adres door. Uw aanvraag is in behandeling."
    marked = check_page(post(client, text=text).data).select_one(".loket-marked")
    assert marked.select_one(".loket-word--nominalisatie").get_text().startswith("wijziging")
    assert "schrijf met veranderen" in marked.get_text()
    assert "zeg het anders" in marked.get_text()  # no single word fits "in behandeling"


def test_a_link_can_choose_language_and_profile(client: FlaskClient) -> None:
    soup = check_page(client.get("/redactie/taalcheck?taal=en&profiel=makkelijk").data)
    assert soup.find("input", attrs={"name": "lang", "value": "en"}).has_attr("checked")
    assert soup.find("input", attrs={"name": "profile", "value": "makkelijk"}).has_attr("checked")


def test_htmx_errors_come_as_a_fragment(client: FlaskClient) -> None:
    response = client.post(
        "/redactie/taalcheck", data={"text": "x"}, headers={"HX-Request": "true"}
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 400 and "<html" not in body and "verlopen" in body


def test_history_restore_gets_the_whole_page(client: FlaskClient) -> None:
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    body = client.get("/zoeken?q=afval", headers=headers).get_data(as_text=True)
    assert body.lstrip().startswith("<!doctype html>")


def test_english_page_words_and_numbers(client: FlaskClient) -> None:
    token = csrf_token(client.get("/en/redactie/taalcheck").get_data(as_text=True))
    response = client.post(
        "/en/redactie/taalcheck",
        data={"csrf_token": token, "text": "Wij sturen u een brief. Bel ons als u vragen heeft."},
        headers={"HX-Request": "true"},
    )
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    cells = [td.get_text(" ", strip=True) for td in soup.select(".loket-table td")]
    assert any(c.startswith("at most") for c in cells)
    assert "5.5" in cells  # English notation on the English page: 11 words in 2 sentences
    assert soup.select_one("#taalcheck-status").get_text(strip=True).startswith("Level ")
