"""The generic profile: readings found by entity domain and device class."""

from __future__ import annotations

from typing import Any

import pytest

from custom_components.camera_doctor.diagnosis.model import Observation
from custom_components.camera_doctor.profiles import (
    CameraSources,
    SourceState,
    blink,
    generic,
    reolink,
)
from custom_components.camera_doctor.profiles.generic import GENERIC

from .shapes import entity

CAMERA = entity("camera.porch", "streaming", platform="onvif")


def sources(*siblings: SourceState, camera: SourceState = CAMERA) -> CameraSources:
    """Return a camera of an unknown brand with ``siblings`` on its device."""
    return CameraSources(camera=camera, siblings=siblings, manufacturer="Acme")


def update(state: str | None, **attributes: Any) -> SourceState:
    """Return a firmware update entity."""
    return entity("update.porch_firmware", state, device_class="firmware", **attributes)


@pytest.mark.parametrize(
    ("camera_state", "expected"),
    [
        ("idle", True),
        ("recording", True),
        ("unavailable", False),
        (" Unavailable ", False),
        ("unknown", None),
        (None, None),
    ],
)
def test_camera_availability(camera_state: str | None, expected: bool | None) -> None:
    """The camera's own state says whether it is reachable."""
    camera = entity("camera.porch", camera_state)
    assert GENERIC.observe(sources(camera=camera)).available is expected


@pytest.mark.parametrize(
    ("siblings", "expected"),
    [
        pytest.param(
            (
                entity("sensor.porch_battery", "87", device_class="battery", unit="%"),
                entity(
                    "sensor.porch_wifi_signal",
                    "-67",
                    device_class="signal_strength",
                    unit="dBm",
                ),
                entity(
                    "sensor.porch_temperature",
                    "104",
                    device_class="temperature",
                    unit="°F",
                ),
            ),
            Observation(
                available=True,
                battery_percent=87.0,
                signal_dbm=-67.0,
                temperature_c=40.0,
            ),
            id="fahrenheit-temperature",
        ),
        pytest.param(
            (entity("binary_sensor.porch_battery", "on", device_class="battery"),),
            Observation(available=True, battery_low=True),
            id="binary-battery-on-is-low",
        ),
        pytest.param(
            (
                update(
                    "on",
                    in_progress=True,
                    installed_version="1.0",
                    latest_version="1.1",
                ),
            ),
            Observation(available=True, firmware_updating=True, update_available=True),
            id="update-in-progress",
        ),
        pytest.param(
            (
                update(
                    "off",
                    in_progress=False,
                    installed_version="1.1",
                    latest_version="1.1",
                ),
            ),
            Observation(
                available=True, firmware_updating=False, update_available=False
            ),
            id="up-to-date",
        ),
        pytest.param(
            (
                update(
                    "unknown",
                    in_progress=45,
                    installed_version="1.0",
                    latest_version="2.0",
                ),
            ),
            Observation(available=True, firmware_updating=True, update_available=True),
            id="versions-and-progress-percentage",
        ),
        pytest.param(
            (update(None, in_progress=0, installed_version="1.0"),),
            Observation(available=True, firmware_updating=False),
            id="one-version-is-not-enough",
        ),
        pytest.param(
            (update("unavailable", in_progress="maybe"),),
            Observation(available=True),
            id="update-unavailable",
        ),
        pytest.param(
            (update("unknown", in_progress=10**30),),
            Observation(available=True),
            id="progress-beyond-100-is-no-percentage",
        ),
        pytest.param(
            (
                entity(
                    "binary_sensor.porch_connectivity",
                    "off",
                    device_class="connectivity",
                ),
            ),
            Observation(available=False),
            id="connectivity-off",
        ),
        pytest.param(
            (entity("binary_sensor.porch_cloud", "on", device_class="connectivity"),),
            Observation(available=True),
            id="connectivity-on",
        ),
        pytest.param(
            (
                entity(
                    "binary_sensor.porch_power_problem", "on", device_class="problem"
                ),
            ),
            Observation(available=True, power_fault=True),
            id="power-problem",
        ),
        pytest.param(
            (
                entity(
                    "binary_sensor.porch_charging_problem",
                    "off",
                    device_class="problem",
                ),
                entity(
                    "binary_sensor.porch_external_power", "off", device_class="power"
                ),
            ),
            Observation(available=True, power_fault=True),
            id="external-power-lost",
        ),
        pytest.param(
            (
                entity(
                    "binary_sensor.porch_plug",
                    "on",
                    key="power_plug",
                    device_class="plug",
                ),
                entity(
                    "binary_sensor.porch_charging",
                    "off",
                    device_class="battery_charging",
                ),
                entity("binary_sensor.porch_motion", "on", device_class="problem"),
            ),
            Observation(available=True, power_fault=False),
            id="plugged-in-charging-ignored-unrelated-problem-ignored",
        ),
        pytest.param(
            (
                entity("sensor.porch_rssi", "-70", unit="dB"),
                entity("sensor.porch_wifi_signal", "3"),
                entity(
                    "sensor.porch_signal_strength",
                    "60",
                    device_class="signal_strength",
                    unit="%",
                ),
            ),
            Observation(available=True, signal_dbm=-70.0, signal_bars=3),
            id="rssi-and-level-by-name-percent-ignored",
        ),
        pytest.param(
            (
                entity("sensor.porch_battery", "87", device_class="battery", unit="mV"),
                entity("sensor.porch_battery_2", "55", device_class="battery"),
                entity("sensor.porch_temperature", "20", device_class="temperature"),
                entity(
                    "sensor.porch_temp_k", "300", device_class="temperature", unit="K"
                ),
            ),
            Observation(available=True, battery_percent=55.0, temperature_c=26.85),
            id="units-checked",
        ),
        pytest.param(
            (
                SourceState(
                    entity_id="sensor.porch_temperature",
                    domain="sensor",
                    state="21.5",
                    attributes={
                        "device_class": "temperature",
                        "unit_of_measurement": "°C",
                    },
                ),
            ),
            Observation(available=True, temperature_c=21.5),
            id="class-and-unit-from-attributes",
        ),
    ],
)
def test_observe(siblings: tuple[SourceState, ...], expected: Observation) -> None:
    """Usual entities of any device give the expected observation."""
    assert GENERIC.observe(sources(*siblings)) == expected


