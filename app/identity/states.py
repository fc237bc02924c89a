"""Page states of the resident login and session: choosing, the demo login, failures, logging
out (here and at the broker), staying logged in and "Stoppen en wissen"."""

from app.states import PageState, Visit

STATES = (
    PageState("identity.login", "/login", "kiezen"),
    PageState("identity.login", "/login?volgende=/sessie", "kiezen-met-terugweg"),
    PageState("identity.demo_login", "/login?method=digid", "demo-kiezen"),
    PageState(
        "identity.demo_login",
        "/login?method=digid",
        "demo-niets-gekozen",
        submit="#demo-inloggen",
    ),
    PageState("identity.demo_login", "/login?method=eherkenning", "demo-bedrijf"),
    PageState(
        "identity.callback",
        "/auth/callback?code=onbekend&state=onbekend",
        "verlopen",
        status=400,
        languages=("nl",),
    ),
    PageState(
        "identity.callback",
        "/auth/callback?error=access_denied",
        "gestopt",
        before=(Visit("/login?method=digid", submit=""),),
        status=400,
        languages=("nl",),
    ),
    PageState("identity.logout", "/logout", "ingelogd", resident="fatima"),
    PageState("identity.logout", "/logout", "namens-iemand", resident="sanne"),
    PageState("identity.logout", "/logout", "bewindvoerder", resident="ria"),
    PageState("identity.logout", "/logout", "uitgelogd"),
    # The POST ends at the page that sends the browser on to the broker's end-session address.
    PageState("identity.logout", "/logout", "uitloggen", resident="jan", submit="#uitloggen"),
    PageState("session.overview", "/sessie", "niet-ingelogd"),
    PageState("session.overview", "/sessie", "ingelogd", resident="fatima"),
    PageState(
        "session.extend", "/sessie", "blijf-ingelogd", resident="anna", submit="#sessie-verlengen"
    ),
    PageState("session.stop", "/sessie", "gewist-zonder-login", submit="#stoppen-en-wissen"),
    PageState(
        "session.stop", "/sessie", "gewist-ingelogd", resident="eva", submit="#stoppen-en-wissen"
    ),
    PageState("session.wiped", "/gewist", "opnieuw-geopend"),
)

EXEMPT = {
    "identity.demo_logout": "a redirect only: the demo broker's end-session address",
    "session.status": "JSON for sessie.js, not a page",
}
