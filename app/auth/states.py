"""Page states of the staff login and overview."""

from app.states import PageState

EXEMPT = {"auth.logout": "POST only; redirects to the login page"}

STATES = (
    PageState("auth.login", "/medewerker/inloggen", "foutmelding", submit="form.loket-form"),
    PageState(
        "auth.login",
        "/medewerker/inloggen",
        "fout-wachtwoord",
        submit="form.loket-form",
        fill=(("email", "redacteur@loket.example"), ("password", "niet-het-goede-wachtwoord")),
    ),
    PageState("auth.overview", "/medewerker/", "ingelogd", role="redacteur"),
)
