"""Error pages in B1 with a way to a person. Never a stack trace."""

from flask import Flask, render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from app.extensions import wants_fragment


def _page(code: int, title: str, message: str) -> tuple[str, int]:
    # htmx swaps error answers into the part of the page it asked for: send only the message.
    template = "site/_error.html" if wants_fragment() else "site/error.html"
    return render_template(template, code=code, title=title, message=message), code


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> tuple[str, int]:
        return _page(
            400,
            _("Het formulier is verlopen"),
            _(
                "Ga terug, laad de pagina opnieuw en probeer het nog een keer. Wat u had ingevuld, "
                "staat er dan misschien niet meer."
            ),
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str, int]:
        code = error.code or 500
        if code == 404:
            return _page(
                404,
                _("Deze pagina bestaat niet"),
                _(
                    "Misschien is de pagina verhuisd of klopt het adres niet. Zoek wat u nodig "
                    "hebt of ga naar de startpagina."
                ),
            )
        if code == 429:
            return _page(
                429,
                _("Even wachten"),
                _("U hebt dit heel vaak geprobeerd. Wacht een minuut en probeer het dan opnieuw."),
            )
        if code in (401, 403):
            return _page(
                403,
                _("U mag deze pagina niet zien"),
                _("Log in met een account dat deze pagina mag zien. Of ga naar de startpagina."),
            )
        if code == 413:
            return _page(
                413,
                _("Wat u stuurde is te groot"),
                _(
                    "Dit is te veel om in één keer te sturen. Maak uw tekst korter, "
                    "of stuur hem in delen. Lukt het niet? Bel ons."
                ),
            )
        if code == 400:
            return _page(
                400,
                _("Dit kunnen wij niet lezen"),
                _(
                    "Uw browser stuurde iets wat wij niet begrijpen. Ga terug, laad de pagina "
                    "opnieuw en probeer het nog een keer."
                ),
            )
        if code == 405:
            body, status = _page(405, _("Dit kan zo niet"), _("Ga terug en probeer het opnieuw."))
            allow = dict(error.get_headers()).get("Allow")
            return body, status, ({"Allow": allow} if allow else {})  # type: ignore[return-value]
        if code < 500:
            return _page(code, _("Er ging iets mis"), _("Ga terug en probeer het opnieuw."))
        return server_error(error)

    @app.errorhandler(InternalServerError)
    def server_error(error: Exception) -> tuple[str, int]:
        return _page(
            500,
            _("Er ging bij ons iets mis"),
            _(
                "Dit is onze fout, niet die van u. Probeer het over een paar minuten opnieuw. "
                "Lukt het dan nog niet? Bel ons."
            ),
        )
