"""Camera Doctor on Home Assistant's real ``blink`` integration.

Core's blink platforms (camera, sensor, binary_sensor, alarm_control_panel)
run for real; only blinkpy's cloud client is mocked (see ``blink_mock``).
Readings change on the blinkpy objects and reach Home Assistant through the
blink coordinator's 300 s poll, with Home Assistant converting units itself.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import NamedTuple

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import UnitOfTemperature
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from homeassistant.util.unit_system import (
    METRIC_SYSTEM,
    US_CUSTOMARY_SYSTEM,
    UnitSystem,
)
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from custom_components.camera_doctor.const import DOMAIN, EVENT_DIAGNOSIS

from .blink_mock import MINI_SERIAL, OUTDOOR_SERIAL, BlinkCloud
from .blink_view import (
    CAUSE,
    FIX,
    FLASH,
    FRONT_CAM,
    GRACE,
    MINI,
    OUTDOOR,
    SYNC_PANEL,
    TEMPERATURE,
    WIFI,
    attributes,
    blink_with_doctor,
    cause,
    eid,
    wait,
)
from .fleet import our_issues

UNITS = [
    pytest.param(METRIC_SYSTEM, id="metric"),
    pytest.param(US_CUSTOMARY_SYSTEM, id="imperial"),
]


@pytest.fixture
def units(request: pytest.FixtureRequest) -> UnitSystem:
    """The unit system of the install (metric unless parametrized)."""
    return getattr(request, "param", METRIC_SYSTEM)


@pytest.fixture
async def cloud(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, units: UnitSystem
) -> AsyncIterator[BlinkCloud]:
    """Blink and Camera Doctor, loaded, in the install's unit system."""
    hass.config.units = units
    async with blink_with_doctor(hass, mock_config_entry) as blink:
        yield blink


def front_door_name(hass: HomeAssistant) -> str:
    """The Outdoor camera's name as shown (it follows the device's name)."""
    state = hass.states.get(eid(hass, FRONT_CAM))
    assert state is not None
    assert state.name in ("Front Door", "blink Front Door")
    return state.name


def issue(
    hass: HomeAssistant, cause_key: str, cloud: BlinkCloud, serial: str
) -> ir.IssueEntry | None:
    """The repair issue of a camera's cause, if raised."""
    registry_id = cloud.camera_entry(serial).id
    return ir.async_get(hass).async_get_issue(DOMAIN, f"{cause_key}_{registry_id}")


def hub_issue(hass: HomeAssistant) -> ir.IssueEntry | None:
    """The one notice of the sync module's panel, if raised."""
    panel = er.async_get(hass).async_get(SYNC_PANEL)
    assert panel is not None
    issue_id = f"sync_module_offline_{panel.id}"
    return ir.async_get(hass).async_get_issue(DOMAIN, issue_id)


# -- healthy -----------------------------------------------------------------


@pytest.mark.parametrize("units", UNITS, indirect=True)
async def test_healthy_blink_cameras(
    hass: HomeAssistant, cloud: BlinkCloud, units: UnitSystem
) -> None:
    """An Outdoor and a Mini reading fine are healthy, in either unit system."""
    ent_reg = er.async_get(hass)
    for camera, serial in ((OUTDOOR, OUTDOOR_SERIAL), (MINI, MINI_SERIAL)):
        camera_entry = cloud.camera_entry(serial)
        assert camera_entry.platform == "blink"
        entry = ent_reg.async_get(eid(hass, CAUSE, camera))
        assert entry is not None
        assert entry.platform == DOMAIN
        assert entry.unique_id == f"blink_{serial}-camera_red_flash_cause"
        assert entry.device_id == camera_entry.device_id
        assert cause(hass, camera) == "none"
        assert attributes(hass, camera)["causes"] == []
        assert hass.states.get(eid(hass, FIX, camera)).state == "none"
        assert hass.states.get(eid(hass, FLASH, camera)).state == "off"

    # What Camera Doctor reads, as the real platforms publish it.
    temperature = hass.states.get(eid(hass, TEMPERATURE))
    assert temperature.attributes["unit_of_measurement"] == units.temperature_unit
    expected = 20 if units is METRIC_SYSTEM else 68
    assert float(temperature.state) == expected
    assert hass.states.get(eid(hass, WIFI)).state == "-55"
    assert hass.states.get(SYNC_PANEL).attributes["status"] == "online"
    # The Mini has no battery: core's battery sensor (battery != "ok") is on.
    assert hass.states.get("binary_sensor.kitchen_battery").state == "on"
    assert hass.states.get("sensor.blink_kitchen_temperature").state == "unknown"
    assert set(our_issues(hass)) == set()


# -- each cause ---------------------------------------------------------------


class TemperatureCase(NamedTuple):
    """A temperature Blink reports, and what Camera Doctor makes of it."""

    fahrenheit: float
    cause: str
    celsius: float
    metric: tuple[str, str]  # repair placeholders: value, threshold
    imperial: tuple[str, str]


