"""The app as a server loads it: created once, word lists loaded before the first request.

- `make run`: `python -m app.wsgi` serves with waitress, which reads every request whole before a
  thread sees it, so slow or stalled clients cannot hold the threads (bench/RESULTS.md).
- Production: `gunicorn -c gunicorn.conf.py app.wsgi:app` behind a buffering proxy
  (`deploy/nginx.conf`). gunicorn preloads this module in its master process, so the word lists,
  content and search index are loaded once and shared by the workers (copy-on-write).
"""

import gc
import os

from app import create_app
from app.readability import warm_up

app = create_app()
# The first language check would otherwise load the word lists, the jargon table and the English
# dictionary in a request (the English one: 16 s on a loaded machine). The engine's warm_up does
# all of it (data.warm_up only the word lists).
warm_up()
# Keep what is loaded now out of the garbage collector's reach: its passes would write to every
# object and so unshare the memory the workers got from the master, and every full collection
# in a request would scan them all (a hostile text for the taalcheck then takes twice as long:
# bench/taalcheck_markup_bench.py).
gc.freeze()

# waitress: enough threads for a few slow database calls at once; requests are buffered whole
# (bodies above 512 KB are spooled to disk, the app answers 413 for anything over
# MAX_CONTENT_LENGTH), and a connection that stays silent is closed.
WAITRESS = {
    "threads": 8,
    "connection_limit": 1000,
    "channel_timeout": 30,
    "max_request_body_size": 8 * 1024 * 1024,
    "max_request_header_size": 64 * 1024,
    "ident": "loket",
}


def main() -> None:
    from waitress import serve

    serve(
        app,
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "5000")),
        **WAITRESS,  # type: ignore[arg-type]
    )


if __name__ == "__main__":
    main()
