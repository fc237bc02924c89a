"""Gzip text responses when the browser accepts it.

Pages are small (under 14 KB compressed); a reverse proxy may do this too, but the site must be
fast on a slow network when it runs on its own.
"""

import gzip

from flask import Flask, Response, request

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


def init_app(app: Flask) -> None:
    @app.after_request
    def compress(response: Response) -> Response:
        response.vary.add("Accept-Encoding")
        if (
            "gzip" not in request.headers.get("Accept-Encoding", "")
            or response.status_code not in (200, 404, 500)
            or response.mimetype not in COMPRESSIBLE
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
