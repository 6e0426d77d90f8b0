"""Tests of the battery history: recording, battery changes, thinning, storage."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
import itertools
import json

import pytest

from custom_components.camera_doctor.diagnosis.forecast_history import (
    EMPTY,
    MAX_POINTS,
    BatteryHistory,
    as_dict,
    from_dict,
    merged,
    moment,
    record,
    replaced,
    sanitize,
    seconds,
)

T0 = datetime(2024, 3, 1, tzinfo=UTC)


def at(hours: float) -> datetime:
    """The moment ``hours`` after T0."""
    return T0 + timedelta(hours=hours)


def feed(
    readings: Iterable[tuple[float, float]], history: BatteryHistory = EMPTY
) -> BatteryHistory:
    """Record ``(hours, percent)`` readings in order."""
    for hours, percent in readings:
        history = record(history, percent, at(hours))
    return history


def levels(history: BatteryHistory) -> list[float]:
    """The percentages of the history's points."""
    return [point[1] for point in history.points]


def hours(history: BatteryHistory) -> list[float]:
    """The times of the history's points, in hours after T0."""
    return [(point[0] - seconds(T0)) / 3600 for point in history.points]  # type: ignore[operator]


def test_first_reading_starts_a_discharge_of_unknown_start() -> None:
    """The first reading is the first point; when the battery changed is unknown."""
    history = record(EMPTY, 87, T0)
    assert history == BatteryHistory(((seconds(T0), 87.0),))  # type: ignore[arg-type]
    assert history.changed_at is None
    assert not history.charging


@pytest.mark.parametrize(
    "percent", [None, float("nan"), float("inf"), True, "abc", "", -1, 100.5, [50]]
)
def test_garbage_percent_is_ignored(percent: object) -> None:
    """A reading that is not a battery percentage leaves the history as it was."""
    history = record(EMPTY, 90, T0)
    assert record(history, percent, at(2)) is history


@pytest.mark.parametrize("moment_", [None, "yesterday", 1700000000, float("nan")])
def test_garbage_time_is_ignored(moment_: object) -> None:
    """A reading without a usable time leaves the history as it was."""
    history = record(EMPTY, 90, T0)
    assert record(history, 80, moment_) is history


def test_numeric_strings_and_naive_times_are_read() -> None:
    """'42' is 42 %, an ISO string is a time and a naive time is UTC."""
    history = record(EMPTY, "42", "2024-03-01T00:00:00")
    history = record(history, 41.5, datetime(2024, 3, 1, 2))
    assert history.points == (
        (seconds(T0), 42.0),
        (seconds(at(2)), 41.5),
    )


def test_time_going_backwards_is_ignored() -> None:
    """A reading older than the newest point changes nothing."""
    history = feed([(0, 90), (5, 89)])
    assert record(history, 95, at(4)) is history


def test_a_repeat_of_the_same_report_replaces_the_newest() -> None:
    """The same moment (to the second) is the same report: its value wins."""
    history = feed([(0, 90), (5, 89)])
    assert levels(record(history, 88, at(5))) == [90, 88]
    assert levels(record(history, 87, at(5 + 0.9 / 3600))) == [90, 87]
    assert hours(record(history, 87, at(5 + 0.9 / 3600)))[-1] == pytest.approx(5.00025)
    assert levels(record(record(EMPTY, 51, T0), 50, at(0.5 / 3600))) == [50]


def test_one_point_per_hour_and_the_newest_is_the_latest_reading() -> None:
    """Readings every 10 minutes keep a point an hour; the newest is the latest."""
    history = feed([(step / 6, 100 - step / 60) for step in range(19)])
    times = hours(history)
    assert times[0] == 0
    assert times[-1] == pytest.approx(3)  # the latest reading
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert all(gap >= 1 - 1e-9 for gap in gaps[:-1])
    assert len(history.points) == 4


