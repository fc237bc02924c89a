"""Page states of the staff pages of the outbox (signed in as medewerker, with the demo data)."""

from app.states import PageState

PDF = "a PDF download, not an HTML page; tests/notify/test_staff_pages.py reads it"
EXEMPT = {"notify.letter_pdf": PDF, "notify.letters_pdf": PDF}

STATES = (
    PageState("notify.messages", "/medewerker/berichten", "alle", role="medewerker"),
    PageState(
        "notify.messages", "/medewerker/berichten?status=mislukt", "mislukt", role="medewerker"
    ),
    PageState("notify.messages", "/medewerker/berichten?status=bezig", "geen", role="medewerker"),
    PageState(
        "notify.message", "/medewerker/berichten/demo-email-fatima", "email", role="medewerker"
    ),
    PageState("notify.message", "/medewerker/berichten/demo-sms-anna", "sms", role="medewerker"),
    PageState("notify.message", "/medewerker/berichten/demo-brief-jan", "brief", role="medewerker"),
    PageState("notify.message", "/medewerker/berichten/demo-mislukt", "mislukt", role="medewerker"),
    PageState(
        "notify.retry",
        "/medewerker/berichten/demo-mislukt",
        "opnieuw-versturen",
        role="medewerker",
        submit="#opnieuw-versturen",
    ),
    PageState("notify.letters", "/medewerker/brieven", "vandaag", role="medewerker"),
    PageState(
        "notify.letters", "/medewerker/brieven?dag=2020-01-06", "geen-brieven", role="medewerker"
    ),
    PageState("notify.letter", "/medewerker/brieven/demo-brief-jan", "brief", role="medewerker"),
)
