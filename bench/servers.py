"""Start Loket the way it is served (waitress for `make run`, gunicorn, nginx in front) on free
ports, for the benchmarks and the slow-client and multi-worker tests."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status, _ = get(port, "/health", timeout=2)
            if status:
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answers on port {port}")


def get(port: int, path: str, timeout: float = 10.0) -> tuple[int, float]:
    """GET `path` over a fresh connection; return the status and the seconds it took."""
    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while b"\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, time.monotonic() - start


def stall(port: int, count: int) -> list[socket.socket]:
    """Open `count` connections that send half a request and go quiet."""
    sockets = []
    for n in range(count):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        if n % 2:
            s.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # headers never end
        else:
            s.sendall(
                b"POST /redactie/taalcheck HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000\r\n\r\n"
                b"text=half"  # the body never comes
            )
        sockets.append(s)
    time.sleep(0.3)  # let the server take them all
    return sockets


def loket_env(database: Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "LOKET_CONFIG": "development",
        "DATABASE_URL": f"sqlite:///{database}",
        "SECRET_KEY": "bench-" + "x" * 40,
        "PYTHONPATH": str(ROOT),
    }
    env.update(extra)
    return env


@contextmanager
def process(args: list[str], env: dict[str, str], port: int) -> Iterator[subprocess.Popen[bytes]]:
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            try:
                wait_ready(port)
            except RuntimeError:
                log.seek(0)
                raise RuntimeError(log.read().decode(errors="replace")[-3000:]) from None
            yield proc
        finally:
            kill_group(proc)


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server started with start_new_session=True, and its workers, at once.

    When the measuring is done nothing is left to finish; a graceful stop took about 3 s,
    most of it four workers each tearing down the app's heap before they exit.
    """
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(10)


@contextmanager
def waitress(port: int, env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    """Loket as `make run` serves it."""
    with process([PYTHON, "-m", "app.wsgi"], {**env, "PORT": str(port)}, port) as proc:
        yield proc


@contextmanager
def gunicorn(
    port: int, env: dict[str, str], app: str = "app.wsgi:app", *options: str
) -> Iterator[subprocess.Popen[bytes]]:
    """gunicorn with the production settings (gunicorn.conf.py), overridden by `options`."""
    args = [
        *(str(BIN / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py")),
        *("--bind", f"127.0.0.1:{port}", "--access-logfile", "/dev/null", *options, app),
    ]
    with process(args, env, port) as proc:
        yield proc


@contextmanager
def nginx(port: int, upstream: int) -> Iterator[subprocess.Popen[bytes]]:
    """nginx with deploy/nginx-loket.conf in front of `upstream`."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    folder = Path(tempfile.mkdtemp(prefix="loket-nginx-"))
    server = (ROOT / "deploy" / "nginx-loket.conf").read_text(encoding="utf-8")
    server = server.replace("__LISTEN__", f"127.0.0.1:{port}")
    server = server.replace("__UPSTREAM__", f"127.0.0.1:{upstream}")
    (folder / "server.conf").write_text(server, encoding="utf-8")
    temp = "\n".join(
        f"    {kind}_temp_path {folder}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = "user root;\n" if os.geteuid() == 0 else ""
    (folder / "nginx.conf").write_text(
        f"{user}daemon off;\nworker_processes 1;\npid {folder}/nginx.pid;\n"
        f"error_log {folder}/error.log warn;\nevents {{ worker_connections 1024; }}\n"
        f"http {{\n    access_log off;\n{temp}\n    include {folder}/server.conf;\n}}\n",
        encoding="utf-8",
    )
    try:
        args = [binary, "-c", str(folder / "nginx.conf"), "-p", str(folder)]
        with process(args, dict(os.environ), port) as proc:
            yield proc
    finally:
        shutil.rmtree(folder, ignore_errors=True)
