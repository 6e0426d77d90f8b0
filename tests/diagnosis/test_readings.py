"""Tests of the reading coercion: garbage in, None out, never an exception."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from decimal import Decimal

import pytest

from custom_components.camera_doctor.diagnosis import Thresholds, sanitize_thresholds
from custom_components.camera_doctor.diagnosis.readings import (
    PLAUSIBLE,
    battery_percent,
    flag,
    moment,
    signal_bars,
    signal_dbm,
    temperature_c,
    to_float,
)


class _Exploding:
    """An object whose conversion to float raises something unusual."""

    def __float__(self) -> float:
        raise RuntimeError("boom")


class _BadZone(tzinfo):
    """A time zone that cannot tell its offset."""

    def utcoffset(self, dt: datetime | None) -> timedelta:
        raise RuntimeError("no offset")

    def dst(self, dt: datetime | None) -> timedelta:
        raise RuntimeError("no dst")

    def tzname(self, dt: datetime | None) -> str:
        return "bad"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (42, 42.0),
        (42.5, 42.5),
        ("42", 42.0),
        ("42.5", 42.5),
        (" -7 ", -7.0),
        (Decimal("3.25"), 3.25),
        (b"12", 12.0),
        (None, None),
        (True, None),
        (False, None),
        (float("nan"), None),
        (float("inf"), None),
        (float("-inf"), None),
        ("nan", None),
        ("inf", None),
        ("", None),
        ("42 %", None),
        ("unavailable", None),
        (10**400, None),
        (1 + 2j, None),
        ([1], None),
        ({}, None),
        (object(), None),
        (_Exploding(), None),
    ],
)
def test_to_float(value: object, expected: float | None) -> None:
    """Numbers and numeric strings pass; everything else is unknown."""
    assert to_float(value) == expected


def test_to_float_range_is_inclusive() -> None:
    """The range bounds themselves are plausible values."""
    assert to_float(0, 0, 100) == 0.0
    assert to_float(100, 0, 100) == 100.0
    assert to_float(-0.1, 0, 100) is None
    assert to_float(100.1, 0, 100) is None
    assert to_float(-1e9) == -1e9


@pytest.mark.parametrize(
    ("parse", "inside", "outside"),
    [
        (battery_percent, (0, 55, 100, "100"), (-1, 100.5, 255)),
        (signal_dbm, (-120, -75, 0, "-60"), (-121, 1, 30)),
        (signal_bars, (0, 3, 5, "2"), (-1, 6, 31)),
        (temperature_c, (-60, 21.5, 100, "-5"), (-61, 100.5, 1000, -273.15)),
    ],
)
def test_quantity_ranges(
    parse: object, inside: tuple[object, ...], outside: tuple[object, ...]
) -> None:
    """Each quantity keeps plausible values and drops implausible ones."""
    assert callable(parse)
    for value in inside:
        assert parse(value) == float(value)  # type: ignore[arg-type]
    for value in outside:
        assert parse(value) is None


def test_one_table_of_ranges() -> None:
    """Each quantity's range and unit come from the one table."""
    assert dict(PLAUSIBLE) == {
        "battery_percent": (0.0, 100.0, "%"),
        "signal_dbm": (-120.0, 0.0, "dBm"),
        "signal_bars": (0.0, 5.0, "bars"),
        "temperature_c": (-60.0, 100.0, "°C"),
    }
    for reading, parse in (
        ("battery_percent", battery_percent),
        ("signal_dbm", signal_dbm),
        ("signal_bars", signal_bars),
        ("temperature_c", temperature_c),
    ):
        low, high, _unit = PLAUSIBLE[reading]
        assert (parse(low), parse(high)) == (low, high)
        assert parse(low - 0.01) is None
        assert parse(high + 0.01) is None


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (20, "°C", 20.0),
        ("20", "c", 20.0),
        (20, "Celsius", 20.0),
        (20, "℃", 20.0),
        (68, "°F", 20.0),
        ("212", " F ", 100.0),
        (-76, "fahrenheit", -60.0),
        (32, "℉", 0.0),
        (293.15, "K", 20.0),
        (273.15, "kelvin", 0.0),
        (213, "°F", None),  # 100.6 °C: out of range
        (0, "K", None),
        (1e308, "°F", None),
        (20, "lux", None),
        (20, "unknown", None),
        (20, "", None),
        (20, None, None),
        (20, ["°C"], None),
        ("warm", "°C", None),
        (float("nan"), "°F", None),
    ],
)
def test_temperature_conversion(
    value: object, unit: object, expected: float | None
) -> None:
    """°C, °F and K become °C within range; an unknown unit is never guessed."""
    result = temperature_c(value, unit)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(True, True), (False, False), (None, None), (1, None), ("on", None), (0.0, None)],
)
def test_flag_only_accepts_real_booleans(value: object, expected: bool | None) -> None:
    """Truthy or falsy non-booleans are unknown, not a verdict."""
    assert flag(value) is expected


def test_moment() -> None:
    """Datetimes and ISO strings become aware UTC datetimes."""
    aware = datetime(2024, 6, 1, 14, 0, tzinfo=timezone(timedelta(hours=2)))
    assert moment(aware) == datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
    assert moment(aware).tzinfo is UTC  # type: ignore[union-attr]
    assert moment(datetime(2024, 6, 1, 12, 0)) == datetime(
        2024, 6, 1, 12, 0, tzinfo=UTC
    )
    assert moment("2024-06-01T12:00:00+00:00") == datetime(2024, 6, 1, 12, tzinfo=UTC)
    assert moment("yesterday") is None
    assert moment(None) is None
    assert moment(1717243200) is None
    assert moment(datetime(2024, 6, 1, tzinfo=_BadZone())) is None


def test_sanitize_thresholds() -> None:
    """Garbage fields fall back to defaults as thresholds are made.

    Negative grace becomes zero; anything but ``Thresholds`` gives the defaults.
    """
    defaults = Thresholds()
    garbage = Thresholds(
        battery_low=float("nan"),
        battery_critical="5",  # type: ignore[arg-type]
        signal_weak=float("-inf"),
        temperature_high="hot",  # type: ignore[arg-type]
        temperature_low=True,
        grace_minutes=-3,
        stale_hours=0,
    )
    assert (
        garbage
        == sanitize_thresholds(garbage)
        == Thresholds(
            battery_low=defaults.battery_low,
            battery_critical=5.0,
            signal_weak=defaults.signal_weak,
            temperature_high=defaults.temperature_high,
            temperature_low=defaults.temperature_low,
            grace_minutes=0.0,
            stale_hours=0.0,
        )
    )
    assert sanitize_thresholds(None) == defaults
    assert sanitize_thresholds({"battery_low": 50}) == defaults
    custom = Thresholds(battery_low=30, grace_minutes=2.5)
    assert sanitize_thresholds(custom) == custom
    assert sanitize_thresholds(custom) is custom  # usable as made
    unhashable = Thresholds(battery_low=[30])  # type: ignore[arg-type]
    assert sanitize_thresholds(unhashable) == defaults
