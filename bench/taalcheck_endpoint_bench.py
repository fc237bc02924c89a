"""Latency of the live editor endpoint (/redactie/taalcheck) for a 1,000-word text.

Issue target: p95 <= 50 ms on the 2-core machine. Runs a real HTTP server in this process and
sends requests one after the other; /health in the same run is the baseline (this machine is
shared and noisy, so the ratio matters more than the milliseconds). Not a test: run `make bench`.
"""

import http.client
import re
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.conftest import migrated_app

ROUNDS = 200
TEXT = (Path(__file__).resolve().parent.parent / "content/nl/kwijtschelding.b1.md").read_text()


def words(n: int) -> str:
    base = TEXT.split("---", 2)[2].split()
    return " ".join((base * (n // len(base) + 1))[:n])


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def timed(
    conn: http.client.HTTPConnection,
    method: str,
    path: str,
    body: str | None,
    headers: dict[str, str],
) -> float:
    start = time.perf_counter()
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    response.read()
    assert response.status == 200, response.status
    return (time.perf_counter() - start) * 1000


def main() -> None:
    db = Path(tempfile.mkdtemp()) / "bench.db"
    # The rate limit (30 a minute) would stop the benchmark; it is not what we measure.
    app = migrated_app(f"sqlite:///{db}", RATELIMIT_ENABLED=False)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    conn = http.client.HTTPConnection("127.0.0.1", server.server_port)

    conn.request("GET", "/redactie/taalcheck")
    page = conn.getresponse()
    html = page.read().decode()
    cookie = page.getheader("Set-Cookie", "").split(";")[0]
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert token, "no CSRF token"
    text = words(1000)
    body = urllib.parse.urlencode(
        {"csrf_token": token.group(1), "text": text, "profile": "b1", "lang": "nl"}
    )
    headers = {
        "Cookie": cookie,
        "Content-Type": "application/x-www-form-urlencoded",
        "HX-Request": "true",
        "Origin": f"http://127.0.0.1:{server.server_port}",
    }
    for _ in range(10):  # warm-up: word lists, templates
        timed(conn, "POST", "/redactie/taalcheck", body, headers)
        timed(conn, "GET", "/health", None, {})
    check = [timed(conn, "POST", "/redactie/taalcheck", body, headers) for _ in range(ROUNDS)]
    health = [timed(conn, "GET", "/health", None, {}) for _ in range(ROUNDS)]
    server.shutdown()

    p95, base95 = percentile(check, 95), percentile(health, 95)
    print(f"taalcheck endpoint, {len(text.split())} words, htmx fragment, {ROUNDS} requests")
    print(f"  median {statistics.median(check):.1f} ms, p95 {p95:.1f} ms (target <= 50 ms)")
    print(f"  baseline /health: median {statistics.median(health):.1f} ms, p95 {base95:.1f} ms")
    print(f"  ratio p95 taalcheck / health: {p95 / base95:.1f}x")
    print("  PASS" if p95 <= 50 else "  OVER TARGET")


if __name__ == "__main__":
    main()
