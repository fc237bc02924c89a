"""The regelingencheck as a resident uses it without JavaScript: one question per page, the
answers in the form (by POST), the result as an indication; nothing stored, in both languages
and in easy-read Dutch."""

from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import MetaData, func, select

from app.extensions import db
from tests.pagecheck import check_page

ANSWERS = {
    "woonplaats": "ja",
    "leeftijd": "21-aow",
    "huishouden": "alleen-2",
    "inkomen": "tot",
    "jaren": "ja",
    "woning": "huur",
}


def _form(html: str) -> dict[str, str]:
    form = BeautifulSoup(html, "html.parser").select_one("#regelingencheck")
    assert form is not None
    return {str(i["name"]): str(i.get("value", "")) for i in form.find_all("input", type="hidden")}


def walk(client: FlaskClient, answers: dict[str, str], path: str = "/regelingencheck") -> list[str]:
    """Answer question after question like a browser; return every page's HTML."""
    page = client.get(path)
    assert page.status_code == 200
    pages = [page.get_data(as_text=True)]
    for _ in range(7):
        soup = BeautifulSoup(pages[-1], "html.parser")
        if soup.select_one("#regelingencheck") is None:
            break
        data = _form(pages[-1])
        key = data["vraag"]
        data[key] = answers[key]
        response = client.post(path, data=data)
        assert response.status_code == 200, response.get_data(as_text=True)[:500]
        pages.append(response.get_data(as_text=True))
    return pages


def _rows(app: Flask) -> dict[str, int]:
    with app.app_context():
        tables = MetaData()
        tables.reflect(db.engine)
        return {
            name: int(db.session.scalar(select(func.count()).select_from(table)) or 0)
            for name, table in tables.tables.items()
        }


def test_six_questions_one_per_page_then_what_you_may_get(app: Flask, client: FlaskClient) -> None:
    before = _rows(app)
    pages = walk(client, ANSWERS)
    assert len(pages) == 7  # six questions, then the result
    for html in pages:
        check_page(html, "nl")
    first = BeautifulSoup(pages[0], "html.parser")
    assert "Vraag 1 van" in first.get_text()
    assert first.select("input[type=radio][name=woonplaats]")
    result = BeautifulSoup(pages[-1], "html.parser")
    text = " ".join(result.get_text().split())
    assert "Dit is een indicatie, geen besluit." in text
    assert "Een medewerker beoordeelt uw aanvraag. Er wordt niets automatisch besloten." in text
    assert "u heeft recht" not in text.lower()
    likely = [h.get_text() for h in result.select("section.loket-result h3")]
    assert likely[:2] == ["Meedoenregeling", "Kinderfonds"]
    assert "Individuele inkomenstoeslag" in likely
    assert "Dit is ongeveer € 975 per jaar. Dat is een schatting." in text  # Meedoen: 275 + 2 × 350
    assert "niet altijd de beste keuze" in text  # the CAZ is not always best
    links = {a["href"] for a in result.select("a")}
    assert "/diensten/meedoenregeling" in links or "/formulieren/meedoenregeling" in links
    # nothing stored: no cookie, no row
    assert client.get_cookie("loket_sessie") is None
    assert _rows(app) == before


def test_a_question_without_an_answer_says_what_to_do_and_keeps_the_answers(
    client: FlaskClient,
) -> None:
    response = client.post("/regelingencheck", data={"vraag": "woonplaats"})
    assert response.status_code == 400
    soup = check_page(response.get_data(as_text=True), "nl")
    assert soup.title is not None and soup.title.get_text().startswith("Fout:")
    assert "Kies een antwoord." in soup.get_text()
    second = client.post(
        "/regelingencheck", data={"woonplaats": "ja", "leeftijd": "18-20", "vraag": "huishouden"}
    )
    assert second.status_code == 400
    kept = _form(second.get_data(as_text=True))
    assert kept["woonplaats"] == "ja" and kept["leeftijd"] == "18-20"


