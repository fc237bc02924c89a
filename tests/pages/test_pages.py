"""Home, service pages, easy-read, language switch and the easy-read preference."""

from flask.testing import FlaskClient

from tests.pagecheck import check_page


def test_home_groups_services_by_life_event(client: FlaskClient) -> None:
    soup = check_page(client.get("/").data, "nl")
    headings = [h.get_text(strip=True) for h in soup.select(".loket-event h2")]
    for event in (
        "Geld en inkomen",
        "Paspoort en identiteit",
        "Wonen en verhuizen",
        "Zorg en hulp",
    ):
        assert event in headings
    links = {a["href"] for a in soup.select(".loket-event a")}
    assert "/diensten/kwijtschelding" in links


def test_service_page_lists_every_channel_and_a_person(client: FlaskClient) -> None:
    soup = check_page(client.get("/diensten/kwijtschelding").data, "nl")
    channels = soup.select(".loket-channel")
    store = client.application.extensions["loket.content"]
    page = store.get("nl", "kwijtschelding")
    assert len(channels) == len(page.channels) >= 2
    assert soup.find(id="zo-regelt-u-het") is not None
    person = soup.select_one(".loket-person")
    assert person is not None and "Praat met een mens" in person.get_text()
    assert person.find("a", href="tel:14024") is not None
    assert soup.find("a", href="/diensten/kwijtschelding/makkelijk-lezen") is not None


def test_phone_number_is_a_tel_link_with_words_around_it(client: FlaskClient) -> None:
    soup = check_page(client.get("/").data)
    footer = soup.find("footer")
    link = footer.find("a", href="tel:14024")
    assert link is not None and link.get_text() == "14 024"
    assert "telefoonnummer" in link.parent.get_text()
    assert footer.find("a", href="tel:+31243299999") is not None
    assert "Mariënburg 30" in footer.get_text()
    for path in ("/contact", "/toegankelijkheid", "/privacy"):
        assert footer.find("a", href=path) is not None


def test_english_page_has_same_slug_and_hreflang(client: FlaskClient) -> None:
    soup = check_page(client.get("/en/diensten/kwijtschelding").data, "en")
    alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate")}
    assert alternates["nl"].endswith("/diensten/kwijtschelding")
    assert alternates["en"].endswith("/en/diensten/kwijtschelding")
    switch = soup.find("a", hreflang="nl", lang="nl")
    assert switch["href"] == "/diensten/kwijtschelding"
    # Easy-read is Dutch only, and the English page says so.
    easy = soup.find("a", href="/makkelijk-lezen/aan?naar=/diensten/kwijtschelding/makkelijk-lezen")
    assert easy is not None and "Dutch" in easy.get_text()


def test_language_switch_keeps_the_page(client: FlaskClient) -> None:
    soup = check_page(client.get("/contact").data, "nl")
    assert soup.find("a", hreflang="en")["href"] == "/en/contact"
    soup = check_page(client.get("/en/zoeken?q=debt").data, "en")
    assert soup.find("a", hreflang="nl")["href"] == "/zoeken?q=debt"


def test_easy_read_page_has_one_sentence_per_line_and_pictograms(client: FlaskClient) -> None:
    soup = check_page(client.get("/diensten/kwijtschelding/makkelijk-lezen").data, "nl")
    blocks = soup.select(".loket-easy__block")
    assert blocks
    pictos = soup.select(".loket-easy__picto")
    # Each pictogram stands beside its heading: decorative (test_easy_read_markup.py).
    assert pictos and all(img["alt"] == "" for img in pictos)
    # Editors see the review status; readers see a plain line only once readers tested it.
    assert "Nog niet getest met lezers" not in soup.get_text()
    assert soup.find("a", href="tel:14024") is not None
    assert not soup.find_all("link", rel="alternate")  # no English version of easy-read


def test_english_easy_read_url_goes_to_the_dutch_page(client: FlaskClient) -> None:
    response = client.get("/en/diensten/kwijtschelding/makkelijk-lezen")
    assert response.status_code == 302
    assert response.location == "/diensten/kwijtschelding/makkelijk-lezen"


def test_easy_read_switch_sets_a_preference(client: FlaskClient) -> None:
    response = client.get("/makkelijk-lezen/aan?naar=/diensten/kwijtschelding/makkelijk-lezen")
    assert response.status_code == 302
    assert response.location == "/diensten/kwijtschelding/makkelijk-lezen"
    cookie = client.get_cookie("loket_makkelijk")
    assert cookie is not None and cookie.value == "1"
    soup = check_page(client.get("/").data)
    assert "/diensten/kwijtschelding/makkelijk-lezen" in {
        a["href"] for a in soup.select(".loket-event a")
    }
    client.get("/makkelijk-lezen/uit?naar=/")
    assert client.get_cookie("loket_makkelijk") is None


