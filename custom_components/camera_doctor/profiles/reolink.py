"""Reolink cameras (core ``reolink`` integration).

Siblings: ``battery_percent`` (%), ``battery_temperature`` (°C),
``battery_state`` (enum: discharging, charging, chargecomplete), the
``sleep`` binary sensor of a battery camera, ``day_night_state`` (day,
night, led_day), the ``firmware`` update entity and ``wifi_signal``: a 0..4
level without unit on the host's device until core PR #149191 (July 2025),
dBm with its unit since, on the camera's own device. The generic reading
covers battery, temperature, signal (by its unit, else by its range) and
update; this profile adds what Reolink says in its own way:

- a charging or fully charged battery runs on power: never low;
- a battery camera that sleeps is neither offline nor frozen;
- 0 % is what an NVR or Home Hub reports for a battery camera it cannot
  reach (core #179441): an outage, not a battery level;
- the hub keeps reporting a dead battery camera online (core #155332), so
  a battery camera's readings feed freeze detection, its wake-ups counting
  as movement. A wired camera has no sleep sensor: the hub marks it offline
  itself, and its readings are not watched.

Core's reolink creates ``battery_temperature``, ``battery_state`` and
``wifi_signal`` disabled (``entity_registry_enabled_default=False`` in its
sensor.py).

Standard library only.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Final

from ..diagnosis.model import Observation
from . import generic
from ._coerce import as_bool, as_float, as_text, first
from .profile import ChangingReadings, Reading, merge

if TYPE_CHECKING:
    from .sources import CameraSources, SourceState

# A charging battery proves the power supply works; discharging says nothing
# (battery cameras run on battery between charges).
CHARGING_STATES: Final = {"charging": False, "chargecomplete": False}
BATTERY_STATE: Final = "battery_state"
ON_POWER_STATES: Final = {
    "charging": True,
    "chargecomplete": True,
    "discharging": False,
}
DARK_STATES: Final = {"night": True, "day": False, "led_day": False}
SLEEP_KEY: Final = "sleep"
# An NVR's answer for a battery camera it cannot reach (core #179441).
UNREACHABLE_PERCENT: Final = 0.0


def _enum(sources: CameraSources, key: str, values: dict[str, bool]) -> bool | None:
    """Return the value an enum sensor ``key``'s state maps to."""
    return first(
        *(
            values.get(as_text(entity.state) or "")
            for entity in generic.entities(sources, "sensor")
            if generic.named(entity, (key,))
        )
    )


def _sleep_sensors(sources: CameraSources) -> list[object]:
    """The states of the camera's ``sleep`` binary sensors."""
    return [
        entity.state
        for entity in generic.entities(sources, "binary_sensor")
        if (as_text(entity.key) or "") == SLEEP_KEY
        or (as_text(entity.entity_id) or "").endswith(f"_{SLEEP_KEY}")
    ]


def _asleep(sensors: list[object]) -> bool | None:
    return first(*(as_bool(state) for state in sensors))


def asleep(sources: CameraSources) -> bool | None:
    """Return whether the battery camera sleeps (its ``sleep`` sensor is on)."""
    return _asleep(_sleep_sensors(sources))


def observe(sources: CameraSources) -> Observation:
    """Return the Reolink camera's observation."""
    common = generic.observe(sources)
    if as_float(common.battery_percent) == UNREACHABLE_PERCENT:
        # The hub cannot reach the camera: an outage, not an empty battery.
        common = replace(common, battery_percent=None, available=False)
    specific = Observation(
        is_dark=_enum(sources, "day_night_state", DARK_STATES),
        power_fault=_enum(sources, BATTERY_STATE, CHARGING_STATES),
        on_power=_enum(sources, BATTERY_STATE, ON_POWER_STATES),
        asleep=asleep(sources),
    )
    # A power problem sensor outranks the charging state.
    return merge(Observation(power_fault=common.power_fault), specific, common)


def readings(entity: SourceState) -> frozenset[Reading]:
    """Return the generic readings, and the charging state of ``battery_state``."""
    found = generic.readings(entity)
    if entity.domain == "sensor" and generic.named(entity, (BATTERY_STATE,)):
        return found | {Reading.CHARGING}
    return found


def changing_readings(sources: CameraSources) -> ChangingReadings:
    """A battery camera's measurements, and whether it sleeps (a wake moves).

    Only a camera with a ``sleep`` sensor (a battery camera) is watched: a
    wired camera that dies is marked offline by the hub itself.
    """
    if not (sensors := _sleep_sensors(sources)):
        return {}
    readings = generic.changing_readings(sources)
    if (sleeping := _asleep(sensors)) is not None:
        readings[SLEEP_KEY] = 1.0 if sleeping else 0.0
    return readings


REOLINK = generic.brand(
    "reolink", observe, changing_readings, readings, freezes_readings=True
)
