"""Mijn Loket pages: login required, whose affairs they show, attention first, sources down."""

from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Flask
from jinja2 import ChoiceLoader, DictLoader

from app.core.capabilities import Capability, wiring
from app.core.connectors import SourceUnavailable
from tests.mijn.conftest import filled_app, logged_in, page, text

PAGES = ["/mijn", "/mijn/zaken", "/mijn/afspraken", "/mijn/gegevens", "/mijn/instellingen"]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_asks_for_a_login_and_comes_back(demo: Flask, path: str, lang: str) -> None:
    prefix = "/en" if lang == "en" else ""
    response = demo.test_client().get(prefix + path)
    assert response.status_code == 302
    target = urlsplit(response.location)
    assert target.path == f"{prefix}/login"
    assert parse_qs(target.query) == {"volgende": [prefix + path]}


@pytest.mark.parametrize("path", PAGES)
def test_pages_are_private(demo: Flask, path: str) -> None:
    response = logged_in(demo, "fatima").get(path)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "Cookie" in response.headers["Vary"]


def test_anna_sees_her_running_case_in_plain_words(demo: Flask) -> None:
    words = text(page(logged_in(demo, "anna"), "/mijn/zaken"))
    lopend, afgerond = words.split("Afgeronde zaken")
    assert "Hulp thuis (Wmo)" in lopend and "ZK-4769-HM" in lopend
    assert "Wij willen met u praten over uw aanvraag." in lopend  # gesprek_gepland, one sentence
    assert "Wat gebeurt er nu? Wij bellen u om een afspraak te maken." in lopend
    assert "Wij willen uw aanvraag afronden voor" in lopend
    assert "Vraag naar het Wmo-loket en noem het nummer ZK-4769-HM." in lopend
    assert "U hebt nog geen afgeronde zaken." in afgerond
    for part in ("Niet tevreden?", "bezwaar maken", "klacht", "ombudsman"):
        assert part in afgerond


def test_a_finished_case_is_under_afgerond(demo: Flask) -> None:
    words = text(page(logged_in(demo, "eva"), "/mijn/zaken"))
    lopend, afgerond = words.split("Afgeronde zaken")
    assert "KW-2468-DM" in lopend  # her kwijtschelding sent with the form (forms demo)
    assert "ZK-3647-PV" not in lopend
    assert "ZK-3647-PV" in afgerond and "Uw aanvraag is klaar." in afgerond
    assert "afronden voor" not in afgerond  # no deadline for a case that has ended


def test_the_english_page_uses_the_english_sentences(demo: Flask) -> None:
    words = text(page(logged_in(demo, "anna"), "/en/mijn/zaken", lang="en"))
    assert "We would like to talk to you about your application." in words
    assert "Help at home (Wmo)" in words


def test_a_resident_never_sees_anothers_cases(demo: Flask) -> None:
    for who in ("fatima", "eva", "jan"):
        words = text(page(logged_in(demo, who), "/mijn/zaken"))
        assert "ZK-4769-HM" not in words, who
    assert "ZK-3647-PV" not in text(page(logged_in(demo, "anna"), "/mijn/zaken"))


def test_someone_acting_for_anna_sees_annas_cases_not_her_own(demo: Flask) -> None:
    words = text(page(logged_in(demo, "sanne"), "/mijn/zaken"))
    assert "ZK-4769-HM" in words
    details = text(page(logged_in(demo, "sanne"), "/mijn/gegevens"))
    assert "Anna Jansen" in details and "Proefweg 45" in details
    assert "Sanne Bakker" not in details.split("Over u")[1]


def test_a_case_that_needs_something_comes_first_on_the_overview(demo: Flask) -> None:
    assert (
        demo.test_cli_runner()
        .invoke(args=["zaken", "status", "ZK-4769-HM", "--naar", "gegevens_nodig"])
        .exit_code
        == 0
    )
    soup = page(logged_in(demo, "anna"), "/mijn")
    first = soup.select_one("main h2")
    assert first is not None and first.get_text() == "Belangrijk voor u"
    attention = soup.select_one("#belangrijk + ul")
    assert attention is not None
    link = attention.find("a")
    assert link is not None and "Wij hebben nog iets van u nodig." in link.get_text()
    assert link["href"] == "/mijn/zaken#zaak-ZK-4769-HM"
    assert soup.find(id="zaak-ZK-4769-HM") is None  # the target is on Mijn zaken
    assert page(logged_in(demo, "anna"), "/mijn/zaken").find(id="zaak-ZK-4769-HM") is not None


def _with_provider(app: Flask, name: str, fn: object) -> None:
    # Instead of the real providers of that name (the notices), so the test sees only its own.
    capabilities = wiring(app).capabilities
    capabilities[:] = [c for c in capabilities if name not in c.providers]
    capabilities.append(Capability(f"test-{name}", providers={name: fn}))


