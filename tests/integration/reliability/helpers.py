"""What the reliability tests count: issues, listeners, timers, tasks."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er

from tests.integration.fleet import (  # noqa: F401 - shared with the reliability tests
    CAUSE,
    FakeCamera,
    add_camera,
    advance,
    listeners,
    live_timers,
    our_issues,
    setup_entry,
    state_callbacks,
)

BLINK_ATTRIBUTES = {
    "battery": "ok",
    "temperature": 68,
    "wifi_strength": -60,
    "sync_signal_strength": 4,
    "sync_module": "Home",
    "network_id": 2201,
}


def pending_tasks(hass: HomeAssistant) -> int:
    """Tasks Home Assistant still tracks (foreground and background)."""
    return sum(not task.done() for task in (*hass._tasks, *hass._background_tasks))


def add_blink(hass: HomeAssistant) -> FakeCamera:
    """A healthy Blink camera "Front Door"; its sync module panel is sibling "hub"."""
    camera = add_camera(hass, "Front Door", platform="blink", manufacturer="Blink")
    panel = add_camera(
        hass,
        "Home",
        platform="blink",
        manufacturer="Blink",
        serial="sync-home",
        siblings={"hub": ("alarm_control_panel", None, None)},
    )
    camera.siblings["hub"] = panel.siblings["hub"]
    # The panel's device has no camera of its own: drop the helper's camera.
    er.async_get(hass).async_remove(panel.entity_id)
    blink_healthy(camera)
    return camera


def blink_healthy(camera: FakeCamera) -> None:
    """Write the healthy states of a camera made by :func:`add_blink`."""
    camera.set("camera", "idle", **BLINK_ATTRIBUTES)
    camera.hass.states.async_set(
        camera.siblings["hub"],
        "disarmed",
        {"friendly_name": "blink Home", "name": "Home", "status": "online"},
    )
