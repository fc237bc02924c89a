"""Content pages rendered once and kept, with their compressed bytes.

Content pages are the same for everyone with the same language and easy-read preference, so a
worker renders each one once (per language, preference and, for search, query), compresses it
(gzip and brotli) and serves the kept bytes with a strong ETag and a `Cache-Control` that lets a
proxy keep them too. What keeps this safe is the rule that content pages show nothing per person:
the page is rendered in a request of its own that carries only the language, the preference
cookie and the query, never the visitor's session. A template that still reaches for the session
or a CSRF token fails loudly, so a flash message, a login name or a token can never end up in a
page that is served to everyone.

The kept pages are dropped when their inputs change: the content store (a new one is loaded on
start-up) and whatever capabilities register as `providers={"pages.version": fn}` (the reader
panel's snapshot: its line on the easy-read pages changes when a session is recorded).
"""

import functools
import gzip
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import brotli
from flask import Flask, Response, current_app, g, request

from app.core.capabilities import wiring
from app.extensions import wants_fragment
from app.pages.content import current_store
from app.pages.replay import EASY_COOKIE, choose_encoding, mark_content_page
from app.security import session_touched

__all__ = ["EASY_COOKIE", "content_page", "content_version"]


class PersonalContent(RuntimeError):
    """A content template used the session or a CSRF token: it cannot be kept for everyone."""


@dataclass
class Kept:
    """A rendered page. Each compressed form is made on the first request that accepts it
    (and then kept): most pages are asked for in one or two encodings, and brotli at its
    best quality is the slowest step of keeping a page."""

    body: bytes
    digest: str
    varies_on_cookie: bool
    brotli_quality: int

    @functools.cached_property
    def gzip(self) -> bytes:
        return gzip.compress(self.body, compresslevel=9, mtime=0)

    @functools.cached_property
    def br(self) -> bytes:
        return brotli.compress(self.body, quality=self.brotli_quality, mode=brotli.MODE_TEXT)


class PageCache:
    """A bounded, thread-safe store of rendered pages; the oldest used one goes first.

    A page that does not look at the easy-read preference is kept once, not once per preference.
    """

    def __init__(self, max_entries: int, brotli_quality: int) -> None:
        self.max_entries = max_entries
        self.brotli_quality = brotli_quality
        self.entries: OrderedDict[tuple[object, ...], Kept] = OrderedDict()
        self.varies: dict[tuple[object, ...], bool] = {}
        self.version: object = None
        self.lock = threading.Lock()

    def _key(self, page: tuple[object, ...], easy: bool) -> tuple[object, ...] | None:
        varies = self.varies.get(page)
        return None if varies is None else (*page, easy) if varies else page

    def get(self, page: tuple[object, ...], easy: bool, version: object) -> Kept | None:
        with self.lock:
            if version != self.version:
                self.entries.clear()
                self.varies.clear()
                self.version = version
                return None
            key = self._key(page, easy)
            kept = self.entries.get(key) if key is not None else None
            if kept is not None and key is not None:
                self.entries.move_to_end(key)
            return kept

    def put(self, page: tuple[object, ...], easy: bool, version: object, kept: Kept) -> None:
        with self.lock:
            if version != self.version:
                return  # the inputs changed while this page was rendered
            if len(self.varies) > 2 * self.max_entries:
                self.varies.clear()
            self.varies[page] = kept.varies_on_cookie
            self.entries[(*page, easy) if kept.varies_on_cookie else page] = kept
            while len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)

    def keep(self, html: str, varies_on_cookie: bool) -> Kept:
        body = html.encode()
        return Kept(
            body=body,
            digest=hashlib.sha256(body).hexdigest()[:20],
            varies_on_cookie=varies_on_cookie,
            brotli_quality=self.brotli_quality,
        )


# Content pages are a few dozen per language; searches are as many as people type.
SIZES = {"loket.page_cache": (1000, 11), "loket.search_cache": (200, 5)}


def _cache(name: str) -> PageCache:
    extensions = current_app.extensions
    if name not in extensions:
        with _creating:
            if name not in extensions:
                extensions[name] = PageCache(*SIZES[name])
    return extensions[name]  # type: ignore[no-any-return]


_creating = threading.Lock()


def content_version() -> object:
    """What the kept pages depend on besides the request: changes when any of it changes."""
    return (id(current_store()), tuple(fn() for fn in wiring().providers_named("pages.version")))


def content_page(render: Callable[[], str], query: str | None = None) -> Response:
    """Serve the page that `render` makes, from the kept copy when there is one.

    :param render: renders the page; it runs in a request that has no session.
    :param query: the search words, for search pages (kept in their own, smaller store).
    """
    cache = _cache("loket.search_cache" if query is not None else "loket.page_cache")
    easy = request.cookies.get(EASY_COOKIE) == "1"
    fragment = wants_fragment()
    page = (request.script_root, request.path, query, fragment)
    version = content_version()
    kept = cache.get(page, easy, version)
    if kept is None:
        kept = cache.keep(*_render_alone(render, easy, query, fragment))
        cache.put(page, easy, version, kept)
    mark_content_page(version)  # the thin path may send this answer again (app/pages/replay.py)
    return _respond(kept)


def _render_alone(
    render: Callable[[], str], easy: bool, query: str | None, fragment: bool
) -> tuple[str, bool]:
    """Render in a request of its own: the language, the preference, the query; nothing else."""
    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]
    headers = {"Cookie": f"{EASY_COOKIE}=1"} if easy else {}
    if fragment:
        headers["HX-Request"] = "true"
    with (
        app.app_context(),
        app.test_request_context(
            request.path,
            base_url=request.host_url.rstrip("/") + request.script_root,
            query_string=urlencode({"q": query}) if query else None,
            headers=headers,
            environ_overrides={"loket.lang": request.environ.get("loket.lang", "nl")},
        ),
    ):
        html = render()
        field = app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
        if session_touched() or field in g:
            raise PersonalContent(
                f"{request.path}: a content page used the session or a CSRF token; content pages"
                " show nothing per person (app/pages/cache.py)"
            )
        return html, bool(g.get("varies_on_cookie"))


def _respond(kept: Kept) -> Response:
    encoding = choose_encoding(request.headers.get("Accept-Encoding"))
    if encoding == "br":
        body, encoding, tag = kept.br, "br", f'"{kept.digest}-br"'
    elif encoding == "gzip":
        body, encoding, tag = kept.gzip, "gzip", f'"{kept.digest}-gz"'
    else:
        body, encoding, tag = kept.body, "", f'"{kept.digest}"'
    headers = [
        ("ETag", tag),
        ("Cache-Control", f"public, max-age={current_app.config['CONTENT_MAX_AGE']}"),
        ("Vary", "Accept-Encoding, Cookie" if kept.varies_on_cookie else "Accept-Encoding"),
    ]
    if tag in request.headers.get("If-None-Match", ""):
        return Response(status=304, headers=headers)
    if encoding:
        headers.append(("Content-Encoding", encoding))
    return Response(body, status=200, headers=headers, mimetype="text/html")
