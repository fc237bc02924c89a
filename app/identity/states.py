"""Page states of the resident login: the choice, the demo login, failures and logging out."""

from app.states import PageState, Visit

STATES = (
    PageState("identity.login", "/login", "kiezen"),
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
    PageState("identity.logout", "/logout", "uitgelogd"),
    PageState("identity.logout", "/logout", "uitloggen", resident="jan", submit="#uitloggen"),
)
