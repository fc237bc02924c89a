"""Walk the booking flow with the Werkzeug client, like a resident without JavaScript."""

from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from app.states import Visit
from tests.browse import form_data, submit

DETAILS = (("naam", "Eva Visser"), ("bericht", "email"), ("email", "eva@voorbeeld.nl"))


def soup(response: TestResponse) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def errors(response: TestResponse) -> list[str]:
    return [
        e.get_text(" ", strip=True).removeprefix("Fout: ")
        for e in soup(response).select(".loket-field-error")
    ]


def summary(response: TestResponse) -> list[str]:
    return [a.get_text(" ", strip=True) for a in soup(response).select(".loket-error-summary a")]


def step(
    client: FlaskClient, name: str, *fill: tuple[str, str], form: str = "form.loket-form"
) -> TestResponse:
    return submit(client, Visit(f"/afspraak/{name}", form, tuple(fill)))


def free_times(response: TestResponse) -> list[str]:
    return [str(i["value"]) for i in soup(response).select('#tijden input[name="tijd"]')]


def to_time_step(
    client: FlaskClient,
    channel: str = "balie",
    place: str = "balie-stadswinkel",
    topic: str = "kwijtschelding",
    support: tuple[tuple[str, str], ...] = (),
) -> TestResponse:
    step(client, "onderwerp", ("onderwerp", topic))
    step(client, "kanaal", ("kanaal", channel))
    response = step(client, "ondersteuning", *support)
    if channel in ("balie", "stip"):
        response = step(client, "waar", ("plek", place))
    elif channel == "thuis":
        response = step(
            client,
            "waar",
            ("postcode", "6512ab"),
            ("huisnummer", "12"),
            ("waarom", "Ik kan niet goed lopen."),
        )
    return response


def to_review(
    client: FlaskClient, details: tuple[tuple[str, str], ...] = DETAILS, **kwargs: object
) -> TestResponse:
    to_time_step(client, **kwargs)  # type: ignore[arg-type]
    step(client, "wanneer", form="form.loket-first-time")
    return step(client, "gegevens", *details)


def book(client: FlaskClient, **kwargs: object) -> TestResponse:
    """Walk the whole flow and press "Afspraak maken"; return the confirmation."""
    to_review(client, **kwargs)  # type: ignore[arg-type]
    return step(client, "controleren")


def reference(response: TestResponse) -> str:
    return soup(response).select_one(".loket-reference").get_text(strip=True).replace(" ", "")


def post_form(
    client: FlaskClient,
    response: TestResponse,
    selector: str = "form.loket-form",
    fill: tuple[tuple[str, str], ...] = (),
    follow: bool = True,
) -> TestResponse:
    """Send a form of a page already fetched (without fetching it again)."""
    form = soup(response).select_one(selector)
    assert form is not None, selector
    data = form_data(form, fill)
    return client.post(str(form.get("action")), data=data, follow_redirects=follow)
