"""Single-shot tests of the diagnosis engine: one observation, one verdict."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import combinations
from typing import Any

import pytest

from custom_components.camera_doctor.diagnosis import (
    PRECEDENCE,
    Cause,
    Diagnosis,
    Observation,
    Thresholds,
    bars_threshold,
    diagnose,
)

T0 = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
NOW_GRACE = Thresholds(grace_minutes=0)

HEALTHY: dict[str, Any] = {
    "available": True,
    "battery_percent": 80,
    "battery_low": False,
    "signal_dbm": -50,
    "signal_bars": 5,
    "temperature_c": 20,
    "firmware_updating": False,
    "update_available": False,
    "hub_online": True,
    "power_fault": False,
    "is_dark": False,
}


def _causes(thresholds: Thresholds = NOW_GRACE, **readings: Any) -> tuple[Cause, ...]:
    return diagnose(Observation(**readings), thresholds, now=T0).causes


@pytest.mark.parametrize(
    ("readings", "expected"),
    [
        pytest.param(HEALTHY, (), id="healthy"),
        pytest.param({}, (), id="everything unknown"),
        pytest.param(
            {"firmware_updating": True}, (Cause.FIRMWARE_UPDATING,), id="updating"
        ),
        pytest.param(
            {"hub_online": False}, (Cause.SYNC_MODULE_OFFLINE,), id="hub offline"
        ),
        pytest.param({"hub_online": None}, (), id="hub unknown"),
        pytest.param({"power_fault": True}, (Cause.POWER_SUPPLY,), id="power fault"),
        pytest.param({"battery_low": True}, (Cause.LOW_BATTERY,), id="battery flag"),
        pytest.param({"battery_low": False}, (), id="battery flag off"),
        pytest.param(
            {"battery_percent": 20}, (Cause.LOW_BATTERY,), id="battery at low"
        ),
        pytest.param({"battery_percent": 0}, (Cause.LOW_BATTERY,), id="battery empty"),
        pytest.param({"battery_percent": 20.1}, (), id="battery above low"),
        pytest.param(
            {"battery_percent": "15"}, (Cause.LOW_BATTERY,), id="battery string"
        ),
        pytest.param({"battery_percent": -5}, (), id="battery implausible"),
        pytest.param({"battery_percent": 150}, (), id="battery over 100"),
        pytest.param({"temperature_c": 45}, (Cause.OVERHEATING,), id="hot at limit"),
        pytest.param({"temperature_c": 44.9}, (), id="just below hot"),
        pytest.param({"temperature_c": 150}, (), id="temperature implausible"),
        pytest.param({"temperature_c": -20}, (Cause.TOO_COLD,), id="cold at limit"),
        pytest.param({"temperature_c": -19.9}, (), id="just above cold"),
        pytest.param({"signal_dbm": -75}, (Cause.WEAK_SIGNAL,), id="weak at limit"),
        pytest.param({"signal_dbm": -74.9}, (), id="signal fine"),
        pytest.param({"signal_dbm": -130}, (), id="dbm implausible"),
        pytest.param({"signal_bars": 2}, (Cause.WEAK_SIGNAL,), id="two bars"),
        pytest.param({"signal_bars": 0}, (Cause.WEAK_SIGNAL,), id="no bars"),
        pytest.param({"signal_bars": 3}, (), id="three bars"),
        pytest.param({"signal_bars": 9}, (), id="bars implausible"),
        pytest.param(
            {"signal_dbm": -60, "signal_bars": 1}, (), id="dbm wins over bars"
        ),
        pytest.param(
            {"update_available": True}, (Cause.FIRMWARE_OUTDATED,), id="outdated"
        ),
        pytest.param(
            {"update_available": True, "firmware_updating": True},
            (Cause.FIRMWARE_UPDATING,),
            id="outdated while updating",
        ),
        pytest.param({"available": False}, (Cause.NO_CONNECTION,), id="offline"),
        pytest.param({"available": None}, (), id="availability unknown"),
        pytest.param({"available": 0}, (), id="availability not a bool"),
        pytest.param({"is_dark": True}, (), id="dark is not a cause"),
    ],
)
def test_each_cause(readings: dict[str, Any], expected: tuple[Cause, ...]) -> None:
    """Each reading raises its own cause, and only at its threshold."""
    result = diagnose(Observation(**readings), NOW_GRACE, now=T0)
    assert result.causes == expected
    assert result.cause == (expected[0] if expected else Cause.NONE)


# One observation fragment per cause that can be raised in a single shot.
FRAGMENTS: dict[Cause, dict[str, Any]] = {
    Cause.FIRMWARE_UPDATING: {"firmware_updating": True},
    Cause.SYNC_MODULE_OFFLINE: {"hub_online": False},
    Cause.POWER_SUPPLY: {"power_fault": True},
    Cause.LOW_BATTERY: {"battery_percent": 5},
    Cause.OVERHEATING: {"temperature_c": 50},
    Cause.TOO_COLD: {"temperature_c": -30},
    Cause.WEAK_SIGNAL: {"signal_dbm": -90},
    Cause.NO_CONNECTION: {"available": False},
    Cause.FIRMWARE_OUTDATED: {"update_available": True},
}
COMPATIBLE_PAIRS = [
    (first, second)
    for first, second in combinations(PRECEDENCE, 2)
    if first in FRAGMENTS
    and second in FRAGMENTS
    and not FRAGMENTS[first].keys() & FRAGMENTS[second].keys()
    and (first, second) != (Cause.FIRMWARE_UPDATING, Cause.FIRMWARE_OUTDATED)
]


@pytest.mark.parametrize(("first", "second"), COMPATIBLE_PAIRS)
def test_precedence_pairs(first: Cause, second: Cause) -> None:
    """Of two active causes, the earlier in PRECEDENCE is the primary one."""
    result = diagnose(
        Observation(**FRAGMENTS[first], **FRAGMENTS[second]), NOW_GRACE, now=T0
    )
    assert result.causes == (first, second)
    assert result.cause is first


def test_precedence_order_is_the_documented_one() -> None:
    """Root causes come before the symptoms they explain."""
    assert PRECEDENCE == (
        Cause.INTEGRATION_OFFLINE,
        Cause.FIRMWARE_UPDATING,
        Cause.SYNC_MODULE_OFFLINE,
        Cause.POWER_SUPPLY,
        Cause.LOW_BATTERY,
        Cause.OVERHEATING,
        Cause.TOO_COLD,
        Cause.WEAK_SIGNAL,
        Cause.NO_CONNECTION,
        Cause.UNEXPLAINED,
        Cause.FIRMWARE_OUTDATED,
    )
    assert set(PRECEDENCE) == set(Cause) - {Cause.NONE}


def test_everything_wrong_at_once() -> None:
    """All single-shot causes together are listed in precedence order."""
    # Inverted temperature limits let one reading be both hot and cold.
    limits = Thresholds(grace_minutes=0, temperature_high=10, temperature_low=30)
    observation = Observation(
        available=False,
        battery_percent=5,
        signal_dbm=-90,
        temperature_c=20,
        update_available=True,
        hub_online=False,
        power_fault=True,
    )
    result = diagnose(observation, limits, now=T0)
    assert result.causes == tuple(
        cause
        for cause in PRECEDENCE
        if cause
        not in (Cause.INTEGRATION_OFFLINE, Cause.FIRMWARE_UPDATING, Cause.UNEXPLAINED)
    )
    assert result.cause is Cause.SYNC_MODULE_OFFLINE


def test_hub_explains_the_outage() -> None:
    """A camera behind an offline sync module is primarily the hub's fault."""
    result = diagnose(Observation(available=False, hub_online=False), NOW_GRACE, now=T0)
    assert result.cause is Cause.SYNC_MODULE_OFFLINE
    assert Cause.NO_CONNECTION in result.causes
    assert result.fix == "check_sync_module"


