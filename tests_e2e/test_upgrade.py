"""An owner's upgrade: set up on the oldest supported release, started by the newest.

``scripts/e2e --upgrade`` runs :func:`test_upgrade` on the oldest
release (``E2E_UPGRADE=before``): Camera Doctor is set up, its config entry
on the cameras' devices as that release wants it, and an automation with a
device trigger on a camera's device is written. Then the newest release
starts on that configuration (``E2E_UPGRADE=after``), which splits every device of several config
entries (2026.8): each camera must still be listed once, with Camera
Doctor's entities, and the automation must still fire.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import BrowserContext
import pytest

from browser import log_in, settle
from harness import (
    GRACE_SECONDS,
    SCREENSHOT_DIR,
    UPGRADE,
    URL,
    Camera,
    HomeAssistantProcess,
    fault_issues,
    log,
)
from ws_client import EventLog, WebSocketClient, wait_for

FIRED = "e2e_upgrade_automation_fired"
AUTOMATION_ID = "e2e_upgrade_front_door"


def _fires_on_low_battery(
    ha: HomeAssistantProcess, ws: WebSocketClient, front: Camera
) -> None:
    """The automation written on the oldest release runs on a low battery."""
    fired = EventLog(ws.subscribe("subscribe_events", event_type=FIRED))
    ha.action("fleet_sim", "heal")
    wait_for(lambda: not fault_issues(ws), 30, "no Camera Doctor issue")
    mark = fired.mark()
    ha.action(
        "fleet_sim", "inject_fault", entity_id=front.entity_id, fault="battery_low"
    )
    fired.wait(mark, GRACE_SECONDS + 30, camera=front.entity_id)
    ha.action("fleet_sim", "heal")


def _owned_by(device: dict[str, Any], entry_id: str) -> bool:
    """Whether a device (as the device list sends it) belongs to ``entry_id``."""
    return entry_id in (device.get("config_entries") or [device.get("config_entry_id")])


def _before(
    ha: HomeAssistantProcess,
    ws: WebSocketClient,
    entry_id: str,
    cameras: dict[str, Camera],
) -> None:
    """On the oldest release: the entry on each camera's device; the automation."""
    devices = {d["id"]: d for d in ws.command("config/device_registry/list")}
    for camera in cameras.values():
        assert _owned_by(devices[camera.device_id], entry_id), camera
    front = cameras["camera.front_door"]
    trigger = {
        "trigger": "device",
        "domain": "camera_doctor",
        "device_id": front.device_id,
        "type": "cause_detected",
        "cause": "low_battery",
    }
    ha.rest(
        "POST",
        f"/api/config/automation/config/{AUTOMATION_ID}",
        {
            "id": AUTOMATION_ID,
            "alias": "Front Door: battery low (written before the upgrade)",
            "triggers": [trigger],
            "actions": [
                {
                    "event": FIRED,
                    "event_data": {"camera": "{{ trigger.event.data.entity_id }}"},
                }
            ],
        },
    )
    _fires_on_low_battery(ha, ws, front)
    log(f"upgrade: set up on the oldest release; {len(devices)} devices")


@pytest.mark.skipif(not UPGRADE, reason="scripts/e2e --upgrade only")
def test_upgrade(
    ha: HomeAssistantProcess,
    ws: WebSocketClient,
    entry_id: str,
    cameras: dict[str, Camera],
    browser: tuple[BrowserContext, list[str]],
) -> None:
    """Set up on the oldest release; on the newest, each camera once.

    On the newest, ``cameras`` checks that Camera Doctor's entities are on
    their camera's device; Settings → Devices is saved as
    ``devices-after-upgrade.png``.
    """
    if UPGRADE == "before":
        _before(ha, ws, entry_id, cameras)
        return
    context, _ = browser
    page = context.new_page()
    log_in(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{URL}/config/devices/dashboard")
    page.get_by_text(cameras["camera.front_door"].name).first.wait_for()
    settle(page)
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOT_DIR / "devices-after-upgrade.png")

    devices = ws.command("config/device_registry/list")
    holding = {e["device_id"] for e in ws.command("config/entity_registry/list")}
    names = [d["name_by_user"] or d["name"] for d in devices]
    log(f"upgrade: devices on the newest release: {sorted(names)}")
    assert not [d for d in devices if _owned_by(d, entry_id)]
    # No camera's namesake that "has no entities" (a twin of the split).
    assert not [
        d["id"]
        for d in devices
        if d["id"] not in holding and d["name"] in {c.name for c in cameras.values()}
    ]
    for camera in cameras.values():
        assert names.count(camera.name) == 1, (camera.name, sorted(names))
    _fires_on_low_battery(ha, ws, cameras["camera.front_door"])
