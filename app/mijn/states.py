"""Page states of Mijn Loket and /zaak-status: every page, every error state, a source down.

Lotte's vehicle register does not answer in the demo (`storing:` in residents.yaml), so her
Mijn gegevens shows "Probeer opnieuw" next to the parts that did load. A case system that is
down is tested in tests/mijn (a connector that raises SourceUnavailable).
"""

from app.states import PageState

SETTINGS_FORM = "#contactvoorkeur"
STATUS_FORM = "#zaak-status"

STATES = (
    PageState("mijn.overview", "/mijn", "lopende-zaak", resident="anna"),
    PageState("mijn.overview", "/mijn", "niets-te-doen", resident="fatima"),
    PageState("mijn.overview", "/mijn", "namens-iemand", resident="sanne"),
    PageState("mijn.cases", "/mijn/zaken", "lopend", resident="anna"),
    PageState("mijn.cases", "/mijn/zaken", "afgerond", resident="eva"),
    PageState("mijn.cases", "/mijn/zaken", "geen-zaken", resident="fatima"),
    PageState("mijn.appointments", "/mijn/afspraken", "met-afspraak", resident="fatima"),
    PageState("mijn.appointments", "/mijn/afspraken", "geen-afspraken", resident="jan"),
    PageState("mijn.details", "/mijn/gegevens", "gezin", resident="fatima"),
    PageState("mijn.details", "/mijn/gegevens", "buitenland", resident="pieter"),
    PageState("mijn.details", "/mijn/gegevens", "bron-onbereikbaar", resident="lotte"),
    PageState("mijn.settings", "/mijn/instellingen", "nog-niets-gekozen", resident="fatima"),
    PageState(
        "mijn.save_settings",
        "/mijn/instellingen",
        "email-vergeten",
        resident="fatima",
        submit=SETTINGS_FORM,
        fill=(("channel", "email"), ("email", "")),
        status=400,
    ),
    PageState(
        "mijn.save_settings",
        "/mijn/instellingen",
        "vast-nummer",
        resident="fatima",
        submit=SETTINGS_FORM,
        fill=(("channel", "sms"), ("phone", "024 329 99 99")),
        status=400,
    ),
    PageState(
        "mijn.save_settings",
        "/mijn/instellingen",
        "bewaard",
        resident="jan",
        submit=SETTINGS_FORM,
        fill=(("channel", "email"), ("email", "jan@voorbeeld.nl")),
    ),
    PageState("zaakstatus.lookup", "/zaak-status", "vragen"),
    PageState("zaakstatus.lookup", "/zaak-status", "leeg", submit=STATUS_FORM, status=400),
    PageState(
        "zaakstatus.lookup",
        "/zaak-status",
        "niet-gevonden",
        submit=STATUS_FORM,
        fill=(("reference", "ZK-4769-HM"), ("postcode", "6511 AB")),
    ),
    PageState(
        "zaakstatus.lookup",
        "/zaak-status",
        "gevonden",
        submit=STATUS_FORM,
        fill=(("reference", "zk 4769 hm"), ("postcode", "6532ef")),
    ),
)

EXEMPT = {
    "mijn.manage_appointment": "a redirect only: opens the booking's own change-or-cancel pages"
    " (tests/mijn/test_appointments.py)",
}
