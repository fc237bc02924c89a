"""Walk a form as a resident does, without JavaScript: each step as the page shows it."""

from collections.abc import Mapping
from typing import Any

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.forms.helpers import send, soup_of, text_of

# What a resident changes on each step of each form (everything else stays as filled in ahead).
ANSWERS: dict[str, dict[str, dict[str, Any]]] = {
    "kwijtschelding": {
        "inkomen": {"spaargeld": "0"},
        "kosten": {"woonlasten": "650,00", "auto": "nee"},
        "bewijs": {"stukken": "later"},
        "bericht": {"contact": "email", "contact_email": "fatima@voorbeeld.nl"},
    },
    "meedoenregeling": {
        "gegevens": {"iban": "NL91 ABNA 0417 1643 00"},
        "inkomen": {"spaargeld": "120,50"},
        "bewijs": {"stukken": "meenemen"},
        "bericht": {"contact": "brief"},
    },
    "individuele-inkomenstoeslag": {
        "gegevens": {"iban": "NL91ABNA0417164300"},
        "inkomen": {"spaargeld": "0"},
        "situatie": {"drie_jaar": "ja", "waarom": "Ik heb al lang een laag inkomen."},
        "bewijs": {"stukken": "later"},
        "bericht": {"contact": "sms", "contact_telefoon": "06 12 34 56 78"},
    },
    "collectieve-zorgverzekering": {
        "verzekering": {"pakket": "basis-extra"},
        "bewijs": {"stukken": "later"},
        "bericht": {"contact": "email", "contact_email": "fatima@voorbeeld.nl"},
    },
    "bewonersparkeervergunning": {
        "auto": {"eigenaar": "eigen"},
        "parkeerplaats": {"eigen_plek": "nee"},
        "bericht": {"contact": "email", "contact_email": "jan@voorbeeld.nl"},
    },
    "melding-openbare-ruimte": {
        "wat": {"soort": "verlichting", "omschrijving": "De lamp bij de bushalte is kapot."},
        "waar": {"hoe": "adres"},
        "adres": {"locatie_postcode": "6532 EF", "locatie_huisnummer": "47"},
        "bericht": {"contact": "geen"},
    },
}
# Who fills in each form (None: without logging in).
RESIDENT = {
    "kwijtschelding": "fatima",
    "meedoenregeling": "fatima",
    "individuele-inkomenstoeslag": "fatima",
    "collectieve-zorgverzekering": "fatima",
    "bewonersparkeervergunning": "jan",
    "melding-openbare-ruimte": None,
}


def reference_on(page_text: str) -> str:
    """The reference a confirmation page shows ("KW - 4736 - KM" reads well aloud)."""
    import re

    found = re.search(r"\b([A-Z]{2}) - (\d{4}) - ([A-Z]{2})\b", page_text)
    assert found, page_text[:400]
    return "-".join(found.groups())


def errors_on(response: TestResponse) -> list[str]:
    return [e.get_text(" ", strip=True) for e in soup_of(response).select(".loket-field-error")]


def step_name(response: TestResponse) -> str:
    return response.request.path.rstrip("/").split("/")[-1]


def fill_in(
    client: FlaskClient,
    slug: str,
    answers: Mapping[str, Mapping[str, Any]] | None = None,
    *,
    until: str = "controleren",
    lang: str = "nl",
) -> TestResponse:
    """Go through the form from its first open step up to `until` (not sending that one)."""
    prefix = "/en" if lang == "en" else ""
    chosen = ANSWERS[slug] if answers is None else answers
    response = client.get(f"{prefix}/formulieren/{slug}/begin", follow_redirects=True)
    for _ in range(20):
        name = step_name(response)
        if name == until:
            return response
        assert name not in ("controleren", "bevestiging"), f"went past {until}: at {name}"
        response = send(client, response.request.path, chosen.get(name, {}))
        assert response.status_code == 200, text_of(response)[:500]
        assert not errors_on(response), f"{name}: {errors_on(response)}"
    raise AssertionError(f"never reached {until}")


def submit_review(client: FlaskClient, slug: str, lang: str = "nl") -> TestResponse:
    prefix = "/en" if lang == "en" else ""
    return send(client, f"{prefix}/formulieren/{slug}/controleren")
