"""The example states that URLs alone cannot reach, and the endpoints the page checks skip."""

from app.states import PageState, declare, exempt

exempt("static", "static files, no HTML")
exempt("site.sitemap", "XML for search engines; its pages are all checked")
exempt("site.security_txt", "plain text for security researchers")
exempt("site.health", "JSON for operators")
exempt("pages.easy_on", "sets a preference and redirects")
exempt("pages.easy_off", "sets a preference and redirects")
exempt("auth.logout", "POST only; redirects to the login page")

declare(
    PageState("pages.search", "/zoeken?q=geen+geld", "resultaten"),
    PageState("pages.search", "/zoeken?q=xyzzy", "niets-gevonden"),
    PageState("errors.not_found", "/deze-pagina-bestaat-niet", "404", status=404),
    PageState("auth.login", "/medewerker/inloggen", "foutmelding", submit="form.loket-form"),
    PageState(
        "auth.login",
        "/medewerker/inloggen",
        "fout-wachtwoord",
        submit="form.loket-form",
        fill=(("email", "redacteur@loket.example"), ("password", "niet-het-goede-wachtwoord")),
    ),
    PageState("auth.overview", "/medewerker/", "ingelogd", role="redacteur"),
)
