"""The words of a camera's notice: its reading, the limit, and the fix that fits.

A notice's translation key is its cause (public contract), so what differs
from camera to camera comes in as placeholders:

- ``value`` and ``threshold``: the reading and the limit it crossed, with
  their units (a battery that reports only low or OK gets a word, and no
  limit in percent);
- ``reading``: the battery reading as a sentence;
- ``steps``: the numbered fix for the camera's brand and power.

Every word comes from strings.json's ``selector`` category, which Home
Assistant loads with the integration, in its configured language: ``fix``
holds the fix of each fix key for a camera of unknown kind, ``fix_variant``
the fixes that fit a kind better (``{fix key}_{variant}``, see
:attr:`Fit.variants`), ``reading`` the sentences and words of a reading.
Which fix key a camera gets is :mod:`fixes`' call, never this module's.

A duration is shown in one unit for the value and its limit, and stays
current while the notice is open: the issue manager renders it again every
minute (``DURATION_CAUSES``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
import re
from typing import Any, Final

from homeassistant.const import (
    PERCENTAGE,
    SIGNAL_STRENGTH_DECIBELS_MILLIWATT,
    UnitOfTemperature,
    UnitOfTime,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.translation import async_get_cached_translations
from homeassistant.util import dt as dt_util
from homeassistant.util.unit_conversion import TemperatureConverter

from .const import DOMAIN
from .diagnosis import STUCK_UPDATE_AFTER, Cause, Diagnosis, Thresholds
from .diagnosis.notices import began
from .diagnosis.readings import to_float
from .discovery import CameraSpec, collect_sources
from .fixes import VARIANTS, Fit, camera_fix, fit_of
from .profiles import Power

__all__ = ["VARIANTS", "camera_fit", "fix_steps", "issue_placeholders", "measured"]

SELECTOR: Final = "selector"
_PLACEHOLDER = re.compile(r"{(\w+)}")
# Durations under this many minutes read in seconds, then in minutes, then in
# hours (the longer of a duration and its limit decides for both).
_SECONDS_UNTIL: Final = 2
_MINUTES_UNTIL: Final = 120


def camera_fit(hass: HomeAssistant, spec: CameraSpec) -> Fit:
    """Tell a camera's kind from its current sources (see :func:`fit_of`)."""
    return fit_of(spec.profile, collect_sources(hass, spec))


def _texts(hass: HomeAssistant) -> dict[str, str]:
    return async_get_cached_translations(hass, hass.config.language, SELECTOR, DOMAIN)


def _option(texts: Mapping[str, str], selector: str, option: str) -> str | None:
    return texts.get(f"component.{DOMAIN}.{SELECTOR}.{selector}.options.{option}")


def _fill(text: str, values: Mapping[str, str]) -> str:
    """Put ``values`` into a translated text's ``{placeholders}``."""
    return _PLACEHOLDER.sub(lambda found: values.get(found[1], found[0]), text)


def steps_key(texts: Mapping[str, str], fix: str, fit: Fit) -> str:
    """Which text holds the steps of ``fix`` that fit the camera best.

    ``{selector}.{option}`` of the ``selector`` category (the card looks the
    words up in the user's language).
    """
    for variant in fit.variants:
        if _option(texts, "fix_variant", f"{fix}_{variant}") is not None:
            return f"fix_variant.{fix}_{variant}"
    return f"fix.{fix}"


def steps_for(texts: Mapping[str, str], fix: str, fit: Fit) -> str:
    """The numbered steps of ``fix`` that fit the camera best."""
    selector, option = steps_key(texts, fix, fit).split(".", 1)
    return _option(texts, selector, option) or ""


def shared_fix_steps(hass: HomeAssistant, fix: str) -> str:
    """The numbered steps of a fix key, for a notice shared by several cameras."""
    return _option(_texts(hass), "fix", fix) or ""


def integration_reason(hass: HomeAssistant, reason: str, integration: str) -> str:
    """Why an integration cannot show its cameras, in a sentence naming it."""
    text = _option(_texts(hass), "integration_reason", reason) or ""
    return _fill(text, {"integration": integration})


def fix_steps(hass: HomeAssistant, fit: Fit, fix: str) -> str:
    """The numbered steps of a fix key for a camera of kind ``fit``, translated."""
    return steps_for(_texts(hass), fix, fit)


def fix_steps_key(hass: HomeAssistant, fit: Fit, fix: str) -> str:
    """Which text holds the steps of a fix key for a camera of kind ``fit``."""
    return steps_key(_texts(hass), fix, fit)


def _with_unit(value: Any, unit: str) -> str:
    number = to_float(value)
    return "" if number is None else f"{number:g} {unit}"


def _temperature(value: Any, unit: str) -> str:
    celsius = to_float(value)
    if celsius is None:
        return ""
    shown = TemperatureConverter.convert(celsius, UnitOfTemperature.CELSIUS, unit)
    return f"{round(shown, 1):g} {unit}"


