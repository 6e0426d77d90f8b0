"""Ring, Reolink, Arlo (aarlo) and eufy: their entities as they publish them."""

from __future__ import annotations

from typing import Any

import pytest

from custom_components.camera_doctor.diagnosis.model import Observation
from custom_components.camera_doctor.profiles import CameraSources, Profile, SourceState
from custom_components.camera_doctor.profiles.arlo import ARLO
from custom_components.camera_doctor.profiles.eufy import EUFY
from custom_components.camera_doctor.profiles.reolink import REOLINK
from custom_components.camera_doctor.profiles.ring import RING

from .shapes import entity


def sources(camera: SourceState, *siblings: SourceState) -> CameraSources:
    """Return a camera with ``siblings`` on its device."""
    return CameraSources(camera=camera, siblings=siblings)


# --- Ring (core ring): unique ids "<device id>-<key>" ------------------------

RING_CAMERA = entity(
    "camera.front_door_live_view",
    "idle",
    key="live_view",
    platform="ring",
    attribution="Data provided by Ring.com",
    last_video_id=7350000000000000000,
    video_url="https://example.invalid/clip.mp4",
)


def ring_siblings(
    battery: str = "83", dbm: str = "-58", category: str = "good"
) -> tuple[SourceState, ...]:
    """Return the Ring sensors on a battery doorbell's device."""
    return (
        entity(
            "sensor.front_door_battery",
            battery,
            key="battery",
            device_class="battery",
            unit="%",
            platform="ring",
        ),
        entity(
            "sensor.front_door_wi_fi_signal_strength",
            dbm,
            key="wifi_signal_strength",
            device_class="signal_strength",
            unit="dBm",
            platform="ring",
        ),
        entity(
            "sensor.front_door_wi_fi_signal_category",
            category,
            key="wifi_signal_category",
            platform="ring",
        ),
        entity(
            "sensor.front_door_last_ding",
            "2024-05-01T10:00:00+00:00",
            key="last_ding",
            device_class="timestamp",
        ),
    )


# --- Reolink (core reolink) ----------------------------------------------------

REOLINK_CAMERA = entity(
    "camera.garden_fluent", "idle", key="fluent", platform="reolink"
)


def reolink_siblings(
    *,
    level: str = "4",
    state: str = "discharging",
    mode: str = "day",
    installing: bool = False,
) -> tuple[SourceState, ...]:
    """Return the sensors and update entity of a battery Reolink camera."""
    return (
        entity(
            "sensor.garden_battery",
            "76",
            key="battery_percent",
            device_class="battery",
            unit="%",
        ),
        entity(
            "sensor.garden_battery_temperature",
            "31",
            key="battery_temperature",
            device_class="temperature",
            unit="°C",
        ),
        entity(
            "sensor.garden_battery_state",
            state,
            key="battery_state",
            device_class="enum",
            options=["discharging", "charging", "chargecomplete"],
        ),
        entity("sensor.garden_wi_fi_signal", level, key="wifi_signal"),
        entity(
            "sensor.garden_day_night_state",
            mode,
            key="day_night_state",
            device_class="enum",
            options=["day", "night", "led_day"],
        ),
        entity(
            "update.garden_firmware",
            "on",
            key="firmware",
            device_class="firmware",
            installed_version="v3.0.0.3215_2308012025",
            latest_version="v3.0.0.3308_2310271223",
            in_progress=installing,
        ),
    )


# --- Arlo (custom aarlo) -------------------------------------------------------


def aarlo_camera(state: str = "idle", **attributes: Any) -> SourceState:
    """Return an aarlo camera entity."""
    base = {
        "battery_level": 64,
        "signal_strength": 3,
        "charging": False,
        "charger_type": "None",
        "wired": False,
        "brand": "Netgear Arlo",
        "friendly_name": "Driveway",
    }
    return entity(
        "camera.aarlo_driveway", state, platform="aarlo", **{**base, **attributes}
    )


AARLO_SIBLINGS = (
    entity(
        "sensor.aarlo_battery_level_driveway",
        "64",
        device_class="battery",
        unit="%",
        platform="aarlo",
    ),
    entity("sensor.aarlo_signal_strength_driveway", "3", platform="aarlo"),
    entity(
        "sensor.aarlo_temperature_driveway",
        "12.5",
        device_class="temperature",
        unit="°C",
    ),
)

# --- eufy (custom eufy_security) -----------------------------------------------


def eufy_camera(**attributes: Any) -> SourceState:
    """Return a eufy_security camera entity."""
    return entity("camera.eufycam_2", "idle", platform="eufy_security", **attributes)


EUFY_SIBLINGS = (
    entity(
        "sensor.eufycam_2_battery",
        "91",
        key="battery",
        device_class="battery",
        unit="%",
    ),
    entity(
        "sensor.eufycam_2_wifi_rssi",
        "-62",
        key="wifirssi",
        device_class="signal_strength",
    ),
)


