"""Belangrijk voor u on Mijn Loket: each notice with "Waarom zie ik dit?", live from the
registers (nothing stored), a source that is down, and only the resident's own notices."""

from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import MetaData, func, select

from app.core.capabilities import wiring
from app.extensions import db
from app.identity.resident import Resident
from tests.browse import resident_login
from tests.notices.helpers import BSN
from tests.pagecheck import check_page


def _rows(app: Flask) -> dict[str, int]:
    with app.app_context():
        tables = MetaData()
        tables.reflect(db.engine)
        return {
            name: int(db.session.scalar(select(func.count()).select_from(table)) or 0)
            for name, table in tables.tables.items()
            if name != "flow"  # the login itself lives in the flow store
        }


def test_login_is_needed(client: FlaskClient) -> None:
    response = client.get("/mijn/meldingen")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_each_notice_with_why_the_data_used_and_the_legal_basis(
    app: Flask, client: FlaskClient
) -> None:
    resident_login(client, "fatima")
    before = _rows(app)
    text = ""
    for lang, path in (("nl", "/mijn/meldingen"), ("en", "/en/mijn/meldingen")):
        soup = check_page(client.get(path).get_data(as_text=True), lang)
        notices = soup.select("section.loket-notice")
        assert len(notices) == 5
        for number, notice in enumerate(notices, 1):
            link = notice.find("a", href=f"{path}/{number}")
            assert link is not None
            assert link.get_text().startswith(("Waarom zie ik dit?", "Why do I see this?"))
            page = check_page(client.get(str(link["href"])).get_data(as_text=True), lang)
            assert page.select("dl.loket-facts dt") and len(page.select("h3 ~ p")) == 2
            assert page.h1 is not None and notice.h2 is not None
            assert page.h1.get_text() == notice.h2.get_text()
            if lang == "nl":
                text += " ".join(page.get_text().split())
    assert "Een medewerker beoordeelt uw aanvraag. Er wordt niets automatisch besloten." in text
    assert "U krijgt dit vanzelf: Individuele inkomenstoeslag" in text
    assert "Dan vragen wij het in principe niet terug." in text
    assert "Bijstand van Gemeente Nijmegen: € 1.401 netto per maand" in text
    assert "Participatiewet, artikel 36" in text
    assert _rows(app) == before  # shown, not stored


def test_a_resident_sees_only_their_own_notices(client: FlaskClient) -> None:
    resident_login(client, "jan")
    html = client.get("/mijn/meldingen").get_data(as_text=True)
    assert "ZZ-301-D" in html and "1.401" not in html and "Meedoenregeling" not in html
    other = client.get("/mijn/meldingen?bsn=" + BSN["fatima"]).get_data(as_text=True)
    assert "1.401" not in other


def test_acting_for_someone_shows_their_notices(client: FlaskClient) -> None:
    resident_login(client, "sanne")  # authorised by Anna
    html = client.get("/mijn/meldingen/2").get_data(as_text=True)
    assert "gehandicaptenparkeerkaart" in html and "GPK-2022-0451" in html


def test_a_source_that_is_down_is_named_and_the_rest_works(client: FlaskClient) -> None:
    resident_login(client, "lotte")
    soup = check_page(client.get("/mijn/meldingen").get_data(as_text=True), "nl")
    text = " ".join(soup.get_text().split())
    said = text.split("Wij konden dit nu niet ophalen: ", 1)[1].split(".", 1)[0]
    assert sorted(said.split(", ")) == ["uw auto", "uw gehandicaptenparkeerkaart"]
    again = soup.find("button", string="Probeer opnieuw")
    assert again is not None and again.find_parent("form")["method"] == "get"  # type: ignore[index,union-attr]
    assert len(soup.select("section.loket-notice")) == 1


def test_nothing_to_tell(client: FlaskClient) -> None:
    resident_login(client, "pieter")
    soup = check_page(client.get("/mijn/meldingen").get_data(as_text=True), "nl")
    assert "Er is nu niets wat u moet regelen" in soup.get_text()
    assert soup.find("a", href="/regelingencheck") is not None


def test_the_attention_provider_for_the_mijn_overview(app: Flask) -> None:
    attention = wiring(app).provider("mijn.aandacht")
    assert attention is not None
    with app.test_request_context("/mijn"):
        items = attention(Resident("bsn", BSN["jan"], "Jan de Vries", "digid", ""))
        assert [i.urgency for i in items] == ["normaal", "normaal"]  # 60 and 75 days ahead
        assert items[1].title.startswith("Uw paspoort is geldig tot")
        assert items[0].url == "/mijn/meldingen/1"
        lotte = attention(Resident("bsn", BSN["lotte"], "Lotte Peters", "digid", ""))
        assert lotte[-1].urgency == "info" and "gehandicaptenparkeerkaart" in lotte[-1].text
        assert attention(Resident("kvk", "90000001", "Bakkerij", "eherkenning", "")) == []
    english = {"loket.lang": "en", "SCRIPT_NAME": "/en"}  # what app/i18n.py makes of /en/mijn
    with app.test_request_context("/mijn", environ_overrides=english):
        items = attention(Resident("bsn", BSN["fatima"], "Fatima El Amrani", "digid", ""))
        assert items[0].url == "/en/mijn/meldingen/1"
        assert {i.urgency for i in items} == {"normaal", "info"}


def test_the_anchor_of_each_notice_exists_on_the_page(client: FlaskClient, app: Flask) -> None:
    resident_login(client, "fatima")
    soup = BeautifulSoup(client.get("/mijn/meldingen").get_data(as_text=True), "html.parser")
    ids = {s["id"] for s in soup.select("section.loket-notice")}
    assert ids == {f"melding-{i}" for i in range(1, 6)}
    assert client.get("/mijn/meldingen/6").status_code == 404
    assert client.get("/mijn/meldingen/0").status_code == 404


def test_the_list_stays_light(client: FlaskClient) -> None:
    resident_login(client, "fatima")  # five notices: private pages stay under 14 KB
    assert len(client.get("/mijn/meldingen").data) < 14 * 1024
