"""The whole booking flow in Chromium by keyboard only: from the service page's "Maak een
afspraak" to the confirmation with Tab, Shift+Tab, arrow keys, Space, Enter and typing. No
click, no script that sets a value. Every element that gets focus on the way shows that it has
focus (an outline or a shadow), and Tab never gets stuck."""

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

MAX_TABS = 150  # more than any step has focusable elements: a trap fails instead of looping


def press(browser: webdriver.Chrome, *keys: str) -> None:
    ActionChains(browser).send_keys(*keys).perform()


def shows_focus(browser: webdriver.Chrome, element: WebElement) -> bool:
    return bool(
        browser.execute_script(
            "const s = getComputedStyle(arguments[0]);"
            " return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)"
            " || s.boxShadow !== 'none'",
            element,
        )
    )


def tab_to(browser: webdriver.Chrome, describe: str, wanted) -> WebElement:  # type: ignore[no-untyped-def]
    """Press Tab until the focused element is the wanted one; check each stop shows focus."""
    seen = []
    for _ in range(MAX_TABS):
        press(browser, Keys.TAB)
        active = browser.switch_to.active_element
        if active.tag_name != "body":
            assert shows_focus(browser, active), (
                f"no visible focus on {active.tag_name} {active.get_attribute('outerHTML')[:160]}"
            )
        if wanted(active):
            return active
        seen.append(active.get_attribute("name") or active.text[:30] or active.tag_name)
    raise AssertionError(f"Tab never reached {describe}; passed {seen[-20:]}")


def named(name: str):  # type: ignore[no-untyped-def]
    return lambda e: e.get_attribute("name") == name


def button(text: str):  # type: ignore[no-untyped-def]
    return lambda e: e.tag_name in ("button", "a") and e.text.strip().startswith(text)


def choose(browser: webdriver.Chrome, name: str, value: str | None = None) -> None:
    """Tab into a group of radio buttons, then pick an option with the arrow keys."""
    first = tab_to(browser, f"the options {name}", named(name))
    if not first.is_selected():
        press(browser, Keys.SPACE)
    for _ in range(40):
        active = browser.switch_to.active_element
        if value is None or active.get_attribute("value") == value:
            assert active.is_selected(), name
            return
        press(browser, Keys.ARROW_DOWN)
    raise AssertionError(f"no option {value!r} in {name}")


def send(browser: webdriver.Chrome, text: str) -> None:
    """Tab to the submit button with this text and press Enter; wait for the next page."""
    old = browser.find_element(By.TAG_NAME, "html")
    tab_to(browser, f"the button {text!r}", button(text))
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 15, poll_frequency=POLL).until(
        lambda b: (
            b.find_element(By.TAG_NAME, "html") != old
            and b.execute_script("return document.readyState") == "complete"
        )
    )


def path(browser: webdriver.Chrome) -> str:
    return browser.current_url.split("://", 1)[1].split("/", 1)[1].split("?")[0]


def test_book_an_appointment_by_keyboard_only(
    live_server: LiveServer, browser: webdriver.Chrome
) -> None:
    browser.get(live_server.url + "/")
    browser.delete_all_cookies()  # not signed in: the flow asks everything
    browser.get(live_server.url + "/diensten/kwijtschelding")
    link = tab_to(browser, "Maak een afspraak", button("Maak een afspraak"))
    assert "onderwerp=kwijtschelding" in (link.get_attribute("href") or "")
    old = browser.find_element(By.TAG_NAME, "html")
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 15, poll_frequency=POLL).until(
        lambda b: b.find_element(By.TAG_NAME, "html") != old
    )
    # The topic came with the link: the flow starts at step 2.
    assert path(browser) == "afspraak/kanaal", browser.current_url
    assert "Stap 2 van 7" in browser.find_element(By.TAG_NAME, "main").text

    choose(browser, "kanaal", "balie")
    send(browser, "Verder")
    assert path(browser) == "afspraak/ondersteuning"

    # Support: Space ticks a box and Space again unticks it; then on without any.
    box = tab_to(browser, "a support need", named("nodig"))
    press(browser, Keys.SPACE)
    assert box.is_selected()
    press(browser, Keys.SPACE)
    assert not box.is_selected()
    send(browser, "Verder")
    assert path(browser) == "afspraak/waar"

    choose(browser, "plek", "balie-stadswinkel")
    send(browser, "Verder")
    assert path(browser) == "afspraak/wanneer"

    # A time: the first free one in the list of days (plain radio buttons).
    choose(browser, "tijd")
    chosen = browser.switch_to.active_element.get_attribute("value")
    send(browser, "Verder")
    assert path(browser) == "afspraak/gegevens", browser.current_url

    name = tab_to(browser, "the name field", named("naam"))
    name.send_keys("Eva Visser")
    choose(browser, "bericht", "email")
    email = tab_to(browser, "the e-mail field", named("email"))
    email.send_keys("eva@voorbeeld.nl")
    send(browser, "Verder")
    assert path(browser) == "afspraak/controleren", browser.current_url
    review = browser.find_element(By.TAG_NAME, "main").text
    assert "Eva Visser" in review and "eva@voorbeeld.nl" in review

    send(browser, "Afspraak maken")
    assert path(browser) == "afspraak/bevestiging", browser.current_url
    main = browser.find_element(By.TAG_NAME, "main").text
    reference = browser.find_element(By.CSS_SELECTOR, ".loket-reference").text.replace(" ", "")
    assert reference.startswith("AF-") and "Niet tevreden?" in main
    assert chosen
    # Shift+Tab goes back through the page as well: focus order is not one-way.
    tab_to(browser, "the print button", button("Print"))
    press(browser, Keys.SHIFT, Keys.TAB)
    assert browser.switch_to.active_element.tag_name in ("a", "button", "summary")
