"""Resident applications as data: `content/formulieren/<slug>.yaml`, at /formulieren/<slug>.

Prefilled from the registers (with source and date, always editable), evidence, save and
resume by code or link, check your answers, a case in the case system, a confirmation by the
resident's channel, a PDF copy and a paper version; correct or withdraw until a decision.
See README.md.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

    from app.core.capabilities import Capability
    from app.forms.definitions import Library


def load(app: "Flask") -> None:
    """Read every form definition at start-up; a mistake stops the app with its reason."""
    from pathlib import Path

    from app.cases.statuses import catalogue
    from app.core.filememo import read_once
    from app.forms.definitions import read_library

    folder = Path(app.config["CONTENT_DIR"]) / "formulieren"
    kinds = tuple(catalogue().case_types)
    app.extensions["loket.forms"] = read_once(
        f"forms:{kinds}", (folder,), lambda: read_library(folder, kinds)
    )


def library() -> "Library":
    from flask import current_app

    found: Library = current_app.extensions["loket.forms"]
    return found


def flow_names() -> dict[str, str]:
    """What "Stoppen en wissen" calls each form's answers ("Het formulier Meedoenregeling")."""
    from flask_babel import gettext as _

    from app.forms.engine import kind_of

    names = {kind_of(f): _("Het formulier: %(title)s", title=str(f.title)) for f in library()}
    names["formulier-klaar"] = _("De bevestiging van een formulier")
    names["formulier-bewaard"] = _("De code van een bewaard formulier")
    return names


def public_paths() -> list[str]:
    """The list of forms, each form's start page and its paper version (sitemap, page checks)."""
    paths = ["/formulieren"]
    for form in library():
        paths += [f"/formulieren/{form.slug}", f"/formulieren/{form.slug}/papier"]
    return paths


def purge() -> str:
    from app.forms.service import purge as purge_forms

    return purge_forms()


def capability() -> "Capability":
    from app.core.capabilities import Capability
    from app.forms import models, states, views_drafts, views_extra, views_submitted  # noqa: F401 - the tables  # noqa: F401 - routes
    from app.forms.demo import fill_demo_submission
    from app.forms.views import bp

    return Capability(
        name="forms",
        blueprints=(bp,),
        states=states.STATES,
        exempt=states.EXEMPT,
        loaders=(load,),
        demo_fillers=(fill_demo_submission,),
        public_paths=public_paths,
        providers={"opslag.opschonen": purge, "sessie.onderdelen": flow_names},
    )
