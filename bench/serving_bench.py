"""Serving: slow clients and memory per worker (issue 8, "Hard to knock over" and "Fast").

1. Stalled connections (half a request, then silence) against the old `make run` server
   (gunicorn, one gthread worker with four threads), `make run`'s waitress, and the production
   set-up (gunicorn behind nginx, deploy/nginx-loket.conf): how long /health takes.
2. Memory per gunicorn worker (two workers) without and with preloading the app in the master:
   proportional set size (shared pages divided among the processes that share them) and private
   memory, after the word lists are loaded.

Run: `.venv/bin/python bench/serving_bench.py`.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import servers


def stalled_health(port: int, count: int) -> str:
    stalled = servers.stall(port, count)
    try:
        status, seconds = servers.get(port, "/health", timeout=5)
        return f"{status} in {seconds * 1000:.0f} ms"
    except OSError:
        return "no answer within 5 s"
    finally:
        for s in stalled:
            s.close()


def memory(master: int) -> list[tuple[int, int]]:
    """(Pss, private) in KB of every child of `master`."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    result = []
    for pid in children:
        fields = {}
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
            name, value = line.split(":", 1)
            fields[name] = int(value.split()[0])
        result.append((fields["Pss"], fields["Private_Clean"] + fields["Private_Dirty"]))
    return result


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="loket-serving-"))
    env = servers.loket_env(folder / "s.db")
    print("| server | stalled connections | /health |")
    print("|---|---:|---|")
    port = servers.free_port()
    old = ("--workers", "1", "--worker-class", "gthread", "--threads", "4")
    with servers.gunicorn(port, env, "app.wsgi:app", *old):
        for count in (3, 4, 50):
            print(
                f"| old make run (gunicorn 1 gthread worker, 4 threads) | {count} |"
                f" {stalled_health(port, count)} |"
            )
    port = servers.free_port()
    with servers.waitress(port, env):
        print(f"| make run (waitress) | 50 | {stalled_health(port, 50)} |")
    app_port, proxy_port = servers.free_port(), servers.free_port()
    with (
        servers.gunicorn(app_port, {**env, "WEB_CONCURRENCY": "2"}),
        servers.nginx(proxy_port, app_port),
    ):
        print(
            f"| production (nginx + gunicorn, 2 sync workers) | 50 |"
            f" {stalled_health(proxy_port, 50)} |"
        )

    print()
    print("| gunicorn, 2 workers | worker Pss (MB) | worker private (MB) |")
    print("|---|---:|---:|")
    for label, preload in (
        ("app loaded in each worker (no preload)", "0"),
        ("preloaded in the master, gc.freeze()", "1"),
    ):
        port = servers.free_port()
        conf_env = {**env, "GUNICORN_PRELOAD": preload}
        with servers.gunicorn(port, conf_env, "app.wsgi:app", "--workers", "2") as proc:
            for path in ("/", "/diensten/kwijtschelding", "/zoeken?q=afval") * 10:
                servers.get(port, path)
            time.sleep(0.5)
            numbers = memory(proc.pid)
        pss = sum(p for p, _ in numbers) / len(numbers) / 1024
        private = sum(q for _, q in numbers) / len(numbers) / 1024
        print(f"| {label} | {pss:.0f} | {private:.0f} |")
    print(f"(machine load: {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
