"""Frozen Blink readings: the camera Home Assistant still shows as online.

Sequences of Blink polls (every 5 minutes), written the way the blink
integration writes them: the same state and attributes again when nothing
changed (which only moves ``last_reported``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
import itertools
import math
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.camera_doctor.const import CONF_STALE_ALL_BRANDS, DOMAIN

from .fleet import (
    CAUSE as FLEET_CAUSE,
    FakeCamera,
    add_camera,
    add_generic_camera,
    setup_entry,
)

POLL = timedelta(minutes=5)
CAUSE = FLEET_CAUSE.format("front_door")


def _blink_attributes(temperature: float, wifi: int) -> dict[str, Any]:
    return {
        "name": "Front Door",
        "serial": "G8W1-0001",
        "temperature": temperature,
        "temperature_c": round((temperature - 32) * 5 / 9, 1),
        "battery": "ok",
        "battery_voltage": 163,
        "wifi_strength": wifi,
        "sync_signal_strength": 4,
        "network_id": 2201,
        "sync_module": "Home",
        "last_record": "2026-06-01T05:00:00+00:00",
    }


@pytest.fixture
async def front_door(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> FakeCamera:
    """A Blink camera (as the blink platform shows it) under watch."""
    freezer.move_to("2026-06-01T06:00:00+00:00")
    camera = add_camera(hass, "Front Door", platform="blink", manufacturer="Blink")
    camera.set("camera", "idle", **_blink_attributes(68, -60))
    await setup_entry(hass, mock_config_entry)
    return camera


def _live_day() -> Iterator[tuple[float, int]]:
    """Temperature drifting through the day, Wi-Fi jittering by a dBm."""
    for step in itertools.count():
        hours = step * POLL.total_seconds() / 3600
        yield round(60 + 10 * math.sin(hours / 24 * 2 * math.pi)), -60 - step % 2


async def _poll(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    camera: FakeCamera,
    attributes: dict[str, Any] | None,
    polls: int,
) -> None:
    """Let ``polls`` Blink polls pass, writing ``attributes`` (None: no write)."""
    for _ in range(polls):
        freezer.tick(POLL)
        if attributes is not None:
            camera.set("camera", "idle", **attributes)
        async_fire_time_changed(hass)
        await hass.async_block_till_done()


async def test_live_camera_with_drifting_readings_is_fine(
    hass: HomeAssistant, front_door: FakeCamera, freezer: FrozenDateTimeFactory
) -> None:
    """A whole day of polls with moving readings never looks offline."""
    readings = _live_day()
    for _ in range(24 * 12):
        temperature, wifi = next(readings)
        await _poll(hass, freezer, front_door, _blink_attributes(temperature, wifi), 1)
        assert hass.states.get(CAUSE).state == "none"


async def test_camera_dying_at_night_is_caught(
    hass: HomeAssistant, front_door: FakeCamera, freezer: FrozenDateTimeFactory
) -> None:
    """Readings frozen for the stale period while Blink keeps polling: offline."""
    frozen = _blink_attributes(55, -71)
    await _poll(hass, freezer, front_door, frozen, 1)
    await _poll(hass, freezer, front_door, frozen, 11 * 12)
    assert hass.states.get(CAUSE).state == "none"
    await _poll(hass, freezer, front_door, frozen, 13)
    state = hass.states.get(CAUSE)
    assert state.state == "no_connection"
    assert state.attributes["evidence"]["readings_frozen_since"].startswith(
        "2026-06-01T06:05"
    )
    await _poll(hass, freezer, front_door, frozen, 12)  # past the grace period
    assert hass.states.get(CAUSE).state == "no_connection"
    issue = ir.async_get(hass).async_get_issue(
        DOMAIN, f"no_connection_{front_door.registry_id}"
    )
    assert issue is not None
    assert issue.translation_placeholders["threshold"] == "12 h"

    await _poll(hass, freezer, front_door, _blink_attributes(54, -70), 1)
    assert hass.states.get(CAUSE).state == "none"


async def test_mini_without_readings_is_never_frozen(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A Blink Mini reports no battery, Wi-Fi or temperature: missing is not frozen.

    Its thumbnail and last recording only move on motion; a quiet day is fine.
    """
    mini = add_camera(hass, "Front Door", platform="blink", manufacturer="Blink")
    attributes = {
        "name": "Front Door",
        "battery": None,
        "wifi_strength": None,
        "thumbnail": "https://rest-u034.immedia-semi.com/thumbnail/7.jpg",
        "last_record": "2026-06-01T05:00:00+00:00",
    }
    mini.set("camera", "idle", **attributes)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await _poll(hass, freezer, mini, attributes, 24 * 12)
    assert hass.states.get(CAUSE).state == "none"


async def test_blink_cloud_outage_is_not_the_cameras_fault(
    hass: HomeAssistant, front_door: FakeCamera, freezer: FrozenDateTimeFactory
) -> None:
    """When Blink stops updating altogether, no camera is called offline."""
    await _poll(hass, freezer, front_door, None, 24 * 12)
    assert hass.states.get(CAUSE).state == "none"


async def test_restart_in_the_middle_of_a_freeze(
    hass: HomeAssistant,
    front_door: FakeCamera,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The freeze's start survives a restart, so it is caught on time."""
    frozen = _blink_attributes(55, -71)
    await _poll(hass, freezer, front_door, frozen, 1)
    await _poll(hass, freezer, front_door, frozen, 6 * 12)
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    await _poll(hass, freezer, front_door, frozen, 5 * 12)
    assert hass.states.get(CAUSE).state == "none"
    await _poll(hass, freezer, front_door, frozen, 13)
    assert hass.states.get(CAUSE).state == "no_connection"


@pytest.mark.parametrize(
    ("all_brands", "expected"), [(False, "none"), (True, "no_connection")]
)
async def test_other_brands_only_when_asked(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    all_brands: bool,
    expected: str,
) -> None:
    """Frozen readings of other brands count only with stale_all_brands."""
    mock_config_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(
        mock_config_entry,
        options={**mock_config_entry.options, CONF_STALE_ALL_BRANDS: all_brands},
    )
    camera = add_generic_camera(hass, "Garage")
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    for _ in range(13 * 12):
        freezer.tick(POLL)
        camera.set("camera", "idle")
        for key, value in (("battery", "80"), ("signal", "-55"), ("temperature", "21")):
            camera.set(key, value)
        async_fire_time_changed(hass)
        await hass.async_block_till_done()
    assert hass.states.get("sensor.garage_red_flash_cause").state == expected
