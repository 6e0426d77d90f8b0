"""Unavailable storm: a source integration reloads under 200 cameras."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import Event, HomeAssistant
from homeassistant.helpers import issue_registry as ir
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import EVENT_DIAGNOSIS
from custom_components.camera_doctor.diagnosis import outage_wait
from custom_components.camera_doctor.options import DEFAULT_OPTIONS
from tests.integration.fleet import FakeCamera, add_camera

from .helpers import CAUSE, advance, our_issues, setup_entry

CAMERAS = 200
GRACE = timedelta(minutes=DEFAULT_OPTIONS["grace_minutes"])
# The engine waits a little longer than the grace period (slack).
WAIT = timedelta(minutes=outage_wait(DEFAULT_OPTIONS["grace_minutes"]))
SIBLINGS = {
    "battery": ("sensor", "battery", "%"),
    "connectivity": ("binary_sensor", "connectivity", None),
}


def _fleet(hass: HomeAssistant) -> list[FakeCamera]:
    cameras = []
    for number in range(CAMERAS):
        camera = add_camera(
            hass, f"Cam {number:03}", platform="acme", siblings=SIBLINGS
        )
        camera.set("camera", "idle")
        camera.set("battery", "90")
        camera.set("connectivity", "on")
        cameras.append(camera)
    return cameras


def _storm(cameras: list[FakeCamera], state: str | None) -> None:
    """Every source of every camera goes unavailable, or comes back."""
    for camera in cameras:
        if state is None:
            camera.set("camera", "idle")
            camera.set("battery", "90")
            camera.set("connectivity", "on")
        else:
            for key in ("camera", "battery", "connectivity"):
                camera.set(key, state)


async def test_storm_inside_and_past_the_grace_period(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Back within the grace period: nothing. Past it: one issue each, cleared."""
    cameras = _fleet(hass)
    await setup_entry(hass, mock_config_entry)
    events: list[Event[Any]] = []
    hass.bus.async_listen(EVENT_DIAGNOSIS, events.append)
    changes: list[Event[Any]] = []
    hass.bus.async_listen(ir.EVENT_REPAIRS_ISSUE_REGISTRY_UPDATED, changes.append)

    # A reload of the source integration: gone for just under the grace period.
    _storm(cameras, STATE_UNAVAILABLE)
    await advance(hass, freezer, GRACE - timedelta(seconds=1))
    await advance(hass, freezer, WAIT - GRACE)  # up to the slack's end, not past
    assert our_issues(hass) == {}
    _storm(cameras, None)
    await advance(hass, freezer, timedelta(hours=2))
    assert events == []
    assert changes == []
    assert all(
        hass.states.get(CAUSE.format(f"cam_{n:03}")).state == "none"
        for n in range(CAMERAS)
    )

    # A real outage: past the grace period (and its slack).
    _storm(cameras, STATE_UNAVAILABLE)
    await advance(hass, freezer, WAIT - timedelta(seconds=1))
    assert our_issues(hass) == {}
    assert events == []
    await advance(hass, freezer, timedelta(seconds=2))
    issues = our_issues(hass)
    assert set(issues) == {f"no_connection_{c.registry_id}" for c in cameras}
    assert len(issues) == CAMERAS
    assert [e.data["cause"] for e in events] == ["no_connection"] * CAMERAS
    assert {e.data["entity_id"] for e in events} == {c.entity_id for c in cameras}
    assert len(changes) == CAMERAS

    _storm(cameras, None)
    await hass.async_block_till_done()
    assert our_issues(hass) == {}
    assert [e.data["cause"] for e in events[CAMERAS:]] == ["none"] * CAMERAS
    assert [c.data["action"] for c in changes[CAMERAS:]] == ["remove"] * CAMERAS
    await advance(hass, freezer, timedelta(hours=2))
    assert len(events) == 2 * CAMERAS
    assert len(changes) == 2 * CAMERAS
