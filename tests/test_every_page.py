"""Every page state, in every language, passes the page helper (fast, without a browser)."""

import pytest

from app.states import PageState
from tests.pagecheck import check_page
from tests.pagewalk import GROUP, Walk, every_state

pytestmark = GROUP


@pytest.mark.parametrize(("state", "lang"), every_state(), ids=lambda v: getattr(v, "path", v))
def test_page_state(walk: Walk, state: PageState, lang: str) -> None:
    seen = walk(state, lang)
    assert seen.status == state.status
    check_page(seen.html, lang)
