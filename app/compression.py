"""Gzip text responses that may be shared, when the browser accepts it.

Called by `app.security` for every response that is not private: a page with a CSRF token, a
login or personal data is never compressed (BREACH). Content pages come compressed from their
cache (app/pages/cache.py) and pass through untouched. Pages are small (under 14 KB
compressed); a reverse proxy may do this too, but the site must be fast on a slow network when it
runs on its own.
"""

import gzip

from flask import Response, request

COMPRESSIBLE = {
    "text/html",
    "text/css",
    "text/plain",
    "text/xml",
    "text/calendar",
    "application/javascript",
    "text/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
}
MIN_SIZE = 500


def accepts(encoding: str) -> bool:
    """Whether the browser takes `encoding` (q=0 means no)."""
    return request.accept_encodings[encoding] > 0


def compress(response: Response) -> Response:
    if response.mimetype not in COMPRESSIBLE:
        return response
    response.vary.add("Accept-Encoding")
    if (
        not accepts("gzip")
        or response.status_code not in (200, 404, 500)
        or "Content-Encoding" in response.headers
        or (response.is_streamed and not response.direct_passthrough)
    ):
        return response
    response.direct_passthrough = False
    data = response.get_data()
    if len(data) < MIN_SIZE:
        return response
    response.set_data(gzip.compress(data, compresslevel=6))
    response.headers["Content-Encoding"] = "gzip"
    etag, _ = response.get_etag()
    if etag:
        # The same content in another encoding: a weak ETag, so If-None-Match still gives 304.
        response.set_etag(etag, weak=True)
    return response
