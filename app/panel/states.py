"""Example states of the dashboard and the reader-panel pages, for the page checks.

The session pages use the open demo session that `flask demo vullen` adds (session 1).
Every signed-in state is a login, and the login is rate limited (20 a minute) for the whole
check run: so English is checked on the two main pages only. The texts are the same.
"""

from app.states import PageState, declare, exempt

DEMO = "/redactie/leespanel/sessie/1"
NL = ("nl",)

exempt("panel.todo", "POST only; redirects to the session page")

declare(
    PageState("panel.dashboard", "/redactie", "alle-paginas", role="redacteur"),
    PageState(
        "panel.dashboard",
        "/redactie?toon=niet-getest",
        "filter-niet-getest",
        role="redacteur",
        languages=NL,
    ),
    PageState("panel.index", "/redactie/leespanel", "starten", role="redacteur", languages=NL),
    PageState(
        "panel.index",
        "/redactie/leespanel",
        "geen-pagina-gekozen",
        role="redacteur",
        submit="#leespanel-start",
        languages=NL,
    ),
    PageState("panel.block", f"{DEMO}/blok/1", "blok", role="redacteur"),
    PageState(
        "panel.block",
        f"{DEMO}/blok/1",
        "opmerking-zonder-reden",
        role="redacteur",
        submit="#leespanel-blok",
        fill=(("zin_1_opmerking", "Het woord snappen de lezers niet."),),
        languages=NL,
    ),
    PageState("panel.outcome", f"{DEMO}/uitkomst", "uitkomst", role="redacteur", languages=NL),
    PageState(
        "panel.outcome",
        f"{DEMO}/uitkomst",
        "fouten",
        role="redacteur",
        submit="#leespanel-uitkomst",
        fill=(("tested_on", "31-02-2026"),),
        languages=NL,
    ),
    PageState("panel.session", DEMO, "open-sessie", role="redacteur", languages=NL),
)
