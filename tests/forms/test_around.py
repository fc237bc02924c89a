"""Around the forms: links from content pages resolve against the defined forms, the list of
forms, the paper version, "Mijn situatie past hier niet" with the answers passed on."""

from flask import Flask
from flask.testing import FlaskClient

from tests.forms.conftest import fill_in
from tests.forms.helpers import resident_login, send, soup_of, text_of

KW = "/formulieren/kwijtschelding"


def hrefs(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(a.get("href")) for a in soup_of(response).find_all("a")]


def test_a_content_page_links_a_form_only_when_it_exists(client: FlaskClient) -> None:
    assert KW in hrefs(client.get("/diensten/kwijtschelding"))
    assert "/en/formulieren/kwijtschelding" in hrefs(client.get("/en/diensten/kwijtschelding"))
    page = client.get("/diensten/bijzondere-bijstand")
    assert page.status_code == 200
    assert not any(h.startswith("/formulieren/bijzondere-bijstand") for h in hrefs(page))
    assert client.get("/formulieren/bijzondere-bijstand").status_code == 404


def test_the_list_of_forms(app: Flask, client: FlaskClient) -> None:
    page = client.get("/formulieren")
    links = {h for h in hrefs(page) if h.startswith("/formulieren/")}
    for form in app.extensions["loket.forms"]:
        assert f"/formulieren/{form.slug}" in links


def test_the_paper_version_is_filled_in_ahead_after_logging_in(client: FlaskClient) -> None:
    anonymous = text_of(client.get(f"{KW}/papier"))
    assert "Postbus 9105" in anonymous and "Fatima" not in anonymous
    assert "Logt u eerst in?" in anonymous
    resident_login(client, "fatima")
    page = text_of(client.get(f"{KW}/papier"))
    assert "Fatima El Amrani" in page and "Uit de Basisregistratie Personen" in page
    assert "Streep het door" in page
    assert "Vul dit deel alleen in als u bij" in page  # the evidence part has its condition
    assert "Datum en handtekening" in page


def test_a_person_when_the_form_does_not_fit_with_the_answers_passed_on(
    client: FlaskClient,
) -> None:
    resident_login(client, "fatima")
    fill_in(client, "kwijtschelding", until="kosten")
    page = client.get(f"{KW}/kosten", follow_redirects=True)
    link = soup_of(page).find("a", string="Mijn situatie past hier niet")
    assert link is not None and link["href"] == f"{KW}/past-niet?stap=kosten"
    ask = client.get(link["href"])
    assert "Dit geven wij mee" in text_of(ask)
    booked = send(client, link["href"], {"wat": "Ik heb schulden.", "meegeven": "y"})
    assert booked.request.path.startswith("/afspraak/")
    # The booking flow starts with the form's name, the resident's note and the typed answers.
    other = soup_of(client.get("/afspraak/onderwerp")).find("input", attrs={"name": "anders"})
    review_text = str(other.get("value", "")) if other else ""
    assert "Kwijtschelding aanvragen" in review_text and "Ik heb schulden" in review_text
    assert "Fatima" not in review_text  # a value the register gave is not passed on


def test_without_passing_on_the_booking_starts_with_the_topic_only(client: FlaskClient) -> None:
    resident_login(client, "fatima")
    fill_in(client, "kwijtschelding", until="kosten")
    booked = send(client, f"{KW}/past-niet?stap=kosten", {"wat": "Ik heb schulden."})
    assert booked.request.path.startswith("/afspraak")
    assert "schulden" not in booked.get_data(as_text=True)


def test_the_start_page_offers_to_go_on_or_start_again(client: FlaskClient) -> None:
    resident_login(client, "fatima")
    fill_in(client, "kwijtschelding", until="inkomen")
    start = client.get(KW)
    assert "Ga verder waar u was" in text_of(start)
    again = send(client, KW, selector="#opnieuw-beginnen")
    assert "Wij hebben uw antwoorden gewist" in text_of(again)
    assert "Ga verder waar u was" not in text_of(client.get(KW))
