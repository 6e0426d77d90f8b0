"""Coercion of raw readings into values the engine can trust.

Every function here takes *anything* and returns either a clean value or
``None`` (unknown); none of them raises. ``None``, NaN, infinities, booleans
(``True`` is not the number 1 here), non-numeric strings and values outside
the plausible range of the quantity all become ``None``, so a broken sensor
is never mistaken for a fault. Numeric strings such as ``"42"`` or ``"42.5"``
are accepted.

Plausible ranges: battery 0..100 %, Wi-Fi RSSI -120..0 dBm, signal bars
0..5, temperature -60..100 °C (inclusive).
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import UTC, datetime
import functools
import math
from typing import Final

from .model import Thresholds

BATTERY_RANGE: Final = (0.0, 100.0)
DBM_RANGE: Final = (-120.0, 0.0)
BARS_RANGE: Final = (0.0, 5.0)
CELSIUS_RANGE: Final = (-60.0, 100.0)

_DEFAULTS: Final = Thresholds()


def to_float(
    value: object, low: float | None = None, high: float | None = None
) -> float | None:
    """Return ``value`` as a finite float within ``[low, high]``, else None."""
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - any __float__ may raise anything
        return None
    if not math.isfinite(number):
        return None
    if (low is not None and number < low) or (high is not None and number > high):
        return None
    return number


def battery_percent(value: object) -> float | None:
    """Return a battery charge in percent, or None."""
    return to_float(value, *BATTERY_RANGE)


def signal_dbm(value: object) -> float | None:
    """Return a Wi-Fi RSSI in dBm, or None."""
    return to_float(value, *DBM_RANGE)


def signal_bars(value: object) -> float | None:
    """Return a signal strength in bars (0-5), or None."""
    return to_float(value, *BARS_RANGE)


def temperature_c(value: object) -> float | None:
    """Return a temperature in °C, or None."""
    return to_float(value, *CELSIUS_RANGE)


def flag(value: object) -> bool | None:
    """Return ``value`` if it is a real bool, else None (unknown)."""
    return value if isinstance(value, bool) else None


def moment(value: object) -> datetime | None:
    """Return ``value`` as an aware UTC datetime, or None.

    Accepts datetimes and ISO 8601 strings; naive values are taken as UTC.
    """
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    if not isinstance(value, datetime):
        return None
    try:
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
    except Exception:  # noqa: BLE001 - a foreign tzinfo may raise anything
        return None


def sanitize_thresholds(thresholds: object) -> Thresholds:
    """Return usable thresholds: any non-finite or non-numeric field -> default.

    ``grace_minutes`` below zero becomes zero; ``stale_hours`` of zero or less
    is kept as given and means "frozen-readings detection off". Anything that
    is not a ``Thresholds`` at all gives the defaults. The same thresholds
    come with every diagnosis, so the result is cached.
    """
    if not isinstance(thresholds, Thresholds):
        return _DEFAULTS
    try:
        return _cached_sanitize(thresholds)
    except TypeError:  # a field holds something unhashable
        return _sanitize(thresholds)


def _sanitize(thresholds: Thresholds) -> Thresholds:
    clean: dict[str, float] = {}
    for item in fields(Thresholds):
        number = to_float(getattr(thresholds, item.name))
        clean[item.name] = getattr(_DEFAULTS, item.name) if number is None else number
    clean["grace_minutes"] = max(clean["grace_minutes"], 0.0)
    return replace(_DEFAULTS, **clean)


_cached_sanitize = functools.lru_cache(maxsize=16)(_sanitize)
