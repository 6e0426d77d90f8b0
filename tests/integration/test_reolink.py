"""Camera Doctor on Home Assistant's real ``reolink`` integration.

Core's reolink platforms run for real; only reolink-aio's ``Host`` is mocked
(see ``reolink_mock``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import DOMAIN

from .fleet import advance, our_issues, setup_entry
from .reolink_mock import WIFI_IN_DBM, ReolinkDevice, async_setup_reolink, mock_reolink

GRACE = timedelta(minutes=6)
BATTERY_CAMERA = {"battery", "sleep"}


@pytest.fixture
async def hub(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> AsyncIterator[ReolinkDevice]:
    """A Home Hub with a battery camera, and Camera Doctor, loaded."""
    with mock_reolink(hass, nvr=True, abilities=BATTERY_CAMERA) as device:
        device.enable("sensor", "0_battery_state")
        await async_setup_reolink(device)
        await setup_entry(hass, mock_config_entry)
        yield device


@pytest.fixture
async def wifi_camera(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> AsyncIterator[ReolinkDevice]:
    """A standalone Wi-Fi camera with its Wi-Fi sensor enabled, and Camera Doctor."""
    with mock_reolink(hass, nvr=False, abilities={"wifi"}) as device:
        device.enable("sensor", "wifi_signal", "0_wifi_signal")
        await async_setup_reolink(device)
        await setup_entry(hass, mock_config_entry)
        yield device


async def settle_for(
    hass: HomeAssistant,
    device: ReolinkDevice,
    freezer: FrozenDateTimeFactory,
    wait: timedelta = GRACE,
) -> None:
    """Poll, let ``wait`` pass, poll again."""
    await device.poll(freezer)
    await advance(hass, freezer, wait)
    await device.poll(freezer)


def cause(hass: HomeAssistant, device: ReolinkDevice) -> str:
    """The red flash cause Camera Doctor shows for the reolink camera."""
    camera = device.entity_id("camera", "sub")
    registry = er.async_get(hass)
    unique_id = registry.async_get(camera).unique_id
    entity_id = registry.async_get_entity_id(
        "sensor", DOMAIN, f"reolink_{unique_id}_red_flash_cause"
    )
    assert entity_id is not None
    return hass.states.get(entity_id).state


async def test_reolink_hub_battery_camera_healthy(
    hass: HomeAssistant, hub: ReolinkDevice
) -> None:
    """The battery camera behind the hub is read and healthy."""
    assert hass.states.get(hub.entity_id("sensor", "battery_percent")).state == "80"
    assert hass.states.get(hub.entity_id("binary_sensor", "sleep")).state == "off"
    assert cause(hass, hub) == "none"
    # Out of the box Reolink creates its charging state, battery temperature
    # and Wi-Fi sensors disabled: one notice offers them, nothing else.
    assert set(our_issues(hass)) == {f"missing_readings_{hub.entry.entry_id}"}


async def test_reolink_zero_from_the_hub_is_an_outage(
    hass: HomeAssistant, hub: ReolinkDevice, freezer: FrozenDateTimeFactory
) -> None:
    """0 % for a camera the hub cannot reach (core #179441) is no low battery."""
    hub.battery = 0
    await hub.poll(freezer)
    assert hass.states.get(hub.entity_id("sensor", "battery_percent")).state == "0"
    assert cause(hass, hub) == "none"  # an outage waits its grace period
    await settle_for(hass, hub, freezer)
    assert cause(hass, hub) == "no_connection"
    assert not any(i.startswith("low_battery") for i in set(our_issues(hass)))


@pytest.mark.parametrize(
    ("state", "expected"),
    [("charging", "none"), ("chargecomplete", "none"), ("discharging", "low_battery")],
)
async def test_reolink_charging_is_not_low(
    hass: HomeAssistant,
    hub: ReolinkDevice,
    freezer: FrozenDateTimeFactory,
    state: str,
    expected: str,
) -> None:
    """A charging or fully charged battery at 5 % is not low."""
    hub.battery, hub.battery_state = 5, state
    await settle_for(hass, hub, freezer)
    assert hass.states.get(hub.entity_id("sensor", "battery_state")).state == state
    assert cause(hass, hub) == expected


async def test_reolink_asleep_is_not_offline_nor_frozen(
    hass: HomeAssistant, hub: ReolinkDevice, freezer: FrozenDateTimeFactory
) -> None:
    """Asleep for a day with still readings: healthy; awake and still: frozen."""
    hub.sleeping = True
    await settle_for(hass, hub, freezer, timedelta(hours=13))
    await settle_for(hass, hub, freezer, timedelta(hours=13))
    assert hass.states.get(hub.entity_id("binary_sensor", "sleep")).state == "on"
    assert cause(hass, hub) == "none"
    # Out of the box Reolink creates its charging state, battery temperature
    # and Wi-Fi sensors disabled: one notice offers them, nothing else.
    assert set(our_issues(hass)) == {f"missing_readings_{hub.entry.entry_id}"}
    # Awake (a wake counts as movement), then nothing moves for 13 hours
    # while the hub keeps reporting it online (core #155332).
    hub.sleeping = False
    await settle_for(hass, hub, freezer, timedelta(hours=13))
    await hub.poll(freezer)
    assert cause(hass, hub) == "no_connection"


async def test_reolink_wifi_signal_in_the_installed_units(
    hass: HomeAssistant, wifi_camera: ReolinkDevice, freezer: FrozenDateTimeFactory
) -> None:
    """Bars (0..4, no unit) before core PR #149191, dBm since: both read right."""
    state = hass.states.get(
        wifi_camera.entity_id("sensor", "wifi_signal", channel=None)
    )
    expected_unit = "dBm" if WIFI_IN_DBM else None
    assert state.attributes.get("unit_of_measurement") == expected_unit
    assert state.state == ("-55" if WIFI_IN_DBM else "4")
    assert cause(hass, wifi_camera) == "none"
    wifi_camera.wifi = -82 if WIFI_IN_DBM else 1
    await settle_for(hass, wifi_camera, freezer)
    assert cause(hass, wifi_camera) == "weak_signal"
