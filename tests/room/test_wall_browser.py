"""The wall and the facilitator page in a real browser: Debian's Chromium, headless, driven by Selenium
through the system's chromedriver (never a downloaded browser). `.ci/run` installs both."""

import json
import shutil

import pytest

from tests.room.helpers import HubProcess, bot_result, call, wall

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
WAIT = 20


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    assert shutil.which("chromium") and shutil.which("chromedriver"), \
        "the wall's tests need Chromium: apt-get install chromium chromium-driver"
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1920,1080", f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture
def hub(tmp_path):
    h = HubProcess(tmp_path / "hub").start()
    yield h
    assert h.stop() == 0


def post(hub, result):
    reply = call(hub.base, "POST", "/api/results", json.dumps(result).encode(), code=hub.code)
    assert reply.status == 201, reply.body


def markers(driver) -> list:
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, "[data-player]")


def wait_for(driver, condition, what: str):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT, poll_frequency=0.05).until(lambda d: condition(d), message=what)


def test_the_wall_shows_one_marker_per_player_and_updates_when_a_result_arrives(browser, hub):
    post(hub, bot_result(seed=21))
    post(hub, bot_result(seed=22, players=4))
    browser.get(hub.url)
    wait_for(browser, lambda d: len(markers(d)) == 5, "five markers")
    first = {m.get_attribute("data-player") for m in markers(browser)}
    assert len(first) == 5  # one element per player, each its own id
    post(hub, bot_result(seed=23, players=3))
    wait_for(browser, lambda d: len(markers(d)) == 8, "eight markers after a new result")
    assert first < {m.get_attribute("data-player") for m in markers(browser)}
    assert browser.find_element("id", "join-code").text == hub.code
    page = browser.page_source
    assert hub.pin not in page  # the PIN is for the hub's own screen only


def test_the_wall_loads_nothing_from_outside_the_hub(browser, hub):
    browser.get(hub.url)
    wait_for(browser, lambda d: d.execute_script("return document.body.dataset.version") is not None, "the first state")
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources and all(r.startswith(hub.base + "/") for r in resources), resources
    fonts = browser.execute_script("return [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("DejaVu" in f for f in fonts), fonts


def test_the_reveal_hides_the_dots_until_the_facilitator_opens_the_debrief(browser, hub):
    post(hub, bot_result(seed=24, players=2))
    browser.get(hub.url)
    wait_for(browser, lambda d: len(markers(d)) == 2, "two markers")
    pin = {"X-Room-PIN": hub.pin}
    assert call(hub.base, "POST", "/api/admin/reveal", {"hidden": True}, headers=pin).status == 200
    wait_for(browser, lambda d: len(markers(d)) == 0, "no markers while hidden")
    assert browser.find_element("id", "chart-note").text
    state = wall(hub)
    assert state["players"] == [] and state["counts"]["players"] == 2  # not even in the data
    assert call(hub.base, "POST", "/api/admin/reveal", {"hidden": False}, headers=pin).status == 200
    wait_for(browser, lambda d: len(markers(d)) == 2, "the markers back at the debrief")


def test_the_facilitator_logs_in_with_the_pin_and_starts_the_timer_that_the_wall_and_tables_show(browser, hub):
    from selenium.webdriver.common.by import By

    browser.get(hub.base + "/facilitator")
    wait_for(browser, lambda d: d.find_element(By.ID, "login").is_displayed(), "the PIN form")
    browser.find_element(By.ID, "pin").send_keys("000000" if hub.pin != "000000" else "111111")
    browser.find_element(By.CSS_SELECTOR, "#login button").click()
    wait_for(browser, lambda d: d.find_element(By.ID, "login-message").text, "the wrong-PIN message")
    assert not browser.find_element(By.ID, "controls").is_displayed()
    browser.find_element(By.ID, "pin").send_keys(hub.pin)
    browser.find_element(By.CSS_SELECTOR, "#login button").click()
    wait_for(browser, lambda d: d.find_element(By.ID, "controls").is_displayed(), "the controls")
    two = [b for b in browser.find_elements(By.CSS_SELECTOR, "#timer-buttons button") if b.text.startswith("2 ")]
    two[0].click()
    wait_for(browser, lambda d: "2 minuten" in d.find_element(By.ID, "timer-now").text, "the timer on the page")
    timer = call(hub.base, "GET", "/api/timer", code=hub.code).json()
    assert timer["running"] and 100 < timer["remaining"] <= 120
    browser.get(hub.url)
    wait_for(browser, lambda d: d.find_element(By.ID, "timer").text.startswith("Nog 2 minuten"), "the timer on the wall")
