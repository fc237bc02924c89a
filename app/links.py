"""Resolve links from content to this site, so a resident never lands on a page that is not there.

Content names the URLs of flows (`/afspraak?onderwerp=...`, `/formulieren/...`) that may be built
later. Until a flow exists, a link to it is shown as plain text (and a channel says it cannot be
done here yet): a link must never promise what is not there. Only "Praat met een mens"
(`booking_url`) falls back to the contact page, which lists every way to reach a person.
"""

import re
from collections.abc import Callable
from html import unescape
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from flask import current_app, request, url_for
from flask_babel import gettext as _
from markupsafe import Markup, escape
from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import RequestRedirect

from app.extensions import current_language
from app.i18n import path_in
from app.pages.markdown import TABLE_LABEL


def internal_exists(path: str) -> bool:
    """Return whether a GET of `path` leads to a page: a route matches, and the view agrees.

    A view whose URL holds a name from data (`/formulieren/<slug>`) says which names exist with
    `@exists_when(lambda slug: ...)`: a route alone would make every name look like a page.
    """
    adapter = current_app.url_map.bind("localhost")
    try:
        endpoint, values = adapter.match(path, method="GET")
    except (NotFound, MethodNotAllowed):
        return False
    except RequestRedirect:
        return True
    check = getattr(current_app.view_functions.get(endpoint), "exists_when", None)
    return bool(check(**values)) if callable(check) else True


def exists_when[F: Callable[..., Any]](check: Callable[..., bool]) -> Callable[[F], F]:
    """Mark a view whose URL values must name something that exists (see `internal_exists`)."""

    def mark(view: F) -> F:
        view.exists_when = check  # type: ignore[attr-defined]
        return view

    return mark


def resolve(url: str | None) -> str | None:
    """Return a usable href for `url` on the current page, or None when it leads nowhere yet."""
    if not url:
        return None
    if not url.startswith("/"):
        return url
    if url == "/en" or url.startswith("/en/"):
        url = url[3:] or "/"
    path = urlsplit(url).path
    if internal_exists(path):
        return path_in(current_language(), url)
    return None


# Our renderer writes href first; other attributes (lang) may follow it.
_LOCAL_LINK = re.compile(r'<a href="(/[^"]*)"([^>]*)>(.*?)</a>', re.S)


def resolve_html(html: str) -> Markup:
    """Resolve every local link in rendered content; a link that leads nowhere yet becomes text.

    Words the renderer cannot know (it runs before any request) are filled in here, in the
    page's language: the name of a table's scroll box.

    Content and routes do not change while the app runs: each text is resolved once per language.
    """
    cache: dict[tuple[str, str], Markup] = current_app.extensions.setdefault("loket.links", {})
    key = (current_language(), html)
    if key not in cache:
        cache[key] = _resolve_html(html)
    return cache[key]


def _resolve_html(html: str) -> Markup:

    def replace(match: re.Match[str]) -> str:
        href = resolve(unescape(match.group(1)))
        attributes, text = match.group(2), match.group(3)
        if href is None:  # text, in the link's language
            return f"<span{attributes}>{text}</span>" if attributes else text
        return f'<a href="{escape(href)}"{attributes}>{text}</a>'

    html = html.replace(TABLE_LABEL, f'aria-label="{escape(_("Tabel"))}"')
    return Markup(_LOCAL_LINK.sub(replace, html))  # noqa: S704 - html is our own rendered Markdown


def can_book() -> bool:
    """Return whether residents can book a person on this site (the booking flow exists)."""
    return internal_exists("/afspraak")


def booking_url(topic: str | None = None) -> str:
    """Return the link for "Praat met een mens": the booking flow for a topic, or contact."""
    url = f"/afspraak?onderwerp={topic}" if topic else "/afspraak"
    return resolve(url) or url_for("site.contact")


def is_here(url: str | None) -> bool:
    """Return whether `url` is the page being shown: a link there would only reload it.

    A fragment of this page (`#inhoud`) is not "here": it moves within the page.
    """
    if not url or url.startswith("#"):
        return False
    target = urlsplit(url)
    if target.scheme or target.netloc:
        return False
    same_path = target.path == request.script_root + request.path
    query = sorted(parse_qsl(request.query_string.decode("utf-8", "replace")))
    return same_path and sorted(parse_qsl(target.query)) == query
