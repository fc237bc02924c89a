"""A local stand-in for PDOK Locatieserver's `free` endpoint, serving exactly the part of the
API that app/address/contrib/pdok_schema.md describes, and refusing anything else (v3.1 refuses
parameters that are not in its OpenAPI document)."""

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ADDRESSES = [
    {
        "straatnaam": "Mariënburg",
        "huisnummer": 30,
        "postcode": "6511PS",
        "woonplaatsnaam": "Nijmegen",
    },
    {
        "straatnaam": "Oefenlaan",
        "huisnummer": 21,
        "huisletter": "A",
        "postcode": "6521CD",
        "woonplaatsnaam": "Nijmegen",
    },
    {
        "straatnaam": "Oefenlaan",
        "huisnummer": 21,
        "huisletter": "B",
        "postcode": "6521CD",
        "woonplaatsnaam": "Nijmegen",
    },
    {
        "straatnaam": "Proefweg",
        "huisnummer": 47,
        "huisnummertoevoeging": "2",
        "postcode": "6532EF",
        "woonplaatsnaam": "Nijmegen",
    },
]
ALLOWED = {"q", "fq", "fl", "rows", "start", "sort", "df", "bq", "lat", "lon", "wt"}
PATH = "/bzk/locatieserver/search/v3_1/free"


class Handler(BaseHTTPRequestHandler):
    mode = "ok"  # ok, slow, broken, html
    seen: list[dict[str, list[str]]] = []

    def log_message(self, *args: object) -> None:
        return

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query)
        Handler.seen.append(params)
        if url.path != PATH or set(params) - ALLOWED or "q" not in params:
            return self._send(400, {"message": "unknown parameter or path"})
        if Handler.mode == "slow":
            threading.Event().wait(2)
        if Handler.mode == "broken":
            return self._send(200, {"error": "no response"})
        if Handler.mode == "html":
            body = b"<html>maintenance</html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None
        filters = dict(f.split(":", 1) for f in params.get("fq", []))
        docs = [
            a
            for a in ADDRESSES
            if filters.get("type") == "adres"
            and a["postcode"] == filters.get("postcode")
            and str(a["huisnummer"]) == filters.get("huisnummer")
        ]
        return self._send(200, {"response": {"numFound": len(docs), "start": 0, "docs": docs}})

    def _send(self, status: int, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@contextmanager
def fake_pdok(mode: str = "ok") -> Iterator[str]:
    Handler.mode = mode
    Handler.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/bzk/locatieserver/search/v3_1"
    finally:
        server.shutdown()
        server.server_close()
