"""Reolink cameras (core ``reolink`` integration).

Siblings: ``battery_percent`` (%), ``battery_temperature`` (°C),
``battery_state`` (enum: discharging, charging, chargecomplete),
``wifi_signal`` (a 0..4 level without unit, on the host's device),
``day_night_state`` (day, night, led_day) and the ``firmware`` update
entity. The generic reading covers battery, temperature, level and update;
this profile adds the charging state and the night mode. Core's reolink
creates ``battery_temperature``, ``battery_state`` and ``wifi_signal``
disabled (``entity_registry_enabled_default=False`` in its sensor.py).
Standard library only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ..diagnosis.model import Observation
from . import generic
from ._coerce import as_text, first
from .profile import Profile, Reading, merge

if TYPE_CHECKING:
    from .sources import CameraSources, SourceState

# A charging battery proves the power supply works; discharging says nothing
# (battery cameras run on battery between charges).
CHARGING_STATES: Final = {"charging": False, "chargecomplete": False}
BATTERY_STATE: Final = "battery_state"
DARK_STATES: Final = {"night": True, "day": False, "led_day": False}


def _enum(sources: CameraSources, key: str, values: dict[str, bool]) -> bool | None:
    """Return the value an enum sensor ``key``'s state maps to."""
    return first(
        *(
            values.get(as_text(entity.state) or "")
            for entity in generic.entities(sources, "sensor")
            if generic.named(entity, (key,))
        )
    )


def observe(sources: CameraSources) -> Observation:
    """Return the Reolink camera's observation."""
    common = generic.observe(sources)
    specific = Observation(
        is_dark=_enum(sources, "day_night_state", DARK_STATES),
        power_fault=_enum(sources, BATTERY_STATE, CHARGING_STATES),
    )
    # A power problem sensor outranks the charging state.
    return merge(Observation(power_fault=common.power_fault), specific, common)


def readings(entity: SourceState) -> frozenset[Reading]:
    """Return the generic readings, and the charging state of ``battery_state``."""
    found = generic.readings(entity)
    if entity.domain == "sensor" and generic.named(entity, (BATTERY_STATE,)):
        return found | {Reading.CHARGING}
    return found


REOLINK = Profile(
    name="reolink",
    observe_fn=observe,
    changing_fn=generic.changing_readings,
    power_fn=generic.power,
    readings_fn=readings,
)
