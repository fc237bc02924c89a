"""Every page state, in every language and variant, in a real browser.

- axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA): zero violations;
- reflow: no horizontal scrolling at 320 px wide (400 % zoom, WCAG 1.4.10);
- keyboard: the first Tab stop is the skip link, and it is visibly focused.

The states come from `app.states.all_states`: the url map, the sitemap and what each blueprint
declares. A new page is checked without anyone adding it here.
"""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from a11y_tests.browse import reach
from a11y_tests.conftest import LiveServer
from app.states import PageState, all_states
from tests.conftest import make_app

AXE_OPTIONS = json.dumps(
    {
        "runOnly": {
            "type": "tag",
            "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
        },
        # Every rule still runs; only the passes are not written out node by node (a selector
        # per node), which is most of the tail of a run, and only violations fail the test.
        "resultTypes": ["violations"],
    }
)
# Grouped by who they need (anonymous first, then per staff role and resident), so each identity
# signs in once and its later states start from the kept cookies (a11y_tests/browse.py).
STATES = sorted(
    ((s, lang) for s in all_states(make_app("sqlite://")) for lang in s.languages),
    key=lambda item: (item[0].role or "", item[0].resident or ""),
)

pytestmark = pytest.mark.browser


def describe(violations: list[dict[str, object]]) -> str:
    lines = []
    for v in violations:
        targets = [n["target"] for n in v["nodes"]][:3]  # type: ignore[index,union-attr]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} at {targets}")
    return "\n".join(lines)


def check_reflow(driver: webdriver.Chrome) -> str | None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 320, "height": 800, "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        wide = driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth,"
            " [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
            " > window.innerWidth + 1 && getComputedStyle(e).position !== 'fixed'"
            " && !e.closest('.loket-table-wrap, .loket-skip-link')).slice(0, 3)"
            ".map(e => e.tagName + '.' + e.className)]"
        )
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    scroll_width, inner_width, culprits = wide
    if scroll_width > inner_width:
        return f"scrolls sideways at 320 px ({scroll_width} > {inner_width}): {culprits}"
    return None


def check_keyboard(driver: webdriver.Chrome) -> str | None:
    # Start the Tab sequence at the top of the document, as on a fresh page load: a blur alone
    # leaves Chrome's "sequential focus navigation starting point" where focus was.
    driver.execute_script(
        "const t = document.createElement('span'); t.tabIndex = -1;"
        "document.body.prepend(t); t.focus(); t.remove(); window.scrollTo(0, 0)"
    )
    ActionChains(driver).send_keys(Keys.TAB).perform()
    focus = driver.execute_script(
        "const e = document.activeElement; const s = getComputedStyle(e);"
        "return [e.getAttribute('href'), e.matches(':focus-visible'),"
        " s.outlineStyle, s.outlineWidth]"
    )
    href, visible, style, width = focus
    if href != "#inhoud":
        return f"first Tab stop is {href!r}, not the skip link"
    if not visible or style == "none" or width in ("0px", ""):
        return f"the skip link has no visible focus ({style} {width})"
    return None


@pytest.fixture(scope="module")
def axe_in_every_page(browser: webdriver.Chrome) -> Iterator[None]:
    """axe-core in every document the browser opens while these tests run, added through
    DevTools: injecting it per state sent its 560 KB through WebDriver each time (about
    130 ms of the 0.6 s a state took)."""
    source = Path(Axe(browser).script_url).read_text(encoding="utf-8")
    added = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": source})
    yield
    browser.execute_cdp_cmd(
        "Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]}
    )


@pytest.mark.parametrize(
    ("state", "lang"), STATES, ids=[f"{lang}:{s.path}:{s.name}" for s, lang in STATES]
)
def test_page_state_is_accessible(
    live_server: LiveServer,
    browser: webdriver.Chrome,
    axe_in_every_page: None,
    state: PageState,
    lang: str,
) -> None:
    reach(browser, live_server.url, state, lang, live_server.app)
    axe = Axe(browser)
    if not browser.execute_script("return typeof axe === 'object'"):
        axe.inject()  # a document the browser did not open itself (none today)
    results = axe.run(options=AXE_OPTIONS)
    problems = []
    if results["violations"]:
        problems.append(describe(results["violations"]))
    for check in (check_reflow, check_keyboard):
        problem = check(browser)
        if problem:
            problems.append(problem)
    assert not problems, f"{browser.current_url}:\n" + "\n".join(problems)


def test_axe_finds_violations_on_a_page_made_to_have_them(
    browser: webdriver.Chrome, axe_in_every_page: None
) -> None:
    """The negative control: axe, added as above and run with the same options, reports an
    image without a text alternative and a page without a language."""
    browser.get("data:text/html,<title>Fout</title><img src='kaart.png'>")
    results = Axe(browser).run(options=AXE_OPTIONS)
    assert {"image-alt", "html-has-lang"} <= {v["id"] for v in results["violations"]}
