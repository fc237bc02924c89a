"""After a failed submit, in Chromium: the error summary has focus, and its link to a group of
radio buttons brings the question (legend) and its error into view and into focus, not only
the first option."""

import pytest
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.wait import WebDriverWait

from a11y_tests.browse import POLL
from a11y_tests.conftest import LiveServer

pytestmark = pytest.mark.browser


def submit_empty(browser: webdriver.Chrome, url: str, form: str) -> None:
    browser.get(url)
    old = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.CSS_SELECTOR, f"{form} button[type=submit]").click()
    WebDriverWait(browser, 10, poll_frequency=POLL).until(
        lambda b: (
            b.find_element(By.TAG_NAME, "html") != old
            and b.execute_script("return document.readyState") == "complete"
        )
    )


def in_view(browser: webdriver.Chrome, element: WebElement) -> bool:
    return bool(
        browser.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            " return r.top >= -1 && r.bottom <= window.innerHeight + 1",
            element,
        )
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_summary_has_focus_and_its_link_shows_the_question(
    live_server: LiveServer, browser: webdriver.Chrome, lang: str
) -> None:
    prefix = "/en" if lang == "en" else ""
    # A small window, so the question is below the fold until the link is followed.
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 320, "height": 420, "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        submit_empty(browser, f"{live_server.url}{prefix}/login?method=digid", "#demo-inloggen")
        summary = browser.find_element(By.CSS_SELECTOR, ".loket-error-summary")
        assert browser.switch_to.active_element == summary, "the summary must have focus"
        assert in_view(browser, summary)
        legend = browser.find_element(By.CSS_SELECTOR, "#person-vraag legend")
        first_option = browser.find_element(By.ID, "person")
        # Keyboard: Tab from the summary reaches its link; Enter follows it.
        ActionChains(browser).send_keys(Keys.TAB).perform()
        link = browser.switch_to.active_element
        assert link.get_attribute("href").endswith("#person-vraag")
        ActionChains(browser).send_keys(Keys.ENTER).perform()
        fieldset = browser.find_element(By.ID, "person-vraag")
        assert browser.switch_to.active_element == fieldset, "focus is on the question"
        assert in_view(browser, legend), "the question (legend) is in view"
        error = browser.find_element(By.ID, "person-fout")
        assert in_view(browser, error), "the error message is in view"
        described = fieldset.get_attribute("aria-describedby") or ""
        assert "person-fout" in described.split()
        # The next Tab goes to the first option, as a resident expects.
        ActionChains(browser).send_keys(Keys.TAB).perform()
        assert browser.switch_to.active_element == first_option
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_a_link_to_a_text_field_keeps_its_label_and_error_in_view(
    live_server: LiveServer, browser: webdriver.Chrome
) -> None:
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 320, "height": 420, "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        submit_empty(browser, live_server.url + "/medewerker/inloggen", "form.loket-form")
        summary = browser.find_element(By.CSS_SELECTOR, ".loket-error-summary")
        assert browser.switch_to.active_element == summary
        links = summary.find_elements(By.TAG_NAME, "a")
        assert [a.get_attribute("href").split("#")[1] for a in links] == ["email", "password"]
        links[1].click()
        field = browser.find_element(By.ID, "password")
        assert browser.switch_to.active_element == field
        for selector in ("label[for=password]", "#password-fout", "#password"):
            assert in_view(browser, browser.find_element(By.CSS_SELECTOR, selector)), selector
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_no_focus_is_taken_without_an_error(
    live_server: LiveServer, browser: webdriver.Chrome
) -> None:
    browser.get(live_server.url + "/login?method=digid")
    assert not browser.find_elements(By.CSS_SELECTOR, ".loket-error-summary")
    assert browser.switch_to.active_element.tag_name == "body"
