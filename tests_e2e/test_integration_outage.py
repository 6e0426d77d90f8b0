"""A cloud outage as owners see it: one notice for the integration, not per camera.

The fleet's ``cloud_outage`` fault takes every entity of the simulated
integration down at once, as a failed cloud poll or a lost login does. After
the grace period Camera Doctor raises one ``integration_offline_{entry id}``
notice naming the integration and its cameras; no camera gets a notice of its
own, and no red-flash sensor claims the light flashes red (Camera Doctor
cannot see the cameras: unknown). A blip shorter than the grace is silent.
"""

from __future__ import annotations

import time

from playwright.sync_api import BrowserContext, Page, expect

from browser import DEVICE_VIEWPORT, dialog_text, no_raw_key, open_repairs, settle
from harness import (
    DOMAIN,
    EXERCISED_FILE,
    GRACE_SECONDS,
    INTEGRATION,
    SCREENSHOT_DIR,
    URL,
    Camera,
    HomeAssistantProcess,
    fault_issues,
    fleet_entry_id,
    log,
)
from ws_client import EventLog, WebSocketClient, wait_for

OUTAGE = "cloud_outage"
# Any device of the fleet: the fault is its cloud's.
TARGET = "camera.front_door"
# custom_components/camera_doctor/translations/en.json: the notice's title and
# reason, the cause and fix sensors' states.
TITLE = f"{INTEGRATION} cannot reach your cameras"
REASON = f"Every {INTEGRATION} camera became unavailable at the same time."
CAUSE_STATE = "Integration offline"
FIX_STATE = "Sign in again or check the integration"
# The grace period, its slack (a fifth of it) and time for Home Assistant.
WAIT = GRACE_SECONDS * 1.2 + 20


def all_cameras(ws: WebSocketClient, cameras: dict[str, Camera], state: str) -> bool:
    """Whether every camera entity is ``state`` (or, for "up", not unavailable)."""
    states = {s["entity_id"]: s["state"] for s in ws.command("get_states")}
    if state == "up":
        return all(states.get(c) not in (None, "unavailable") for c in cameras)
    return all(states.get(c) == state for c in cameras)


def back_to_normal(
    ha: HomeAssistantProcess, ws: WebSocketClient, cameras: dict[str, Camera]
) -> None:
    """Heal the fleet; wait for every camera up and no fault notice."""
    ha.action("fleet_sim", "heal")
    wait_for(lambda: all_cameras(ws, cameras, "up"), 30, "every camera up")
    wait_for(lambda: not fault_issues(ws), WAIT, "no fault notice")


def test_a_cloud_blip_shorter_than_the_grace_period_is_silent(
    ha: HomeAssistantProcess,
    ws: WebSocketClient,
    cameras: dict[str, Camera],
    events: EventLog,
) -> None:
    """Every camera gone for a third of the grace period: no event, no notice."""
    back_to_normal(ha, ws, cameras)
    mark = events.mark()
    ha.action("fleet_sim", "inject_fault", entity_id=TARGET, fault=OUTAGE)
    wait_for(lambda: all_cameras(ws, cameras, "unavailable"), 10, "every camera gone")
    time.sleep(GRACE_SECONDS / 3)
    ha.action("fleet_sim", "heal", entity_id=TARGET, fault=OUTAGE)
    wait_for(lambda: all_cameras(ws, cameras, "up"), 10, "every camera back")
    time.sleep(GRACE_SECONDS * 1.2 + 5)
    assert events.since(mark) == []
    assert fault_issues(ws) == {}
    log(f"cloud blip of {GRACE_SECONDS / 3:.0f} s: no event, no notice")


