"""The forms' page states reach the page they name: a walk that went wrong would otherwise
check some other page (the first step, say) and pass unnoticed."""

import pytest
from flask import Flask

from app.forms import states
from app.states import PageState
from tests.browse import reach
from tests.conftest import migrated_app
from tests.forms.conftest import errors_on
from tests.forms.helpers import soup_of

# Where a submitted state ends up, when that is not the page it was sent from.
LANDS_ON = {
    "kw-opnieuw": "/formulieren/kwijtschelding",
    "past-niet-meegeven": "/afspraak/",
    "veranderen": "/formulieren/kwijtschelding/controleren",
    "ingetrokken": "/formulieren/ingediend/KW-2468-DM",
}
NO_ERRORS = {"kw-opnieuw", "past-niet-meegeven", "veranderen", "ingetrokken"}


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    app = migrated_app(
        f"sqlite:///{tmp_path_factory.mktemp('forms') / 'states.db'}", RATELIMIT_ENABLED=False
    )
    assert app.test_cli_runner().invoke(args=["demo", "vullen"]).exit_code == 0
    return app


@pytest.mark.parametrize("state", states.STATES, ids=lambda s: s.name)
def test_a_state_shows_its_own_page(demo_app: Flask, state: PageState) -> None:
    response = reach(demo_app.test_client(), state, "nl")
    assert response.status_code == state.status
    expected = LANDS_ON.get(state.name, state.path.split("?")[0])
    assert response.request.path.startswith(expected), (state.name, response.request.path)
    if state.submit and state.name not in NO_ERRORS:
        assert errors_on(response) or soup_of(response).select(".loket-error-summary"), state.name
    if not state.submit and state.status == 200:
        assert not errors_on(response), (state.name, errors_on(response))


def test_every_step_of_every_form_has_a_page_state(app: Flask) -> None:
    """Each step page of each form in content/formulieren, and the error state of each step
    that asks something, is checked (page checks and axe); its walk reaches it."""
    from app.forms import library

    with app.app_context():
        forms = list(library())
    assert forms
    declared = {(s.path.split("?")[0], s.submit is not None) for s in states.STATES}
    missing = []
    for form in forms:
        for step in form.steps:
            path = f"/formulieren/{form.slug}/{step.name}"
            if (path, False) not in declared:
                missing.append(path)
            if states.can_fail(step) and (path, True) not in declared:
                missing.append(f"{path} (error state)")
            if states.walk_to(form, step.name) is None:
                missing.append(f"{path}: no answers in app/forms/states.py reach it")
    assert not missing, missing
