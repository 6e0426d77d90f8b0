"""Brand edges on the profiles: on power, asleep, unreachable, signal units.

Shapes are the real integrations' (see ``test_brands``): Ring's and
Reolink's core entities, aarlo's camera attributes (twrecked/hass-aarlo).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from custom_components.camera_doctor.diagnosis import Cause, diagnose
from custom_components.camera_doctor.discovery import device_field
from custom_components.camera_doctor.profiles import CameraSources, Power
from custom_components.camera_doctor.profiles.arlo import ARLO
from custom_components.camera_doctor.profiles.reolink import REOLINK
from custom_components.camera_doctor.profiles.ring import RING

from .shapes import entity
from .test_brands import (
    REOLINK_CAMERA,
    RING_CAMERA,
    aarlo_camera,
    reolink_siblings,
    ring_siblings,
    sources,
)


def _sleep(state: str) -> Any:
    return entity(
        "binary_sensor.garden_sleep_status", state, key="sleep", platform="reolink"
    )


def test_reolink_zero_from_the_hub_is_an_outage() -> None:
    """An NVR's 0 % for a camera it cannot reach (core #179441) is no battery."""
    siblings = [
        replace(sibling, state="0") if sibling.key == "battery_percent" else sibling
        for sibling in reolink_siblings()
    ]
    observation = REOLINK.observe(sources(REOLINK_CAMERA, *siblings))
    assert (observation.available, observation.battery_percent) == (False, None)
    result = diagnose(observation)
    assert Cause.NO_CONNECTION in result.pending  # an outage, after its grace
    assert Cause.LOW_BATTERY not in {*result.causes, *result.pending}


@pytest.mark.parametrize(
    ("state", "on_power"),
    [("charging", True), ("chargecomplete", True), ("discharging", False)],
)
def test_reolink_charging_is_on_power(state: str, on_power: bool) -> None:
    """A charging or fully charged Reolink battery is never low."""
    siblings = [
        replace(sibling, state="9") if sibling.key == "battery_percent" else sibling
        for sibling in reolink_siblings(state=state)
    ]
    observation = REOLINK.observe(sources(REOLINK_CAMERA, *siblings))
    assert observation.on_power is on_power
    low = diagnose(observation).cause is Cause.LOW_BATTERY
    assert low is not on_power


def test_reolink_sleep_is_read_and_a_wake_moves_the_readings() -> None:
    """The sleep sensor says asleep; its flips are movement; wired: not watched."""
    asleep = sources(REOLINK_CAMERA, *reolink_siblings(), _sleep("on"))
    awake = sources(REOLINK_CAMERA, *reolink_siblings(), _sleep("off"))
    assert REOLINK.observe(asleep).asleep is True
    assert REOLINK.observe(awake).asleep is False
    assert REOLINK.changing_readings(asleep)["sleep"] == 1.0
    assert REOLINK.changing_readings(awake)["sleep"] == 0.0
    unknown = sources(REOLINK_CAMERA, *reolink_siblings(), _sleep("unavailable"))
    assert REOLINK.observe(unknown).asleep is None
    assert "sleep" not in REOLINK.changing_readings(unknown)
    assert REOLINK.changing_readings(sources(REOLINK_CAMERA, *reolink_siblings())) == {}


@pytest.mark.parametrize(
    ("level", "unit", "dbm", "bars"),
    [
        ("4", None, None, 4),  # before core PR #149191: 0..4 bars, no unit
        ("0", None, None, 0),
        ("-67", "dBm", -67.0, None),  # since: dBm with its unit
        ("-67", None, -67.0, None),  # dBm recognised by its range
    ],
)
def test_reolink_wifi_signal_both_versions(
    level: str, unit: str | None, dbm: float | None, bars: int | None
) -> None:
    """Reolink's ``wifi_signal`` in bars (old) and in dBm (new)."""
    siblings = [
        replace(sibling, state=level, unit=unit)
        if sibling.key == "wifi_signal"
        else sibling
        for sibling in reolink_siblings()
    ]
    observation = REOLINK.observe(sources(REOLINK_CAMERA, *siblings))
    assert (observation.signal_dbm, observation.signal_bars) == (dbm, bars)


