"""Every page state reached once per test process, for the suites that check all of them.

Reaching a state means signing in and going through the steps before it, like a person. Three
suites look at every state (the page basics, who may keep a page, links to the page itself);
each reached every state on its own demo app, three walks of about 90 s. They now share one
walk: the first suite to ask for a state reaches it, the others read what it saw. The three
suites are one xdist group, so with parallel workers the walk is still made once.

The walk asks for gzip as a browser does; `html` is the page as the person reads it.
"""

import gzip
from dataclasses import dataclass

import pytest
from flask import Flask
from werkzeug.datastructures import Headers
from werkzeug.test import TestResponse

from app.states import PageState, all_states
from tests.browse import reach
from tests.conftest import make_app

GROUP = pytest.mark.xdist_group("page-states")


@dataclass(frozen=True)
class Seen:
    status: int
    headers: Headers
    html: str
    here: str  # the address the answer came from, after redirects, with its query


def every_state() -> list[tuple[PageState, str]]:
    """Every declared page state in each of its languages (read from a bare app)."""
    return [(s, lang) for s in all_states(make_app("sqlite://")) for lang in s.languages]


def page_url(response: TestResponse) -> str:
    request = response.request
    query = request.query_string.decode()
    return request.script_root + request.path + (f"?{query}" if query else "")


class Walk:
    """Reaches states on one demo app, each once; a fresh test client per state."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.seen: dict[tuple[object, ...], Seen] = {}

    def __call__(self, state: PageState, lang: str) -> Seen:
        key = (*state.key, state.fill, state.status, lang)
        if key not in self.seen:
            client = self.app.test_client()
            client.environ_base["HTTP_ACCEPT_ENCODING"] = "gzip"
            response = reach(client, state, lang)
            body = response.get_data()
            if response.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            self.seen[key] = Seen(
                response.status_code, response.headers, body.decode(), page_url(response)
            )
        return self.seen[key]