def test_the_overview_shows_what_other_capabilities_say_in_their_order(demo: Flask) -> None:
    seen = []

    def notices(resident: object) -> list[dict[str, str]]:
        seen.append(resident)
        return [
            {"title": "Uw ID-kaart verloopt", "text": "Maak op tijd een afspraak.", "url": "/a"},
            {"title": "Meedoenregeling", "text": "U kunt dit misschien krijgen.", "url": "/b"},
        ]

    _with_provider(demo, "mijn.aandacht", notices)
    soup = page(logged_in(demo, "fatima"), "/mijn")
    items = [li.get_text(" ", strip=True) for li in soup.select("#belangrijk + ul li")]
    assert items == [
        "Uw ID-kaart verloopt Maak op tijd een afspraak.",
        "Meedoenregeling U kunt dit misschien krijgen.",
    ]
    (resident,) = seen
    assert resident.client == ("bsn", "999993653")  # type: ignore[attr-defined]


def test_a_provider_that_is_down_leaves_the_rest_of_the_overview(demo: Flask) -> None:
    def down(resident: object) -> list[object]:
        raise SourceUnavailable("notices source down")

    _with_provider(demo, "mijn.aandacht", down)
    soup = page(logged_in(demo, "anna"), "/mijn")
    alert = soup.find(id="aandacht-storing")
    assert alert is not None and "Probeer opnieuw" in alert.get_text()
    assert "Wij willen met u praten over uw aanvraag." in text(soup)  # the cases still show


def test_a_case_system_that_is_down_leaves_the_rest_working(database_url: str) -> None:
    app = filled_app(database_url, CONNECTORS={"zaken": "kapot"})
    client = logged_in(app, "anna")
    for path in ("/mijn", "/mijn/zaken"):
        soup = page(client, path)
        alert = soup.find(id="zaken-storing")
        assert alert is not None, path
        assert "Wij konden uw zaken nu niet ophalen." in alert.get_text()
        retry = alert.find("a", string="Probeer opnieuw")
        assert retry is not None and retry["href"].startswith(path)
    overview = text(page(client, "/mijn"))
    assert "Mijn afspraken" in overview and "Bekijk wat de gemeente van u weet" in overview
    assert "Niet tevreden?" in text(page(client, "/mijn/zaken"))
    assert page(client, "/mijn/gegevens").find(id="storing-personen") is None


def test_registers_that_are_down_show_what_is_missing(database_url: str) -> None:
    app = filled_app(database_url, DEMO_SOURCES_DOWN=frozenset({"personen", "inkomen"}))
    soup = page(logged_in(app, "fatima"), "/mijn/gegevens")
    for kind in ("personen", "huishouden", "inkomen"):
        alert = soup.find(id=f"storing-{kind}")
        assert alert is not None and "Probeer opnieuw" in alert.get_text(), kind
    words = text(soup)
    assert "3 delen konden wij nu niet ophalen." in words
    assert "ID-kaart: geldig tot" in words  # the documents did come
    assert "2026-0100012" in words  # and the taxes
    assert "Fatima El Amrani" not in words.split("Over u")[1].split("Paspoort")[0]


def test_a_person_whose_vehicle_register_is_down(demo: Flask) -> None:
    soup = page(logged_in(demo, "lotte"), "/mijn/gegevens")
    assert soup.find(id="storing-voertuigen") is not None
    assert "ZZ-907-K" not in text(soup)
    assert "Lotte Peters" in text(soup)


def test_details_name_each_source_and_how_to_correct_it(demo: Flask) -> None:
    soup = page(logged_in(demo, "jan"), "/mijn/gegevens")
    words = text(soup)
    assert "Uit de Basisregistratie Personen," in words
    assert "Uit het kentekenregister van de RDW," in words and "ZZ-301-D" in words
    assert "Neem dan contact op met de RDW. De gemeente kan dit niet aanpassen." in words
    personen = soup.find(id="deel-personen")
    assert personen is not None
    section = personen.find_parent("section")
    assert section is not None
    link = section.find("a", string="Maak een afspraak")
    assert link is not None and link["href"] == "/afspraak?onderwerp=uittreksel-brp"


def test_a_business_sees_no_person_data(demo: Flask) -> None:
    from tests.browse import resident_login

    client = demo.test_client()
    resident_login(client, "bakkerij", method="eherkenning")
    words = text(page(client, "/mijn/gegevens"))
    assert "Gegevens van bedrijven kunnen wij hier nog niet laten zien." in words


def test_settings_show_the_sections_other_capabilities_add(demo: Flask) -> None:
    section = ("mijn/_test_section.html", {"who": "meldingen"})
    _with_provider(demo, "mijn.instellingen", lambda resident: section)
    own = {"mijn/_test_section.html": '<section id="extra">{{ who }}</section>'}
    demo.jinja_env.loader = ChoiceLoader([DictLoader(own), demo.jinja_env.loader])  # type: ignore[list-item]
    soup = page(logged_in(demo, "fatima"), "/mijn/instellingen")
    extra = soup.find(id="extra")
    assert extra is not None and extra.get_text() == "meldingen"