def test_thinning_keeps_the_start_the_newest_and_recent_points() -> None:
    """A month of hourly readings keeps 48 points, sparse in the past, dense lately."""
    history = feed([(hour, 100 - hour / 24) for hour in range(24 * 30)])
    times = hours(history)
    assert len(times) == MAX_POINTS
    assert times[0] == 0
    assert times[-1] == 24 * 30 - 1
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert gaps[0] > 24  # over a day apart a month ago
    assert gaps[-2] <= 3  # a few hours apart today
    assert sum(time >= times[-1] - 72 for time in times) >= 12  # the last 3 days


def test_a_jump_up_is_a_battery_change() -> None:
    """From 30 % to 100 %: a new discharge starts there, and says when."""
    history = feed([(hour, 40 - hour / 10) for hour in range(0, 100, 3)])
    changed = record(history, 100, at(101))
    assert changed == BatteryHistory(((seconds(at(101)), 100.0),), seconds(at(101)))  # type: ignore[arg-type]


def test_a_small_bump_is_not_a_change() -> None:
    """Noise of a few points up is part of the same discharge."""
    history = feed([(0, 80), (3, 79), (6, 78), (9, 84), (12, 77)])
    assert levels(history) == [80, 79, 78, 84, 77]
    assert history.changed_at is None


def test_a_cold_night_that_recovers_is_not_a_change() -> None:
    """A 20-point dip for 8 hours that recovers stays one discharge."""
    readings = [(hour, 70.0) for hour in range(0, 48, 2)]
    readings += [(48 + hour, 50.0) for hour in range(8)]
    readings += [(56 + hour, 70.0) for hour in range(0, 24, 2)]
    history = feed(readings)
    assert history.changed_at is None
    assert hours(history)[0] == 0


def test_a_deep_dip_of_two_days_looks_like_a_change_when_it_recovers() -> None:
    """The documented limit: 20 points down for 2 days, then back, starts afresh."""
    readings = [(hour, 70.0) for hour in range(0, 48, 2)]
    readings += [(48 + hour, 50.0) for hour in range(0, 48, 2)]
    readings += [(96, 70.0)]
    history = feed(readings)
    assert history.changed_at == seconds(at(96))


def test_a_recharge_over_hours_starts_a_charging_discharge_at_the_top() -> None:
    """Rising 2 points every 10 minutes from 35 % to 100 % is charging."""
    readings: list[tuple[float, float]] = [
        (hour, 40 - hour / 10) for hour in range(0, 50, 2)
    ]
    readings += [(50 + step / 6, min(35 + 2 * step, 100)) for step in range(40)]
    history = feed(readings)
    assert history.charging
    assert history.changed_at is not None
    assert min(levels(history)) >= 90
    # It stays charging at the top, and stops once the level falls.
    assert record(history, 100, at(60)).charging
    assert not record(record(history, 100, at(60)), 99, at(61)).charging


def test_rising_above_the_whole_discharge_is_charging() -> None:
    """Rising from its top to over 3 points above its start: it charges."""
    history = feed([(0, 60), (1, 59), (2, 60)])
    assert record(history, 63, at(3)).charging is False
    assert record(feed([(3, 58)], history), 64, at(4)).charging is False
    rising = record(history, 64, at(3))
    assert rising == BatteryHistory(((seconds(at(3)), 64.0),), seconds(at(3)), True)  # type: ignore[arg-type]


def test_change_is_seen_in_a_young_discharge() -> None:
    """Under 12 hours of history, the first point is the level before."""
    history = feed([(0, 30), (1, 30)])
    changed = record(history, 46, at(2))
    assert changed.changed_at == seconds(at(2))
    assert not changed.charging  # a change, not a charge


def test_change_after_a_gap_in_the_readings() -> None:
    """After 3 days without readings, the newest older point is the level before."""
    history = feed([(0, 60), (1, 59)])
    assert record(history, 73, at(73)).changed_at is None
    assert record(history, 74, at(73)).changed_at == seconds(at(73))


