"""Quiet ranges: a reading moving inside one never changes the diagnosis."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import math

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.camera_doctor.diagnosis import (
    Cause,
    Diagnosis,
    Observation,
    Thresholds,
    diagnose,
    is_quiet,
    quiet_range,
)

T0 = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
HEALTHY = diagnose(Observation(available=True), now=T0)


def test_ranges_of_a_healthy_camera() -> None:
    """Healthy: above the low battery and weak signal, between cold and hot."""
    assert quiet_range("battery_percent", HEALTHY) == (20, math.inf)
    assert quiet_range("signal_dbm", HEALTHY) == (-75, math.inf)
    assert quiet_range("temperature_c", HEALTHY) == (-20, 45)
    assert quiet_range("signal_bars", HEALTHY) is None  # not a quiet reading
    custom = Thresholds(temperature_high=30, temperature_low=0)
    assert quiet_range("temperature_c", HEALTHY, custom) == (0, 30)


@pytest.mark.parametrize(
    ("observation", "reading"),
    [
        (Observation(battery_percent=5), "battery_percent"),
        (Observation(battery_low=True), "battery_percent"),
        (Observation(signal_dbm=-90), "signal_dbm"),
        (Observation(signal_bars=0), "signal_dbm"),
        (Observation(temperature_c=60), "temperature_c"),
        (Observation(temperature_c=-40), "temperature_c"),
    ],
)
def test_a_reading_behind_an_active_cause_is_never_quiet(
    observation: Observation, reading: str
) -> None:
    """A reading whose cause is active (or in the evidence) always matters."""
    diagnosis = diagnose(observation, now=T0)
    assert quiet_range(reading, diagnosis) is None
    assert not is_quiet(reading, 50, 51, diagnosis)


def test_is_quiet() -> None:
    """Both values valid and inside the range; garbage is never quiet."""
    assert is_quiet("battery_percent", "80", "79", HEALTHY)
    assert not is_quiet("battery_percent", 80, 20, HEALTHY)  # reaches the limit
    assert not is_quiet("battery_percent", "unknown", 80, HEALTHY)
    assert not is_quiet("battery_percent", 80, 250, HEALTHY)  # out of range
    assert is_quiet("temperature_c", 20.5, 21, HEALTHY)
    assert not is_quiet("temperature_c", 44, 45, HEALTHY)
    assert not is_quiet("nonsense", 1, 2, HEALTHY)


READINGS = st.sampled_from(("battery_percent", "signal_dbm", "temperature_c"))
VALUES = st.floats(min_value=-130, max_value=130, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(
    reading=READINGS,
    start=st.fixed_dictionaries(
        {
            "battery_percent": st.none() | st.floats(0, 100),
            "signal_dbm": st.none() | st.floats(-120, 0),
            "temperature_c": st.none() | st.floats(-60, 100),
            "available": st.none() | st.booleans(),
        }
    ),
    before=VALUES,
    after=VALUES,
)
def test_quiet_really_changes_nothing(
    reading: str, start: dict[str, object], before: float, after: float
) -> None:
    """Whenever a move is called quiet, the engine agrees: same causes, evidence."""
    now = T0 + timedelta(minutes=1)
    base = Observation(**(start | {reading: before}))  # type: ignore[arg-type]
    previous = diagnose(base, now=T0)
    previous = diagnose(base, previous=previous, now=now)
    if not is_quiet(reading, before, after, previous):
        return
    moved = Observation(**(start | {reading: after}))  # type: ignore[arg-type]
    result = diagnose(moved, previous=previous, now=now)
    assert result.causes == previous.causes
    assert result.evidence == previous.evidence
    assert result.cause is previous.cause


def test_quiet_with_a_diagnosis_that_is_not_healthy() -> None:
    """Other active causes leave a reading quiet if they do not involve it."""
    outdated = diagnose(Observation(update_available=True), now=T0)
    assert outdated.cause is Cause.FIRMWARE_OUTDATED
    assert is_quiet("temperature_c", 10, 11, outdated)
    assert quiet_range("battery_percent", Diagnosis()) == (20, math.inf)