@pytest.mark.parametrize("units", UNITS, indirect=True)
@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            TemperatureCase(
                122, "overheating", 50, ("50 °C", "45 °C"), ("122 °F", "113 °F")
            ),
            id="hot",
        ),
        pytest.param(
            TemperatureCase(
                -13, "too_cold", -25, ("-25 °C", "-20 °C"), ("-13 °F", "-4 °F")
            ),
            id="cold",
        ),
    ],
)
async def test_temperature_causes(
    hass: HomeAssistant,
    cloud: BlinkCloud,
    freezer: FrozenDateTimeFactory,
    units: UnitSystem,
    case: TemperatureCase,
) -> None:
    """Blink reports °F; the evidence is °C and the repair speaks the user's unit."""
    fahrenheit, expected, celsius = case.fahrenheit, case.cause, case.celsius
    cloud.set_temperature_f(fahrenheit)
    await cloud.poll(freezer)
    assert cause(hass, OUTDOOR) == "none"  # waits out the grace period first
    await wait(hass, freezer, GRACE + timedelta(seconds=1))

    sensor = hass.states.get(eid(hass, TEMPERATURE))
    if units is METRIC_SYSTEM:
        assert sensor.attributes["unit_of_measurement"] == UnitOfTemperature.CELSIUS
        assert float(sensor.state) == celsius
    else:
        assert sensor.attributes["unit_of_measurement"] == UnitOfTemperature.FAHRENHEIT
        assert float(sensor.state) == fahrenheit
    assert cause(hass, OUTDOOR) == expected
    evidence = attributes(hass, OUTDOOR)["evidence"]
    assert evidence["temperature_c"] == celsius
    assert attributes(hass, OUTDOOR)["causes"] == [expected]
    assert cause(hass, MINI) == "none"
    raised = issue(hass, expected, cloud, OUTDOOR_SERIAL)
    assert raised is not None
    value, threshold = case.metric if units is METRIC_SYSTEM else case.imperial
    words = dict(raised.translation_placeholders)
    assert words.pop("steps").startswith("1. Move the camera")
    assert words == {
        "camera": front_door_name(hass),
        "value": value,
        "threshold": threshold,
        "reading": "",
    }

    cloud.set_temperature_f(68)
    await cloud.poll(freezer)
    assert cause(hass, OUTDOOR) == "none"
    assert issue(hass, expected, cloud, OUTDOOR_SERIAL) is None


async def test_low_battery_issue_and_event(
    hass: HomeAssistant, cloud: BlinkCloud, freezer: FrozenDateTimeFactory
) -> None:
    """Battery "low": confirmed after the grace period, everywhere at once."""
    events = async_capture_events(hass, EVENT_DIAGNOSIS)
    cloud.outdoor.battery_state = "low"
    await cloud.poll(freezer)
    assert hass.states.get("binary_sensor.front_door_battery").state == "on"

    # Everything waits out the grace period (the next poll keeps it low).
    await wait(hass, freezer, GRACE - timedelta(seconds=30))
    assert cause(hass, OUTDOOR) == "none"
    assert attributes(hass, OUTDOOR)["pending"]["cause"] == "low_battery"
    assert issue(hass, "low_battery", cloud, OUTDOOR_SERIAL) is None
    assert events == []
    await wait(hass, freezer, timedelta(seconds=31))
    assert cause(hass, OUTDOOR) == "low_battery"
    assert attributes(hass, OUTDOOR)["evidence"] == {"battery_low": True}
    assert hass.states.get(eid(hass, FIX, OUTDOOR)).state == "replace_batteries"
    assert hass.states.get(eid(hass, FLASH, OUTDOOR)).state == "on"
    camera = cloud.camera_entry(OUTDOOR_SERIAL)
    assert [event.data for event in events] == [
        {
            "entity_id": eid(hass, FRONT_CAM),
            "device_id": camera.device_id,
            "cause": "low_battery",
            "previous_cause": "none",
            "causes": ["low_battery"],
            "fix": "replace_batteries",
            "evidence": {"battery_low": True},
        }
    ]

    raised = issue(hass, "low_battery", cloud, OUTDOOR_SERIAL)
    assert raised is not None
    assert raised.issue_id == f"low_battery_{camera.id}"
    assert raised.translation_key == "low_battery"
    assert raised.is_fixable
    assert raised.severity is ir.IssueSeverity.WARNING
    words = dict(raised.translation_placeholders)
    assert words.pop("steps").startswith("1. Open the camera and take out both")
    assert words == {
        "camera": front_door_name(hass),
        "value": "low",  # Blink reports low or OK, no percentage
        "threshold": "",
        "reading": "reports a low battery. The camera tells only low or OK, "
        "not how much charge is left.",
    }
    assert set(our_issues(hass)) == {f"low_battery_{camera.id}"}

    cloud.outdoor.battery_state = "ok"
    await cloud.poll(freezer)
    assert cause(hass, OUTDOOR) == "none"
    assert issue(hass, "low_battery", cloud, OUTDOOR_SERIAL) is None
    assert events[-1].data["cause"] == "none"
    assert events[-1].data["previous_cause"] == "low_battery"
    assert events[-1].data["fix"] == "none"
    assert [event.data["entity_id"] for event in events] == [eid(hass, FRONT_CAM)] * 2


