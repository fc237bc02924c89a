"""The thin path: a kept page's answer sent again before Flask's request handling runs.

Content pages are rendered once and kept (`app/pages/cache.py`), yet each request for one still
went through all of Flask: the request and app contexts, the session, URL matching, the hooks of
CSRF, the limiter and the security rule, and a response object whose dozen headers are set one
by one. That was about 0.3 ms per request, more than the bare route's whole answer
(bench/RESULTS.md). This WSGI layer sits right around Flask, inside the Host check, so it sees
only trusted hosts, the client address as the proxy passed it on and the language already taken
from the URL. When Flask answers a content page, the layer keeps the very status, headers and
body that Flask sent; a later request that is equal in everything that can change that answer
gets the same bytes back without Flask.

"Equal" is deliberately narrow; anything else takes the full path (and is kept in turn):
- a GET without a body (HEAD, POST, uploads: full path), on a host the Host check accepted;
- the same scheme, host, language prefix, path and raw query string;
- the same encoding chosen from `Accept-Encoding` (`choose_encoding`, which the full path uses
  too) and the same raw `HX-Request` and `HX-History-Restore-Request` headers;
- the same easy-read preference: the one cookie a content page reads. The session cookie does not
  change a content page (they show nothing per person; `tests/hardening/test_fast_path.py`
  compares both paths for every content page state with and without a session);
- `If-None-Match`: the kept 304 when it names the kept ETag, otherwise the kept 200, as the
  full path decides it.
Raw header values keep the comparison exact; the store is bounded in bytes, so an odd value
costs one full-path request, never memory.

An answer is kept only when Flask marked it a content page (`content_page` puts a `Seen` in the
environ), answered 200 or 304, sent no cookie and `Cache-Control: public`. A kept answer from a
rate-limited route (search) still counts against the limit: the hit goes to the limiter's own
storage under the key the limiter used, and the limit headers get fresh values; over the limit,
the full path answers (429). A limit that cannot be replayed exactly makes the answer
full-path-only, and so does a Flask-Limiter whose internals this layer does not know (it reads
the limiter's current limits and header settings; `test_fast_path.py` fails if they change).
The store is emptied when the content version changes (a new content store, a new reader-panel
snapshot) or rate limits are switched on or off.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app, request
from flask_limiter import RequestLimit
from flask_limiter.constants import HeaderNames
from limits import RateLimitItem
from werkzeug.http import http_date, parse_accept_header, parse_cookie

from app.extensions import limiter
from app.security import WSGIApp, wrap_inside_host_check

SEEN = "loket.content_page"
EASY_COOKIE = "loket_makkelijk"
MAX_ANSWERS = 2000  # a few dozen pages x languages x encodings x preference, plus searches
MAX_BYTES = 16 * 1024 * 1024  # and never more than this much of their bodies, per worker

Key = tuple[str | bool | None, ...]
HEADER_NAMES = (
    HeaderNames.LIMIT,
    HeaderNames.REMAINING,
    HeaderNames.RESET,
    HeaderNames.RETRY_AFTER,
)


@dataclass(frozen=True)
class Limited:
    """The one rate limit a kept answer counts against, as the limiter applied it."""

    item: RateLimitItem
    prefix: tuple[str, ...]  # the limiter's key prefix, if it has one
    scope: str
    shared: bool


@dataclass(frozen=True)
class Seen:
    """What `content_page` tells this layer about the answer Flask is about to send."""

    version: object
    limit: Limited | None
    replayable: bool = True


@dataclass(frozen=True)
class Answer:
    status: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    etag: str | None
    limit: Limited | None


def request_key(environ: dict[str, Any]) -> Key | None:
    """Everything in the request that can change a content page's answer; None: full path."""
    if (
        environ.get("REQUEST_METHOD") != "GET"
        or environ.get("loket.bad_host")
        or environ.get("CONTENT_TYPE")
        or environ.get("CONTENT_LENGTH", "") not in ("", "0")
        or "HTTP_TRANSFER_ENCODING" in environ
    ):
        return None
    cookie = environ.get("HTTP_COOKIE", "")
    easy = EASY_COOKIE in cookie and parse_cookie(cookie).get(EASY_COOKIE) == "1"
    return (
        easy,
        environ.get("wsgi.url_scheme"),
        environ.get("HTTP_HOST"),
        environ.get("SCRIPT_NAME", ""),
        environ.get("PATH_INFO", ""),
        environ.get("QUERY_STRING", ""),
        choose_encoding(environ.get("HTTP_ACCEPT_ENCODING")),
        environ.get("HTTP_HX_REQUEST"),
        environ.get("HTTP_HX_HISTORY_RESTORE_REQUEST"),
    )


def choose_encoding(accept_encoding: str | None) -> str:
    """The encoding a kept page is sent in: "br", "gzip" or "" (both paths decide it here)."""
    if not accept_encoding:
        return ""
    accepted = parse_accept_header(accept_encoding)
    return "br" if accepted["br"] else "gzip" if accepted["gzip"] else ""


def mark_content_page(version: object) -> None:
    """Tell the layer that this request is answered with a kept content page."""
    limit, replayable = _limit_of_this_request()
    request.environ[SEEN] = Seen(version, limit, replayable)


