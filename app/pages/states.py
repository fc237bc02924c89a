"""Page states of the content pages that the url map and the sitemap do not reach."""

from app.states import PageState

EXEMPT = {
    "pages.easy_on": "sets a preference and redirects",
    "pages.easy_off": "sets a preference and redirects",
}

STATES = (
    PageState("pages.search", "/zoeken?q=geen+geld", "resultaten"),
    PageState("pages.search", "/zoeken?q=xyzzy", "niets-gevonden"),
)