def _durations(minutes: Any, limit: Any) -> tuple[str, str]:
    """A duration and its limit, both in the unit that suits the longer one."""
    values = [to_float(minutes), to_float(limit)]
    known = [value for value in values if value is not None]
    if not known:
        return "", ""
    longest = max(known)
    if longest < _SECONDS_UNTIL:
        unit, per_minute, digits = UnitOfTime.SECONDS, 60.0, 0
    elif longest < _MINUTES_UNTIL:
        unit, per_minute, digits = UnitOfTime.MINUTES, 1.0, 0
    else:
        unit, per_minute, digits = UnitOfTime.HOURS, 1 / 60, 1
    shown = [
        "" if value is None else f"{round(value * per_minute, digits):g} {unit}"
        for value in values
    ]
    return shown[0], shown[1]


def _minutes_since(start: Any, now: datetime) -> float | None:
    when = start if isinstance(start, datetime) else None
    if when is None and start is not None:
        when = dt_util.parse_datetime(str(start))
    return None if when is None else max((now - when).total_seconds() / 60, 0.0)


def _bars(value: Any) -> str:
    number = to_float(value)
    return "" if number is None else f"{number:g}"


def measured(
    cause: Cause,
    diagnosis: Diagnosis,
    thresholds: Thresholds,
    now: datetime,
    temperature_unit: str = UnitOfTemperature.CELSIUS,
) -> tuple[str, str]:
    """The measured value and the threshold it crossed, as numbers with units.

    Empty where the cause has no number (a low/OK battery flag, a sync
    module that is offline, a power fault) or the evidence is garbage;
    signal bars are bare counts, for the ``signal_bars`` text. A duration
    runs from when its condition began to ``now``.
    """
    evidence = diagnosis.evidence
    value = threshold = ""
    match cause:
        case Cause.LOW_BATTERY if "battery_percent" in evidence:
            value = _with_unit(evidence["battery_percent"], PERCENTAGE)
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
            value = _bars(evidence.get("signal_bars"))
            threshold = _bars(evidence.get("signal_bars_weak_threshold"))
        case Cause.OVERHEATING:
            value = _temperature(evidence.get("temperature_c"), temperature_unit)
            threshold = _temperature(thresholds.temperature_high, temperature_unit)
        case Cause.TOO_COLD:
            value = _temperature(evidence.get("temperature_c"), temperature_unit)
            threshold = _temperature(thresholds.temperature_low, temperature_unit)
        case Cause.NO_CONNECTION if "readings_frozen_since" in evidence:
            value, threshold = _durations(
                _minutes_since(evidence["readings_frozen_since"], now),
                thresholds.stale_hours * 60,
            )
        case Cause.NO_CONNECTION:
            value, threshold = _durations(
                _minutes_since(began(cause, diagnosis, now), now),
                thresholds.grace_minutes,
            )
        case Cause.UNEXPLAINED:
            value, threshold = _durations(
                _minutes_since(began(cause, diagnosis, now), now),
                evidence.get("unexplained_after_minutes"),
            )
        case Cause.FIRMWARE_UPDATING:
            value, threshold = _durations(
                _minutes_since(began(cause, diagnosis, now), now),
                STUCK_UPDATE_AFTER.total_seconds() / 60,
            )
    return value, threshold


def worded(
    texts: Mapping[str, str],
    cause: Cause,
    evidence: Mapping[str, Any],
    value: str,
    threshold: str,
    *,
    fit: Fit,
) -> dict[str, str]:
    """``value``, ``threshold`` and ``reading``, in words where numbers fall short."""

    def text(option: str, **values: str) -> str:
        return _fill(_option(texts, "reading", option) or "", values)

    def bars(count: str) -> str:
        return text("signal_bars", bars=count) if count else ""

    reading = ""
    match cause:
        case Cause.LOW_BATTERY if value:
            reading = text("battery_percent", value=value, threshold=threshold)
        case Cause.LOW_BATTERY:
            value, reading = text("battery_low"), text("battery_flag")
        case Cause.WEAK_SIGNAL if "signal_dbm" not in evidence:
            value, threshold = bars(value), bars(threshold)
        case Cause.SYNC_MODULE_OFFLINE:
            value = text("hub_offline")
        case Cause.TOO_COLD if not value:
            value = text("cold_shutdown")
        case Cause.NO_CONNECTION if "readings_frozen_since" in evidence:
            reading = text("offline_frozen")
        case Cause.NO_CONNECTION:
            reading = text("offline_unavailable")
        case Cause.POWER_SUPPLY if fit.power is Power.WIRED:
            reading = text("power_fault_wired")
        case Cause.POWER_SUPPLY if fit.power is Power.AA_LITHIUM:
            reading = text("power_fault")
        case Cause.POWER_SUPPLY:
            reading = text("power_fault_charging")
    return {"value": value, "threshold": threshold, "reading": reading}


def issue_placeholders(
    hass: HomeAssistant,
    fit: Fit,
    cause: Cause,
    diagnosis: Diagnosis,
    thresholds: Thresholds,
    *,
    now: datetime,
) -> dict[str, str]:
    """Every placeholder of a camera's notice but its name, translated."""
    texts = _texts(hass)
    value, threshold = measured(
        cause, diagnosis, thresholds, now, hass.config.units.temperature_unit
    )
    fix = camera_fix(cause, fit, diagnosis, now)
    return worded(texts, cause, diagnosis.evidence, value, threshold, fit=fit) | {
        "steps": steps_for(texts, fix, fit)
    }