def _limit_of_this_request() -> tuple[Limited | None, bool]:
    if limiter not in current_app.extensions.get("limiter", ()):
        return None, True  # no limiter hooks in this app: the full path counts nothing either
    try:
        limits = limiter.current_limits
        if not limits:
            return None, True
        # Replayed exactly: one limit, hit once (no conditional deduction, no meta limit), keyed
        # by the client address. Anything else is left to the full path.
        only = limits[0]
        *prefix, key, scope = only.request_args
        exact = (
            len(limits) == 1
            and not limiter.context.conditional_deductions
            and not limiter._meta_limits
            and key == (request.remote_addr or "127.0.0.1")
        )
        return Limited(only.limit, tuple(prefix), scope, only.shared), exact
    except Exception:  # another Flask-Limiter: such answers take the full path
        return None, False


def _shareable(headers: Iterable[tuple[str, str]]) -> bool:
    names = {name.lower(): value for name, value in headers}
    return "set-cookie" not in names and names.get("cache-control", "").startswith("public")


class FastPath:
    """Send a content page's kept answer again to an equal request (see the module docstring)."""

    def __init__(self, wsgi_app: WSGIApp, app: Flask, version: Callable[[], object]) -> None:
        self.wsgi_app = wsgi_app
        self.app = app
        self.content_version = version
        self.answers: OrderedDict[tuple[Key, bool], Answer] = OrderedDict()
        self.version: object = None
        self.size = 0  # bytes of the kept bodies
        self.lock = threading.Lock()
        self.enabled = True
        self.replayed = 0  # answers sent by this layer (read by tests and the bench)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        key = request_key(environ) if self.enabled else None
        if key is None:
            return self.wsgi_app(environ, start_response)
        answer = self._lookup(key, environ)
        if answer is not None:
            headers = self._headers(answer, environ)
            if headers is not None:
                self.replayed += 1
                start_response(answer.status, headers)
                return [answer.body] if answer.body else []
        return self._record(key, environ, start_response)

    def _current_version(self) -> object:
        with self.app.app_context():
            content = self.content_version()
        return content, self.app.config.get("RATELIMIT_ENABLED", True)

    def _lookup(self, key: Key, environ: dict[str, Any]) -> Answer | None:
        version = self._current_version()
        with self.lock:
            if version != self.version:
                self.answers.clear()
                self.size = 0
                self.version = version
                return None
            answer = self.answers.get((key, False))
            condition = environ.get("HTTP_IF_NONE_MATCH")
            if answer is not None and condition is not None and answer.etag:
                if answer.etag in condition:  # the full path's own test (app/pages/cache.py)
                    answer = self.answers.get((key, True))
                    if answer is not None:
                        self.answers.move_to_end((key, True))
            elif answer is not None:
                self.answers.move_to_end((key, False))
            return answer

    def _headers(self, answer: Answer, environ: dict[str, Any]) -> list[tuple[str, str]] | None:
        """The answer's headers, with fresh limit headers after counting it; None: full path."""
        if answer.limit is None:
            return list(answer.headers)
        limit = answer.limit
        args = [*limit.prefix, environ.get("REMOTE_ADDR") or "127.0.0.1", limit.scope]
        try:  # read what the headers need before counting: a failure must not count twice
            mapping = limiter._header_mapping
            http_date_retry = limiter._retry_after == "http-date"
            names = [mapping[name].lower() for name in HEADER_NAMES]
            if not limiter.limiter.hit(limit.item, *args):
                return None  # over the limit: the full path answers 429
        except Exception:  # another Flask-Limiter, or storage trouble: the full path decides
            return None
        try:
            counted = RequestLimit(limiter, limit.item, args, False, limit.shared)
            reset_at = counted.reset_at
            retry = http_date(reset_at) if http_date_retry else str(int(reset_at - time.time()))
            values = [str(limit.item.amount), str(counted.remaining), str(reset_at), retry]
            fresh = dict(zip(names, values, strict=True))
        except Exception:  # counted already: send the kept headers rather than count again
            fresh = {}
        return [(name, fresh.get(name.lower(), value)) for name, value in answer.headers]

    def _record(self, key: Key, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        sent: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            sent["status"], sent["headers"] = status, tuple(headers)
            return start_response(status, headers, exc_info)

        body = self.wsgi_app(environ, capture)
        seen: Seen | None = environ.get(SEEN)
        status = sent.get("status", "")
        if (
            seen is None
            or not seen.replayable
            or status[:3] not in ("200", "304")
            or not _shareable(sent["headers"])
        ):
            return body
        try:
            data = b"".join(body)
        finally:
            if hasattr(body, "close"):
                body.close()
        headers: tuple[tuple[str, str], ...] = sent["headers"]
        etag = next((v for k, v in headers if k.lower() == "etag"), None)
        answer = Answer(status, headers, data, etag, seen.limit)
        with self.lock:
            if (seen.version, self.app.config.get("RATELIMIT_ENABLED", True)) == self.version:
                entry = (key, status.startswith("304"))
                old = self.answers.pop(entry, None)
                self.size += len(data) - (len(old.body) if old else 0)
                self.answers[entry] = answer
                while len(self.answers) > MAX_ANSWERS or self.size > MAX_BYTES:
                    _, dropped = self.answers.popitem(last=False)
                    self.size -= len(dropped.body)
        return [data] if data else []


def install(app: Flask, version: Callable[[], object]) -> None:
    """Put the thin path right around Flask (inside the Host check) for `app`."""

    def layer(inner: WSGIApp) -> WSGIApp:
        fast = FastPath(inner, app, version)
        app.extensions["loket.fast_path"] = fast
        return fast

    wrap_inside_host_check(app, layer)
