"""Hostile input through the whole editor request (/redactie/taalcheck), against prose.

The worst case for the marked-up text is one word per line (every line a sentence, every word
a mark): before app/editor/marking.py walked sentences and marks together, 5,000 such lines
took 3.8 s. Goal: every hostile input within 3x the time of ordinary prose of the same length,
for the whole request (analysis, marking, template), as the htmx fragment and as the full
no-JS page. Times are the median of several requests in one run; not a test: `make bench`.

The site runs frozen: app/wsgi.py (behind `make run` and gunicorn) calls gc.freeze() after
warm_up(), so the ~500,000 objects made at start-up are left out of every garbage collection.
The run after gc.freeze() is the one the budget applies to. The run before it is for comparison
only: there every full collection the hostile inputs trigger (they make tens of thousands of
records) also scans all start-up objects, which doubles their time.
"""

import gc
import http.client
import logging
import statistics
import sys
import tempfile
import threading
import urllib.parse
from pathlib import Path

from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.taalcheck_endpoint_bench import TEXT, timed
from tests.conftest import migrated_app
from tests.readability.hostile import hostile_inputs

ROUNDS = 15
LENGTH = 20_000  # the most the editor accepts: 4,000 one-word lines
BUDGET = 3.0
WORST = ("one-word lines", "one-letter lines", "[", "a@", ". ", "newline", "random markup")


def prose(length: int) -> str:
    body = TEXT.split("---", 2)[2]
    return (body * (length // len(body) + 1))[:length]


def run_rounds(conn: http.client.HTTPConnection, origin: str, bodies: dict[str, str]) -> float:
    """Time every input as the htmx fragment and as the full page; return the worst ratio."""
    worst = 0.0
    for kind, extra in (("htmx fragment", {"HX-Request": "true"}), ("full page", {})):
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": origin} | extra
        for body in bodies.values():  # warm-up
            timed(conn, "POST", "/redactie/taalcheck", body, headers)
        # Rounds alternate prose and hostile input, so the noise of this shared machine hits
        # both alike; the ratio is taken per round, then the median over the rounds.
        times: dict[str, list[float]] = {name: [] for name in bodies}
        for _ in range(ROUNDS):
            for name, body in bodies.items():
                times[name].append(timed(conn, "POST", "/redactie/taalcheck", body, headers))
        print(f"whole request, {kind}, {LENGTH:,} characters ({ROUNDS} rounds, medians):")
        for name, values in times.items():
            ratio = statistics.median(v / p for v, p in zip(values, times["prose"], strict=True))
            worst = max(worst, ratio)
            print(f"  {name:16} {statistics.median(values):8.1f} ms  {ratio:4.2f}x prose")
    return worst


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    db = Path(tempfile.mkdtemp()) / "bench.db"
    app = migrated_app(f"sqlite:///{db}", RATELIMIT_ENABLED=False, WTF_CSRF_ENABLED=False)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    conn = http.client.HTTPConnection("127.0.0.1", server.server_port)
    origin = f"http://127.0.0.1:{server.server_port}"
    texts = {"prose": prose(LENGTH)} | {
        name: text for name, text in hostile_inputs(LENGTH).items() if name in WORST
    }
    bodies = {
        name: urllib.parse.urlencode({"text": text, "profile": "b1", "lang": "nl"})
        for name, text in texts.items()
    }
    worst = {}
    for frozen in (False, True):
        if frozen:
            gc.freeze()
        print(f"== {'after gc.freeze(), as app/wsgi.py runs' if frozen else 'not frozen'}")
        worst[frozen] = run_rounds(conn, origin, bodies)
    server.shutdown()
    print(f"not frozen (for comparison): worst {worst[False]:.2f}x")
    verdict = "PASS" if worst[True] <= BUDGET else "OVER BUDGET"
    print(
        f"{verdict} after gc.freeze(), as the site runs: worst {worst[True]:.2f}x, budget {BUDGET}x"
    )


if __name__ == "__main__":
    main()