def test_bars_threshold_mapping() -> None:
    """Bars are (dBm + 100) / 10, rounded down."""
    assert bars_threshold(-75) == 2
    assert bars_threshold(-80) == 2
    assert bars_threshold(-81) == 1
    assert bars_threshold(-60) == 4
    assert bars_threshold(-100) == 0
    assert _causes(Thresholds(signal_weak=-60), signal_bars=4) == (Cause.WEAK_SIGNAL,)
    assert _causes(Thresholds(signal_weak=-90), signal_bars=2) == ()


@pytest.mark.parametrize(
    ("readings", "evidence"),
    [
        (
            {"battery_percent": 15},
            {
                "battery_percent": 15,
                "battery_low_threshold": 20,
                "battery_critical_threshold": 10,
                "battery_critical": False,
            },
        ),
        (
            {"battery_percent": 7.5, "battery_low": True},
            {
                "battery_low": True,
                "battery_percent": 7.5,
                "battery_low_threshold": 20,
                "battery_critical_threshold": 10,
                "battery_critical": True,
            },
        ),
        ({"battery_low": True}, {"battery_low": True}),
        (
            {"signal_dbm": -82.5},
            {"signal_dbm": -82.5, "signal_weak_threshold": -75},
        ),
        (
            {"signal_bars": 1},
            {"signal_bars": 1, "signal_bars_weak_threshold": 2},
        ),
        (
            {"temperature_c": 51.5},
            {"temperature_c": 51.5, "temperature_high_threshold": 45},
        ),
        (
            {"temperature_c": -25},
            {"temperature_c": -25, "temperature_low_threshold": -20},
        ),
        ({"firmware_updating": True}, {"firmware_updating": True}),
        ({"update_available": True}, {"update_available": True}),
        ({"hub_online": False}, {"hub_online": False}),
        ({"power_fault": True}, {"power_fault": True}),
        (
            {"available": False},
            {"available": False, "offline_for_minutes": 0.0, "grace_minutes": 0},
        ),
        (HEALTHY, {}),
    ],
)
def test_evidence(readings: dict[str, Any], evidence: dict[str, Any]) -> None:
    """Evidence names the readings and thresholds behind each cause."""
    result = diagnose(Observation(**readings), NOW_GRACE, now=T0)
    assert dict(result.evidence) == evidence


