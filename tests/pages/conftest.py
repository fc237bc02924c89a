"""Fixtures for the content-page tests."""

from collections.abc import Callable

import pytest
from flask import Flask

import app.links


@pytest.fixture
def not_built(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Make flows look unbuilt (`not_built("/afspraak")`), whether or not this branch has them.

    The pages must be right in both states: before a flow is merged and after.
    """

    def hide(*prefixes: str) -> None:
        real = app.links.internal_exists

        def internal_exists(path: str) -> bool:
            return not path.startswith(prefixes) and real(path)

        monkeypatch.setattr(app.links, "internal_exists", internal_exists)

    return hide


def build(flask_app: Flask, rule: str) -> None:
    """Give the app a stand-in for a flow that another capability builds, unless it has one."""
    prefix = rule.split("<")[0]
    if not any(r.rule.startswith(prefix) for r in flask_app.url_map.iter_rules()):
        flask_app.add_url_rule(rule, f"stand_in_{prefix.strip('/')}", lambda **_: "stand-in")
