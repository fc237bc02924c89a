"""The "Lees voor" button: present only when the browser can speak the page's language; reads a
phone number with its words ("Bel telefoonnummer 1 4 0 2 4"), never only the digits; stops with
the button or Escape; says what it does by its label, not by a toggle state. Speech is replaced by
a recorder before the page loads (no sound in CI)."""

import pytest
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

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


def spoken(browser: webdriver.Chrome) -> list[str]:
    return [s["text"] for s in browser.execute_script("return window.__spoken")]


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
    assert button.get_attribute("aria-pressed") is None, "a label that changes, not a toggle"
    button.click()
    texts = spoken(browser)
    assert texts[0] == browser.find_element(By.TAG_NAME, "h1").text
    assert all(s["lang"] == "nl-NL" for s in browser.execute_script("return window.__spoken"))
    # A phone link is read with its words, and its number digit by digit: a number to dial.
    assert "Bel telefoonnummer 1 4 0 2 4 en vraag een formulier op papier" in " ".join(texts)
    assert "Bel ons op telefoonnummer 1 4 0 2 4." in texts, "no word said twice"
    assert button.text == "Stop met voorlezen"
    button.click()
    assert spoken(browser)[-1] == "<cancel>"
    assert button.text == "Lees voor"


def test_a_bare_number_is_read_as_a_phone_number(
    live_server: LiveServer, browser: webdriver.Chrome
) -> None:
    load_with_voices(
        browser,
        live_server.url + "/diensten/kwijtschelding",
        '[{"lang": "nl-NL", "name": "Nederlands"}]',
    )
    browser.find_element(By.CSS_SELECTOR, "[data-lees-voor] button").click()
    text = " ".join(spoken(browser))
    assert "Uit het buitenland belt u telefoonnummer + 3 1 2 4 3 2 9 9 9 9 9." in text
    assert "telefoonnummer telefoonnummer" not in text


def test_a_dutch_word_on_an_english_page_gets_the_dutch_voice(
    live_server: LiveServer, browser: webdriver.Chrome
) -> None:
    load_with_voices(
        browser,
        live_server.url + "/en/diensten/kwijtschelding",
        '[{"lang": "en-GB", "name": "English"}, {"lang": "nl-NL", "name": "Nederlands"}]',
    )
    browser.find_element(By.CSS_SELECTOR, "[data-lees-voor] button").click()
    parts = browser.execute_script("return window.__spoken")
    assert parts[0] == {"text": "Remission of municipal taxes (", "lang": "en-GB"}
    assert parts[1] == {"text": "kwijtschelding)", "lang": "nl-NL"}
    dutch = {p["text"] for p in parts if p["lang"] == "nl-NL"}
    assert {"Stadswinkel", "Belastingdienst"} <= {t.strip(".,;:()") for t in dutch}
    english = " ".join(p["text"] for p in parts if p["lang"] == "en-GB")
    assert "Stadswinkel" not in english


def test_escape_stops_reading(live_server: LiveServer, browser: webdriver.Chrome) -> None:
    load_with_voices(
        browser,
        live_server.url + "/en/diensten/kwijtschelding",
        '[{"lang": "en-GB", "name": "English"}]',
    )
    button = browser.find_element(By.CSS_SELECTOR, "[data-lees-voor] button")
    assert button.text == "Read aloud"
    button.click()
    assert "Call phone number 1 4 0 2 4 and ask for a paper form" in " ".join(spoken(browser))
    assert button.text == "Stop reading aloud"
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert spoken(browser)[-1] == "<cancel>"
    assert button.text == "Read aloud"
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert spoken(browser).count("<cancel>") == 1, "Escape does nothing when it is not reading"


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
