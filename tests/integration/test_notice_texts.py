"""The value and threshold shown in each repair notice, as numbers with units."""

from __future__ import annotations

from typing import Any

from homeassistant.const import UnitOfTemperature
import pytest

from custom_components.camera_doctor.diagnosis import Cause, Thresholds
from custom_components.camera_doctor.notice_texts import measured


@pytest.mark.parametrize(
    ("cause", "evidence", "expected"),
    [
        (Cause.LOW_BATTERY, {"battery_percent": 8}, ("8 %", "20 %")),
        (Cause.LOW_BATTERY, {"battery_low": True}, ("", "")),
        (
            Cause.WEAK_SIGNAL,
            {"signal_dbm": -88, "signal_weak_threshold": -75},
            ("-88 dBm", "-75 dBm"),
        ),
        (
            Cause.WEAK_SIGNAL,
            {"signal_bars": 1, "signal_bars_weak_threshold": 2},
            ("1", "2"),
        ),
        (Cause.OVERHEATING, {"temperature_c": 50.25}, ("50.2 °C", "45 °C")),
        (Cause.TOO_COLD, {"temperature_c": -25}, ("-25 °C", "-20 °C")),
        (Cause.NO_CONNECTION, {"offline_for_minutes": 12.4}, ("12 min", "5 min")),
        (Cause.NO_CONNECTION, {"offline_for_minutes": 150}, ("2.5 h", "5 min")),
        (
            Cause.UNEXPLAINED,
            {"no_connection_for_minutes": 61, "unexplained_after_minutes": 60},
            ("61 min", "60 min"),
        ),
        (Cause.SYNC_MODULE_OFFLINE, {"hub_online": False}, ("", "")),
        (Cause.POWER_SUPPLY, {"power_fault": True}, ("", "")),
        (Cause.OVERHEATING, {"temperature_c": "hot"}, ("", "45 °C")),
        (Cause.NO_CONNECTION, {"offline_for_minutes": float("nan")}, ("", "5 min")),
    ],
)
def test_placeholders(
    cause: Cause, evidence: dict[str, Any], expected: tuple[str, str]
) -> None:
    """Every cause shows its reading and limit with units; garbage shows nothing.

    Words (a low/OK flag, an offline sync module, bars) come from the
    translations: see test_advice.
    """
    assert measured(cause, evidence, Thresholds()) == expected


def test_temperatures_in_the_users_unit() -> None:
    """An imperial install reads °F in its notices."""
    shown = measured(
        Cause.OVERHEATING,
        {"temperature_c": 50},
        Thresholds(),
        UnitOfTemperature.FAHRENHEIT,
    )
    assert shown == ("122 °F", "113 °F")


def test_frozen_readings_show_how_long() -> None:
    """Frozen readings show how long they have been frozen."""
    value, threshold = measured(
        Cause.NO_CONNECTION,
        {"readings_frozen_since": "2000-01-01T00:00:00+00:00"},
        Thresholds(stale_hours=12),
    )
    assert value.endswith(" h")
    assert threshold == "12 h"
