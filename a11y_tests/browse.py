"""Bring the browser into a page state like a person would: sign in, fill in, submit."""

from selenium import webdriver
from selenium.webdriver.common.by import By

from app.auth.cli import DEMO_ACCOUNTS
from app.states import PageState


def sign_in(driver: webdriver.Chrome, base: str, role: str) -> None:
    email, _, _, password = next(a for a in DEMO_ACCOUNTS if a[2] == role)
    driver.get(base + "/medewerker/inloggen")
    driver.find_element(By.NAME, "email").send_keys(email)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form.loket-form button[type=submit]").click()


def reach(driver: webdriver.Chrome, base: str, state: PageState, lang: str) -> None:
    driver.delete_all_cookies()
    if state.role:
        sign_in(driver, base, state.role)
    driver.get(base + state.url(lang))
    if state.submit:
        form = driver.find_element(By.CSS_SELECTOR, state.submit)
        for name, value in state.fill:
            field = form.find_element(By.NAME, name)
            field.clear()
            field.send_keys(value)
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
