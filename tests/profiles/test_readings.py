"""Which kind of reading each brand's sibling entity carries, enabled or not.

Judged from what the entity is (domain, device class, unit, name), never its
state: an entity created disabled has no state, and must be judged the same.
Shapes as the integrations register them: core ``ring`` and ``reolink``
sensor descriptions, eufy_security's ``const.py`` property descriptions.
"""

from __future__ import annotations

import pytest

from custom_components.camera_doctor.profiles import (
    CameraSources,
    Profile,
    Reading,
    SourceState,
)
from custom_components.camera_doctor.profiles.arlo import ARLO
from custom_components.camera_doctor.profiles.blink import BLINK
from custom_components.camera_doctor.profiles.eufy import EUFY
from custom_components.camera_doctor.profiles.generic import GENERIC
from custom_components.camera_doctor.profiles.reolink import REOLINK
from custom_components.camera_doctor.profiles.ring import RING

from .shapes import entity

NONE: frozenset[Reading] = frozenset()


@pytest.mark.parametrize(
    ("profile", "source", "expected"),
    [
        pytest.param(
            RING,
            entity(
                "sensor.front_door_signal_strength",
                None,
                key="wifi_signal_strength",
                device_class="signal_strength",
                unit="dBm",
            ),
            {Reading.SIGNAL},
            id="ring-wifi-signal-strength",
        ),
        pytest.param(
            RING,
            entity(
                "sensor.front_door_signal_category",
                None,
                key="wifi_signal_category",
            ),
            {Reading.SIGNAL},
            id="ring-wifi-signal-category",
        ),
        pytest.param(
            RING,
            entity(
                "sensor.front_door_battery",
                "80",
                key="battery",
                device_class="battery",
                unit="%",
            ),
            {Reading.BATTERY},
            id="ring-battery",
        ),
        pytest.param(
            RING,
            entity("sensor.front_door_last_motion", None, key="last_motion"),
            NONE,
            id="ring-last-motion",
        ),
        pytest.param(
            REOLINK,
            entity("sensor.porch_battery_state", None, key="battery_state"),
            {Reading.CHARGING},
            id="reolink-battery-state",
        ),
        pytest.param(
            REOLINK,
            entity(
                "sensor.porch_battery_temperature",
                None,
                key="battery_temperature",
                device_class="temperature",
                unit="°C",
            ),
            {Reading.TEMPERATURE},
            id="reolink-battery-temperature",
        ),
        pytest.param(
            REOLINK,
            entity("sensor.porch_wi_fi_signal", None, key="wifi_signal"),
            {Reading.SIGNAL},
            id="reolink-wifi-signal",
        ),
        pytest.param(
            REOLINK,
            entity("binary_sensor.porch_battery_state", None, key="battery_state"),
            NONE,
            id="reolink-battery-state-not-a-sensor",
        ),
        pytest.param(
            EUFY,
            entity("binary_sensor.eufycam_2_connected", None, key="connected"),
            {Reading.CONNECTIVITY},
            id="eufy-connected",
        ),
        pytest.param(
            EUFY,
            entity(
                "sensor.eufycam_2_wifi_rssi",
                None,
                key="wifirssi",
                device_class="signal_strength",
            ),
            {Reading.SIGNAL},
            id="eufy-wifi-rssi",
        ),
        pytest.param(
            GENERIC,
            entity(
                "binary_sensor.cam_power",
                None,
                key="power",
                device_class="problem",
            ),
            {Reading.CHARGING},
            id="generic-power-problem",
        ),
        pytest.param(
            GENERIC,
            entity("binary_sensor.cam_charging", None, device_class="battery_charging"),
            NONE,
            id="generic-charging-class-not-read",
        ),
        pytest.param(
            GENERIC,
            entity("sensor.cam_battery", None, device_class="battery", unit="V"),
            NONE,
            id="generic-battery-volts-not-read",
        ),
        pytest.param(
            GENERIC,
            entity("binary_sensor.cam_low", None, device_class="battery"),
            {Reading.BATTERY},
            id="generic-battery-flag",
        ),
        pytest.param(
            GENERIC,
            entity("binary_sensor.cam_online", None, device_class="connectivity"),
            {Reading.CONNECTIVITY},
            id="generic-connectivity",
        ),
        pytest.param(
            GENERIC,
            entity("update.cam_firmware", None, device_class="firmware"),
            NONE,
            id="generic-update",
        ),
    ],
)
def test_readings_of_an_entity(
    profile: Profile, source: SourceState, expected: set[Reading]
) -> None:
    """Each entity carries the kinds of reading its profile reads from it."""
    assert profile.readings(source) == expected


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        (BLINK, {Reading.BATTERY, Reading.SIGNAL, Reading.TEMPERATURE}),
        (
            ARLO,
            {Reading.BATTERY, Reading.SIGNAL, Reading.CHARGING, Reading.CONNECTIVITY},
        ),
        (EUFY, {Reading.BATTERY, Reading.SIGNAL, Reading.TEMPERATURE}),
        (RING, set()),
        (REOLINK, set()),
        (GENERIC, set()),
    ],
)
def test_camera_readings(profile: Profile, expected: set[Reading]) -> None:
    """The kinds a brand reads from the camera entity's own attributes."""
    assert profile.camera_readings == expected


@pytest.mark.parametrize(
    ("state", "expected"),
    [("on", True), ("off", False), ("unavailable", True), ("garbage", True)],
)
def test_eufy_connected_is_read(state: str, expected: bool) -> None:
    """Eufy's ``connected`` binary sensor, once enabled, says the camera is offline."""
    connected = entity("binary_sensor.eufycam_2_connected", state, key="connected")
    camera = entity("camera.eufycam_2", "idle", platform="eufy_security")
    found = CameraSources(camera=camera, siblings=(connected,))
    assert EUFY.observe(found).available is expected
