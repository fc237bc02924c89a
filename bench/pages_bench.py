"""Content pages against the framework's floor, in the same run (issue 8, "Fast").

For each page kind Loket serves the page under gunicorn; a bare Flask route (bench/floor_app.py)
returns the very same bytes and headers under the same gunicorn settings; wrk drives both with
10 connections. Prints requests/s, the ratio Loket/floor and Loket's p95 latency.

Run: `.venv/bin/python bench/pages_bench.py [--code DIR] [--seconds 5] [--workers 1]`.
`--code` measures another checkout (e.g. the code before the change) with this one's tools.
Goal: every kind at least 80 % of the floor, p95 at most 50 ms. Not a test: the machine is
shared and noisy, so compare only numbers from one run.
"""

import argparse
import base64
import json
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from bench import servers  # noqa: E402

KINDS = {
    "home": "/",
    "service": "/diensten/kwijtschelding",
    "easy-read": "/diensten/kwijtschelding/makkelijk-lezen",
    "English": "/en/diensten/kwijtschelding",
    "search": "/zoeken?q=geen+geld",
}
ENCODING = "gzip, deflate, br"  # what browsers send
SKIP = {"date", "server", "connection", "transfer-encoding", "content-length"}


def fetch(port: int, path: str) -> dict[str, object]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Accept-Encoding": ENCODING}
    )
    with urllib.request.urlopen(request) as response:
        body = response.read()
        headers = [(k, v) for k, v in response.getheaders() if k.lower() not in SKIP]
        return {"status": response.status, "headers": headers, "body": body, "size": len(body)}


def wrk(port: int, path: str, seconds: int) -> dict[str, float]:
    out = subprocess.run(
        [
            *("wrk", "-t2", "-c10", f"-d{seconds}s", "--latency"),
            *("-s", str(BENCH / "report.lua"), "-H", f"Accept-Encoding: {ENCODING}"),
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--code", type=Path, default=BENCH.parent)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--workers", default="1")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="loket-bench-"))
    database = folder / "bench.db"
    env = servers.loket_env(database, PYTHONPATH=f"{args.code}:{BENCH.parent}")
    subprocess.run(
        [str(servers.BIN / "flask"), "--app", "app:create_app", "db", "upgrade"],
        cwd=args.code,
        env=env,
        check=True,
        capture_output=True,
    )
    # No worker recycling (gunicorn.conf.py has max_requests = 5000): at 1,000 requests a second
    # a worker is replaced every 5 s, and Loket's p95 then jumped to 1.1-1.5 s in about half the
    # page kinds (each new worker renders its pages again); with recycling off it stays at
    # 8-12 ms. That measures restarts, not serving: with real traffic one comes every few minutes.
    options = ("--workers", args.workers, "--worker-class", "sync", "--max-requests", "0")
    loket_port, floor_port = servers.free_port(), servers.free_port()
    floor_file = folder / "floor.json"
    with servers.gunicorn(loket_port, env, "bench.loket_app:app", *options):
        pages = {kind: fetch(loket_port, path) for kind, path in KINDS.items()}
        floor_file.write_text(
            json.dumps(
                {
                    kind: {**page, "body": base64.b64encode(page["body"]).decode()}  # type: ignore[arg-type]
                    for kind, page in pages.items()
                }
            )
        )
        floor_env = {**env, "FLOOR_PAGES": str(floor_file), "PYTHONPATH": str(BENCH.parent)}
        with servers.gunicorn(floor_port, floor_env, "bench.floor_app:app", *options):
            # Both in turn, page kind by page kind, best of `rounds`: the machine is shared.
            loket: dict[str, dict[str, float]] = {}
            floor: dict[str, dict[str, float]] = {}
            for _ in range(args.rounds):
                for kind, path in KINDS.items():
                    ours = wrk(loket_port, path, args.seconds)
                    base = wrk(floor_port, f"/floor/{kind}", args.seconds)
                    if kind not in loket or ours["rps"] > loket[kind]["rps"]:
                        loket[kind] = ours
                    if kind not in floor or base["rps"] > floor[kind]["rps"]:
                        floor[kind] = base
    print(f"code: {args.code}, gunicorn {args.workers} sync worker(s), wrk 10 connections")
    print(
        "| page kind | bytes sent | encoding | floor req/s | Loket req/s | ratio | Loket p95 |"
        " floor p95 |"
    )
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    for kind in KINDS:
        page, ours, base = pages[kind], loket[kind], floor[kind]
        encoding = dict((k.lower(), v) for k, v in page["headers"]).get("content-encoding", "-")  # type: ignore[union-attr]
        print(
            f"| {kind} | {page['size']} | {encoding} | {base['rps']:.0f} | {ours['rps']:.0f} |"
            f" {ours['rps'] / base['rps']:.0%} | {ours['p95_ms']:.1f} ms |"
            f" {base['p95_ms']:.1f} ms |"
        )
        if ours["errors"] or ours["non2xx"]:
            print(f"  ({kind}: {ours['errors']} errors, {ours['non2xx']} non-2xx answers)")


if __name__ == "__main__":
    main()
