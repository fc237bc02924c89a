"""The "Lees voor" button: present only when the browser can speak Dutch; reads phone numbers
digit by digit. Speech is replaced by a recorder before the page loads (no sound in CI)."""

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By

from a11y_tests.conftest import LiveServer

pytestmark = pytest.mark.browser

FAKE_SPEECH = """
window.__spoken = [];
const voices = %s;
const synth = {
  getVoices: () => voices,
  speak: (u) => { window.__spoken.push({text: u.text, lang: u.lang}); },
  cancel: () => { window.__spoken.push({text: "<cancel>"}); },
  addEventListener: () => {},
  onvoiceschanged: null,
};
Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
"""


def load_with_voices(browser: webdriver.Chrome, url: str, voices: str) -> str:
    script = browser.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": FAKE_SPEECH % voices}
    )
    try:
        browser.get(url)
    finally:
        browser.execute_cdp_cmd(
            "Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]}
        )
    return browser.current_url


def test_reads_the_page_with_a_dutch_voice(
    live_server: LiveServer, browser: webdriver.Chrome
) -> None:
    load_with_voices(
        browser,
        live_server.url + "/diensten/kwijtschelding/makkelijk-lezen",
        '[{"lang": "nl-NL", "name": "Nederlands"}]',
    )
    button = browser.find_element(By.CSS_SELECTOR, "[data-lees-voor] button")
    assert button.is_displayed() and button.text == "Lees voor"
    button.click()
    spoken = browser.execute_script("return window.__spoken")
    texts = [s["text"] for s in spoken]
    assert texts[0] == browser.find_element(By.TAG_NAME, "h1").text
    assert all(s["lang"] == "nl-NL" for s in spoken)
    assert any("1 4 0 2 4" in t for t in texts), "the phone number is read digit by digit"
    assert button.text == "Stop met voorlezen" and button.get_attribute("aria-pressed") == "true"
    button.click()
    assert browser.execute_script("return window.__spoken.at(-1).text") == "<cancel>"


def test_no_button_without_a_voice_for_the_language(
    live_server: LiveServer, browser: webdriver.Chrome
) -> None:
    load_with_voices(
        browser,
        live_server.url + "/diensten/kwijtschelding",
        '[{"lang": "en-GB", "name": "English"}]',
    )
    assert not browser.find_element(By.CSS_SELECTOR, "[data-lees-voor]").is_displayed()


def test_no_button_without_speech(live_server: LiveServer, browser: webdriver.Chrome) -> None:
    browser.get(live_server.url + "/diensten/kwijtschelding")
    has_voice = browser.execute_script(
        "return 'speechSynthesis' in window"
        " && speechSynthesis.getVoices().some(v => v.lang.startsWith('nl'))"
    )
    assert browser.find_element(By.CSS_SELECTOR, "[data-lees-voor]").is_displayed() == has_voice
