"""Page states of the site pages that the url map and the sitemap do not reach."""

from app.states import PageState

EXEMPT = {
    "static": "static files, no HTML",
    "site.sitemap": "XML for search engines; its pages are all checked",
    "site.security_txt": "plain text for security researchers",
    "site.health": "JSON for operators",
}

STATES = (PageState("errors.not_found", "/deze-pagina-bestaat-niet", "404", status=404),)