@pytest.mark.parametrize(
    ("profile", "camera_sources", "expected"),
    [
        pytest.param(
            RING,
            sources(RING_CAMERA, *ring_siblings()),
            Observation(
                available=True, battery_percent=83.0, signal_dbm=-58.0, signal_bars=4
            ),
            id="ring-battery-wifi",
        ),
        pytest.param(
            RING,
            sources(
                RING_CAMERA,
                *ring_siblings(battery="unknown", dbm="unavailable", category="poor"),
            ),
            Observation(available=True, signal_bars=1),
            id="ring-wired-poor-category",
        ),
        pytest.param(
            RING,
            sources(RING_CAMERA, *ring_siblings(category="meh")),
            Observation(available=True, battery_percent=83.0, signal_dbm=-58.0),
            id="ring-unknown-category",
        ),
        pytest.param(
            REOLINK,
            sources(REOLINK_CAMERA, *reolink_siblings()),
            Observation(
                available=True,
                battery_percent=76.0,
                signal_bars=4,
                temperature_c=31.0,
                firmware_updating=False,
                update_available=True,
                is_dark=False,
                on_power=False,
            ),
            id="reolink-day-discharging",
        ),
        pytest.param(
            REOLINK,
            sources(
                REOLINK_CAMERA,
                *reolink_siblings(
                    level="1", state="charging", mode="night", installing=True
                ),
            ),
            Observation(
                available=True,
                battery_percent=76.0,
                signal_bars=1,
                temperature_c=31.0,
                firmware_updating=True,
                update_available=True,
                power_fault=False,
                is_dark=True,
                on_power=True,
            ),
            id="reolink-night-charging-updating",
        ),
        pytest.param(
            REOLINK,
            sources(
                entity("camera.garden_fluent", "unavailable", platform="reolink"),
                *reolink_siblings(
                    level="unavailable", state="chargecomplete", mode="unavailable"
                ),
                entity(
                    "binary_sensor.garden_power_problem", "on", device_class="problem"
                ),
            ),
            Observation(
                available=False,
                battery_percent=76.0,
                temperature_c=31.0,
                firmware_updating=False,
                update_available=True,
                power_fault=True,
                on_power=True,
            ),
            id="reolink-offline-power-problem-outranks-charging",
        ),
        pytest.param(
            ARLO,
            sources(aarlo_camera(), *AARLO_SIBLINGS),
            Observation(
                available=True, battery_percent=64.0, signal_bars=3, temperature_c=12.5
            ),
            id="aarlo-healthy",
        ),
        pytest.param(
            ARLO,
            sources(aarlo_camera("Offline, Too Cold", charging=True)),
            # pyaarlo's thermalShutdownCold: too cold, not an outage.
            Observation(
                available=True,
                battery_percent=64.0,
                signal_bars=3,
                power_fault=False,
                on_power=True,
                too_cold=True,
            ),
            id="aarlo-offline-too-cold-charging",
        ),
        pytest.param(
            ARLO,
            sources(
                aarlo_camera(
                    battery_level=None, signal_strength=None, connection="unavailable"
                ),
                *AARLO_SIBLINGS,
            ),
            Observation(
                available=False, battery_percent=64.0, signal_bars=3, temperature_c=12.5
            ),
            id="aarlo-connection-lost-sensors-fallback",
        ),
        pytest.param(
            ARLO,
            sources(entity("camera.aarlo_driveway", "unknown", connection="connected")),
            Observation(available=True),
            id="aarlo-connected-state-unknown",
        ),
        pytest.param(
            EUFY,
            sources(eufy_camera(), *EUFY_SIBLINGS),
            Observation(available=True, battery_percent=91.0, signal_dbm=-62.0),
            id="eufy-sensors",
        ),
        pytest.param(
            EUFY,
            sources(
                eufy_camera(
                    type="DeviceType.CAMERA2C",
                    state={"battery": 12, "wifiRSSI": -81, "batteryLow": True},
                    properties={"wifiSignalLevel": 1, "batteryTemperature": 4},
                )
            ),
            Observation(
                available=True,
                battery_percent=12.0,
                battery_low=True,
                signal_dbm=-81.0,
                signal_bars=1,
                temperature_c=4.0,
            ),
            id="eufy-nested-properties",
        ),
        pytest.param(
            EUFY,
            sources(
                eufy_camera(battery="80", wifiRssi=-60, state="garbage"),
                EUFY_SIBLINGS[0],
            ),
            Observation(available=True, battery_percent=91.0, signal_dbm=-60.0),
            id="eufy-sensor-before-attribute",
        ),
    ],
)
def test_observe(
    profile: Profile, camera_sources: CameraSources, expected: Observation
) -> None:
    """Each brand's realistic entity set gives the expected observation."""
    assert profile.observe(camera_sources) == expected


@pytest.mark.parametrize("profile", [RING, REOLINK, ARLO, EUFY], ids=lambda p: p.name)
def test_brand_flags(profile: Profile) -> None:
    """Only Blink and Reolink (battery cameras) freeze readings; only Blink has a hub."""
    assert profile.freezes_readings is (profile is REOLINK)
    assert profile.hub_domain is None
    assert profile.match_hub(sources(RING_CAMERA)) is None


def test_changing_readings_use_sensors() -> None:
    """Brands without frozen clouds still report their moving measurements."""
    readings = RING.changing_readings(sources(RING_CAMERA, *ring_siblings()))
    assert readings == {
        "sensor.front_door_battery": 83.0,
        "sensor.front_door_wi_fi_signal_strength": -58.0,
    }
