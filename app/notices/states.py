"""Page states of the notices: "Belangrijk voor u" for each kind of demo resident, the opt-out
with a letter's code (every answer), and the staff desk. The demo letters are there because the
page checks run `flask demo vullen` first (app/notices/demo.py gives them fixed codes)."""

from app.notices.demo import demo_code
from app.states import PageState

HENK = "999942554"  # never logs in: he has letters only (app/demo_data/residents.yaml)
HENK_CODE = demo_code(HENK)
FORM = "#afmelden"
DESK = "#meldingen-medewerker"

STATES = (
    PageState("notices.mine", "/mijn/meldingen", "actie-en-parkeren", resident="jan"),
    PageState("notices.mine", "/mijn/meldingen", "regelingen-vanzelf", resident="fatima"),
    PageState("notices.mine", "/mijn/meldingen", "parkeerkaart", resident="anna"),
    PageState("notices.mine", "/mijn/meldingen", "namens-iemand", resident="sanne"),
    PageState("notices.mine", "/mijn/meldingen", "al-een-regeling", resident="kees"),
    PageState("notices.mine", "/mijn/meldingen", "bron-niet-bereikbaar", resident="lotte"),
    PageState("notices.mine", "/mijn/meldingen", "niets", resident="pieter"),
    PageState("notices.one", "/mijn/meldingen/1", "parkeren", resident="jan"),
    PageState("notices.one", "/mijn/meldingen/2", "reisdocument", resident="jan"),
    PageState("notices.one", "/mijn/meldingen/1", "caz-niet-altijd-het-beste", resident="fatima"),
    PageState("notices.one", "/mijn/meldingen/4", "vanzelf", resident="fatima"),
    PageState("notices.one", "/mijn/meldingen/2", "parkeerkaart-vanzelf", resident="anna"),
    PageState("notices.one", "/mijn/meldingen/9", "bestaat-niet", resident="jan", status=404),
    PageState("notices.one", "/mijn/meldingen/1", "parkeren", resident="jan"),
    PageState("notices.one", "/mijn/meldingen/2", "reisdocument", resident="jan"),
    PageState("notices.one", "/mijn/meldingen/1", "caz-niet-altijd-het-beste", resident="fatima"),
    PageState("notices.one", "/mijn/meldingen/4", "vanzelf", resident="fatima"),
    PageState("notices.one", "/mijn/meldingen/2", "parkeerkaart-vanzelf", resident="anna"),
    PageState("notices.one", "/mijn/meldingen/9", "bestaat-niet", resident="jan", status=404),
    PageState("notices.by_code", "/meldingen/afmelden", "leeg", submit=FORM, status=400),
    PageState(
        "notices.by_code",
        "/meldingen/afmelden",
        "code-onvolledig",
        submit=FORM,
        fill=(("code", "ML-12"), ("postcode", "1234")),
        status=400,
    ),
    PageState(
        "notices.by_code",
        "/meldingen/afmelden",
        "niet-gevonden",
        submit=FORM,
        fill=(("code", HENK_CODE), ("postcode", "6500 ZZ")),
        status=404,
    ),
    PageState(
        "notices.by_code",
        "/meldingen/afmelden",
        "afgemeld",
        submit=FORM,
        fill=(("code", HENK_CODE), ("postcode", "6532 eg"), ("actie", "af")),
    ),
    PageState(
        "notices.by_code",
        "/meldingen/afmelden",
        "weer-aangemeld",
        submit=FORM,
        fill=(("code", HENK_CODE), ("postcode", "6532EG"), ("actie", "aan")),
    ),
    PageState("notices.desk", "/medewerker/meldingen", "leeg", role="medewerker"),
    PageState(
        "notices.desk",
        "/medewerker/meldingen",
        "fout",
        role="medewerker",
        submit=DESK,
        fill=(("bsn", "123"),),
        status=400,
    ),
    PageState(
        "notices.desk",
        "/medewerker/meldingen",
        "bekeken",
        role="medewerker",
        submit=DESK,
        fill=(("bsn", HENK),),
    ),
    PageState(
        "notices.desk",
        "/medewerker/meldingen",
        "afgemeld-aan-de-balie",
        role="medewerker",
        submit=DESK,
        fill=(("bsn", "999990020"), ("actie", "af"), ("kanaal", "telefoon")),
    ),
)

EXEMPT = {
    "notices.mijn_setting": "its form is the opt-out section on /mijn/instellingen (app/mijn,"
    " provider mijn.instellingen); tests/notices/test_optout.py submits it",
}
