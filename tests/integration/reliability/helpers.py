"""What the reliability tests count: issues, listeners, timers, tasks."""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.camera_doctor.const import DOMAIN
from tests.integration.fleet import FakeCamera, add_camera

CAUSE = "sensor.{}_red_flash_cause"
BLINK_ATTRIBUTES = {
    "battery": "ok",
    "temperature": 68,
    "wifi_strength": -60,
    "sync_signal_strength": 4,
    "sync_module": "Home",
    "network_id": 2201,
}


async def setup_entry(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Add and load the Camera Doctor entry."""
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


async def advance(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, delta: timedelta
) -> None:
    """Let ``delta`` of simulated time pass, firing the timers due."""
    await hass.async_block_till_done()
    freezer.tick(delta)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


def our_issues(hass: HomeAssistant) -> dict[str, ir.IssueEntry]:
    """Camera Doctor's repair issues, by issue id."""
    return {
        issue_id: issue
        for (domain, issue_id), issue in ir.async_get(hass).issues.items()
        if domain == DOMAIN
    }


def state_callbacks(hass: HomeAssistant) -> int:
    """Per-entity callbacks of every state-change tracker."""
    tracked = hass.data.get("track_state_change_data")
    return sum(len(jobs) for jobs in tracked.callbacks.values()) if tracked else 0


def live_timers(hass: HomeAssistant) -> int:
    """Timers scheduled on the event loop and not cancelled."""
    return sum(not handle.cancelled() for handle in hass.loop._scheduled)


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
