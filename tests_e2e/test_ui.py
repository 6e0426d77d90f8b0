"""What a user sees, in a real browser: the Repairs notice and the device page.

The browser: ``browser.py`` (Debian's Chromium, nothing beyond 127.0.0.1).
"""

from __future__ import annotations

import time

from playwright.sync_api import BrowserContext, expect
import pytest

from browser import (
    CAUSE_STATE,
    DEVICE_VIEWPORT,
    DIALOG_TITLE,
    FIX_STATE,
    FIX_TEXT,
    STILL_LOW,
    TITLE,
    log_in,
    no_raw_key,
    quiet_other_notices,
    settle,
)
from harness import (
    DOMAIN,
    GRACE_SECONDS,
    SCREENSHOT_DIR,
    URL,
    USERNAME,
    Camera,
    HomeAssistantProcess,
    fault_issues,
    log,
)
from ws_client import WebSocketClient, wait_for


def test_repairs_and_device_page(
    ha: HomeAssistantProcess,
    ws: WebSocketClient,
    cameras: dict[str, Camera],
    browser: tuple[BrowserContext, list[str]],
) -> None:
    """The notice's title and fix, and the device's diagnosis, in the page."""
    front, living = cameras["camera.front_door"], cameras["camera.living_room"]
    ha.action("fleet_sim", "heal")
    wait_for(lambda: not fault_issues(ws), 30, "no Camera Doctor issue")
    ha.action(
        "fleet_sim", "inject_fault", entity_id=front.entity_id, fault="battery_low"
    )
    ha.action("fleet_sim", "inject_fault", entity_id=living.entity_id, fault="hot")
    for issue_id in (front.issue_id("low_battery"), living.issue_id("overheating")):
        wait_for(
            lambda i=issue_id: i in ws.issues(DOMAIN), GRACE_SECONDS + 20, issue_id
        )
    log("ui: low battery on Front Door and overheating on Living Room raised")

    quiet_other_notices(ha, ws)
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

    log(f"ui: screenshots in {SCREENSHOT_DIR} ({time.monotonic() - started:.1f} s)")
    if blocked:
        log(f"ui: blocked {len(blocked)} request(s) beyond 127.0.0.1: {blocked[:5]}")

    ha.action("fleet_sim", "heal")
    wait_for(lambda: not fault_issues(ws), GRACE_SECONDS + 20, "issues cleared")


# From 2025.8 Camera Doctor's entities join the camera's device without adding
# Camera Doctor to it (custom_components/camera_doctor/compat.py), and the
# device page offers only the device triggers of the integrations it lists.
DEVICE_PAGE_TRIGGERS_UNTIL = (2025, 8)


def test_device_trigger_from_the_device_page(
    ha_version: tuple[int, int],
    cameras: dict[str, Camera],
    browser: tuple[BrowserContext, list[str]],
) -> None:
    """The device trigger, picked from the device page: its Cause list in words."""
    if ha_version >= DEVICE_PAGE_TRIGGERS_UNTIL:
        pytest.skip(
            "from Home Assistant 2025.8 the camera's device page offers no"
            " Camera Doctor device trigger; test_editor covers the editor's trigger"
        )
    front = cameras["camera.front_door"]
    context, _ = browser
    page = context.new_page()
    log_in(page)
    page.set_viewport_size(DEVICE_VIEWPORT)
    page.goto(f"{URL}/config/devices/device/{front.device_id}")
    expect(page.get_by_text(front.name).first).to_be_visible()
    # The device trigger, picked from the device page: its Cause list is in words.
    automations = page.locator("ha-card", has_text="Automations")
    automations.locator("ha-icon-button").first.click()
    page.get_by_text("Use device as trigger").click()
    page.get_by_text("Camera starts flashing red").first.click()
    page.wait_for_url("**/config/automation/edit/**")
    page.get_by_text("Camera starts flashing red").first.click()  # unfold it
    cause = page.get_by_label("Cause").filter(visible=True).first
    low_battery = page.get_by_role("option", name="Low battery").first
    # The list opens on a click once the unfolded trigger has settled: click
    # again while it has not opened (no fixed wait, whatever the speed).
    for _ in range(5):
        cause.click()
        try:
            expect(low_battery).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            continue
    expect(low_battery).to_be_visible()
    settle(page)
    no_raw_key(page, "the device trigger's Cause list")
    page.screenshot(path=SCREENSHOT_DIR / "device-trigger-cause.png")
    page.keyboard.press("Escape")
