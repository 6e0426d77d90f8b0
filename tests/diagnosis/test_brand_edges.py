"""The engine on what brands say in their own way: on power, asleep, too cold."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from custom_components.camera_doctor.diagnosis import (
    Cause,
    Observation,
    Thresholds,
    diagnose,
)

NOW = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
LIMITS = Thresholds(stale_hours=12)


def test_on_power_is_never_a_low_battery() -> None:
    """A camera on power or charging is not low, whatever level it reports."""
    for level, flag in ((0.0, None), (5.0, None), (None, True)):
        charging = Observation(
            available=True, battery_percent=level, battery_low=flag, on_power=True
        )
        assert diagnose(charging, LIMITS, now=NOW).cause is Cause.NONE
        # Off power, the same reading is a low battery.
        off_power = Observation(
            available=True, battery_percent=level, battery_low=flag, on_power=False
        )
        assert diagnose(off_power, LIMITS, now=NOW).cause is Cause.LOW_BATTERY


def test_asleep_is_neither_offline_nor_frozen() -> None:
    """A sleeping camera's unavailability and its still readings are no fault."""
    frozen = NOW - timedelta(hours=30)
    before = diagnose(Observation(available=True), LIMITS, now=NOW - timedelta(hours=2))
    asleep = Observation(available=False, asleep=True, readings_frozen_since=frozen)
    result = diagnose(asleep, LIMITS, before, NOW)
    assert (result.cause, result.pending, result.offline_since) == (
        Cause.NONE,
        {},
        None,
    )
    # Awake, the same readings are an outage and frozen readings.
    awake = Observation(available=False, asleep=False, readings_frozen_since=frozen)
    assert diagnose(awake, LIMITS, before, NOW).cause is Cause.NO_CONNECTION


def test_the_camera_saying_too_cold_is_too_cold() -> None:
    """Arlo's "Offline, Too Cold" is too_cold, with or without a temperature."""
    said = diagnose(Observation(available=True, too_cold=True), LIMITS, now=NOW)
    assert said.cause is Cause.TOO_COLD
    assert said.evidence["too_cold"] is True
    with_reading = diagnose(
        Observation(available=True, too_cold=True, temperature_c=-25.0), LIMITS, now=NOW
    )
    assert with_reading.evidence["temperature_c"] == -25
    assert diagnose(Observation(available=True, too_cold=False), now=NOW).cause is (
        Cause.NONE
    )