def test_easy_read_switch_is_no_open_redirect(client: FlaskClient) -> None:
    for target in (
        "https://kwaad.example",
        "//kwaad.example",
        "/\\kwaad.example",
        "javascript:alert(1)",
        "/%0a/kwaad.example",
        "\t//kwaad.example",
    ):
        response = client.get(f"/makkelijk-lezen/aan?naar={target}")
        assert response.location == "/"


def test_unknown_service_is_a_friendly_404(client: FlaskClient) -> None:
    response = client.get("/diensten/bestaat-niet")
    assert response.status_code == 404
    soup = check_page(response.data)
    assert "Deze pagina bestaat niet" in soup.h1.get_text()


def test_sitemap_lists_both_languages_and_variants(client: FlaskClient) -> None:
    xml = client.get("/sitemap.xml").get_data(as_text=True)
    store = client.application.extensions["loket.content"]
    for slug in store.slugs():
        assert f"/diensten/{slug}</loc>" in xml
        assert f"/en/diensten/{slug}</loc>" in xml
        assert f"/diensten/{slug}/makkelijk-lezen</loc>" in xml
    assert "/en/diensten/kwijtschelding/makkelijk-lezen" not in xml
    assert 'hreflang="en"' in xml


def test_security_txt_and_health(client: FlaskClient) -> None:
    text = client.get("/.well-known/security.txt").get_data(as_text=True)
    assert text.startswith("Contact: ") and "Expires: " in text
    response = client.get("/health")
    assert response.status_code == 200 and response.json == {"status": "ok", "database": "ok"}
    assert client.get("/en/health").status_code == 301


def test_content_links_point_to_existing_pages(client: FlaskClient) -> None:
    store = client.application.extensions["loket.content"]
    seen: set[str] = set()
    for page in store.pages.values():
        path = f"/diensten/{page.slug}" + (
            "/makkelijk-lezen" if page.variant == "makkelijk" else ""
        )
        if page.lang == "en":
            path = "/en" + path
        soup = check_page(client.get(path).data, page.lang)
        for a in soup.select("main a[href^='/']"):
            href = a["href"].split("#")[0]
            if href not in seen:
                seen.add(href)
                status = client.get(href).status_code
                assert status in (200, 302), f"{path} links to {href} ({status})"


def test_pages_are_gzipped_and_small(client: FlaskClient) -> None:
    response = client.get("/diensten/kwijtschelding", headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"
    assert len(response.data) < 14 * 1024
    assert "Accept-Encoding" in response.headers["Vary"]


def test_header_switch_on_other_pages_sets_the_preference(client: FlaskClient) -> None:
    # The contact page renders a `page` too; only service pages get the variant links.
    soup = check_page(client.get("/contact").data)
    switch = soup.select(".loket-tools a")[1]
    assert switch.get_text() == "Makkelijk lezen"
    assert switch["href"] == "/makkelijk-lezen/aan?naar=/contact"
    assert soup.find_all("link", rel="alternate")


def test_content_pages_carry_no_session(client: FlaskClient) -> None:
    # INTERFACES.md: content pages carry no session-bound token, so they can be cached.
    for path in (
        "/",
        "/diensten/kwijtschelding",
        "/diensten/kwijtschelding/makkelijk-lezen",
        "/en/diensten/verhuizen",
        "/zoeken?q=afval",
        "/contact",
    ):
        response = client.get(path)
        assert "Set-Cookie" not in response.headers, path
        assert 'name="csrf_token"' not in response.get_data(as_text=True), path
    for path in ("/diensten/kwijtschelding", "/diensten/kwijtschelding/makkelijk-lezen"):
        assert "Cookie" not in client.get(path).headers.get("Vary", ""), path
    # The home page links to easy-read pages when the preference is on: caches must know.
    assert "Cookie" in client.get("/").headers["Vary"]


def test_header_switch_on_english_pages_says_dutch_only(client: FlaskClient) -> None:
    soup = check_page(client.get("/en/contact").data, "en")
    switch = soup.select(".loket-tools a")[1]
    assert "Dutch" in switch.get_text() and switch["hreflang"] == "nl"
    assert switch["href"] == "/makkelijk-lezen/aan?naar=/"


def test_header_switch_keeps_the_query(client: FlaskClient) -> None:
    soup = check_page(client.get("/zoeken?q=afval").data)
    assert soup.select(".loket-tools a")[1]["href"] == "/makkelijk-lezen/aan?naar=/zoeken?q%3Dafval"
