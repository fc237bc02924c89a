"""Bring the browser into a page state like a person would: sign in, fill in, submit."""

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.wait import WebDriverWait

from app.auth.cli import DEMO_ACCOUNTS
from app.states import PageState, Visit

WAIT = 10  # seconds a page may take to load after a submit


def _send(driver: webdriver.Chrome, form: WebElement) -> None:
    """Press the form's submit button; wait for the next page, or for htmx to swap in its answer.

    A marker on the window tells the two apart: a new page has no marker; an htmx swap sets a
    flag when it has settled.
    """
    driver.execute_script(
        "window.__loketWaiting = true; document.body.addEventListener('htmx:afterSettle',"
        " () => { window.__loketSettled = true }, {once: true})"
    )
    chosen = form.find_elements(By.CSS_SELECTOR, "[type=submit][data-loket-press]")
    (chosen[0] if chosen else form.find_element(By.CSS_SELECTOR, "button[type=submit]")).click()

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

    WebDriverWait(driver, WAIT).until(arrived)


def fill_in(form: WebElement, fill: tuple[tuple[str, str], ...]) -> None:
    """Type into text fields, choose radio buttons and checkboxes by value, pick options; set
    a hidden field as an older page would have held it."""
    for name, value in fill:
        fields = form.find_elements(By.NAME, name)
        assert fields, f"no field {name!r}"
        kind = fields[0].get_attribute("type")
        if kind in ("radio", "checkbox"):
            option = next((f for f in fields if f.get_attribute("value") == value), None)
            if option is None:
                # An option the page no longer offers (a time just taken, shown on an older
                # page): the first option carries that old value.
                option = fields[0]
                form.parent.execute_script("arguments[0].value = arguments[1]", option, value)
            if not option.is_selected():
                option.click()
        elif fields[0].tag_name == "select":
            Select(fields[0]).select_by_value(value)
        elif kind == "submit":
            # One of several buttons (Geweest / Niet gekomen): press the one with this value.
            button = next(f for f in fields if f.get_attribute("value") == value)
            form.parent.execute_script("arguments[0].dataset.loketPress = ''", button)
        elif kind == "hidden":
            # Nobody types here: the state stands for an older page (a form shown before the
            # data changed, such as a booking's version), so set what that page held.
            form.parent.execute_script("arguments[0].value = arguments[1]", fields[0], value)
        else:
            fields[0].clear()
            fields[0].send_keys(value)


def sign_in(driver: webdriver.Chrome, base: str, role: str) -> None:
    email, _, _, password = next(a for a in DEMO_ACCOUNTS if a[2] == role)
    driver.get(base + "/medewerker/inloggen")
    form = driver.find_element(By.CSS_SELECTOR, "form.loket-form")
    fill_in(form, (("email", email), ("password", password)))
    _send(driver, form)


def visit(driver: webdriver.Chrome, base: str, step: Visit, lang: str = "nl") -> None:
    driver.get(base + PageState("", step.path).url(lang))
    if step.submit:
        form = driver.find_element(By.CSS_SELECTOR, step.submit)
        fill_in(form, step.fill)
        _send(driver, form)


def log_in_resident(driver: webdriver.Chrome, base: str, key: str) -> None:
    visit(driver, base, Visit("/login?method=digid", "#demo-inloggen", (("person", key),)))


# Cookies right after signing in, per identity (staff role, resident): every later state of the
# same identity starts from a copy of them instead of signing in again (about 0.5 s each).
_signed_in: dict[tuple[str | None, str | None], list[dict[str, object]]] = {}
LOGIN_PATHS = ("/medewerker/inloggen", "/login")


def _sign_in_as(driver: webdriver.Chrome, base: str, state: PageState) -> None:
    identity = (state.role, state.resident)
    saved = _signed_in.get(identity)
    if saved is not None:
        for cookie in saved:
            driver.add_cookie(cookie)
        return
    if state.role:
        sign_in(driver, base, state.role)
    if state.resident:
        log_in_resident(driver, base, state.resident)
    _signed_in[identity] = driver.get_cookies()


def _ends_a_login(state: PageState) -> bool:
    steps = [*(v.path for v in state.before), state.path]
    return bool(state.submit) and any("logout" in p or "uitloggen" in p for p in steps)


def reach(driver: webdriver.Chrome, base: str, state: PageState, lang: str) -> None:
    driver.delete_all_cookies()
    signed_in = bool(state.role or state.resident)
    if signed_in:
        if (state.role, state.resident) in _signed_in:
            driver.get(base + "/health")  # cookies can only be set on the site's own origin
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
