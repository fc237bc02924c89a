"""Language from the URL: Dutch at the root, English under /en with the same slugs.

The middleware moves the /en prefix into SCRIPT_NAME, so every view is written once and
`url_for` produces /en/... links on English pages without any special handling.
"""

from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, redirect, request
from werkzeug.wrappers import Response

from app.extensions import current_language

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class LanguagePrefix:
    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        path = environ.get("PATH_INFO", "") or "/"
        if path == "/en" or path.startswith("/en/"):
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + "/en"
            environ["PATH_INFO"] = path[3:] or "/"
            environ["loket.lang"] = "en"
        else:
            environ["loket.lang"] = "nl"
        return self.app(environ, start_response)


def language_neutral[F: Callable[..., Any]](view: F) -> F:
    """Mark a view that has one URL for both languages (sitemap, security.txt, callbacks)."""
    view.language_neutral = True  # type: ignore[attr-defined]
    return view


def neutral_url_for(endpoint: str, **values: Any) -> str:
    """Return the one URL of a language-neutral view, also from an English page."""
    from flask import url_for

    return url_for(endpoint, **values).removeprefix(request.script_root)


def path_in(lang: str, path: str | None = None) -> str:
    """Return the URL of `path` (default: this page, with its query) in `lang`."""
    if path is None:
        path = request.full_path.rstrip("?") if request.query_string else request.path
    if lang != "en":
        return path
    return "/en" if path == "/" else "/en" + path


def init_app(app: Flask) -> None:
    app.wsgi_app = LanguagePrefix(app.wsgi_app)  # type: ignore[method-assign]
    app.jinja_env.globals.update(current_language=current_language, path_in=path_in)

    @app.context_processor
    def page_language() -> dict[str, str]:
        # Every template, fragments included, knows the page's language: an htmx fragment is
        # rendered without base.html and must still speak the language of the page it lands in.
        return {"lang": current_language()}

    @app.before_request
    def neutral_urls_have_no_prefix() -> Response | None:
        view = app.view_functions.get(request.endpoint or "")
        if request.environ.get("loket.lang") == "en" and getattr(view, "language_neutral", False):
            return redirect(request.full_path.rstrip("?"), 301)
        return None
