"""Site-wide pages: contact, accessibility, privacy, sitemap, security.txt, health, errors."""

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

    from app.core.capabilities import Capability


def load(app: "Flask") -> None:
    """Read the site pages and the contact facts (one source for footer, pages and letters)."""
    from app.core.filememo import read_once
    from app.site.texts import load_contact, load_site_pages

    content_dir = Path(app.config["CONTENT_DIR"])
    pages, contact = content_dir / "nl" / "pagina", content_dir / "contact.yaml"
    app.extensions["loket.site_pages"] = read_once(
        "site_pages", (pages, content_dir / "en" / "pagina"), lambda: load_site_pages(content_dir)
    )
    app.extensions["loket.contact"] = read_once(
        "contact", (contact,), lambda: load_contact(content_dir)
    )


def capability() -> "Capability":
    from flask import current_app

    from app.core.capabilities import Capability
    from app.site import errors, states
    from app.site.views import bp, public_paths, public_url

    return Capability(
        name="site",
        blueprints=(bp,),
        states=states.STATES,
        exempt=states.EXEMPT,
        loaders=(load,),
        setup=errors.init_app,
        public_paths=public_paths,
        template_globals={"public_url": public_url},
        context=(lambda: {"contact": current_app.extensions["loket.contact"]},),
    )
