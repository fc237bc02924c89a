"""Every page state, in every language, passes the page helper (fast, without a browser)."""

import pytest
from flask import Flask

from app.states import PageState, all_states
from tests.browse import reach
from tests.conftest import make_app, migrated_app
from tests.pagecheck import check_page


def _states() -> list[tuple[PageState, str]]:
    app = make_app("sqlite://")
    return [(s, lang) for s in all_states(app) for lang in s.languages]


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    # Every signed-in state logs in again: the login's rate limit is tested elsewhere.
    db_url = f"sqlite:///{tmp_path_factory.mktemp('pages') / 'pages.db'}"
    app = migrated_app(db_url, RATELIMIT_ENABLED=False)
    assert app.test_cli_runner().invoke(args=["demo", "vullen"]).exit_code == 0
    return app


@pytest.mark.parametrize(("state", "lang"), _states(), ids=lambda v: getattr(v, "path", v))
def test_page_state(demo_app: Flask, state: PageState, lang: str) -> None:
    response = reach(demo_app.test_client(), state, lang)
    assert response.status_code == state.status
    check_page(response.get_data(as_text=True), lang)
