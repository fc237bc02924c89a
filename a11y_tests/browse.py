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
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()

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
    """Type into text fields, choose radio buttons and checkboxes by value, pick options."""
    for name, value in fill:
        fields = form.find_elements(By.NAME, name)
        assert fields, f"no field {name!r}"
        kind = fields[0].get_attribute("type")
        if kind in ("radio", "checkbox"):
            option = next(f for f in fields if f.get_attribute("value") == value)
            if not option.is_selected():
                option.click()
        elif fields[0].tag_name == "select":
            Select(fields[0]).select_by_value(value)
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


def reach(driver: webdriver.Chrome, base: str, state: PageState, lang: str) -> None:
    driver.delete_all_cookies()
    if state.role:
        sign_in(driver, base, state.role)
    if state.resident:
        log_in_resident(driver, base, state.resident)
    for step in state.before:
        visit(driver, base, step, lang)
    visit(driver, base, Visit(state.path, state.submit or "", state.fill), lang)
