"""What a user sees, in a real browser: the Repairs notice and the device page.

Debian's Chromium driven by Playwright for Python (never ``playwright
install``: the browser comes from ``apt``). Every request the page makes to
anything but 127.0.0.1 is blocked (and counted), and Chromium's own
background traffic is switched off by flags and a host resolver that
resolves nothing but 127.0.0.1.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
import json
import os
from pathlib import Path
import re
import tempfile
import time
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, Route, expect, sync_playwright
import pytest

from harness import (
    DOMAIN,
    GRACE_SECONDS,
    PASSWORD,
    ROOT,
    SCREENSHOT_DIR,
    URL,
    USERNAME,
    Camera,
    HomeAssistantProcess,
    WebSocketClient,
    log,
    wait_for,
)

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
VIEWPORT = {"width": 1280, "height": 860}
DEVICE_VIEWPORT = {"width": 1280, "height": 1300}
BRANDS_HOST = "brands.home-assistant.io"
BRAND_DIR = ROOT / "custom_components" / "camera_doctor" / "brand"
TRANSPARENT_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
UI_TIMEOUT_MS = 30_000
# What the notice and the device page must say (custom_components/camera_doctor/
# translations/en.json): the title of the low_battery issue, its fix, and the
# recommended_fix sensor's state.
TITLE = "Low battery on Front Door"
FIX_TEXT = "lithium AA"
FIX_STATE = "Replace the batteries"
CAUSE_STATE = "Low battery"
DIALOG_TITLE = "New batteries in Front Door?"
STILL_LOW = "Front Door still reports a low battery, so nothing was recorded"
# Keys that must never reach the screen (causes, fixes and their variants).
STRINGS = json.loads(
    (ROOT / "custom_components" / "camera_doctor" / "strings.json").read_text("utf-8")
)
RAW_KEYS = sorted(
    {
        *STRINGS["entity"]["sensor"]["red_flash_cause"]["state"],
        *STRINGS["entity"]["sensor"]["recommended_fix"]["state"],
        *STRINGS["selector"].get("fix_variant", {}).get("options", {}),
    }
    - {"none"}
)
RAW_KEY = re.compile(r"\b(" + "|".join(map(re.escape, RAW_KEYS)) + r")\b")
# Every text node of the page, shadow roots included (innerText skips them).
DEEP_TEXT = """() => {
  const out = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) { out.push(node.textContent); return; }
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(document.body);
  return out.join(" ");
}"""


def no_raw_key(page: Page, where: str) -> str:
    """The page's text; fails if a cause or fix key shows in it."""
    text: str = page.evaluate(DEEP_TEXT)
    found = sorted(set(RAW_KEY.findall(text)))
    assert not found, f"raw keys on {where}: {found}"
    return text


@pytest.fixture
def browser() -> Iterator[tuple[BrowserContext, list[str]]]:
    """Chromium with a fresh profile; returns it and the requests it blocked."""
    blocked: list[str] = []

    def only_loopback(route: Route) -> None:
        url = urlsplit(route.request.url)
        if url.hostname == "127.0.0.1":
            route.continue_()
        elif url.hostname == BRANDS_HOST:
            # Home Assistant 2025.4 loads integration logos from its brands
            # site: answer locally, with Camera Doctor's own brand images.
            route.fulfill(content_type="image/png", body=brand_image(url.path))
        else:
            blocked.append(route.request.url)
            route.abort()

    with (
        tempfile.TemporaryDirectory(prefix="e2e-chromium-") as profile,
        sync_playwright() as playwright,
    ):
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport=VIEWPORT,
            locale="en-US",
            timezone_id="Europe/Amsterdam",
        )
        context.set_default_timeout(UI_TIMEOUT_MS)
        context.route("**/*", only_loopback)
        try:
            yield context, blocked
        finally:
            context.close()


def brand_image(path: str) -> bytes:
    """The image for a brands URL such as ``/_/camera_doctor/dark_icon@2x.png``."""
    parts = Path(path).parts
    domain, name = parts[-2], parts[-1].removeprefix("dark_")
    image = BRAND_DIR / name
    if domain == DOMAIN and image.is_file():
        return image.read_bytes()
    return TRANSPARENT_PNG


def log_in(page: Page) -> None:
    """Log in through Home Assistant's login page."""
    page.goto(URL + "/")
    page.wait_for_url("**/auth/authorize**")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/auth/" not in url and "auth_callback" not in url)
    page.locator("home-assistant").wait_for()


