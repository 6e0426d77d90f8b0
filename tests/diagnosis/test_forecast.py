"""Tests of the battery forecast: each state, the robust fit and its window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from custom_components.camera_doctor.diagnosis.forecast import (
    DEFAULT_LOW_LEVEL,
    EMPTY,
    BatteryHistory,
    Forecast,
    ForecastState,
    forecast,
    from_dict,
    notice_due,
    record,
    replaced,
)

T0 = datetime(2024, 3, 1, tzinfo=UTC)


def day(days: float) -> datetime:
    """The moment ``days`` after T0."""
    return T0 + timedelta(days=days)


def discharge(
    level: Callable[[float], float],
    days: float,
    *,
    every_hours: float = 1.0,
    begin: float = 0.0,
    history: BatteryHistory = EMPTY,
) -> BatteryHistory:
    """Record ``level(day)`` (rounded) from day ``begin`` to ``days``."""
    step = every_hours / 24
    for index in range(round((days - begin) / step) + 1):
        time = begin + index * step
        history = record(history, round(level(time)), day(time))
    return history


def days_between(earlier: datetime | None, later: datetime) -> float:
    """``later - earlier`` in days."""
    assert earlier is not None
    return (later - earlier).total_seconds() / 86400


def test_no_readings_is_not_enough_data() -> None:
    """An empty history has no forecast, and says when its battery changed."""
    assert forecast(EMPTY, 20, T0) == Forecast(state=ForecastState.NOT_ENOUGH_DATA)
    fresh = forecast(replaced(EMPTY, T0), 20, T0)
    assert fresh == Forecast(state=ForecastState.NOT_ENOUGH_DATA, changed_at=T0)


def test_steady_drain_gives_the_right_day() -> None:
    """2 %/day from 100 %: 20 % is reached on day 40."""
    history = discharge(lambda time: 100 - 2 * time, 10)
    result = forecast(history, 20, day(10))
    assert result.state is ForecastState.OK
    assert abs(days_between(result.at, day(40))) < 0.5
    assert result.rate_per_day == pytest.approx(2, rel=0.05)
    assert result.days_of_data == pytest.approx(10)
    assert result.points == 48
    assert result.changed_at is None


def test_the_low_level_is_the_callers() -> None:
    """At 50 % instead of 20 % the day comes 15 days sooner."""
    history = discharge(lambda time: 100 - 2 * time, 10)
    at_20 = forecast(history, 20, day(10)).at
    at_50 = forecast(history, 50, day(10)).at
    assert at_20 is not None
    assert abs(days_between(at_50, at_20) - 15) < 0.5


@pytest.mark.parametrize("low", [None, "low", float("nan"), 150, True])
def test_unusable_low_level_is_the_default(low: object) -> None:
    """A low level that is not a percentage is the default one."""
    history = discharge(lambda time: 100 - 2 * time, 10)
    assert (
        forecast(history, low, day(10)).at
        == forecast(history, DEFAULT_LOW_LEVEL, day(10)).at
    )


def test_readings_that_stopped_are_stale() -> None:
    """No reading for over 3 days: no forecast, the fit still reported."""
    history = discharge(lambda time: 100 - 2 * time, 10)
    assert forecast(history, 20, day(13)).state is ForecastState.OK
    result = forecast(history, 20, day(13.1))
    assert result.state is ForecastState.STALE
    assert result.at is None
    assert result.rate_per_day == pytest.approx(2, rel=0.05)


def test_the_clock_is_now_by_default() -> None:
    """Without ``now`` the clock is used: a history from 2024 is stale today."""
    history = discharge(lambda time: 100 - time, 10)
    assert forecast(history, 20).state is ForecastState.STALE
    assert forecast(history, 20, "garbage").state is ForecastState.STALE  # type: ignore[arg-type]


def test_a_clock_set_back_is_no_time_elapsed() -> None:
    """``now`` before the newest reading is not stale, just early."""
    history = discharge(lambda time: 100 - 2 * time, 10)
    assert forecast(history, 20, day(1)).state is ForecastState.OK


def test_charging_has_no_forecast() -> None:
    """A battery seen charging has no forecast until it drains again."""
    history = discharge(lambda time: 100 - time, 10)
    charging = record(history, 90, day(10.1), charging=True)
    assert forecast(charging, 20, day(10.1)) == Forecast(
        state=ForecastState.CHARGING,
        points=1,
        changed_at=day(10.1),
    )


def test_already_low() -> None:
    """At or below the low level there is nothing left to forecast.

    What is known is when it got there: the first reading of the newest run
    at or below the low level (the sensor shows it instead of unknown).
    """
    history = discharge(lambda time: 30 - 2 * time, 5)
    result = forecast(history, 20, day(5))
    assert result.state is ForecastState.ALREADY_LOW
    assert result.at is None
    assert result.low_since is not None
    assert day(4.7) <= result.low_since <= day(4.8)
    assert result.rate_per_day == pytest.approx(2, rel=0.05)
    # A reading back above the low level starts the run again.
    bounced = record(record(history, 21, day(5.1)), 19, day(5.2))
    assert forecast(bounced, 20, day(5.2)).low_since == day(5.2)
    assert forecast(discharge(lambda time: 90 - time, 3), 20, day(3)).low_since is None


def test_under_two_days_is_not_enough_data() -> None:
    """A day of readings says nothing yet, even if it falls fast."""
    history = discharge(lambda time: 100 - 20 * time, 1.875)
    result = forecast(history, 20, day(1.875))
    assert result.state is ForecastState.NOT_ENOUGH_DATA
    assert result.rate_per_day is None
    assert result.days_of_data == pytest.approx(1.875)


def test_too_few_points_is_not_enough_data() -> None:
    """Five readings over a week are too few."""
    history = discharge(lambda time: 100 - 5 * time, 6, every_hours=36)
    assert len(history.points) == 5
    assert forecast(history, 20, day(6)).state is ForecastState.NOT_ENOUGH_DATA


def test_a_slow_start_is_not_enough_data() -> None:
    """6 points lost while 74 remain: too far to extrapolate."""
    history = discharge(lambda time: 100 - 2 * time, 3)
    result = forecast(history, 20, day(3))
    assert result.state is ForecastState.NOT_ENOUGH_DATA
    assert result.rate_per_day == pytest.approx(2, rel=0.1)
    # Later, with more of the discharge seen, it speaks.
    history = discharge(lambda time: 100 - 2 * time, 10, begin=3.05, history=history)
    assert forecast(history, 20, day(10)).state is ForecastState.OK


def test_flat_is_not_draining() -> None:
    """A plugged-in camera at 100 % (with the odd 99 %) does not drain."""
    history = discharge(lambda time: 100 - (time * 24 % 7 == 0), 5)
    result = forecast(history, 20, day(5))
    assert result.state is ForecastState.NOT_DRAINING
    assert result.rate_per_day == pytest.approx(0, abs=0.1)


def test_a_slow_rise_is_charging() -> None:
    """Back up from a dip, a point now and then (a solar panel): charging."""
    history = discharge(lambda time: 50 + 3 * time if time else 60, 4)
    assert not history.charging  # never above the start: no rise seen yet
    result = forecast(history, 20, day(4))
    assert result.state is ForecastState.CHARGING
    assert result.rate_per_day == pytest.approx(-3, rel=0.1)


def test_beyond_the_horizon_is_not_draining() -> None:
    """0.05 %/day for 400 days: the low level is over 3 years away."""
    history = discharge(lambda time: 100 - time / 20, 400, every_hours=24)
    assert forecast(history, 20, day(400)).state is ForecastState.NOT_DRAINING
    assert forecast(history, 78, day(400)).state is ForecastState.OK


def test_beyond_the_calendar_is_not_draining() -> None:
    """A forecast past the year 9999 is none, not an error."""
    end = datetime(9999, 12, 30, tzinfo=UTC)
    newest = (end - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()
    points = [[newest - (9 - index) * 86400, 90.0 - 5 * index] for index in range(10)]
    history = from_dict({"version": 1, "points": points})
    assert forecast(history, 20, end).state is ForecastState.NOT_DRAINING
    assert forecast(history, 40, end).state is ForecastState.OK


def test_a_line_already_below_the_low_level_says_now() -> None:
    """A last reading above the low level on a line below it: at is that reading."""
    history = discharge(lambda time: 50 - 5 * time, 6.5)
    history = record(history, 21, day(6.51))
    result = forecast(history, 20, day(6.51))
    assert result.state is ForecastState.OK
    assert result.at == day(6.51)


def test_after_a_battery_change_only_the_new_discharge_counts() -> None:
    """A jump to 100 % starts afresh: its rate, its days, its start."""
    history = discharge(lambda time: 90 - 3 * time, 20)
    history = discharge(
        lambda time: 100 - 2 * (time - 21), 31, begin=21, history=history
    )
    result = forecast(history, 20, day(31))
    assert result.changed_at == day(21)
    assert result.days_of_data == pytest.approx(10)
    assert result.rate_per_day == pytest.approx(2, rel=0.05)
    assert abs(days_between(result.at, day(61))) < 0.5


def test_the_window_follows_the_fast_end() -> None:
    """After 30 slow days, 5 fast ones: the rate is the fast one."""
    history = discharge(lambda time: 100 - time / 2, 30)
    history = discharge(
        lambda time: 85 - 4 * (time - 30), 35, begin=30.04, history=history
    )
    result = forecast(history, 20, day(35))
    assert result.rate_per_day == pytest.approx(4, rel=0.1)
    assert abs(days_between(result.at, day(46.25))) < 0.5


def test_noise_and_a_cold_night_move_it_little_and_not_for_long() -> None:
    """2 %/day, ±2 points of noise, and a 10-point dip over the last 6 hours.

    The dip sits at the end, where a fit is weakest: six hourly points of
    the last two days. A minority of the pairs of points, they move the rate
    by less than a tenth; once the dip recovers, it is as before.
    """

    def level(time: float, dip_until: float) -> float:
        wobble = (-2, 0, 2)[round(time * 24) % 3]
        dip = 10 if 14.75 < time <= dip_until else 0
        return 100 - 2 * time + wobble - dip

    clean = forecast(discharge(lambda time: level(time, 0), 15), 20, day(15))
    assert clean.rate_per_day == pytest.approx(2, rel=0.05)
    assert abs(days_between(clean.at, day(40))) < 1
    cold = forecast(discharge(lambda time: level(time, 15), 15), 20, day(15))
    assert cold.state is ForecastState.OK
    assert cold.rate_per_day == pytest.approx(2, rel=0.1)
    assert abs(days_between(cold.at, day(40))) < 3
    warm_again = discharge(lambda time: level(time, 15), 15.5)
    recovered = forecast(warm_again, 20, day(15.5))
    assert recovered.rate_per_day == pytest.approx(2, rel=0.05)
    assert abs(days_between(recovered.at, day(40))) < 1


def test_forecast_of_garbage_is_not_enough_data() -> None:
    """Anything that is not a history is an empty one."""
    assert forecast("history", 20, T0).state is ForecastState.NOT_ENOUGH_DATA  # type: ignore[arg-type]


def test_notice_when_low_within_the_days_with_a_band_to_clear() -> None:
    """Due within 7 days; once up, it stays until 8 days away or no forecast."""
    expected = Forecast(state=ForecastState.OK, at=day(10))
    assert not notice_due(expected, day(2.9), 7)
    assert notice_due(expected, day(3), 7)
    assert notice_due(expected, day(2.5), 7, raised=True)
    assert not notice_due(expected, day(1.9), 7, raised=True)
    assert notice_due(Forecast(state=ForecastState.OK, at=day(1)), day(3), 7)
    assert not notice_due(
        Forecast(state=ForecastState.CHARGING), day(3), 7, raised=True
    )


@pytest.mark.parametrize("days", [0, -1, None, "week", float("nan"), True])
def test_no_notice_when_the_option_is_off_or_unusable(days: object) -> None:
    """0 turns the notice off; anything that is not a number of days too."""
    overdue = Forecast(state=ForecastState.OK, at=day(-1))
    assert not notice_due(overdue, day(0), days)
    assert not notice_due(overdue, day(0), days, raised=True)


def test_no_notice_from_garbage() -> None:
    """A forecast or a clock that is not one: no notice, no error."""
    expected = Forecast(state=ForecastState.OK, at=day(1))
    assert not notice_due(expected, "now", 7)  # type: ignore[arg-type]
    assert not notice_due("forecast", day(0), 7)  # type: ignore[arg-type]
    assert notice_due(expected, "2024-03-01T00:00:00+00:00", "7")  # type: ignore[arg-type]
