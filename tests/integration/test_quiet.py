"""A sibling sensor moving inside its quiet range skips the re-diagnosis."""

from __future__ import annotations

from typing import Any
from unittest.mock import patch

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor import monitor
from custom_components.camera_doctor.const import (
    CONF_GRACE_MINUTES,
    CONF_STALE_ALL_BRANDS,
)
from custom_components.camera_doctor.options import DEFAULT_OPTIONS

from .fleet import (
    CAUSE as FLEET_CAUSE,
    FakeCamera,
    add_camera,
    add_generic_camera,
    setup_entry,
)

CAUSE = FLEET_CAUSE.format("garage")


async def _count_observations(
    hass: HomeAssistant,
    camera: FakeCamera,
    writes: list[tuple[str, str, dict[str, Any]]],
) -> int:
    calls = 0
    observe = monitor.observe_camera

    def counting(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return observe(*args, **kwargs)

    with patch.object(monitor, "observe_camera", counting):
        for key, state, attributes in writes:
            camera.set(key, state, **attributes)
            await hass.async_block_till_done()
    return calls


@pytest.mark.parametrize("options", [{**DEFAULT_OPTIONS, CONF_GRACE_MINUTES: 0}])
async def test_quiet_moves_skip_and_real_ones_do_not(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """Drift inside the ranges costs no diagnosis; crossing a limit is seen."""
    garage = add_generic_camera(hass, "Garage")
    await setup_entry(hass, mock_config_entry)
    drift = [("battery", "79", {}), ("signal", "-56", {}), ("temperature", "22", {})]
    assert await _count_observations(hass, garage, drift) == 0
    # A winter night below freezing, still above the cold limit (-20 °C).
    frost = [("temperature", "-5", {}), ("temperature", "-6", {})]
    assert await _count_observations(hass, garage, frost) == 0
    # The battery's drift still joins the forecast's history (no diagnosis).
    monitor = mock_config_entry.runtime_data.monitor
    assert monitor.store.get(garage.registry_id).battery.history.points[-1][1] == 79
    assert await _count_observations(hass, garage, [("battery", "9", {})]) == 1
    assert hass.states.get(CAUSE).state == "low_battery"
    # While low, every battery move matters (it is in the evidence).
    assert await _count_observations(hass, garage, [("battery", "8", {})]) == 1
    assert hass.states.get(CAUSE).attributes["evidence"]["battery_percent"] == 8
    # Temperature and signal still drift quietly next to the low battery.
    assert await _count_observations(hass, garage, [("temperature", "23", {})]) == 0
    assert await _count_observations(hass, garage, [("temperature", "50", {})]) == 1
    assert hass.states.get(CAUSE).attributes["causes"] == ["low_battery", "overheating"]


@pytest.mark.parametrize("options", [{**DEFAULT_OPTIONS, CONF_GRACE_MINUTES: 0}])
async def test_fahrenheit_and_changed_attributes(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """°F is converted before the check; a change of unit is never quiet."""
    cam = add_camera(
        hass,
        "Garage",
        siblings={"temperature": ("sensor", "temperature", "°F")},
    )
    cam.set("camera", "idle")
    cam.set("temperature", "70")
    await setup_entry(hass, mock_config_entry)
    assert await _count_observations(hass, cam, [("temperature", "71", {})]) == 0
    assert await _count_observations(hass, cam, [("temperature", "120", {})]) == 1
    assert hass.states.get(CAUSE).state == "overheating"
    changed = [("temperature", "20", {"unit_of_measurement": "°C"})]
    assert await _count_observations(hass, cam, changed) == 1
    assert hass.states.get(CAUSE).state == "none"


@pytest.mark.parametrize("options", [{**DEFAULT_OPTIONS, CONF_STALE_ALL_BRANDS: True}])
async def test_no_skip_while_siblings_feed_freeze_detection(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """Frozen-readings detection on a generic camera reads its sensors."""
    garage = add_generic_camera(hass, "Garage")
    await setup_entry(hass, mock_config_entry)
    assert await _count_observations(hass, garage, [("battery", "79", {})]) == 1
