"""Cases: every submission becomes a case in the case system (ZGW Zaken API, or the demo).

Only `app/cases/service.py` calls the case system; see README.md.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.capabilities import Capability


def fill_demo_cases() -> str | None:
    """Add the demo residents' cases to the demo case system (`flask demo vullen`)."""
    from app.cases.base import case_systems
    from app.cases.contrib.demo import DemoCaseSystem

    system = case_systems.get()
    if not isinstance(system, DemoCaseSystem):
        return None
    added = system.fill()
    return f"Demozaken: {added} toegevoegd." if added else None


def capability() -> "Capability":
    from app.cases import (
        models,  # noqa: F401 - the demo case system's tables
        service,  # noqa: F401 - registers the implementations
    )
    from app.cases.cli import zaken_cli
    from app.core.capabilities import Capability

    return Capability(name="cases", commands=(zaken_cli,), demo_fillers=(fill_demo_cases,))
