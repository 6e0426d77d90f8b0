"""Property tests: any readings, even garbage, give a valid history and forecast."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import json
import math
from typing import Any

from hypothesis import given, settings, strategies as st

from custom_components.camera_doctor.diagnosis.forecast import (
    EMPTY,
    BatteryHistory,
    Forecast,
    ForecastState,
    as_dict,
    forecast,
    from_dict,
    notice_due,
    record,
    replaced,
)
from custom_components.camera_doctor.diagnosis.forecast_history import (
    MAX_POINTS,
    sanitize,
)

T0 = datetime(2024, 6, 1, tzinfo=UTC)

percents = st.one_of(
    st.floats(min_value=0, max_value=100),
    st.integers(min_value=-5, max_value=105),
    st.none(),
    st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
    st.sampled_from(["42", "100", "-1", "nan"]),
)
moments = st.one_of(
    st.datetimes(
        min_value=datetime(1, 1, 2),
        max_value=datetime(9999, 12, 30),
        timezones=st.sampled_from([UTC, None]),
    ),
    st.none(),
    st.text(max_size=5),
    st.integers(),
)
# Minutes between readings; negative steps are a clock set back.
steps = st.one_of(
    st.integers(min_value=-120, max_value=600),
    st.integers(min_value=0, max_value=60 * 24 * 30),
)
events = st.lists(
    st.tuples(
        st.sampled_from(["reading", "reading", "reading", "charging", "replaced"]),
        steps,
        percents,
    ),
    max_size=120,
)
anything: st.SearchStrategy[Any] = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=5),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=6),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=10), inner, max_size=5),
    ),
    max_leaves=30,
)
stored = st.fixed_dictionaries(
    {
        "version": st.one_of(st.just(1), anything),
        "points": st.one_of(
            st.lists(
                st.one_of(
                    st.tuples(
                        st.floats(min_value=-1e12, max_value=1e12), st.floats(-10, 110)
                    ),
                    anything,
                ),
                max_size=70,
            ),
            anything,
        ),
        "changed_at": st.one_of(st.floats(), anything),
        "charging": anything,
    }
)


def assert_valid(history: BatteryHistory) -> None:
    """The rules of the module doc hold."""
    assert sanitize(history) is history
    assert len(history.points) <= MAX_POINTS
    times = [time for time, _ in history.points]
    assert times == sorted(times)
    assert all(0 <= level <= 100 for _, level in history.points)
    if history.changed_at is not None and times:
        assert history.changed_at <= times[0]


def assert_sound(result: Forecast) -> None:
    """A forecast is self-consistent: a time exactly when ok, finite numbers."""
    assert isinstance(result.state, ForecastState)
    assert (result.at is not None) == (result.state is ForecastState.OK)
    assert result.rate_per_day is None or math.isfinite(result.rate_per_day)
    assert math.isfinite(result.days_of_data)
    assert result.days_of_data >= 0
    assert 0 <= result.points <= MAX_POINTS
    if result.state is ForecastState.OK:
        assert result.rate_per_day is not None
        assert result.rate_per_day > 0


def replay(script: list[tuple[str, int, Any]]) -> list[BatteryHistory]:
    """Apply ``script`` from an empty history; every intermediate history."""
    history, moment, seen = EMPTY, T0, []
    for kind, step, percent in script:
        moment += timedelta(minutes=step)
        if kind == "replaced":
            history = replaced(history, moment)
        else:
            history = record(history, percent, moment, charging=kind == "charging")
        seen.append(history)
    return seen


@settings(max_examples=150, deadline=None)
@given(events, st.one_of(st.floats(0, 100), anything), st.integers(-100, 10**6))
def test_any_readings_give_a_valid_history_and_forecast(
    script: list[tuple[str, int, Any]], low: Any, later: int
) -> None:
    """Garbage never raises; the history stays valid and bounded."""
    for history in replay(script):
        assert_valid(history)
    history = replay(script)[-1] if script else EMPTY
    now = T0 + timedelta(minutes=later)
    result = forecast(history, low, now)
    assert_sound(result)
    assert notice_due(result, now, low, raised=True) in {True, False}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(moments, percents), max_size=60), st.booleans())
def test_garbage_times_never_raise(
    readings: list[tuple[Any, Any]], charging: bool
) -> None:
    """Any time at all, in any order: a valid history."""
    history = EMPTY
    for moment, percent in readings:
        history = record(history, percent, moment, charging=charging)
        assert_valid(history)
        assert_sound(
            forecast(history, 20, moment if isinstance(moment, datetime) else T0)
        )


@settings(max_examples=150, deadline=None)
@given(events)
def test_json_round_trip(script: list[tuple[str, int, Any]]) -> None:
    """What as_dict gives survives JSON and comes back equal."""
    for history in replay(script)[-3:]:
        data = json.loads(json.dumps(as_dict(history), allow_nan=False))
        assert from_dict(data) == history


@settings(max_examples=200, deadline=None)
@given(st.one_of(stored, anything))
def test_from_dict_of_anything_is_valid(data: Any) -> None:
    """Stored data of any shape gives a valid history, never an error."""
    history = from_dict(data)
    assert_valid(history)
    assert_sound(forecast(history, 20, T0))
    assert from_dict(as_dict(history)) == history


@settings(max_examples=150, deadline=None)
@given(anything, anything, anything)
def test_a_hand_made_history_of_anything_is_read_safely(
    points: Any, changed_at: Any, charging: Any
) -> None:
    """A history built by hand from anything is read as storage would be."""
    history = BatteryHistory(points, changed_at, charging)
    assert_valid(sanitize(history))
    assert_sound(forecast(history, 20, T0))
    assert_valid(record(history, 50, T0))


discharges = st.tuples(
    st.floats(min_value=30, max_value=100),  # start level
    st.floats(min_value=-2, max_value=10),  # points per day (negative: charging)
    st.lists(
        st.tuples(st.integers(min_value=1, max_value=1440), st.floats(-4, 4)),
        min_size=6,
        max_size=100,
    ),  # minutes to the next reading, noise
)


@settings(max_examples=150, deadline=None)
@given(discharges, st.floats(min_value=0, max_value=60), st.integers(0, 4 * 1440))
def test_plausible_discharges_give_sound_forecasts(
    discharge: tuple[float, float, list[tuple[int, float]]], low: float, later: int
) -> None:
    """A draining, flat or rising battery: a sound forecast, never in the past."""
    start, rate, readings = discharge
    history, minutes = EMPTY, 0
    for step, noise in readings:
        minutes += step
        level = min(max(start - rate * minutes / 1440 + noise, 0), 100)
        history = record(history, round(level), T0 + timedelta(minutes=minutes))
        assert_valid(history)
    now = T0 + timedelta(minutes=minutes + later)
    result = forecast(history, low, now)
    assert_sound(result)
    if result.at is not None:
        assert result.at >= T0 + timedelta(minutes=minutes)