def settle(page: Page) -> None:
    """Let the frontend finish rendering (animations, lazy panels)."""
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)


def test_repairs_and_device_page(
    ha: HomeAssistantProcess,
    ws: WebSocketClient,
    cameras: dict[str, Camera],
    browser: tuple[BrowserContext, list[str]],
) -> None:
    """The notice's title and fix, and the device's diagnosis, in the page."""
    front, living = cameras["camera.front_door"], cameras["camera.living_room"]
    ha.action("fleet_sim", "heal")
    wait_for(lambda: not ws.issues(DOMAIN), 30, "no Camera Doctor issue")
    ha.action(
        "fleet_sim", "inject_fault", entity_id=front.entity_id, fault="battery_low"
    )
    ha.action("fleet_sim", "inject_fault", entity_id=living.entity_id, fault="hot")
    for issue_id in (front.issue_id("low_battery"), living.issue_id("overheating")):
        wait_for(
            lambda i=issue_id: i in ws.issues(DOMAIN), GRACE_SECONDS + 20, issue_id
        )
    log("ui: low battery on Front Door and overheating on Living Room raised")

    # The failed-login notice of the start-up probe is not part of the picture.
    ha.action("persistent_notification", "dismiss_all")
    context, blocked = browser
    page = context.new_page()
    started = time.monotonic()
    log_in(page)
    log(f"ui: logged in as {USERNAME} ({time.monotonic() - started:.1f} s)")
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)

    # Settings -> Repairs: the notice is listed with its title.
    page.goto(URL + "/config/repairs")
    title = page.get_by_text(TITLE)
    expect(title).to_be_visible()
    expect(page.get_by_text("Living Room is too hot")).to_be_visible()
    settle(page)
    no_raw_key(page, "the Repairs list")
    page.screenshot(path=SCREENSHOT_DIR / "repairs.png")

    # The notice opened: the fix, in plain words, with the button to act.
    title.click()
    fix = page.get_by_text(FIX_TEXT).first
    expect(fix).to_be_visible()
    expect(page.get_by_text(DIALOG_TITLE)).to_be_visible()
    settle(page)
    no_raw_key(page, "the notice dialog")
    page.screenshot(path=SCREENSHOT_DIR / "repair-dialog.png")

    # Its button says what it does; the battery is still low: nothing recorded.
    page.get_by_role("button", name="I replaced the batteries").click()
    expect(page.get_by_text(STILL_LOW)).to_be_visible()
    settle(page)
    no_raw_key(page, "the fix flow's result")
    page.screenshot(path=SCREENSHOT_DIR / "fix-flow-result.png")
    page.keyboard.press("Escape")

    # The camera's own device page: the diagnostic entities.
    page.set_viewport_size(DEVICE_VIEWPORT)
    page.goto(f"{URL}/config/devices/device/{front.device_id}")
    expect(page.get_by_text(FIX_STATE).first).to_be_visible()
    expect(page.get_by_text(CAUSE_STATE, exact=True).first).to_be_visible()
    settle(page)
    no_raw_key(page, "the device page")
    page.screenshot(path=SCREENSHOT_DIR / "device.png")

    # The device trigger, picked from the device page: its Cause list is in words.
    automations = page.locator("ha-card", has_text="Automations")
    automations.locator("ha-icon-button").first.click()
    page.get_by_text("Use device as trigger").click()
    page.get_by_text("Camera starts flashing red").first.click()
    page.wait_for_url("**/config/automation/edit/**")
    page.get_by_text("Camera starts flashing red").first.click()  # unfold it
    cause = page.get_by_label("Cause").filter(visible=True).first
    cause.click()
    expect(page.get_by_role("option", name="Low battery").first).to_be_visible()
    settle(page)
    no_raw_key(page, "the device trigger's Cause list")
    page.screenshot(path=SCREENSHOT_DIR / "device-trigger-cause.png")
    page.keyboard.press("Escape")
    log(f"ui: screenshots in {SCREENSHOT_DIR} ({time.monotonic() - started:.1f} s)")
    if blocked:
        log(f"ui: blocked {len(blocked)} request(s) beyond 127.0.0.1: {blocked[:5]}")

    ha.action("fleet_sim", "heal")
    wait_for(lambda: not ws.issues(DOMAIN), GRACE_SECONDS + 20, "issues cleared")
