"""Reader panels: test pages with readers, record it honestly, and the editors' dashboard."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.capabilities import Capability


def capability() -> "Capability":
    from flask_babel import lazy_gettext as _l

    from app.core.capabilities import Capability, StaffLink
    from app.panel import states
    from app.panel.cli import fill_demo_session, leespanel_cli
    from app.panel.snapshot import public_review_line, version
    from app.panel.views import bp

    return Capability(
        name="panel",
        blueprints=(bp,),
        states=states.STATES,
        exempt=states.EXEMPT,
        commands=(leespanel_cli,),
        demo_fillers=(fill_demo_session,),
        staff_links=(
            StaffLink(
                "redacteur", "panel.dashboard", _l("Alle pagina's: taalniveau en test met lezers")
            ),
            StaffLink("redacteur", "panel.index", _l("Een tekst testen met lezers (leespanel)")),
        ),
        # Content pages show the reader-test line through this, without importing the panel.
        # Kept content pages are rendered again when the snapshot changes (app/pages/cache.py).
        providers={"page_status": public_review_line, "pages.version": version},
    )
