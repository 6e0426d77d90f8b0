"""Tests of the fix key and the severity of each cause.

The words of each fix live in strings.json (tests/quality/test_translations.py).
"""

from __future__ import annotations

import pytest

from custom_components.camera_doctor.diagnosis import (
    FIX_KEYS,
    Cause,
    Diagnosis,
    Observation,
    Severity,
    Thresholds,
    cause_severity,
    diagnose,
)


def test_fix_keys_are_the_public_ones() -> None:
    """Every cause has its documented, distinct fix key."""
    assert dict(FIX_KEYS) == {
        Cause.LOW_BATTERY: "replace_batteries",
        Cause.NO_CONNECTION: "check_wifi",
        Cause.SYNC_MODULE_OFFLINE: "check_sync_module",
        Cause.WEAK_SIGNAL: "improve_signal",
        Cause.FIRMWARE_UPDATING: "wait_for_update",
        Cause.FIRMWARE_OUTDATED: "install_update",
        Cause.OVERHEATING: "move_to_shade",
        Cause.TOO_COLD: "shelter_from_cold",
        Cause.POWER_SUPPLY: "check_power_adapter",
        Cause.UNEXPLAINED: "reset_camera",
        Cause.NONE: "none",
    }
    assert len(set(FIX_KEYS.values())) == len(Cause)


@pytest.mark.parametrize("cause", list(Cause))
def test_fix_of_each_cause(cause: Cause) -> None:
    """``Diagnosis.fix`` gives the fix key of the primary cause."""
    assert Diagnosis(cause=cause).fix == FIX_KEYS[cause]


@pytest.mark.parametrize(
    ("cause", "expected"),
    [
        (Cause.NO_CONNECTION, Severity.ERROR),
        (Cause.UNEXPLAINED, Severity.ERROR),
        (Cause.SYNC_MODULE_OFFLINE, Severity.ERROR),
        (Cause.POWER_SUPPLY, Severity.ERROR),
        (Cause.OVERHEATING, Severity.ERROR),
        (Cause.WEAK_SIGNAL, Severity.WARNING),
        (Cause.TOO_COLD, Severity.WARNING),
        (Cause.FIRMWARE_OUTDATED, Severity.WARNING),
        (Cause.LOW_BATTERY, Severity.WARNING),
        (Cause.FIRMWARE_UPDATING, Severity.INFO),
        (Cause.NONE, Severity.NONE),
    ],
)
def test_severity_of_each_cause(cause: Cause, expected: Severity) -> None:
    """Outages and hazards are errors, nuisances warnings, updates info."""
    assert cause_severity(cause, Diagnosis(cause=cause, causes=(cause,))) is expected
    assert cause_severity(cause, Diagnosis()) == expected.value


@pytest.mark.parametrize(
    ("percent", "limits", "expected"),
    [
        (15, Thresholds(), Severity.WARNING),
        (10, Thresholds(), Severity.ERROR),
        (3, Thresholds(), Severity.ERROR),
        (15, Thresholds(battery_critical=15), Severity.ERROR),
        (10, Thresholds(battery_critical=float("nan")), Severity.ERROR),
        (None, Thresholds(), Severity.WARNING),
    ],
)
def test_low_battery_severity(
    percent: float | None, limits: Thresholds, expected: Severity
) -> None:
    """A battery at or below the critical level is an error."""
    result = diagnose(Observation(battery_percent=percent, battery_low=True))
    assert result.cause is Cause.LOW_BATTERY
    assert cause_severity(Cause.LOW_BATTERY, result, limits) is expected


def test_severity_of_a_cause_behind_another() -> None:
    """A critical battery is an error even when another cause comes first."""
    result = diagnose(Observation(hub_online=False, battery_percent=5))
    assert result.causes == (Cause.SYNC_MODULE_OFFLINE, Cause.LOW_BATTERY)
    assert cause_severity(Cause.LOW_BATTERY, result) is Severity.ERROR
    assert cause_severity(Cause.SYNC_MODULE_OFFLINE, result) is Severity.ERROR
    low = diagnose(Observation(hub_online=False, battery_percent=15))
    assert cause_severity(Cause.LOW_BATTERY, low) is Severity.WARNING
