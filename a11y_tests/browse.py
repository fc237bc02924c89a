"""Bring the browser into a page state like a person would: sign in, fill in, submit."""

from flask import Flask
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.wait import WebDriverWait

from app.auth.cli import DEMO_ACCOUNTS
from app.pages.replay import EASY_COOKIE
from app.states import PageState, Visit
from tests.browse import prepare

Fill = tuple[tuple[str, str], ...]
WAIT = 10  # seconds a page may take to load after a submit
# Seconds between two looks while waiting. WebDriverWait looks every 0.5 s by default, and the
# first look after a click always finds the old page: half a second per submit, minutes per run.
POLL = 0.02


# Fills in a form in one call (a WebDriver command costs 10-50 ms, and a form took one to five
# per field): text by value with input and change events, radio buttons and checkboxes by value
# (an option the page no longer offers, as on an older page, goes into the first option), a
# choice in a list, a hidden field as an older page held it, and which of several submit
# buttons to press. Returns the button to press and the file fields still to fill, or a problem.
_FILL = """
const [form, fill] = arguments;
const files = [];
for (const [name, value] of fill) {
  const fields = [...form.querySelectorAll(`[name="${CSS.escape(name)}"]`)];
  if (!fields.length) return [null, [], `no field ${name}`];
  const first = fields[0];
  const kind = first.type;
  if (kind === "radio" || kind === "checkbox") {
    let option = fields.find((f) => f.value === value);
    if (!option) { option = first; option.value = value; }
    if (!option.checked) option.click();
  } else if (first.tagName === "SELECT") {
    first.value = value;
    if (first.value !== value) return [null, [], `no option ${value} in ${name}`];
    first.dispatchEvent(new Event("change", {bubbles: true}));
  } else if (kind === "submit") {
    fields.find((f) => f.value === value).dataset.loketPress = "";
  } else if (kind === "hidden") {
    first.value = value;
  } else if (kind === "file") {
    files.push([first, value]);
  } else {
    first.value = value;
    first.dispatchEvent(new Event("input", {bubbles: true}));
    first.dispatchEvent(new Event("change", {bubbles: true}));
  }
}
window.__loketWaiting = true;
document.body.addEventListener("htmx:afterSettle", () => { window.__loketSettled = true },
  {once: true});
const button = form.querySelector("[type=submit][data-loket-press]")
  || form.querySelector("button[type=submit]");
return [button, files, button ? "" : "no submit button"];
"""


def fill_in_and_send(driver: webdriver.Chrome, form: WebElement, fill: Fill) -> None:
    """Fill in the form, press its submit button, and wait for the next page, or for htmx to
    swap in its answer: a marker on the window tells the two apart (a new page has none; an
    htmx swap sets a flag when it has settled)."""
    button, files, problem = driver.execute_script(_FILL, form, [list(f) for f in fill])
    assert not problem, problem
    for field, path in files:
        field.send_keys(path)
    button.click()  # a real click: it fails when something covers the button

    def arrived(d: webdriver.Chrome) -> bool:
        try:
            return bool(
                d.execute_script(
                    "return document.readyState === 'complete'"
                    " && (!window.__loketWaiting || window.__loketSettled === true)"
                )
            )
        except WebDriverException:  # the old page is being torn down
            return False

    WebDriverWait(driver, WAIT, poll_frequency=POLL).until(arrived)


def sign_in(driver: webdriver.Chrome, base: str, role: str) -> None:
    email, _, _, password = next(a for a in DEMO_ACCOUNTS if a[2] == role)
    driver.get(base + "/medewerker/inloggen")
    form = driver.find_element(By.CSS_SELECTOR, "form.loket-form")
    fill_in_and_send(driver, form, (("email", email), ("password", password)))


def visit(driver: webdriver.Chrome, base: str, step: Visit, lang: str = "nl") -> None:
    driver.get(base + PageState("", step.path).url(lang))
    if step.submit:
        form = driver.find_element(By.CSS_SELECTOR, step.submit)
        fill_in_and_send(driver, form, step.fill)


def log_in_resident(driver: webdriver.Chrome, base: str, key: str) -> None:
    visit(driver, base, Visit("/login?method=digid", "#demo-inloggen", (("person", key),)))


# Cookies right after signing in, per identity (staff role, resident): every later state of the
# same identity starts from a copy of them instead of signing in again (about 0.5 s each).
_signed_in: dict[tuple[str | None, str | None], list[dict[str, object]]] = {}
LOGIN_PATHS = ("/medewerker/inloggen", "/login")


def _set_cookies(driver: webdriver.Chrome, base: str, cookies: list[tuple[str, str]]) -> None:
    """Give the browser the site's cookies in one DevTools call, without first opening a page
    of the site (WebDriver sets cookies only for the page on screen)."""
    driver.execute_cdp_cmd(
        "Network.setCookies",
        {
            "cookies": [
                {"name": name, "value": value, "url": base + "/", "httpOnly": True,
                 "sameSite": "Lax"}
                for name, value in cookies
            ]
        },
    )  # fmt: skip


def _sign_in_as(driver: webdriver.Chrome, base: str, state: PageState) -> None:
    identity = (state.role, state.resident)
    saved = _signed_in.get(identity)
    if saved is not None:
        _set_cookies(driver, base, [(str(c["name"]), str(c["value"])) for c in saved])
        return
    if state.role:
        sign_in(driver, base, state.role)
    if state.resident:
        log_in_resident(driver, base, state.resident)
    _signed_in[identity] = driver.get_cookies()


def _ends_a_login(state: PageState) -> bool:
    steps = [*(v.path for v in state.before), state.path]
    return bool(state.submit) and any("logout" in p or "uitloggen" in p for p in steps)


def _prepare_outside(
    driver: webdriver.Chrome, base: str, app: Flask, state: PageState, lang: str
) -> None:
    """Sign in and go through the steps before the page with the app's test client, then give
    the browser the cookies. Each of those steps is a page state of its own, checked in the
    browser there; walking them again in the browser took about a second per state."""
    client = app.test_client()
    prepare(client, state, lang)
    names = (app.config["SESSION_COOKIE_NAME"], EASY_COOKIE)
    found = [(name, cookie.value) for name in names if (cookie := client.get_cookie(name))]
    _set_cookies(driver, base, found)


def reach(
    driver: webdriver.Chrome, base: str, state: PageState, lang: str, app: Flask | None = None
) -> None:
    """Bring the browser into `state`. With `app` (the live server's), the steps before the
    page are taken outside the browser."""
    driver.delete_all_cookies()
    if state.before and app is not None:
        _prepare_outside(driver, base, app, state, lang)
        visit(driver, base, Visit(state.path, state.submit or "", state.fill), lang)
        return
    signed_in = bool(state.role or state.resident)
    if signed_in:
        _sign_in_as(driver, base, state)
    for step in state.before:
        visit(driver, base, step, lang)
    visit(driver, base, Visit(state.path, state.submit or "", state.fill), lang)
    landed = driver.current_url.removeprefix(base).removeprefix("/en")
    if signed_in and landed.startswith(LOGIN_PATHS) and not state.path.startswith(LOGIN_PATHS):
        # The kept session no longer holds (it was logged out): sign in afresh, once.
        _signed_in.pop((state.role, state.resident), None)
        driver.delete_all_cookies()
        _sign_in_as(driver, base, state)
        for step in state.before:
            visit(driver, base, step, lang)
        visit(driver, base, Visit(state.path, state.submit or "", state.fill), lang)
    if _ends_a_login(state):
        _signed_in.pop((state.role, state.resident), None)
