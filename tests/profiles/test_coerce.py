"""Raw states and attributes become checked values or None."""

from __future__ import annotations

import math

import pytest

from custom_components.camera_doctor.diagnosis import readings
from custom_components.camera_doctor.diagnosis.model import Observation
from custom_components.camera_doctor.profiles import (
    CameraSources,
    SourceState,
    _coerce as c,
)
from custom_components.camera_doctor.profiles.generic import attribute
from custom_components.camera_doctor.profiles.profile import merge


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (5, 5.0),
        (-58.5, -58.5),
        (" 18.9 ", 18.9),
        ("unknown", None),
        ("abc", None),
        (math.nan, None),
        ("inf", None),
        (True, None),
        ([1], None),
        (None, None),
    ],
)
def test_as_float(value: object, expected: float | None) -> None:
    """Only finite numbers pass."""
    assert c.as_float(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, True),
        (False, False),
        (1, True),
        (0, False),
        (2, None),
        ("on", True),
        ("OFF", False),
        ("low", True),
        ("ok", False),
        ("unavailable", None),
        ("maybe", None),
        (None, None),
        ([], None),
    ],
)
def test_as_bool(value: object, expected: bool | None) -> None:
    """Booleans, 0/1 and the usual words."""
    assert c.as_bool(value) is expected


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        ("20", "°C", 20.0),
        ("68", "°F", 20.0),
        (66, "F", 18.89),
        ("293.15", "K", 20.0),
        ("20", None, None),
        ("20", "lux", None),
        ("20", ["°C"], None),
        ("900", "°C", None),
        ("-500", "°F", None),
        ("120", "°C", None),
        ("-70", "°C", None),
        ("nan", "°C", None),
    ],
)
def test_celsius(value: object, unit: object, expected: float | None) -> None:
    """Temperatures convert by their own unit; unknown units are unknown."""
    assert c.celsius(value, unit) == expected


@pytest.mark.parametrize(
    ("value", "dbm", "bars", "percent"),
    [
        ("-58", -58.0, None, None),
        ("0", None, 0, 0.0),
        ("4", None, 4, 4.0),
        ("4.5", None, None, 4.5),
        ("6", None, None, 6.0),
        ("-200", None, None, None),
        ("-130", None, None, None),
        ("-120", -120.0, None, None),
        ("101", None, None, None),
        ("x", None, None, None),
    ],
)
def test_ranges(
    value: str, dbm: float | None, bars: int | None, percent: float | None
) -> None:
    """Out-of-range readings are glitches."""
    assert (c.dbm(value), c.bars(value), c.percent(value)) == (dbm, bars, percent)


@pytest.mark.parametrize(
    "value",
    [-130, -121, -120.5, -120, -60, -1, -0.5, 0, 1, 4, 5, 5.5, 6, 50, 100, 100.5, 150],
)
def test_the_engines_ranges(value: float) -> None:
    """A profile keeps a reading exactly when the engine finds it plausible.

    On top, an RSSI is below 0 dBm and a level a whole number of bars.
    """
    assert c.percent(value) == readings.battery_percent(value)
    assert c.dbm(value) == (readings.signal_dbm(value) if value < 0 else None)
    number = readings.signal_bars(value)
    assert c.bars(value) == (number if number is not None and value % 1 == 0 else None)
    for unit in ("°C", "°F", "K"):
        expected = readings.temperature_c(value, unit)
        assert c.celsius(value, unit) == (
            None if expected is None else round(expected, 2)
        )


def test_lookup_and_mapping() -> None:
    """Attribute look-ups are case-insensitive and survive garbage."""
    assert c.lookup({"wifiRSSI": -60}, "wifiRssi") == -60
    assert c.lookup({"a": None, "b": 2}, "a", "b") == 2
    assert c.lookup(["not", "a", "mapping"], "a") is None
    assert c.mapping(None) == {}
    assert c.first(None, 0, 1) == 0
    assert c.as_word(" Unavailable ") == "unavailable"
    assert c.as_word(3) is None


def test_merge() -> None:
    """The first known value of each field wins."""
    assert merge() == Observation()
    merged = merge(
        Observation(battery_low=False),
        Observation(battery_low=True, signal_bars=2),
        Observation(signal_bars=5, available=True),
    )
    assert merged == Observation(battery_low=False, signal_bars=2, available=True)


def test_camera_attributes_keyed_in_lower_case_once() -> None:
    """A look keys the camera's attributes in lower case; a clash keeps the last."""
    camera = SourceState(
        entity_id="camera.porch",
        domain="camera",
        state="idle",
        attributes={"wifiRSSI": -61, "WifiRssi": -60, "Properties": {"Battery": 80}},
    )
    sources = CameraSources(camera=camera)
    assert sources.camera_attributes == {
        "wifirssi": -60,
        "properties": {"Battery": 80},
    }
    assert c.lookup(camera.attributes, "WIFIRSSI") == -60
    assert attribute(sources, "WIFIrssi") == -60
    assert attribute(sources, "battery", within=("properties",)) == 80
    assert attribute(sources, "missing", within=("nothing",)) is None
    garbled = CameraSources(
        camera=SourceState(
            entity_id="camera.x", domain="camera", state=None, attributes=["x"]
        )
    )  # type: ignore[arg-type]
    assert garbled.camera_attributes == {}


@pytest.mark.parametrize(
    ("reading", "value", "expected"),
    [
        ("battery_percent", 42.5, 42.5),
        ("battery_percent", 100.5, None),
        ("signal_dbm", -121.0, None),
        ("temperature_c", math.nan, None),
        ("temperature_c", math.inf, None),
        ("temperature_c", -math.inf, None),
        ("temperature_c", "21", 21.0),
        ("temperature_c", True, None),
    ],
)
def test_plausible_floats_and_the_rest(
    reading: str, value: object, expected: float | None
) -> None:
    """A float is checked against its range as is; anything else is converted."""
    assert readings.plausible(reading, value) == expected
