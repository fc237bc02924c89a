"""The header in Chromium: one row at every width, so the h1 is on a phone's first screen (and at
400 % zoom, a 320 px viewport); "Zoeken" and "Menu" work with and without JavaScript.

Before this header, 320 px put the h1 of the home page 365 px down (a service page: 421 px);
the header itself was 333 px high.
"""

from collections.abc import Iterator

import pytest
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait

from a11y_tests.browse import POLL
from a11y_tests.conftest import LiveServer

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/diensten/kwijtschelding",
    "/diensten/kwijtschelding/makkelijk-lezen",
    "/en/diensten/kwijtschelding",
    "/en/",
    "/contact",
    "/zoeken?q=paspoort",
    "/login?method=digid",
    "/deze-pagina-bestaat-niet",
]
ROW = 80  # px: one row of 3rem controls, its padding and the brand line


@pytest.fixture
def width(browser: webdriver.Chrome, request: pytest.FixtureRequest) -> Iterator[int]:
    value: int = request.param
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": value, "height": 800, "deviceScaleFactor": 1, "mobile": False},
    )
    yield value
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.fixture
def no_script(browser: webdriver.Chrome) -> Iterator[None]:
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    yield
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def top_of(browser: webdriver.Chrome, selector: str) -> float:
    return float(
        browser.execute_script(
            "return document.querySelector(arguments[0]).getBoundingClientRect().top"
            " + window.scrollY",
            selector,
        )
    )


def header_height(browser: webdriver.Chrome) -> float:
    return float(
        browser.execute_script(
            "return document.querySelector('.loket-header').getBoundingClientRect().height"
        )
    )


def shown(browser: webdriver.Chrome, selector: str) -> bool:
    return all(e.is_displayed() for e in browser.find_elements(By.CSS_SELECTOR, selector))


@pytest.mark.parametrize("width", [320, 400, 720, 768, 960, 1280], indirect=True)
@pytest.mark.parametrize("path", PAGES)
def test_the_header_is_one_row(
    live_server: LiveServer, browser: webdriver.Chrome, width: int, path: str
) -> None:
    browser.get(live_server.url + path)
    height = header_height(browser)
    assert height <= ROW, f"{path} at {width} px: the header is {height:.0f} px high"
    # Every tool of the header is in the row or behind "Menu": once, never twice or not at all.
    menu = browser.find_element(By.CSS_SELECTOR, ".loket-menu > summary").is_displayed()
    for tool in ("language", "easy", "person"):
        in_row = shown(browser, f".loket-tools--row .loket-tools__{tool}")
        item = browser.find_element(By.CSS_SELECTOR, f".loket-tools--menu .loket-tools__{tool}")
        in_menu = menu and item.value_of_css_property("display") != "none"
        assert in_row != in_menu, f"{tool} at {width} px: in the row {in_row}, menu {in_menu}"


@pytest.mark.parametrize("width", [320], indirect=True)
def test_the_h1_is_high_on_a_phone(
    live_server: LiveServer, browser: webdriver.Chrome, width: int
) -> None:
    browser.get(live_server.url + "/")
    assert top_of(browser, "h1") <= 110
    browser.get(live_server.url + "/diensten/kwijtschelding")
    assert top_of(browser, "h1") <= 170  # with the breadcrumb


@pytest.mark.parametrize("width", [320], indirect=True)
def test_search_opens_in_the_header_and_closes_with_escape(
    live_server: LiveServer, browser: webdriver.Chrome, width: int
) -> None:
    browser.get(live_server.url + "/diensten/kwijtschelding")
    control = browser.find_element(By.CSS_SELECTOR, ".loket-header__button--search")
    assert control.tag_name == "button" and control.get_attribute("aria-expanded") == "false"
    assert not browser.find_element(By.ID, "zoeken-kop").is_displayed()
    control.click()
    assert control.get_attribute("aria-expanded") == "true"
    field = browser.find_element(By.ID, "zoek-kop")
    assert field.is_displayed() and browser.switch_to.active_element == field
    # The field pushes the page down; it covers nothing.
    assert top_of(browser, "main") >= top_of(browser, "#zoeken-kop") + field.size["height"]
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert not field.is_displayed() and control.get_attribute("aria-expanded") == "false"
    assert browser.switch_to.active_element == control
    control.click()
    field.send_keys("paspoort kwijt" + Keys.ENTER)
    WebDriverWait(browser, 10, poll_frequency=POLL).until(lambda b: "/zoeken" in b.current_url)
    hrefs = [
        a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".loket-results a")
    ]
    assert hrefs and hrefs[0].endswith("/diensten/id-kaart-paspoort")


@pytest.mark.parametrize("width", [320], indirect=True)
def test_the_menu_shows_the_tools_and_pushes_the_page_down(
    live_server: LiveServer, browser: webdriver.Chrome, width: int
) -> None:
    browser.get(live_server.url + "/diensten/kwijtschelding")
    h1_closed = top_of(browser, "h1")
    summary = browser.find_element(By.CSS_SELECTOR, ".loket-menu > summary")
    assert summary.is_displayed() and summary.text == "Menu"
    summary.click()
    links = browser.find_elements(By.CSS_SELECTOR, ".loket-tools--menu a")
    assert [a.text for a in links] == ["Praat met een mens", "English", "Makkelijk lezen"]
    assert all(a.is_displayed() for a in links)
    assert top_of(browser, "h1") >= h1_closed + 3 * 48, "the open menu must push the page down"
    ActionChains(browser).send_keys(Keys.TAB).perform()
    assert browser.switch_to.active_element == links[0]
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert not links[0].is_displayed() and browser.switch_to.active_element == summary
    # Opening the search closes the menu, and the other way round.
    summary.click()
    browser.find_element(By.CSS_SELECTOR, ".loket-header__button--search").click()
    assert not links[0].is_displayed()


@pytest.mark.parametrize("width", [320], indirect=True)
def test_without_javascript_search_is_a_link_and_the_menu_still_opens(
    live_server: LiveServer, browser: webdriver.Chrome, width: int, no_script: None
) -> None:
    browser.get(live_server.url + "/diensten/kwijtschelding")
    assert header_height(browser) <= ROW
    summary = browser.find_element(By.CSS_SELECTOR, ".loket-menu > summary")
    summary.click()
    assert browser.find_element(
        By.CSS_SELECTOR, ".loket-tools--menu .loket-person-link"
    ).is_displayed()
    summary.click()
    control = browser.find_element(By.CSS_SELECTOR, ".loket-header__button--search")
    assert control.tag_name == "a"
    control.click()
    WebDriverWait(browser, 10, poll_frequency=POLL).until(
        lambda b: b.current_url.endswith("/zoeken")
    )
    assert browser.find_element(By.ID, "zoekterm").is_displayed()
