"""The value and threshold shown in each repair notice, as numbers with units."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import json
from pathlib import Path
from typing import Any

from homeassistant.const import UnitOfTemperature
import pytest

from custom_components.camera_doctor.const import DOMAIN
from custom_components.camera_doctor.diagnosis import Cause, Diagnosis, Thresholds
from custom_components.camera_doctor.fixes import Fit
from custom_components.camera_doctor.notice_texts import measured, worded
from custom_components.camera_doctor.profiles import Power

NOW = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)
OUTAGES = (Cause.NO_CONNECTION, Cause.UNEXPLAINED)


def _diagnosis(
    cause: Cause, evidence: dict[str, Any], began_minutes_ago: float = 0.0
) -> Diagnosis:
    """A diagnosis of ``cause`` whose condition began that long before ``NOW``.

    An outage is confirmed (``since``) only now, but began when the camera
    went offline (``offline_since``).
    """
    began = NOW - timedelta(minutes=began_minutes_ago)
    outage = cause in OUTAGES
    return Diagnosis(
        cause=cause,
        causes=(cause,),
        evidence=evidence,
        since={cause: NOW if outage else began},
        offline_since=began if outage else None,
    )


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
        (Cause.SYNC_MODULE_OFFLINE, {"hub_online": False}, ("", "")),
        (Cause.POWER_SUPPLY, {"power_fault": True}, ("", "")),
        (Cause.OVERHEATING, {"temperature_c": "hot"}, ("", "45 °C")),
    ],
)
def test_placeholders(
    cause: Cause, evidence: dict[str, Any], expected: tuple[str, str]
) -> None:
    """Every cause shows its reading and limit with units; garbage shows nothing.

    Words (a low/OK flag, an offline sync module, bars) come from the
    translations: see test_advice.
    """
    assert measured(cause, _diagnosis(cause, evidence), Thresholds(), NOW) == expected


@pytest.mark.parametrize(
    ("cause", "evidence", "minutes", "expected"),
    [
        # Stale evidence says 1 minute: the duration runs from the outage's start.
        (Cause.NO_CONNECTION, {"offline_for_minutes": 1}, 12.4, ("12 min", "5 min")),
        (Cause.NO_CONNECTION, {}, 3.3, ("3 min", "5 min")),
        # From two hours on, the value and its limit in hours both.
        (Cause.NO_CONNECTION, {}, 150, ("2.5 h", "0.1 h")),
        (
            Cause.UNEXPLAINED,
            {"no_connection_for_minutes": 5, "unexplained_after_minutes": 60},
            61,
            ("61 min", "60 min"),
        ),
        (
            Cause.FIRMWARE_UPDATING,
            {"firmware_updating": True},
            45,
            ("45 min", "30 min"),
        ),
    ],
)
def test_durations_are_current_and_in_one_unit(
    cause: Cause, evidence: dict[str, Any], minutes: float, expected: tuple[str, str]
) -> None:
    """A duration runs from when its condition began to now, in one unit."""
    diagnosis = _diagnosis(cause, evidence, minutes)
    assert measured(cause, diagnosis, Thresholds(), NOW) == expected


def test_seconds_for_a_grace_period_of_seconds() -> None:
    """The options allow 0.1 minute: "36 s (reported after 6 s)", never "0 min"."""
    diagnosis = _diagnosis(Cause.NO_CONNECTION, {}, 0.6)
    shown = measured(Cause.NO_CONNECTION, diagnosis, Thresholds(grace_minutes=0.1), NOW)
    assert shown == ("36 s", "6 s")


def test_temperatures_in_the_users_unit() -> None:
    """An imperial install reads °F in its notices."""
    shown = measured(
        Cause.OVERHEATING,
        _diagnosis(Cause.OVERHEATING, {"temperature_c": 50}),
        Thresholds(),
        NOW,
        UnitOfTemperature.FAHRENHEIT,
    )
    assert shown == ("122 °F", "113 °F")


@pytest.mark.parametrize(
    ("frozen", "stale_hours", "expected"),
    [
        (NOW - timedelta(minutes=30), 0.5, ("30 min", "30 min")),
        (NOW - timedelta(hours=13), 12, ("13 h", "12 h")),
        ("not a date", 12, ("", "12 h")),
    ],
)
def test_frozen_readings_show_how_long(
    frozen: datetime | str, stale_hours: float, expected: tuple[str, str]
) -> None:
    """Frozen readings show how long they have been frozen, in one unit."""
    since = frozen.isoformat() if isinstance(frozen, datetime) else frozen
    diagnosis = _diagnosis(Cause.NO_CONNECTION, {"readings_frozen_since": since})
    shown = measured(
        Cause.NO_CONNECTION, diagnosis, Thresholds(stale_hours=stale_hours), NOW
    )
    assert shown == expected


STRINGS: dict[str, Any] = json.loads(
    (
        Path(__file__).parents[2] / "custom_components" / DOMAIN / "strings.json"
    ).read_text("utf-8")
)
TEXTS = {
    f"component.{DOMAIN}.selector.{selector}.options.{key}": text
    for selector, strings in STRINGS["selector"].items()
    for key, text in strings["options"].items()
}


@pytest.mark.parametrize(
    ("fit", "says", "never"),
    [
        (Fit(Power.WIRED, sync_module=False), "backup battery", "charging"),
        (Fit(Power.RECHARGEABLE, sync_module=False), "does not charge", "wired"),
        (Fit(Power.SOLAR, sync_module=False), "solar panel", "wired"),
        (Fit(Power.AA_LITHIUM, sync_module=True), "power problem", "wired"),
    ],
)
def test_power_problem_in_words_that_fit(fit: Fit, says: str, never: str) -> None:
    """A battery camera is never told that "the wired camera runs on its battery"."""
    words = worded(TEXTS, Cause.POWER_SUPPLY, {"power_fault": True}, "", "", fit=fit)
    assert says in words["reading"]
    assert never not in words["reading"]
    assert "wired" not in STRINGS["issues"]["power_supply"]["description"]


@pytest.mark.parametrize(
    ("evidence", "says"),
    [
        ({"available": False}, "shows it as unavailable"),
        ({"readings_frozen_since": NOW.isoformat()}, "still shows it as online"),
    ],
)
def test_offline_says_what_home_assistant_shows(
    evidence: dict[str, Any], says: str
) -> None:
    """It says Home Assistant "still shows it as online" only when it does."""
    fit = Fit(Power.WIRED, sync_module=False)
    words = worded(TEXTS, Cause.NO_CONNECTION, evidence, "", "", fit=fit)
    assert says in words["reading"]
    confirm = STRINGS["issues"]["no_connection"]["fix_flow"]["step"]["confirm"]
    assert "online" not in confirm["description"]


def test_a_stuck_update_is_called_stuck() -> None:
    """The notice of an update running for 30 minutes says it looks stuck."""
    notice = STRINGS["issues"]["firmware_updating"]
    assert "looks stuck" in notice["title"] + notice["description"]
    for calm in ("this is normal", "by itself when the update finishes"):
        assert calm not in notice["description"]
    assert (
        "usually within 10 minutes"
        not in STRINGS["selector"]["fix"]["options"]["retry_update"]
    )