def test_charging_flag_restarts_the_discharge() -> None:
    """charging=True starts a new discharge marked as charging; only True counts."""
    history = feed([(0, 60), (1, 59)])
    charging = record(history, 59, at(2), charging=True)
    assert charging == BatteryHistory(((seconds(at(2)), 59.0),), seconds(at(2)), True)  # type: ignore[arg-type]
    not_flag = record(history, 58, at(2), charging="yes")  # type: ignore[arg-type]
    assert not not_flag.charging
    assert len(not_flag.points) == 3


def test_replaced_starts_an_empty_discharge() -> None:
    """'I replaced the batteries' empties the history; older readings are ignored."""
    history = feed([(0, 60), (5, 59)])
    fresh = replaced(history, at(6))
    assert fresh == BatteryHistory((), seconds(at(6)))
    assert record(fresh, 58, at(5.5)) is fresh
    assert record(fresh, 95, at(7)).points == ((seconds(at(7)), 95.0),)
    assert record(fresh, 95, at(7)).changed_at == seconds(at(6))


def test_replaced_with_an_unusable_time_changes_nothing() -> None:
    """No time, no change."""
    history = feed([(0, 60)])
    assert replaced(history, "soon") is history


def test_record_on_something_that_is_not_a_history_starts_afresh() -> None:
    """Anything but a history is taken as an empty one."""
    assert record(None, 50, T0) == record(EMPTY, 50, T0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        # Points as a list, and ints: read as they would be from storage.
        (BatteryHistory([(0, 50)]), BatteryHistory(((0.0, 50.0),))),  # type: ignore[arg-type]
        (
            BatteryHistory(((0.0, 50.0), (1.0, float("nan")))),
            BatteryHistory(((0.0, 50.0),)),
        ),
        (BatteryHistory(((5.0, 50.0), (1.0, 49.0))), BatteryHistory(((5.0, 50.0),))),
        (BatteryHistory(((5.0, 50.0), (5.0, 49.0))), BatteryHistory(((5.0, 50.0),))),
        (
            BatteryHistory(((5.0, 50.0), (5.5, 49.0), (6.0, 48.0))),
            BatteryHistory(((5.0, 50.0), (6.0, 48.0))),
        ),
        (
            BatteryHistory(((1.0, 50.0), (9.0, 49.0)), 5.0),
            BatteryHistory(((9.0, 49.0),), 5.0),
        ),
        (BatteryHistory(((1.0, 50.0),), 1.0, 1), BatteryHistory(((1.0, 50.0),), 1.0)),  # type: ignore[arg-type]
        (BatteryHistory(((1.0, 50.0, 3.0),)), EMPTY),  # type: ignore[arg-type]
        (BatteryHistory(([1.0, 50.0],)), BatteryHistory(((1.0, 50.0),))),  # type: ignore[arg-type]
        (BatteryHistory((), float("inf")), EMPTY),
        (BatteryHistory(((1.0, 50.0),), "x"), BatteryHistory(((1.0, 50.0),))),  # type: ignore[arg-type]
        (BatteryHistory(((1e300, 50.0),)), EMPTY),
        (BatteryHistory(((1.0, 150.0),)), EMPTY),
        (BatteryHistory(((float("nan"), 50.0),)), EMPTY),
        (BatteryHistory(((True, 50.0),)), EMPTY),
        (BatteryHistory("points"), EMPTY),  # type: ignore[arg-type]
        ("history", EMPTY),
    ],
)
def test_sanitize_rebuilds_a_broken_history(broken: object, expected: object) -> None:
    """A history that breaks the rules is read as storage would be."""
    assert sanitize(broken) == expected


