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
:func:`variants`), ``reading`` the sentences and words of a reading.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
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
from .diagnosis import FIX_KEYS, Cause, Thresholds
from .diagnosis.readings import to_float
from .discovery import CameraSpec, collect_sources
from .profiles import Power

SELECTOR: Final = "selector"
# Most specific first; a fix without a text for a variant falls back to the
# next, and last to the fix for a camera of unknown kind.
_POWER_VARIANTS: Final[Mapping[Power, tuple[str, ...]]] = {
    Power.AA_LITHIUM: ("aa_lithium",),
    Power.RECHARGEABLE: ("rechargeable",),
    Power.SOLAR: ("solar", "rechargeable"),
    Power.WIRED: ("wired",),
}
SYNC_MODULE: Final = "sync_module"
VARIANTS: Final = frozenset(
    {SYNC_MODULE, *(name for names in _POWER_VARIANTS.values() for name in names)}
)
_PLACEHOLDER = re.compile(r"{(\w+)}")


@dataclass(frozen=True, slots=True)
class Fit:
    """What a camera is, as far as its advice goes."""

    power: Power
    sync_module: bool  # it reaches the cloud through a (Blink) sync module

    @property
    def variants(self) -> tuple[str, ...]:
        """The text variants that fit the camera, most specific first."""
        hub = (SYNC_MODULE,) if self.sync_module else ()
        return (*hub, *_POWER_VARIANTS[self.power])


def camera_fit(hass: HomeAssistant, spec: CameraSpec) -> Fit:
    """Tell a camera's power and whether it depends on a sync module.

    Every battery camera of a brand with hubs (Blink) is on one, even while
    it is unavailable and no longer names it.
    """
    sources = collect_sources(hass, spec)
    power = spec.profile.power(sources)
    hub = spec.profile.hub_domain is not None and (
        power is Power.AA_LITHIUM or spec.profile.match_hub(sources) is not None
    )
    return Fit(power, hub)


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


def fix_steps_key(hass: HomeAssistant, spec: CameraSpec, fix: str) -> str:
    """Which text holds the steps of a fix key for this camera (:func:`steps_key`)."""
    return steps_key(_texts(hass), fix, camera_fit(hass, spec))


def fix_steps(hass: HomeAssistant, spec: CameraSpec, fix: str) -> str:
    """The numbered steps of a fix key for this camera, translated."""
    return steps_for(_texts(hass), fix, camera_fit(hass, spec))


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


def _bars(value: Any) -> str:
    number = to_float(value)
    return "" if number is None else f"{number:g}"


def measured(
    cause: Cause,
    evidence: Mapping[str, Any],
    thresholds: Thresholds,
    temperature_unit: str = UnitOfTemperature.CELSIUS,
) -> tuple[str, str]:
    """The measured value and the threshold it crossed, as numbers with units.

    Empty where the cause has no number (a low/OK battery flag, a sync
    module that is offline, a power fault) or the evidence is garbage;
    signal bars are bare counts, for the ``signal_bars`` text.
    """
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
    return value, threshold


def worded(
    texts: Mapping[str, str],
    cause: Cause,
    evidence: Mapping[str, Any],
    value: str,
    threshold: str,
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
    return {"value": value, "threshold": threshold, "reading": reading}


def issue_placeholders(
    hass: HomeAssistant,
    spec: CameraSpec,
    cause: Cause,
    evidence: Mapping[str, Any],
    thresholds: Thresholds,
) -> dict[str, str]:
    """Every placeholder of a camera's notice but its name, translated."""
    texts = _texts(hass)
    value, threshold = measured(
        cause, evidence, thresholds, hass.config.units.temperature_unit
    )
    return worded(texts, cause, evidence, value, threshold) | {
        "steps": steps_for(texts, FIX_KEYS[cause], camera_fit(hass, spec))
    }