def test_changing_readings() -> None:
    """Numeric measurements are keyed by entity id."""
    siblings = (
        entity("sensor.porch_battery", "87", device_class="battery", unit="%"),
        entity(
            "sensor.porch_temperature", "unknown", device_class="temperature", unit="°C"
        ),
        entity("sensor.porch_voltage", "3.1", device_class="voltage", unit="V"),
        entity("sensor.porch_last_motion", "2024-05-01", device_class="timestamp"),
    )
    assert GENERIC.changing_readings(sources(*siblings)) == {
        "sensor.porch_battery": 87.0,
        "sensor.porch_voltage": 3.1,
    }


def test_generic_flags() -> None:
    """Generic cameras have no hub and do not freeze readings."""
    assert GENERIC.freezes_readings is False
    assert GENERIC.hub_domain is None
    assert GENERIC.match_hub(sources()) is None


@pytest.mark.parametrize(
    ("given", "attributes", "kind", "unit_text"),
    [
        ({"device_class": " Battery ", "unit": "%"}, {}, "battery", "%"),
        (
            {},
            {"device_class": "Temperature", "unit_of_measurement": " °F"},
            "temperature",
            "°f",
        ),
        ({"device_class": "unknown"}, {"device_class": "battery"}, "battery", None),
        ({}, {"device_class": 5, "unit_of_measurement": ["%"]}, None, None),
        ({}, ["not", "a", "mapping"], None, None),
    ],
)
def test_a_source_says_once_what_it_is(
    given: dict[str, Any], attributes: Any, kind: str | None, unit_text: str | None
) -> None:
    """Device class and unit: from the fields, else the attributes, cleaned."""
    source = SourceState(
        entity_id="sensor.porch_wifi_signal",
        domain="sensor",
        state="-60",
        attributes=attributes,
        key=" RSSI ",
        **given,
    )
    assert (source.kind, source.unit_text) == (kind, unit_text)


def test_a_brand_replaces_the_generic_readers_it_names() -> None:
    """``brand`` puts each reader in the place of the generic one of its name."""

    def power(sources: CameraSources) -> Any:
        return "own"

    profile = generic.brand("own", power, freezes_readings=True)
    assert profile.name == "own"
    assert profile.power_fn is power
    assert profile.freezes_readings is True
    assert profile.observe_fn is GENERIC.observe_fn
    assert profile.readings_fn is GENERIC.readings_fn
    assert (blink.BLINK.hub_fn, blink.BLINK.keeps_hub_fn) == (
        blink.match_hub,
        blink.keeps_hub,
    )
    assert reolink.REOLINK.changing_fn is reolink.changing_readings
    assert reolink.REOLINK.power_fn is GENERIC.power_fn

    def power_of(sources: CameraSources) -> Any:
        return None

    with pytest.raises(KeyError):
        generic.brand("misnamed", power_of)
