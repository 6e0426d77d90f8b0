"""Tests of the fix key and the severity of each cause.

Each fix key's words live in strings.json (tests/quality/test_translations.py),
which also checks that each cause's notice gives the steps of its fix key.
"""

from __future__ import annotations

import pytest

from custom_components.camera_doctor.diagnosis import (
    Cause,
    Diagnosis,
    Observation,
    Severity,
    Thresholds,
    cause_severity,
    diagnose,
)


def test_each_cause_has_its_own_fix() -> None:
    """``Diagnosis.fix`` gives each cause a fix key of its own; healthy: none."""
    fixes = {cause: Diagnosis(cause=cause).fix for cause in Cause}
    assert len(set(fixes.values())) == len(Cause)
    assert fixes[Cause.NONE] == "none"
    assert Diagnosis().fix == "none"


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
