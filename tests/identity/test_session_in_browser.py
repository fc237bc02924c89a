"""sessie.js in Chromium: the quiet warning before the login ends, "Blijf ingelogd" that keeps
the page as it is, and what the resident sees when the login has ended. The login lasts seconds
here (RESIDENT_IDLE_MINUTES is a fraction), so nothing waits minutes."""

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait
from werkzeug.serving import make_server

from a11y_tests.browse import log_in_resident
from a11y_tests.conftest import browser  # noqa: F401 - the one headless Chromium
from tests.conftest import migrated_app

pytestmark = pytest.mark.browser


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[object]:
    """Start Loket with a login of `idle` minutes; return its address."""
    servers = []

    def start(idle: float) -> str:
        app = migrated_app(
            f"sqlite:///{tmp_path / f'{len(servers)}.db'}",
            RATELIMIT_ENABLED=False,
            RESIDENT_IDLE_MINUTES=idle,
        )
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server in servers:
        server.shutdown()


def live_text(driver: webdriver.Chrome) -> str:
    return str(driver.find_element(By.CSS_SELECTOR, "[data-session-warning]").text)


def test_warns_then_stays_logged_in_without_leaving_the_page(
    browser: webdriver.Chrome,  # noqa: F811
    serve,  # type: ignore[no-untyped-def]
) -> None:
    base = serve(2.1)  # 126 seconds: the warning (120 s before the end) comes after 6 s
    browser.delete_all_cookies()
    log_in_resident(browser, base, "fatima")
    browser.get(base + "/sessie")
    browser.execute_script("window.__samePage = true")
    until = browser.find_element(By.CSS_SELECTOR, "[data-session-until]").text
    WebDriverWait(browser, 15).until(lambda d: "Let op" in live_text(d))
    assert live_text(browser).startswith(f"Let op: om {until} loggen wij u uit.")
    assert (
        browser.find_element(By.CSS_SELECTOR, "[data-session-warning]").get_attribute("role")
        == "status"
    )
    browser.find_element(By.CSS_SELECTOR, "#sessie-verlengen button").click()
    WebDriverWait(browser, 10).until(lambda d: "U blijft ingelogd tot" in live_text(d))
    assert browser.execute_script("return window.__samePage") is True, "the page stayed"
    new_until = browser.find_element(By.CSS_SELECTOR, "[data-session-until]").text
    assert live_text(browser) == f"U blijft ingelogd tot {new_until}."


def test_typed_text_stays_when_staying_logged_in(
    browser: webdriver.Chrome,  # noqa: F811
    serve,  # type: ignore[no-untyped-def]
) -> None:
    base = serve(15)
    browser.delete_all_cookies()
    log_in_resident(browser, base, "jan")
    browser.get(base + "/sessie")
    # Something typed and not sent yet: the search field behind the header's "Zoeken" control.
    browser.find_element(By.CSS_SELECTOR, "[aria-controls=zoeken-kop]").click()
    browser.find_element(By.ID, "zoek-kop").send_keys("paspoort")
    browser.find_element(By.CSS_SELECTOR, "#sessie-verlengen button").click()
    WebDriverWait(browser, 10).until(lambda d: "U blijft ingelogd tot" in live_text(d))
    assert browser.find_element(By.ID, "zoek-kop").get_attribute("value") == "paspoort"


def test_says_so_when_the_login_has_ended(
    browser: webdriver.Chrome,  # noqa: F811
    serve,  # type: ignore[no-untyped-def]
) -> None:
    base = serve(0.1)  # six seconds
    browser.delete_all_cookies()
    log_in_resident(browser, base, "anna")
    browser.get(base + "/sessie")
    WebDriverWait(browser, 20).until(lambda d: "U bent uitgelogd" in live_text(d))
    assert "Wij hebben uw antwoorden bewaard." in live_text(browser)
    button = browser.find_element(By.CSS_SELECTOR, "#sessie-verlengen button")
    assert button.text == "Opnieuw inloggen"
    button.click()
    WebDriverWait(browser, 10).until(lambda d: "/login" in d.current_url)
    assert browser.current_url.endswith("/login?volgende=/sessie")
    assert "Wij hebben uw antwoorden bewaard." in browser.find_element(By.TAG_NAME, "main").text
