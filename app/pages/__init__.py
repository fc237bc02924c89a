"""Content pages (services in B1 and easy-read), the home page by life events, and search."""

from pathlib import Path
from typing import TYPE_CHECKING

from app.core import yamlfiles

if TYPE_CHECKING:
    from flask import Flask

    from app.core.capabilities import Capability


def load(app: "Flask") -> None:
    """Load and check every content file, build the search index and read the pictograms."""
    from app.core.filememo import read_once
    from app.pages.content import load_content
    from app.pages.search import SearchIndex

    content_dir = Path(app.config["CONTENT_DIR"])
    static = Path(app.static_folder or "")
    store = load_content(content_dir, static)
    app.extensions["loket.content"] = store
    synonyms = content_dir / "zoekwoorden.yaml"
    app.extensions["loket.search"] = read_once(
        f"search:{id(store)}", (content_dir,), lambda: SearchIndex(store, synonyms)
    )
    pictograms = static / "pictograms" / "pictograms.yaml"
    app.extensions["loket.pictograms"] = read_once(
        "pictograms",
        (pictograms,),
        lambda: yamlfiles.safe_load(pictograms.read_text(encoding="utf-8")),
    )


def capability() -> "Capability":
    from flask import current_app

    from app.core.capabilities import Capability
    from app.links import booking_url, can_book, is_here, resolve, resolve_html
    from app.pages import states
    from app.pages.labels import KIND_LABELS, page_status
    from app.pages.life_events import LIFE_EVENTS
    from app.pages.markdown import marked_html
    from app.pages.views import bp, prefers_easy_read, public_paths

    return Capability(
        name="pages",
        blueprints=(bp,),
        states=states.STATES,
        exempt=states.EXEMPT,
        loaders=(load,),
        public_paths=public_paths,
        template_globals={
            "resolve_link": resolve,
            "resolve_html": resolve_html,
            "booking_url": booking_url,
            "is_here": is_here,
            "with_lang_marks": marked_html,
            "can_book": can_book,
            "kind_labels": KIND_LABELS,
            "life_event_titles": {e.slug: e.title for e in LIFE_EVENTS},
            "prefers_easy_read": prefers_easy_read,
            "page_status": page_status,
        },
        context=(lambda: {"pictograms": current_app.extensions["loket.pictograms"]},),
    )
