"""Turn raw Home Assistant states and attributes into plain, checked values.

Every function here takes anything (``None``, ``"unknown"``, NaN, lists,
wrong types) and returns either a sane value or ``None``; none of them raises.
Standard library only.
"""

from __future__ import annotations

from collections.abc import Mapping
import math
from types import MappingProxyType
from typing import Any, Final

# States Home Assistant and the brand integrations use for "no reading".
_MISSING: Final = frozenset({"", "unknown", "unavailable", "none", "null", "nan"})
_TRUE: Final = frozenset({"on", "true", "yes", "1", "low"})
_FALSE: Final = frozenset({"off", "false", "no", "0", "ok"})
_CELSIUS: Final = frozenset({"°c", "c", "celsius", "℃"})
_FAHRENHEIT: Final = frozenset({"°f", "f", "fahrenheit", "℉"})
_KELVIN: Final = frozenset({"k", "kelvin"})
_EMPTY: Final[Mapping[str, Any]] = MappingProxyType({})

# Outside these ranges a reading is a glitch, not a measurement.
_MIN_CELSIUS: Final = -80.0
_MAX_CELSIUS: Final = 150.0
_MIN_DBM: Final = -150.0
MAX_BARS: Final = 5


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
    """Return a battery percentage in 0..100, or ``None``."""
    number = as_float(value)
    if number is None or not 0.0 <= number <= 100.0:
        return None
    return number


def celsius(value: object, unit: object) -> float | None:
    """Return a temperature in °C, converting from ``unit``.

    An unknown or missing unit gives ``None``: guessing the unit would turn a
    mild 30 °C into a freezing 30 °F.
    """
    number = as_float(value)
    unit_text = as_text(unit)
    if number is None or unit_text is None:
        return None
    if unit_text in _CELSIUS:
        result = number
    elif unit_text in _FAHRENHEIT:
        result = (number - 32.0) * 5.0 / 9.0
    elif unit_text in _KELVIN:
        result = number - 273.15
    else:
        return None
    if not _MIN_CELSIUS <= result <= _MAX_CELSIUS:
        return None
    return round(result, 2)


def dbm(value: object) -> float | None:
    """Return a Wi-Fi RSSI in dBm (always negative), or ``None``."""
    number = as_float(value)
    if number is None or not _MIN_DBM <= number < 0.0:
        return None
    return number


def bars(value: object) -> int | None:
    """Return a whole signal level in bars, 0..5, or ``None``.

    Levels on a shorter scale (Reolink: 0..4) are kept as they are, not
    stretched: the diagnosis only cares about the weak end of the scale.
    """
    number = as_float(value)
    if number is None or not 0.0 <= number <= MAX_BARS or not number.is_integer():
        return None
    return int(number)


def mapping(value: object) -> Mapping[str, Any]:
    """Return ``value`` if it is a mapping, else an empty one."""
    return value if isinstance(value, Mapping) else _EMPTY


def lookup(attributes: object, *names: str) -> object:
    """Return the first present, non-``None`` value among ``names``.

    Keys are compared case-insensitively, so ``"wifiRSSI"`` finds
    ``"wifiRssi"``.
    """
    attrs = mapping(attributes)
    folded = {str(key).casefold(): value for key, value in attrs.items()}
    for name in names:
        value = folded.get(name.casefold())
        if value is not None:
            return value
    return None


def first[T](*values: T | None) -> T | None:
    """Return the first value that is not ``None``."""
    return next((value for value in values if value is not None), None)
