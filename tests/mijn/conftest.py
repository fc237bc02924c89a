"""Apps with the demo residents' cases, a case system that is down, and page helpers."""

from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from bs4 import BeautifulSoup
from flask import Flask
from flask.testing import FlaskClient

from app.cases.base import Case, CaseSystem, Lookup, NewCase, Submission, case_systems
from app.core.connectors import SourceUnavailable
from app.extensions import db
from tests.browse import resident_login
from tests.conftest import make_app
from tests.pagecheck import check_page


@case_systems.register("kapot")
class BrokenCaseSystem(CaseSystem):
    """A case system that never answers, as when it is down."""

    def _down(self) -> Any:
        raise SourceUnavailable("the case system is down (test)")

    def create(self, new: NewCase) -> Case:
        return self._down()  # type: ignore[no-any-return]

    def cases_for(self, subject_type: str, subject: str) -> tuple[Case, ...]:
        return self._down()  # type: ignore[no-any-return]

    def by_reference(self, reference: str) -> Lookup | None:
        return self._down()  # type: ignore[no-any-return]

    def set_status(self, reference: str, key: str, note: str = "") -> Case:
        return self._down()  # type: ignore[no-any-return]

    def add_submission(self, reference: str, data: Mapping[str, Any], note: str) -> None:
        self._down()

    def submissions(self, reference: str) -> tuple[Submission, ...]:
        return self._down()  # type: ignore[no-any-return]


def filled_app(database_url: str, **overrides: object) -> Flask:
    """An app on this test's database with the demo cases, and no login rate limit."""
    app = make_app(database_url, RATELIMIT_ENABLED=False, **overrides)
    assert app.test_cli_runner().invoke(args=["demo", "vullen"]).exit_code == 0
    return app


@pytest.fixture
def demo(database_url: str) -> Iterator[Flask]:
    app = filled_app(database_url)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def logged_in(app: Flask, who: str) -> FlaskClient:
    client = app.test_client()
    resident_login(client, who)
    return client


def page(client: FlaskClient, path: str, status: int = 200, lang: str = "nl") -> BeautifulSoup:
    """GET `path` and return the checked page, parsed."""
    response = client.get(path)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    return check_page(response.get_data(as_text=True), lang)


def text(soup: BeautifulSoup) -> str:
    main = soup.find("main")
    assert main is not None
    return " ".join(main.get_text(" ").split())
