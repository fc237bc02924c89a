"""Proactive notices ("Belangrijk voor u"): what a resident may be entitled to or must arrange
in time, computed live from the registers by rules kept as data (`meldingen.yaml`), shown in
Mijn Loket and sent by `flask meldingen versturen` to residents who never log in, respecting
the opt-out. See README.md.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.capabilities import Capability


def purge() -> str:
    """`flask opslag opschonen`: forget notices and letters past their time."""
    from app.core.time import local_today
    from app.notices.sending import forget_old

    removed = forget_old(local_today())
    return f"Meldingen: {removed} oude verzendregels gewist."


def capability() -> "Capability":
    from flask_babel import lazy_gettext as _l

    from app.core.capabilities import Capability, StaffLink
    from app.mijn import models as contact  # noqa: F401 - the contact preferences sending reads
    from app.notices import models, selection, sources, states  # noqa: F401 - tables, connectors
    from app.notices.cli import meldingen_cli
    from app.notices.demo import fill_notices
    from app.notices.mijn import attention, settings_section
    from app.notices.views import bp

    return Capability(
        name="notices",
        blueprints=(bp,),
        states=states.STATES,
        exempt=states.EXEMPT,
        commands=(meldingen_cli,),
        demo_fillers=(fill_notices,),
        staff_links=(
            StaffLink("medewerker", "notices.desk", _l("Meldingen: afmelden voor een inwoner")),
        ),
        public_paths=lambda: ["/meldingen/afmelden"],
        providers={
            "mijn.aandacht": attention,
            "mijn.instellingen": settings_section,
            "opslag.opschonen": purge,
        },
    )
