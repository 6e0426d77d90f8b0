"""Readings an integration hides by default: the notice, and its "Enable them".

The simulated Ring doorbell's Wi-Fi sensors are created disabled, as core's
ring creates them, so from the start Camera Doctor raises one
``missing_readings_{entry id}`` notice for the fleet's integration. Its fix
flow enables them; Home Assistant reloads the integration about 30 s later
and the next diagnosis sees the signal.
"""

from __future__ import annotations

import time
from typing import Any

from playwright.sync_api import BrowserContext, expect

from browser import dialog_text, no_raw_key, open_repairs, settle
from harness import (
    DOMAIN,
    INTEGRATION,
    SCREENSHOT_DIR,
    Camera,
    HomeAssistantProcess,
    fleet_entry_id,
    log,
)
from ws_client import WebSocketClient, wait_for

DOORBELL = "camera.porch_doorbell"
# custom_components/camera_doctor/translations/en.json, missing_readings.
TITLE = f"Camera Doctor cannot see some readings from {INTEGRATION}"
STEP_TITLE = f"Enable the hidden readings from {INTEGRATION}"
BUTTON = "Enable them"
OUTCOME = "The readings are enabled."
# Home Assistant reloads the integration 30 s after an entity is enabled.
RELOAD_WAIT = 120


def hidden_entities(ws: WebSocketClient, camera: Camera) -> list[dict[str, Any]]:
    """The camera's entities its integration created disabled."""
    return [
        entry
        for entry in ws.command("config/entity_registry/list")
        if entry["device_id"] == camera.device_id
        and entry["disabled_by"] == "integration"
    ]


def signal_missing(ha: HomeAssistantProcess) -> str | None:
    """Why the doorbell's Wi-Fi signal is missing (``diagnose``), if it is."""
    answer = ha.rest(
        "POST",
        f"/api/services/{DOMAIN}/diagnose?return_response",
        {"entity_id": DOORBELL},
    )
    missing: dict[str, str] = answer["service_response"]["cameras"][DOORBELL]["missing"]
    return missing.get("signal")


def test_enable_the_hidden_readings(
    ha: HomeAssistantProcess,
    ws: WebSocketClient,
    cameras: dict[str, Camera],
    browser: tuple[BrowserContext, list[str]],
) -> None:
    """One notice for the integration; "Enable them" enables the entities."""
    doorbell = cameras[DOORBELL]
    issue_id = f"missing_readings_{fleet_entry_id(ha)}"
    issue = wait_for(
        lambda: ws.issues(DOMAIN).get(issue_id), 30, f"repair issue {issue_id}"
    )
    assert issue["is_fixable"] is True, issue
    assert issue["severity"] == "warning", issue
    placeholders = issue["translation_placeholders"]
    assert placeholders["integration"] == INTEGRATION, issue
    assert placeholders["cameras"] == doorbell.name, issue
    hidden = hidden_entities(ws, doorbell)
    keys = sorted(entry["unique_id"].rsplit("-", 1)[1] for entry in hidden)
    assert keys == ["wifi_signal_category", "wifi_signal_strength"], hidden
    # One line each, the category by the name it will have.
    lines = placeholders["entities"].splitlines()
    assert len(lines) == 2, placeholders
    assert "Porch Doorbell Wi-Fi signal category" in lines[0] + lines[1], lines
    assert signal_missing(ha) == "disabled_by_integration"

    page, title = open_repairs(ha, ws, browser, TITLE)

    title.click()
    expect(page.get_by_text(STEP_TITLE).first).to_be_visible()
    expect(page.get_by_text("Wi-Fi signal category").first).to_be_visible()
    settle(page)
    no_raw_key(page, "the missing_readings fix flow")
    log(f"hidden readings: the notice reads: {dialog_text(page)}")
    page.screenshot(path=SCREENSHOT_DIR / "missing-readings.png")

    pressed = time.monotonic()
    page.get_by_role("button", name=BUTTON).click()
    expect(page.get_by_text(OUTCOME, exact=False).first).to_be_visible()
    settle(page)
    no_raw_key(page, "the missing_readings outcome")
    log(f"hidden readings: the outcome reads: {dialog_text(page)}")
    page.screenshot(path=SCREENSHOT_DIR / "missing-readings-result.png")
    page.keyboard.press("Escape")

    # Enabled at once in the registry; created when the integration reloads.
    assert hidden_entities(ws, doorbell) == []
    for entry in hidden:
        enabled = ws.command("config/entity_registry/get", entity_id=entry["entity_id"])
        assert enabled["disabled_by"] is None, enabled
    wait_for(lambda: issue_id not in ws.issues(DOMAIN), RELOAD_WAIT, f"{issue_id} gone")
    wait_for(
        lambda: all(
            (state := ws.state(entry["entity_id"])) is not None
            and state["state"] not in ("unavailable", "unknown")
            for entry in hidden
        ),
        RELOAD_WAIT,
        "the enabled Wi-Fi sensors reporting",
    )
    wait_for(lambda: signal_missing(ha) is None, 30, "the signal seen")
    log(
        f"hidden readings: {len(hidden)} entities enabled, reporting after"
        f" {time.monotonic() - pressed:.0f} s; the notice is gone"
    )
