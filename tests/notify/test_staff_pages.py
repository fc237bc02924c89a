"""The staff pages: who may see them, what they show, the PDFs, sending again."""

from io import BytesIO

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from pypdf import PdfReader

from app.core.time import local_today
from tests.browse import csrf_token, demo_login
from tests.pagecheck import check_page


@pytest.fixture
def demo(app: Flask) -> Flask:
    assert app.test_cli_runner().invoke(args=["demo", "vullen"]).exit_code == 0
    return app


PAGES = [
    "/medewerker/berichten",
    "/medewerker/berichten/demo-email-fatima",
    "/medewerker/brieven",
    "/medewerker/brieven/demo-brief-jan",
    "/medewerker/brieven/demo-brief-jan/brief.pdf",
    f"/medewerker/brieven/dag/{local_today().isoformat()}/brieven.pdf",
]


@pytest.mark.parametrize("path", PAGES)
def test_only_staff_with_the_medewerker_role_may_look(demo: Flask, path: str) -> None:
    anonymous = demo.test_client().get(path)
    assert anonymous.status_code == 302 and "/medewerker/inloggen" in anonymous.location
    editor = demo.test_client()
    demo_login(editor, "redacteur")
    assert editor.get(path).status_code == 403
    staff = demo.test_client()
    demo_login(staff, "medewerker")
    response = staff.get(path)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"


def _staff(app: Flask):  # type: ignore[no-untyped-def]
    client = app.test_client()
    demo_login(client, "medewerker")
    return client


def test_the_letters_page_lists_todays_letter_with_its_downloads(demo: Flask) -> None:
    html = _staff(demo).get("/medewerker/brieven").get_data(as_text=True)
    soup = check_page(html, "nl")
    row = soup.select_one("table.loket-table tbody tr")
    assert row is not None
    assert "AF-7743-PR" in row.get_text() and "Jan de Vries" in row.get_text()
    links = {a["href"] for a in soup.find_all("a", href=True)}
    assert "/medewerker/brieven/demo-brief-jan/brief.pdf" in links
    assert f"/medewerker/brieven/dag/{local_today().isoformat()}/brieven.pdf" in links


def test_a_day_without_letters_and_a_bad_date(demo: Flask) -> None:
    client = _staff(demo)
    html = client.get("/medewerker/brieven?dag=2020-01-06").get_data(as_text=True)
    assert "geen brieven van deze dag" in html
    assert client.get("/medewerker/brieven/dag/2020-01-06/brieven.pdf").status_code == 404
    assert client.get("/medewerker/brieven/dag/gisteren/brieven.pdf").status_code == 404
    bad = client.get("/medewerker/brieven?dag=31-02-2027", follow_redirects=True)
    assert bad.status_code == 200 and "Die datum kennen wij niet" in bad.get_data(as_text=True)
    assert client.get("/medewerker/brieven/bestaat-niet").status_code == 404
    assert client.get("/medewerker/brieven/demo-email-fatima").status_code == 404  # no letter


def test_the_pdfs_are_the_letters(demo: Flask) -> None:
    client = _staff(demo)
    one = client.get("/medewerker/brieven/demo-brief-jan/brief.pdf")
    assert one.mimetype == "application/pdf"
    assert "brief-AF-7743-PR.pdf" in one.headers["Content-Disposition"]
    assert "AF-7743-PR" in PdfReader(BytesIO(one.data)).pages[0].extract_text()
    day = client.get(f"/medewerker/brieven/dag/{local_today().isoformat()}/brieven.pdf")
    reader = PdfReader(BytesIO(day.data))
    assert len(reader.pages) == 2  # one letter of one page, and its blank back
    assert "AF-7743-PR" in reader.pages[0].extract_text()


def test_the_html_letter_is_the_same_letter_as_the_pdf(demo: Flask) -> None:
    client = _staff(demo)
    soup = check_page(client.get("/medewerker/brieven/demo-brief-jan").get_data(as_text=True))
    article = soup.select_one("article.loket-letter")
    assert article is not None and article["lang"] == "nl"
    html_text = " ".join(article.get_text(" ").split())
    pdf = client.get("/medewerker/brieven/demo-brief-jan/brief.pdf").data
    pdf_text = " ".join(PdfReader(BytesIO(pdf)).pages[0].extract_text().split())
    for part in (
        "Jan de Vries",
        "Oefenlaan 3 A",
        "6521 CD NIJMEGEN",
        "AF-7743-PR",
        "Mariënburg 30",
        "U krijgt geen herinnering van ons",
        "gemeentelijke ombudsman",
        "Met vriendelijke groet,",
    ):
        assert part in html_text, part
        assert part in pdf_text, part
    assert [h.get_text() for h in article.find_all("h2")] == [
        "Neem dit mee",
        "Kunt u niet komen?",
        "Niet tevreden?",
    ]


def test_a_failed_message_shows_staff_why(demo: Flask) -> None:
    client = _staff(demo)
    listing = client.get("/medewerker/berichten?status=mislukt").get_data(as_text=True)
    assert "afspraak:AF-9463-WX" in listing
    assert "kan niet kloppen" in listing
    page = client.get("/medewerker/berichten/demo-mislukt").get_data(as_text=True)
    soup = check_page(page, "nl")
    assert "Mislukt" in soup.get_text()
    assert "pieter.smit@@voorbeeld" in soup.get_text()  # what was used, so staff can correct it
    assert soup.select_one("form#opnieuw-versturen") is not None


def test_sending_again_puts_the_message_back_in_line(demo: Flask) -> None:
    client = _staff(demo)
    page = client.get("/medewerker/berichten/demo-mislukt").get_data(as_text=True)
    response = client.post(
        "/medewerker/berichten/demo-mislukt/opnieuw",
        data={"csrf_token": csrf_token(page)},
        follow_redirects=True,
    )
    html = response.get_data(as_text=True)
    assert "Het bericht staat klaar" in html
    assert "Wacht op verzending" in BeautifulSoup(html, "html.parser").get_text()
    forged = client.post("/medewerker/berichten/demo-mislukt/opnieuw", follow_redirects=True)
    assert forged.status_code == 400 or "verlopen" in forged.get_data(as_text=True)
    sent = client.post(
        "/medewerker/berichten/demo-email-fatima/opnieuw",
        data={"csrf_token": csrf_token(page)},
        follow_redirects=True,
    )
    assert "nu niet opnieuw versturen" in sent.get_data(as_text=True)  # a sent message stays sent


def test_the_demo_sms_shows_what_would_have_gone_out(demo: Flask) -> None:
    html = _staff(demo).get("/medewerker/berichten/demo-sms-anna").get_data(as_text=True)
    assert "31612345678" in html and '"segments"' in html


def test_the_staff_overview_links_to_the_outbox(demo: Flask) -> None:
    client = _staff(demo)
    html = client.get("/medewerker/").get_data(as_text=True)
    assert "/medewerker/brieven" in html and "/medewerker/berichten" in html
