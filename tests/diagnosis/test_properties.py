"""Property tests: any observation, even garbage, gives a valid diagnosis."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime, timedelta
import json
from typing import Any

from hypothesis import HealthCheck, given, settings, strategies as st

from custom_components.camera_doctor.diagnosis import (
    FIX_KEYS,
    PRECEDENCE,
    Cause,
    Diagnosis,
    IntegrationReason,
    Observation,
    Severity,
    Thresholds,
    cause_severity,
    diagnose,
)

T0 = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)

# Plausible readings and threshold-like values, so the interesting regions
# (around every threshold) are hit often, mixed with plain garbage.
near_thresholds = st.sampled_from(
    [-121, -120, -90, -80, -75, -70, -60, -20, -17, 0, 2, 3, 5, 10, 20, 25, 42, 45, 101]
)
anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-130, max_value=130),
    near_thresholds,
    st.text(max_size=8),
    near_thresholds.map(str),
)
moments = st.datetimes(
    min_value=datetime(2000, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.sampled_from([UTC, None]),
)
# The fields that take a moment, or one of a few words, besides garbage.
_SPECIAL = {
    "readings_frozen_since": st.one_of(anything, moments),
    "hub_unavailable_since": st.one_of(anything, moments),
    "integration_offline_since": st.one_of(anything, moments),
    "integration_offline": st.one_of(anything, st.sampled_from(IntegrationReason)),
}
observations = st.builds(
    Observation,
    **{item.name: _SPECIAL.get(item.name, anything) for item in fields(Observation)},
)
thresholds = st.one_of(
    st.builds(Thresholds),
    st.builds(Thresholds, **{item.name: anything for item in fields(Thresholds)}),
)
# Steps in minutes between diagnoses; negative steps are a clock set back.
steps = st.one_of(
    st.integers(min_value=-120, max_value=24 * 60), st.sampled_from([0, 1, 5, 60])
)


def check(
    result: Diagnosis, limits: Any, earliest: datetime, latest: datetime | None = None
) -> None:
    """Assert every invariant of a diagnosis made between the two moments."""
    latest = latest or earliest
    assert isinstance(result, Diagnosis)
    assert Cause.NONE not in result.causes
    assert len(set(result.causes)) == len(result.causes)
    order = [PRECEDENCE.index(cause) for cause in result.causes]
    assert order == sorted(order)
    assert not {Cause.NO_CONNECTION, Cause.UNEXPLAINED} <= set(result.causes)
    assert result.cause == (result.causes[0] if result.causes else Cause.NONE)
    assert set(result.since) == (set(result.causes) or {Cause.NONE})
    for began in result.since.values():
        assert began.tzinfo is not None
        assert began <= latest
    assert result.offline_since is None or result.offline_since <= latest
    # A deadline still pending lies ahead (give or take float rounding).
    assert result.next_check is None or result.next_check > earliest - timedelta(
        seconds=1
    )
    assert result.notes in ((), ("night_ir",))
    assert not (result.notes and result.causes)
    assert result.fix in FIX_KEYS.values()
    for cause in (result.cause, *result.causes):
        assert cause_severity(cause, result, limits) in set(Severity)
    for key, value in result.evidence.items():
        assert isinstance(key, str)
        assert value is None or isinstance(value, (str, int, float, bool))
    json.dumps(dict(result.evidence), allow_nan=False)
    for key in ("offline_for_minutes", "no_connection_for_minutes"):
        assert result.evidence.get(key, 0) >= 0


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(observation=observations, limits=thresholds, now=st.one_of(moments, st.none()))
def test_any_observation_gives_a_valid_diagnosis(
    observation: Observation, limits: Thresholds, now: datetime | None
) -> None:
    """A single diagnosis of anything is well formed."""
    before = datetime.now(UTC)
    result = diagnose(observation, limits, now=now)
    if now is None:
        check(result, limits, before, datetime.now(UTC))
    else:
        check(result, limits, now.replace(tzinfo=now.tzinfo or UTC))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    history=st.lists(st.tuples(steps, observations), min_size=1, max_size=12),
    limits=thresholds,
)
def test_any_history_gives_valid_diagnoses(
    history: list[tuple[int, Observation]], limits: Thresholds
) -> None:
    """Chained diagnoses stay well formed, whatever the clock does."""
    now, previous = T0, None
    for step, observation in history:
        now += timedelta(minutes=step)
        previous = diagnose(observation, limits, previous, now)
        check(previous, limits, now)
        if observation.available is not False:
            assert previous.offline_since is None


@given(
    history=st.lists(st.tuples(st.integers(0, 120), observations), max_size=8),
    final=observations,
)
def test_unknown_readings_are_never_faults(
    history: list[tuple[int, Observation]], final: Observation
) -> None:
    """An observation with nothing known is healthy, whatever came before."""
    now, previous = T0, None
    for step, observation in history:
        now += timedelta(minutes=step)
        previous = diagnose(observation, previous=previous, now=now)
    assert diagnose(Observation(), previous=previous, now=now).cause is Cause.NONE
    assert isinstance(diagnose(final, previous=previous, now=now), Diagnosis)


PLAUSIBLE = {
    "battery_percent": (0, 100),
    "signal_dbm": (-120, 0),
    "temperature_c": (-60, 100),
}


@given(
    field_values=st.sampled_from(sorted(PLAUSIBLE)).flatmap(
        lambda field: st.tuples(
            st.just(field),
            st.lists(st.floats(*PLAUSIBLE[field]), min_size=2, max_size=20),
        )
    )
)
def test_hysteresis_needs_a_clear_crossing(
    field_values: tuple[str, list[float]],
) -> None:
    """A cause is raised only at its threshold and cleared only past its band."""
    field, values = field_values
    previous: Diagnosis | None = None
    for at, value in enumerate(values):
        reading: dict[str, Any] = {field: value}
        result = diagnose(
            Observation(**reading),
            previous=previous,
            now=T0 + timedelta(minutes=at),
        )
        cleared = set(previous.causes) - set(result.causes) if previous else set()
        # A cause clears only once the reading left its dead band.
        limits = Thresholds()
        clears_beyond = {
            Cause.LOW_BATTERY: value > limits.battery_low + 5,
            Cause.WEAK_SIGNAL: value > limits.signal_weak + 5,
            Cause.OVERHEATING: value < limits.temperature_high - 3,
            Cause.TOO_COLD: value > limits.temperature_low + 3,
        }
        assert all(clears_beyond[cause] for cause in cleared)
        raised = set(result.causes) - (set(previous.causes) if previous else set())
        raises_at = {
            Cause.LOW_BATTERY: value <= limits.battery_low,
            Cause.WEAK_SIGNAL: value <= limits.signal_weak,
            Cause.OVERHEATING: value >= limits.temperature_high,
            Cause.TOO_COLD: value <= limits.temperature_low,
        }
        assert all(raises_at[cause] for cause in raised)
        previous = result
