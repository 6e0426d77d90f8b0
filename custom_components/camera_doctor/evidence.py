"""Turn a diagnosis' evidence into the ``value`` and ``threshold`` of a notice."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from homeassistant.const import (
    PERCENTAGE,
    SIGNAL_STRENGTH_DECIBELS_MILLIWATT,
    UnitOfTemperature,
    UnitOfTime,
)
from homeassistant.util import dt as dt_util
from homeassistant.util.unit_conversion import TemperatureConverter

from .diagnosis import Cause, Thresholds
from .diagnosis.readings import to_float


def _with_unit(value: Any, unit: str) -> str:
    number = to_float(value)
    return "" if number is None else f"{number:g} {unit}"


def _temperature(value: Any, unit: str) -> str:
    celsius = to_float(value)
    if celsius is None:
        return ""
    shown = TemperatureConverter.convert(celsius, UnitOfTemperature.CELSIUS, unit)
    return f"{round(shown, 1):g} {unit}"


def _duration(minutes: Any) -> str:
    number = to_float(minutes)
    if number is None:
        return ""
    if number < 120:
        return f"{round(number):d} {UnitOfTime.MINUTES}"
    return f"{number / 60:.1f} {UnitOfTime.HOURS}"


def issue_placeholders(
    cause: Cause,
    evidence: Mapping[str, Any],
    thresholds: Thresholds,
    temperature_unit: str = UnitOfTemperature.CELSIUS,
) -> dict[str, str]:
    """The measured ``value`` and the ``threshold`` it crossed, as text."""
    value = threshold = ""
    match cause:
        case Cause.LOW_BATTERY:
            value = _with_unit(evidence.get("battery_percent"), PERCENTAGE) or "low"
            threshold = _with_unit(thresholds.battery_low, PERCENTAGE)
        case Cause.WEAK_SIGNAL if "signal_dbm" in evidence:
            value = _with_unit(
                evidence["signal_dbm"], SIGNAL_STRENGTH_DECIBELS_MILLIWATT
            )
            threshold = _with_unit(
                evidence.get("signal_weak_threshold"),
                SIGNAL_STRENGTH_DECIBELS_MILLIWATT,
            )
        case Cause.WEAK_SIGNAL:
            value = f"{evidence.get('signal_bars', '')}/5"
            threshold = f"{evidence.get('signal_bars_weak_threshold', '')}/5"
        case Cause.OVERHEATING:
            value = _temperature(evidence.get("temperature_c"), temperature_unit)
            threshold = _temperature(thresholds.temperature_high, temperature_unit)
        case Cause.TOO_COLD:
            value = _temperature(evidence.get("temperature_c"), temperature_unit)
            threshold = _temperature(thresholds.temperature_low, temperature_unit)
        case Cause.NO_CONNECTION if "readings_frozen_since" in evidence:
            frozen = dt_util.parse_datetime(str(evidence["readings_frozen_since"]))
            if frozen is not None:
                value = _duration((dt_util.utcnow() - frozen).total_seconds() / 60)
            threshold = _with_unit(thresholds.stale_hours, UnitOfTime.HOURS)
        case Cause.NO_CONNECTION:
            value = _duration(evidence.get("offline_for_minutes"))
            threshold = _duration(thresholds.grace_minutes)
        case Cause.UNEXPLAINED:
            value = _duration(evidence.get("no_connection_for_minutes"))
            threshold = _duration(evidence.get("unexplained_after_minutes"))
        case Cause.SYNC_MODULE_OFFLINE:
            value = "offline"
    return {"value": value, "threshold": threshold}