def test_back_shows_the_earlier_question_with_its_answer(client: FlaskClient) -> None:
    response = client.post(
        "/regelingencheck",
        data={"woonplaats": "ja", "leeftijd": "aow", "vraag": "huishouden", "terug": "leeftijd"},
    )
    assert response.status_code == 200
    soup = check_page(response.get_data(as_text=True), "nl")
    chosen = soup.select_one("input[name=leeftijd][checked]")
    assert chosen is not None and chosen["value"] == "aow"
    assert "leeftijd" not in _form(response.get_data(as_text=True))


def test_not_in_nijmegen_ends_at_once(client: FlaskClient) -> None:
    response = client.post("/regelingencheck", data={"vraag": "woonplaats", "woonplaats": "nee"})
    soup = check_page(response.get_data(as_text=True), "nl")
    assert soup.select_one("#regelingencheck") is None
    assert "U woont niet in Nijmegen." in soup.get_text()
    assert not soup.select("section.loket-result")


def test_the_income_bands_follow_the_household(client: FlaskClient) -> None:
    data = {"woonplaats": "ja", "leeftijd": "21-aow", "huishouden": "samen", "vraag": "huishouden"}
    soup = BeautifulSoup(
        client.post("/regelingencheck", data=data).get_data(as_text=True), "html.parser"
    )
    labels = [label.get_text() for label in soup.select("label")]
    assert "€ 2.000 of minder" in labels and "Meer dan € 2.600" in labels


def test_english_and_easy_read(client: FlaskClient) -> None:
    pages = walk(client, ANSWERS, "/en/regelingencheck")
    for html in pages:
        check_page(html, "en")
    assert "This is an indication, not a decision." in pages[-1]
    easy = walk(client, ANSWERS, "/regelingencheck/makkelijk-lezen")
    for html in easy:
        check_page(html, "nl")
    assert "Woont u in Nijmegen?" in easy[0]
    assert "Dit is een zorgverzekering.<br>De tandarts en een bril zitten erin." in easy[-1]
    assert (
        client.get("/en/regelingencheck/makkelijk-lezen")
        .headers["Location"]
        .endswith("/en/regelingencheck")
    )


def test_a_post_from_another_site_is_refused(client: FlaskClient) -> None:
    data = {"vraag": "woonplaats", "woonplaats": "ja"}
    assert (
        client.post(
            "/regelingencheck", data=data, headers={"Origin": "https://evil.example"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            "/regelingencheck", data=data, headers={"Origin": "http://localhost"}
        ).status_code
        == 200
    )


def test_answers_never_go_in_a_url(client: FlaskClient) -> None:
    for html in walk(client, ANSWERS):
        for form in BeautifulSoup(html, "html.parser").select("main form"):
            carries = form.select("input[type=hidden]")
            assert form.get("method") == ("post" if carries else "get")
    assert (
        client.post("/regelingencheck", data={"vraag": ""}).headers["Cache-Control"] == "no-store"
    )


def test_the_check_is_rate_limited(client: FlaskClient) -> None:
    codes = [client.post("/regelingencheck", data={"vraag": ""}).status_code for _ in range(31)]
    assert codes[-1] == 429 and codes[0] == 200


def test_changing_the_answers_offers_each_earlier_answer_again(client: FlaskClient) -> None:
    result = walk(client, ANSWERS)[-1]
    form = BeautifulSoup(result, "html.parser").select_one("#antwoorden-veranderen")
    assert form is not None
    data = {str(i["name"]): str(i["value"]) for i in form.find_all("input", type="hidden")}
    page = client.post("/regelingencheck", data=data).get_data(as_text=True)
    seen = []
    for _ in range(6):
        soup = BeautifulSoup(page, "html.parser")
        if soup.select_one("#regelingencheck") is None:
            break
        fields = _form(page)
        key = fields["vraag"]
        chosen = soup.select_one(f"input[name={key}][checked]")
        assert chosen is not None and chosen["value"] == ANSWERS[key], key
        seen.append(key)
        page = client.post("/regelingencheck", data={**fields, key: str(chosen["value"])}).get_data(
            as_text=True
        )
    assert seen == list(ANSWERS)
    assert "Wat u misschien kunt krijgen" in page
