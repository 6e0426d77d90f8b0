"""Turn raw Home Assistant states and attributes into plain, checked values.

Every function here takes anything (``None``, ``"unknown"``, NaN, lists,
wrong types) and returns either a sane value or ``None``; none of them raises.
A reading outside its plausible range (the engine's ``readings.PLAUSIBLE``)
is a glitch, not a measurement. Standard library only.
"""

from __future__ import annotations

from collections.abc import Mapping
import math
from types import MappingProxyType
from typing import Any, Final

from ..diagnosis import readings

# States Home Assistant and the brand integrations use for "no reading".
_MISSING: Final = frozenset({"", "unknown", "unavailable", "none", "null", "nan"})
_TRUE: Final = frozenset({"on", "true", "yes", "1", "low"})
_FALSE: Final = frozenset({"off", "false", "no", "0", "ok"})
_EMPTY: Final[Mapping[str, Any]] = MappingProxyType({})


def as_word(value: object) -> str | None:
    """Return a string stripped and lower-cased, keeping "unavailable" & co."""
    return value.strip().casefold() if isinstance(value, str) else None


def as_text(value: object) -> str | None:
    """Return ``value`` as a stripped, lower-case string, or ``None``."""
    if not isinstance(value, str):
        return None
    text = value.strip().casefold()
    return None if text in _MISSING else text


def as_float(value: object) -> float | None:
    """Return ``value`` as a finite float (numbers or numeric strings)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def as_bool(value: object) -> bool | None:
    """Return ``value`` as a boolean (``True``/``"on"``/``1`` ...), or ``None``."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    text = as_text(value)
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


def percent(value: object) -> float | None:
    """Return a battery percentage, or ``None``."""
    return readings.battery_percent(as_float(value))


def celsius(value: object, unit: object) -> float | None:
    """Return a temperature in °C (to 0.01 °C), converted from ``unit``.

    An unknown or missing unit gives ``None`` (see ``readings.temperature_c``).
    """
    result = readings.temperature_c(as_float(value), unit)
    return None if result is None else round(result, 2)


def dbm(value: object) -> float | None:
    """Return a Wi-Fi RSSI in dBm, or ``None``.

    An RSSI is always negative: a 0 without a unit is a signal level in bars.
    """
    number = readings.signal_dbm(as_float(value))
    return number if number is not None and number < 0.0 else None


def bars(value: object) -> int | None:
    """Return a whole signal level in bars, or ``None``.

    Levels on a shorter scale (Reolink: 0..4) are kept as they are, not
    stretched: the diagnosis only cares about the weak end of the scale.
    """
    number = readings.signal_bars(as_float(value))
    return int(number) if number is not None and number.is_integer() else None


def mapping(value: object) -> Mapping[str, Any]:
    """Return ``value`` if it is a mapping, else an empty one."""
    return value if isinstance(value, Mapping) else _EMPTY


def folded(attributes: object) -> Mapping[str, Any]:
    """Return the attributes keyed in lower case (the last of a clash wins)."""
    return {str(key).casefold(): value for key, value in mapping(attributes).items()}


def lookup(attributes: object, *names: str) -> object:
    """Return the first present, non-``None`` value among ``names``.

    Keys are compared case-insensitively, so ``"wifiRSSI"`` finds
    ``"wifiRssi"``.
    """
    return lookup_folded(folded(attributes), *names)


def lookup_folded(attributes: Mapping[str, Any], *names: str) -> object:
    """:func:`lookup` in attributes already keyed in lower case."""
    for name in names:
        value = attributes.get(name.casefold())
        if value is not None:
            return value
    return None


def first[T](*values: T | None) -> T | None:
    """Return the first value that is not ``None``."""
    return next((value for value in values if value is not None), None)
