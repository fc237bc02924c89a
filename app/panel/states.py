"""Example states of the dashboard and the reader-panel pages, for the page checks.

The session pages use the open demo session that `flask demo vullen` adds (session 1).
"""

from app.states import PageState

DEMO = "/redactie/leespanel/sessie/1"

EXEMPT = {"panel.todo": "POST only; redirects to the session page"}

STATES = (
    PageState("panel.dashboard", "/redactie", "alle-paginas", role="redacteur"),
    PageState(
        "panel.dashboard",
        "/redactie?toon=niet-getest",
        "filter-niet-getest",
        role="redacteur",
    ),
    PageState(
        "panel.dashboard",
        "/redactie?sorteer=niveau&volgorde=af",
        "gesorteerd-op-niveau",
        role="redacteur",
    ),
    PageState("panel.index", "/redactie/leespanel", "starten", role="redacteur"),
    PageState(
        "panel.index",
        "/redactie/leespanel",
        "geen-pagina-gekozen",
        role="redacteur",
        submit="#leespanel-start",
    ),
    PageState("panel.block", f"{DEMO}/blok/1", "blok", role="redacteur"),
    PageState(
        "panel.block",
        f"{DEMO}/blok/1",
        "opmerking-zonder-reden",
        role="redacteur",
        submit="#leespanel-blok",
        fill=(("zin_1_opmerking", "Het woord snappen de lezers niet."),),
    ),
    PageState("panel.outcome", f"{DEMO}/uitkomst", "uitkomst", role="redacteur"),
    PageState(
        "panel.outcome",
        f"{DEMO}/uitkomst",
        "fouten",
        role="redacteur",
        submit="#leespanel-uitkomst",
        fill=(("tested_on", "31-02-2026"),),
    ),
    PageState("panel.session", DEMO, "open-sessie", role="redacteur"),
)