def test_whole_numbers_are_ints_in_evidence() -> None:
    """Evidence shows 20, not 20.0, so repair placeholders read naturally."""
    result = diagnose(Observation(battery_percent=12.0), now=T0)
    assert type(result.evidence["battery_percent"]) is int
    assert type(result.evidence["battery_low_threshold"]) is int


def test_garbage_thresholds_fall_back_to_defaults() -> None:
    """Non-finite thresholds behave like the defaults; garbage never raises."""
    garbage = Thresholds(
        battery_low=float("nan"),
        signal_weak=float("inf"),
        temperature_high="hot",  # type: ignore[arg-type]
        grace_minutes=-5,
    )
    observation = Observation(
        available=False, battery_percent=20, signal_dbm=-75, temperature_c=45
    )
    result = diagnose(observation, garbage, now=T0)
    assert result.causes == (
        Cause.LOW_BATTERY,
        Cause.OVERHEATING,
        Cause.WEAK_SIGNAL,
        Cause.NO_CONNECTION,  # negative grace counts as no grace at all
    )
    not_thresholds: Any = None
    assert diagnose(observation, not_thresholds, now=T0).cause is Cause.LOW_BATTERY


def test_garbage_arguments_never_raise() -> None:
    """Anything passed as observation, previous or now gives a diagnosis."""
    anything: Any = object()
    result = diagnose(anything, previous=anything, now=anything)
    assert result == Diagnosis(
        cause=Cause.NONE, causes=(), since={Cause.NONE: result.since[Cause.NONE]}
    )
    assert abs(result.since[Cause.NONE] - datetime.now(UTC)) < timedelta(minutes=1)
    assert diagnose(None).cause is Cause.NONE  # type: ignore[arg-type]


def test_now_defaults_to_aware_utc() -> None:
    """Without ``now`` the clock is read; naive ``now`` is taken as UTC."""
    before = datetime.now(UTC)
    result = diagnose(Observation(available=False))
    assert result.offline_since is not None
    assert before <= result.offline_since <= datetime.now(UTC)
    naive = diagnose(Observation(available=False), now=datetime(2024, 6, 1, 12))
    assert naive.offline_since == T0


def test_huge_grace_never_overflows() -> None:
    """A grace period past the end of the calendar leaves no next check."""
    result = diagnose(
        Observation(available=False), Thresholds(grace_minutes=1e300), now=T0
    )
    assert result.cause is Cause.NONE
    assert result.offline_since == T0
    assert result.next_check is None
    frozen = diagnose(
        Observation(readings_frozen_since=T0), Thresholds(stale_hours=1e300), now=T0
    )
    assert frozen.cause is Cause.NONE
    assert frozen.next_check is None


def test_fix_and_started() -> None:
    """``fix`` and ``started`` follow the primary cause."""
    result = diagnose(Observation(battery_low=True, signal_dbm=-90), now=T0)
    assert result.fix == "replace_batteries"
    assert result.started == T0
    assert Diagnosis().fix == "none"
    assert Diagnosis().started is None