async def test_weak_signal(
    hass: HomeAssistant, cloud: BlinkCloud, freezer: FrozenDateTimeFactory
) -> None:
    """Wi-Fi at -85 dBm is a weak signal; its repair shows the dBm."""
    cloud.outdoor.wifi_strength = -85
    await cloud.poll(freezer)
    await wait(hass, freezer, GRACE + timedelta(seconds=1))

    assert hass.states.get(eid(hass, WIFI)).state == "-85"
    assert cause(hass, OUTDOOR) == "weak_signal"
    assert attributes(hass, OUTDOOR)["evidence"] == {
        "signal_dbm": -85,
        "signal_weak_threshold": -75,
    }
    assert hass.states.get(eid(hass, FIX, OUTDOOR)).state == "improve_signal"
    raised = issue(hass, "weak_signal", cloud, OUTDOOR_SERIAL)
    assert raised is not None
    words = dict(raised.translation_placeholders)
    assert "30 m (100 ft) of its sync module" in words.pop("steps")
    assert words == {
        "camera": front_door_name(hass),
        "value": "-85 dBm",
        "threshold": "-75 dBm",
        "reading": "",
    }

    cloud.outdoor.wifi_strength = -60
    await cloud.poll(freezer)
    assert cause(hass, OUTDOOR) == "none"
    assert issue(hass, "weak_signal", cloud, OUTDOOR_SERIAL) is None


async def test_sync_module_offline(
    hass: HomeAssistant, cloud: BlinkCloud, freezer: FrozenDateTimeFactory
) -> None:
    """A sync module reporting "offline" is blamed for its battery cameras.

    The Mini on its network reaches the cloud over Wi-Fi by itself: it does
    not depend on the sync module and is not blamed on it.
    """
    events = async_capture_events(hass, EVENT_DIAGNOSIS)
    cloud.sync.status = "offline"
    await cloud.poll(freezer)
    await wait(hass, freezer, GRACE + timedelta(seconds=1))

    assert hass.states.get(SYNC_PANEL).attributes["status"] == "offline"
    assert cause(hass, OUTDOOR) == "sync_module_offline"
    assert attributes(hass, OUTDOOR)["evidence"] == {"hub_online": False}
    assert hass.states.get(eid(hass, FIX, OUTDOOR)).state == "check_sync_module"
    assert cause(hass, MINI) == "none"  # a Mini depends on no sync module
    assert [event.data["entity_id"] for event in events] == [eid(hass, FRONT_CAM)]
    # One notice for the sync module, naming it and its cameras.
    raised = hub_issue(hass)
    assert raised is not None
    assert raised.severity is ir.IssueSeverity.ERROR
    assert raised.translation_key == "sync_module_offline"
    placeholders = dict(raised.translation_placeholders)
    steps = placeholders.pop("steps")
    assert steps.startswith("1. Check that the sync module")
    # Blink's light chart: a solid red sync module light means no network or
    # a wrong Wi-Fi password.
    assert "solid red light on the sync module means it cannot reach the" in steps
    assert "Wi-Fi password it knows is wrong" in steps
    assert placeholders == {
        "hub": hass.states.get(SYNC_PANEL).name,
        "cameras": hass.states.get(eid(hass, FRONT_CAM)).name,
    }
    assert set(our_issues(hass)) == {raised.issue_id}

    cloud.sync.status = "online"
    await cloud.poll(freezer)
    assert cause(hass, OUTDOOR) == cause(hass, MINI) == "none"
    assert set(our_issues(hass)) == set()


async def test_mini_never_low_battery_or_weak_signal(
    hass: HomeAssistant, cloud: BlinkCloud, freezer: FrozenDateTimeFactory
) -> None:
    """The Mini has no battery or Wi-Fi reading: never blamed on either."""
    events = async_capture_events(hass, EVENT_DIAGNOSIS)
    # Faults on the Outdoor next door, and the Mini's own "battery" sensor
    # staying on (core's battery != "ok" with blinkpy's battery None).
    cloud.outdoor.battery_state = "low"
    cloud.outdoor.wifi_strength = -90
    for _ in range(3):
        await cloud.poll(freezer)
        assert hass.states.get("binary_sensor.kitchen_battery").state == "on"
        assert hass.states.get("sensor.blink_kitchen_wi_fi_signal_strength").state == (
            "unknown"
        )
        assert cause(hass, MINI) == "none"
        assert attributes(hass, MINI)["causes"] == []
    assert attributes(hass, OUTDOOR)["causes"] == ["low_battery", "weak_signal"]
    assert {event.data["entity_id"] for event in events} == {eid(hass, FRONT_CAM)}
    assert not {
        issue_id
        for issue_id in set(our_issues(hass))
        if cloud.camera_entry(MINI_SERIAL).id in issue_id
    }
