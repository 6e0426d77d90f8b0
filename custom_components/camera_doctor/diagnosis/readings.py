"""Coercion of raw readings into values the engine can trust.

Every function here takes *anything* and returns either a clean value or
``None`` (unknown); none of them raises. ``None``, NaN, infinities, booleans
(``True`` is not the number 1 here), non-numeric strings and values outside
the plausible range of the quantity all become ``None``, so a broken sensor
is never mistaken for a fault. Numeric strings such as ``"42"`` or ``"42.5"``
are accepted.

``PLAUSIBLE`` is the one table of plausible ranges and their units, and
``temperature_c`` the one conversion of temperatures to °C: the brand
profiles check their readings with these too. ``Thresholds``, the owner's
limits, are checked the same way as they are made.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import UTC, datetime
import math
from types import MappingProxyType
from typing import Final, NamedTuple, cast

from .model import IntegrationReason


class Plausible(NamedTuple):
    """The range (inclusive) a reading really takes, in its unit."""

    low: float
    high: float
    unit: str


# Outside its range a reading is a glitch, not a measurement. Keyed by the
# ``Observation`` field that carries the reading.
PLAUSIBLE: Final[Mapping[str, Plausible]] = MappingProxyType(
    {
        "battery_percent": Plausible(0.0, 100.0, "%"),
        "signal_dbm": Plausible(-120.0, 0.0, "dBm"),
        "signal_bars": Plausible(0.0, 5.0, "bars"),
        "temperature_c": Plausible(-60.0, 100.0, "°C"),
    }
)


def _from_celsius(degrees: float) -> float:
    return degrees


def _from_fahrenheit(degrees: float) -> float:
    return (degrees - 32.0) * 5.0 / 9.0


def _from_kelvin(degrees: float) -> float:
    return degrees - 273.15


# The temperature units sources use (lower case), and their way to °C.
_TO_CELSIUS: Final[Mapping[str, Callable[[float], float]]] = MappingProxyType(
    {
        **dict.fromkeys(("°c", "c", "celsius", "℃"), _from_celsius),
        **dict.fromkeys(("°f", "f", "fahrenheit", "℉"), _from_fahrenheit),
        **dict.fromkeys(("k", "kelvin"), _from_kelvin),
    }
)


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


def plausible(reading: str, value: object) -> float | None:
    """Return ``value`` as a float within ``PLAUSIBLE[reading]``, else None."""
    low, high, _unit = PLAUSIBLE[reading]
    if type(value) is float:  # as the profiles hand them: no conversion
        return value if low <= value <= high else None  # NaN and ±inf too
    return to_float(value, low, high)


def battery_percent(value: object) -> float | None:
    """Return a battery charge in percent, or None."""
    return plausible("battery_percent", value)


def signal_dbm(value: object) -> float | None:
    """Return a Wi-Fi RSSI in dBm, or None."""
    return plausible("signal_dbm", value)


def signal_bars(value: object) -> float | None:
    """Return a signal strength in bars (0-5), or None."""
    return plausible("signal_bars", value)


def temperature_c(value: object, unit: object = "°C") -> float | None:
    """Return a temperature given in ``unit`` (°C, °F or K) in °C, or None.

    The unit is matched case-insensitively ("°F", "f", "fahrenheit"). An
    unknown or missing unit gives None: guessing it would turn a mild 30 °C
    into a freezing 30 °F.
    """
    convert = (
        _TO_CELSIUS.get(unit.strip().casefold()) if isinstance(unit, str) else None
    )
    number = to_float(value)
    if convert is None or number is None:
        return None
    return plausible("temperature_c", convert(number))


def flag(value: object) -> bool | None:
    """Return ``value`` if it is a real bool, else None (unknown)."""
    return value if isinstance(value, bool) else None


def integration_reason(value: object) -> IntegrationReason | None:
    """Return why an integration is down, if ``value`` names a known reason."""
    if not isinstance(value, str):
        return None
    try:
        return IntegrationReason(value)
    except ValueError:
        return None


def moment(value: object) -> datetime | None:
    """Return ``value`` as an aware UTC datetime, or None.

    Accepts datetimes and ISO 8601 strings; naive values are taken as UTC.
    """
    if type(value) is datetime and value.tzinfo is UTC:
        return value  # already what is asked (most of the moments kept)
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


# Limits that cannot be negative: below zero they are zero.
_NOT_NEGATIVE: Final = frozenset({"grace_minutes", "forecast_days"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Thresholds:
    """User-tunable limits; field names are the config entry's option keys.

    Usable whatever they are made from: a field that is not a finite number
    (NaN, a word, ``True``) takes its default, ``grace_minutes`` and
    ``forecast_days`` below zero become zero, and ``stale_hours`` of zero or
    less is kept as given and means "frozen-readings detection off".
    """

    battery_low: float = 20.0
    battery_critical: float = 10.0
    signal_weak: float = -75.0
    temperature_high: float = 45.0
    temperature_low: float = -20.0
    grace_minutes: float = 5.0
    stale_hours: float = 12.0
    forecast_days: float = 7.0

    def __post_init__(self) -> None:
        """Replace every unusable limit by its default."""
        for item in fields(self):
            number = to_float(getattr(self, item.name))
            if number is None:
                number = cast("float", item.default)
            elif item.name in _NOT_NEGATIVE:
                number = max(number, 0.0)
            object.__setattr__(self, item.name, number)


_DEFAULTS: Final = Thresholds()


def sanitize_thresholds(thresholds: object) -> Thresholds:
    """Return ``thresholds`` if they are :class:`Thresholds`, else the defaults.

    Thresholds are usable as soon as they are made (``Thresholds``).
    """
    return thresholds if isinstance(thresholds, Thresholds) else _DEFAULTS