def test_sanitize_keeps_a_valid_history_as_it_is() -> None:
    """The common case costs no copy."""
    history = feed([(0, 60), (2, 59), (4, 58)])
    assert sanitize(history) is history
    with_start = replaced(history, at(5))
    assert sanitize(with_start) is with_start
    assert sanitize(record(with_start, 57, at(5))) == record(with_start, 57, at(5))


def test_too_many_points_keep_the_first_and_the_newest() -> None:
    """A hand-made history over the limit keeps its start and its newest points."""
    points = tuple((float(index), 50.0) for index in range(MAX_POINTS + 10))
    history = sanitize(BatteryHistory(points))
    assert len(history.points) == MAX_POINTS
    assert history.points[0] == points[0]
    assert history.points[1:] == points[11:]


def test_round_trip_through_json() -> None:
    """as_dict is JSON-able, and from_dict gives the same history back."""
    history = feed([(hour, 100 - hour / 7) for hour in range(0, 300, 2)])
    for value in (
        history,
        record(history, 40, at(301), charging=True),
        replaced(history, at(400)),
    ):
        data = json.loads(json.dumps(as_dict(value)))
        assert data["version"] == 1
        assert from_dict(data) == value


def _exploding() -> Iterator[list[float]]:
    yield [1.0, 50.0]
    raise RuntimeError("broken storage")


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        "points",
        {},
        {"version": 2, "points": [[1.0, 50.0]]},
        {"version": 1, "points": "1,50"},
        {"version": 1, "points": {"1": 50}},
        {"version": 1, "points": 5},
        {"version": 1, "points": _exploding()},
    ],
)
def test_from_dict_of_garbage_is_empty(data: object) -> None:
    """Anything but our own format gives an empty history, never an error."""
    assert from_dict(data) == EMPTY


def test_from_dict_drops_only_what_is_unusable() -> None:
    """Good points survive next to bad ones."""
    data = {
        "version": 1,
        "points": [[1.0, 50.0], "bad", [2.0, None], [3.0, 49.0], [2.5, 48.0]],
        "changed_at": 0.5,
        "charging": "no",
    }
    assert from_dict(data) == BatteryHistory(((1.0, 50.0), (3.0, 49.0)), 0.5)


def test_moment_out_of_range_is_none() -> None:
    """Seconds no datetime can hold give None, not an error."""
    assert moment(0.0) == datetime(1970, 1, 1, tzinfo=UTC)
    assert moment(1e20) is None


def _elsewhere(readings: Iterable[tuple[float, object]]) -> list[tuple[object, object]]:
    """``(hours, percent)`` as the recorder gives them: epoch seconds."""
    return [(at(hours).timestamp(), percent) for hours, percent in readings]


def test_merged_into_nothing_is_the_readings_recorded() -> None:
    """An empty history: every reading, with the change among them seen."""
    readings = [(0, 40), (6, 39), (12, 100), (18, 99), (24, 98)]
    assert merged(EMPTY, _elsewhere(readings)) == feed(readings)


def test_merged_counts_no_reading_twice() -> None:
    """Readings inside the history's span are its own already."""
    own = feed([(24, 90), (30, 89), (36, 88)])
    readings = [(0, 92), (12, 91), (24, 90), (30, 89.5), (36, 88), (48, 87)]
    result = merged(own, _elsewhere(readings))
    assert result == feed([(0, 92), (12, 91), (24, 90), (30, 89), (36, 88), (48, 87)])
    assert merged(result, _elsewhere(readings)) == result


def test_merged_after_a_known_change_and_garbage() -> None:
    """Before the change nothing counts; what is no reading is skipped."""
    own = replaced(EMPTY, at(10))
    readings = [(0, 50), (12, 100), (13, "unknown"), (14, 99), ("soon", 98)]
    result = merged(
        own, [(at(h).timestamp() if isinstance(h, int) else h, p) for h, p in readings]
    )
    assert result == feed([(12, 100), (14, 99)], own)
    assert merged(own, [(at(12), 100)]) == feed([(12, 100)], own)
    assert merged(own, []) is own