def _ring(model: str | None, battery: str = "83", **kwargs: str) -> CameraSources:
    return replace(sources(RING_CAMERA, *ring_siblings(battery, **kwargs)), model=model)


@pytest.mark.parametrize(
    "model", ["Doorbell Pro", "Floodlight Cam Plus", "Stick Up Cam Wired"]
)
def test_ring_wired_models_run_on_power(model: str) -> None:
    """A wired Ring model's battery reading (0 %: core #51692) is never low."""
    camera = _ring(model, battery="0")
    observation = RING.observe(camera)
    assert (observation.on_power, observation.battery_percent) == (True, None)
    assert RING.power(camera) is Power.WIRED
    assert diagnose(observation).cause is Cause.NONE


def test_ring_zero_percent_is_no_reading_and_solar_is_solar() -> None:
    """0 % from a battery model is no reading; a solar model is solar-charged."""
    assert RING.observe(_ring("Doorbell 3", battery="0")).battery_percent is None
    assert RING.observe(_ring("Doorbell 3", battery="5")).battery_percent == 5.0
    assert RING.power(_ring("Spotlight Cam Solar")) is Power.SOLAR
    assert RING.power(_ring("Doorbell 3")) is Power.RECHARGEABLE


def _without(camera: CameraSources, key: str) -> CameraSources:
    return replace(camera, siblings=tuple(s for s in camera.siblings if s.key != key))


@pytest.mark.parametrize(
    ("category", "dbm", "expected"),
    [
        ("fair", "-68", Cause.NONE),
        ("poor", "-82", Cause.WEAK_SIGNAL),
        ("good", "-58", Cause.NONE),
    ],
)
@pytest.mark.parametrize("enabled", ["category", "dbm", "both"])
def test_ring_fair_gives_one_answer(
    category: str, dbm: str, expected: Cause, enabled: str
) -> None:
    """Ring's "fair" is not weak, "poor" is: the same with either Wi-Fi sensor, or both."""
    camera = _ring("Doorbell 3", dbm=dbm, category=category)
    if enabled == "category":
        camera = _without(camera, "wifi_signal_strength")
    elif enabled == "dbm":
        camera = _without(camera, "wifi_signal_category")
    assert diagnose(RING.observe(camera)).cause is expected


def test_arlo_charging_or_plugged_in_is_on_power() -> None:
    """Aarlo's ``charging`` or ``wired``: not low; ``wired_only``: no battery."""
    for attributes in ({"charging": True}, {"wired": True}):
        camera = sources(aarlo_camera(battery_level=5, **attributes))
        assert diagnose(ARLO.observe(camera)).cause is Cause.NONE
    assert diagnose(ARLO.observe(sources(aarlo_camera(battery_level=5)))).cause is (
        Cause.LOW_BATTERY
    )
    assert ARLO.power(sources(aarlo_camera(wired_only=True))) is Power.WIRED


def test_arlo_too_cold_is_too_cold_not_offline() -> None:
    """Arlo's "Offline, Too Cold" (pyaarlo ``thermalShutdownCold``) is too_cold."""
    result = diagnose(ARLO.observe(sources(aarlo_camera("Offline, Too Cold"))))
    assert (result.causes, dict(result.pending)) == ((Cause.TOO_COLD,), {})


def test_device_field_of_a_child_device_is_not_read() -> None:
    """A child device (newer Home Assistant) has no manufacturer: not asked."""

    class Device:
        manufacturer = "Reolink"
        model = None

    class ChildDevice:
        def __getattr__(self, name: str) -> Any:
            raise AssertionError(name)  # Home Assistant would log a warning

    assert device_field(Device(), "manufacturer") == "Reolink"
    assert device_field(Device(), "model") is None
    assert device_field(ChildDevice(), "manufacturer") is None
    assert device_field(None, "model") is None