def test_a_cloud_outage_is_one_notice_for_the_integration(
    ha: HomeAssistantProcess,
    ws: WebSocketClient,
    cameras: dict[str, Camera],
    events: EventLog,
    browser: tuple[BrowserContext, list[str]],
) -> None:
    """One notice naming the integration; red flash unknown; gone when back."""
    back_to_normal(ha, ws, cameras)
    issue_id = f"integration_offline_{fleet_entry_id(ha)}"
    mark = events.mark()
    injected = time.monotonic()
    log(f"integration_offline: inject {OUTAGE} (every camera of the fleet)")
    ha.action("fleet_sim", "inject_fault", entity_id=TARGET, fault=OUTAGE)

    issue = wait_for(
        lambda: ws.issues(DOMAIN).get(issue_id), WAIT, f"repair issue {issue_id}"
    )
    waited = time.monotonic() - injected
    assert waited >= GRACE_SECONDS - 1, f"notice after {waited:.1f} s"
    log(f"  {issue_id} raised after {waited:.1f} s")
    assert issue["translation_key"] == "integration_offline", issue
    assert issue["is_fixable"] is False, issue  # no sign-in is pending
    assert issue["severity"] == "error", issue
    placeholders = issue["translation_placeholders"]
    assert placeholders["integration"] == INTEGRATION, issue
    assert placeholders["reason"] == REASON, issue
    names = sorted(camera.name for camera in cameras.values())
    assert placeholders["cameras"] == ", ".join(names), issue

    for camera in cameras.values():
        events.wait(mark, WAIT, entity_id=camera.entity_id, cause="integration_offline")
        states = {s["entity_id"]: s for s in ws.command("get_states")}
        cause = states[camera.entities["cause"]]
        assert cause["state"] == "integration_offline", cause
        assert states[camera.entities["fix"]]["state"] == "check_integration"
        # Camera Doctor cannot see the camera: it does not say it flashes red.
        assert states[camera.entities["problem"]]["state"] == "unknown"
    # Past the grace period of every other cause: still the one notice (no
    # no_connection per camera, no sync_module_offline for the Blink panel).
    time.sleep(GRACE_SECONDS * 1.2 + 2)
    assert set(fault_issues(ws)) == {issue_id}, fault_issues(ws)

    page = what_the_owner_sees(ha, ws, cameras["camera.front_door"], browser)

    mark = events.mark()
    log(f"  heal {OUTAGE}")
    ha.action("fleet_sim", "heal", entity_id=TARGET, fault=OUTAGE)
    for camera in cameras.values():
        data = events.wait(mark, 20, entity_id=camera.entity_id, cause="none")
        assert data["previous_cause"] == "integration_offline", data
    wait_for(lambda: issue_id not in ws.issues(DOMAIN), 20, f"{issue_id} removed")
    page.goto(URL + "/config/repairs")
    settle(page)
    expect(page.get_by_text(TITLE)).to_have_count(0)
    log(f"  cleared after {time.monotonic() - injected:.1f} s in all")
    with EXERCISED_FILE.open("a") as out:
        cams = ", ".join(cameras)
        out.write(f"{'integration_offline':<20} {OUTAGE:<20} {cams}\n")


def what_the_owner_sees(
    ha: HomeAssistantProcess,
    ws: WebSocketClient,
    camera: Camera,
    browser: tuple[BrowserContext, list[str]],
) -> Page:
    """The notice in the Repairs list and opened, and a camera's device page."""
    page, title = open_repairs(ha, ws, browser, TITLE)

    title.click()
    expect(page.get_by_text(REASON, exact=False).first).to_be_visible()
    settle(page)
    no_raw_key(page, "the integration_offline notice")
    log(f"  the notice reads: {dialog_text(page)}")
    page.screenshot(path=SCREENSHOT_DIR / "integration-offline.png")
    page.keyboard.press("Escape")

    page.set_viewport_size(DEVICE_VIEWPORT)
    page.goto(f"{URL}/config/devices/device/{camera.device_id}")
    expect(page.get_by_text(CAUSE_STATE, exact=True).first).to_be_visible()
    expect(page.get_by_text(FIX_STATE).first).to_be_visible()
    settle(page)
    no_raw_key(page, "the device page during the outage")
    return page
