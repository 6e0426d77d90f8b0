"""Camera Doctor on the recorded entity shapes of aarlo and eufy_security.

Neither is in Home Assistant core, so their entities are registered here as
their source files make them: eufy_security (fuatakgun/eufy_security,
``entity.py``/``sensor.py``): sensors ``eufy_security_{serial}_battery_sensor``
(%, device class battery) and ``..._wifiRSSI_sensor`` (signal strength, no
unit) on a device made by "Eufy Security"; aarlo (twrecked/hass-aarlo,
``camera.py``): the camera's state ("idle", "Offline, Too Cold" for pyaarlo's
``thermalShutdownCold``) and its attributes ``battery_level``,
``signal_strength`` (0..5 bars), ``charging``, ``charger_type``, ``wired``.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import (
    device_registry as dr,
    entity_registry as er,
    issue_registry as ir,
)
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import DOMAIN

from .fleet import advance, setup_entry

SERIAL = "T8113N1234567890"


def _eufy(hass: HomeAssistant) -> tuple[str, str]:
    """A eufyCam 2 as eufy_security registers it: camera and battery, RSSI sensors."""
    entry = MockConfigEntry(
        domain="eufy_security", title="Eufy Security", state=ConfigEntryState.LOADED
    )
    entry.add_to_hass(hass)
    device = dr.async_get(hass).async_get_or_create(
        config_entry_id=entry.entry_id,
        identifiers={("eufy_security", SERIAL)},
        manufacturer="Eufy Security",
        model="T8113",
        name="Garden",
    )
    registry = er.async_get(hass)
    camera = registry.async_get_or_create(
        "camera",
        "eufy_security",
        f"eufy_security_{SERIAL}_camera",
        config_entry=entry,
        device_id=device.id,
        suggested_object_id="garden",
    )
    battery = registry.async_get_or_create(
        "sensor",
        "eufy_security",
        f"eufy_security_{SERIAL}_battery_sensor",
        config_entry=entry,
        device_id=device.id,
        original_device_class="battery",
        unit_of_measurement="%",
        suggested_object_id="garden_battery",
    )
    registry.async_get_or_create(
        "sensor",
        "eufy_security",
        f"eufy_security_{SERIAL}_wifiRSSI_sensor",
        config_entry=entry,
        device_id=device.id,
        original_device_class="signal_strength",
        suggested_object_id="garden_wifi_rssi",
    )
    hass.states.async_set(
        camera.entity_id,
        "idle",
        {"type": 14, "category": "CAMERA", "state": {"battery": 80}, "properties": {}},
    )
    set_eufy_battery(hass, "80")
    hass.states.async_set(
        "sensor.garden_wifi_rssi", "-62", {"device_class": "signal_strength"}
    )
    return camera.entity_id, battery.entity_id


def set_eufy_battery(hass: HomeAssistant, level: str) -> None:
    """The eufy battery sensor reports ``level``."""
    hass.states.async_set(
        "sensor.garden_battery",
        level,
        {"device_class": "battery", "unit_of_measurement": "%"},
    )


def _aarlo(hass: HomeAssistant, state: str, **attributes: Any) -> str:
    """An Arlo Pro as aarlo registers it (unique id ``aarlo_{device id}``)."""
    entry = MockConfigEntry(
        domain="aarlo", title="Aarlo", state=ConfigEntryState.LOADED
    )
    entry.add_to_hass(hass)
    device = dr.async_get(hass).async_get_or_create(
        config_entry_id=entry.entry_id,
        identifiers={("aarlo", "A1B2C3D4E5F6")},
        manufacturer="Netgear Arlo",
        model="VMC4030P",
        name="Driveway",
    )
    camera = er.async_get(hass).async_get_or_create(
        "camera",
        "aarlo",
        "aarlo_a1b2c3d4e5f6",
        config_entry=entry,
        device_id=device.id,
        suggested_object_id="aarlo_driveway",
    )
    base = {
        "battery_level": 64,
        "battery_tech": "Rechargeable",
        "signal_strength": 3,
        "charging": False,
        "charger_type": "None",
        "wired": False,
        "brand": "Netgear Arlo",
        "device_id": "A1B2C3D4E5F6",
        "model_id": "VMC4030P",
        "friendly_name": "Driveway",
    }
    hass.states.async_set(camera.entity_id, state, base | attributes)
    return camera.entity_id


def cause(hass: HomeAssistant, name: str) -> str:
    """The red flash cause Camera Doctor shows for a camera (by its device name)."""
    return hass.states.get(f"sensor.{name}_red_flash_cause").state


def notices(hass: HomeAssistant) -> dict[str, ir.IssueEntry]:
    """Camera Doctor's repair issues, by id."""
    return {
        issue_id: issue
        for (domain, issue_id), issue in ir.async_get(hass).issues.items()
        if domain == DOMAIN
    }


async def test_eufy_battery_jumping_to_zero_and_back_raises_nothing(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Eufy's battery that jumps to 0 and back (eufy_security #132, #279)."""
    _eufy(hass)
    await setup_entry(hass, mock_config_entry)
    assert cause(hass, "garden") == "none"
    for _ in range(3):
        set_eufy_battery(hass, "0")
        await advance(hass, freezer, timedelta(minutes=2))
        assert cause(hass, "garden") == "none"
        set_eufy_battery(hass, "80")
        await advance(hass, freezer, timedelta(minutes=2))
    assert cause(hass, "garden") == "none"
    assert notices(hass) == {}
    # A level that stays low past the grace period is a low battery.
    set_eufy_battery(hass, "5")
    await advance(hass, freezer, timedelta(minutes=6))
    assert cause(hass, "garden") == "low_battery"


async def test_aarlo_too_cold_and_charging(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Arlo's "Offline, Too Cold" is too_cold (one notice, no outage); charging is not low."""
    camera = _aarlo(hass, "Offline, Too Cold", battery_level=5, charging=True)
    await setup_entry(hass, mock_config_entry)
    await advance(hass, freezer, timedelta(minutes=6))
    assert cause(hass, "driveway") == "too_cold"
    registry_id = er.async_get(hass).async_get(camera).id
    assert set(notices(hass)) == {f"too_cold_{registry_id}"}
    placeholders = notices(hass)[f"too_cold_{registry_id}"].translation_placeholders
    assert placeholders["value"] == (
        "a temperature too low to work: it has switched itself off"
    )
    # Warm again, still charging at 5 %: nothing is wrong.
    hass.states.async_set(camera, "idle", hass.states.get(camera).attributes)
    await advance(hass, freezer, timedelta(minutes=1))
    assert cause(hass, "driveway") == "none"
    assert notices(hass) == {}


@pytest.mark.parametrize(
    ("bars", "expected"),
    [
        (0, "weak_signal"),
        (1, "weak_signal"),
        (2, "weak_signal"),
        (3, "none"),
        (5, "none"),
    ],
)
async def test_aarlo_signal_bars(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    bars: int,
    expected: str,
) -> None:
    """Arlo's ``signal_strength`` is 0..5 bars: weak at 2 and below, fine from 3."""
    _aarlo(hass, "idle", signal_strength=bars)
    await setup_entry(hass, mock_config_entry)
    await advance(hass, freezer, timedelta(minutes=6))
    assert cause(hass, "driveway") == expected
    evidence = hass.states.get("sensor.driveway_red_flash_cause").attributes["evidence"]
    if expected == "weak_signal":
        assert evidence == {"signal_bars": bars, "signal_bars_weak_threshold": 2}
    else:
        assert evidence == {}
