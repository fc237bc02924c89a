"""Content pages against the floor without a server: time per request through the WSGI stack.

`pages_bench.py` measures under gunicorn and wrk, which on this shared 2-core machine is mostly
a measure of how the scheduler shares the cores. This one calls the WSGI apps directly in one
process, alternating Loket and the floor (a bare Flask route returning the same status, headers
and bytes), so it measures the work each does per request. Three ways for Loket: the thin path
(app/pages/replay.py), the full Flask path with the kept page (thin path off), and the floor.

Run: `.venv/bin/python bench/pages_wsgi_bench.py [--requests 2000] [--rounds 3]`. Not a test.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flask import Flask, Response
from werkzeug.test import EnvironBuilder

from bench.pages_bench import ENCODING, KINDS

WSGI = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def environ(path: str) -> dict[str, Any]:
    route, _, query = path.partition("?")
    headers = [("Accept-Encoding", ENCODING), ("Host", "127.0.0.1:5000")]
    return EnvironBuilder(path=route, query_string=query, headers=headers).get_environ()


def call(app: WSGI, env: dict[str, Any]) -> tuple[str, list[tuple[str, str]], bytes]:
    sent: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        sent["status"], sent["headers"] = status, headers

    body = app(dict(env), start_response)
    data = b"".join(body)
    if hasattr(body, "close"):
        body.close()
    return sent["status"], sent["headers"], data


def per_request(app: WSGI, env: dict[str, Any], n: int) -> float:
    start = time.perf_counter()
    for _ in range(n):
        call(app, env)
    return (time.perf_counter() - start) / n * 1e6


def floor_app(answers: dict[str, tuple[str, list[tuple[str, str]], bytes]]) -> Flask:
    floor = Flask("floor")

    @floor.get("/floor/<kind>")
    def page(kind: str) -> Response:
        status, headers, body = answers[kind]
        response = Response(body, status=int(status[:3]))
        for name, value in headers:
            if name.lower() != "content-length":
                response.headers[name] = value
        return response

    return floor


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="loket-wsgi-bench-"))
    os.environ.update(
        LOKET_CONFIG="development",
        DATABASE_URL=f"sqlite:///{folder / 'bench.db'}",
        SECRET_KEY="bench-" + "x" * 40,
    )
    from flask_migrate import upgrade

    from bench.loket_app import app

    with app.app_context():
        upgrade()
    fast = app.extensions["loket.fast_path"]
    answers = {kind: call(app, environ(path)) for kind, path in KINDS.items()}
    floor = floor_app(answers)
    for kind in KINDS:  # the floor must send what Loket sent
        status, headers, body = call(floor, environ(f"/floor/{kind}"))
        assert (status, body) == (answers[kind][0], answers[kind][2]), kind
        assert sorted(headers) == sorted(answers[kind][1]), kind
    print(f"µs per request, median of {args.rounds} rounds of {args.requests} requests")
    print("| page kind | floor | Loket thin path | ratio | Loket full path | ratio |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind, path in KINDS.items():
        times: dict[str, list[float]] = {"floor": [], "thin": [], "full": []}
        loket, base = environ(path), environ(f"/floor/{kind}")
        for _ in range(args.rounds):
            times["floor"].append(per_request(floor, base, args.requests))
            fast.enabled = True
            times["thin"].append(per_request(app, loket, args.requests))
            fast.enabled = False
            times["full"].append(per_request(app, loket, args.requests))
            fast.enabled = True
        floor_us, thin, full = (statistics.median(times[k]) for k in ("floor", "thin", "full"))
        print(
            f"| {kind} | {floor_us:.0f} | {thin:.0f} | {floor_us / thin:.0%} |"
            f" {full:.0f} | {floor_us / full:.0%} |"
        )


if __name__ == "__main__":
    main()
