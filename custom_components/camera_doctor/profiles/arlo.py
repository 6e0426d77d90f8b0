"""Arlo cameras through the popular custom ``aarlo`` integration.

(Arlo left Home Assistant core.) The camera entity's attributes include
``battery_level`` (%), ``signal_strength`` (0..5 bars), ``charging``,
``charger_type``, ``wired`` (plugged in), ``wired_only`` (no battery) and
``connection``; its state is e.g. "idle", "Offline, Too Cold" (pyaarlo's
``thermalShutdownCold``: the camera switched itself off for the cold, so
``too_cold``, not an outage) or "offline". A camera that charges or is
plugged in runs on power: its battery is never low. Siblings: ``battery_level`` (device class battery, %),
``signal_strength`` (a 0..5 level without unit) and ``temperature`` (°C),
all read the generic way. Standard library only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ..diagnosis.model import Observation
from . import generic
from ._coerce import as_bool, as_text, as_word, bars, percent
from .profile import Power, Reading, merge

if TYPE_CHECKING:
    from .sources import CameraSources

SOLAR: Final = "solar"
TOO_COLD: Final = "too cold"
CONNECTION: Final = {
    "available": True,
    "connected": True,
    "online": True,
    "unavailable": False,
    "disconnected": False,
    "offline": False,
}


def available(sources: CameraSources) -> bool | None:
    """Return False when the camera's state or ``connection`` says offline."""
    state = as_text(sources.camera.state) or ""
    if TOO_COLD in state:
        return None  # switched off for the cold: too_cold says why
    if "offline" in state:
        return False
    connection = as_word(generic.attribute(sources, "connection", "connection_state"))
    return CONNECTION.get(connection or "")


def observe(sources: CameraSources) -> Observation:
    """Return the Arlo camera's observation."""
    common = generic.observe(sources)
    charging = as_bool(generic.attribute(sources, "charging"))
    plugged = generic.any_known(
        as_bool(generic.attribute(sources, key)) for key in ("wired", "wired_only")
    )
    too_cold = TOO_COLD in (as_text(sources.camera.state) or "")
    specific = Observation(
        available=generic.all_known(available(sources), common.available),
        battery_percent=percent(generic.attribute(sources, "battery_level")),
        signal_bars=bars(generic.attribute(sources, "signal_strength")),
        # Charging proves the power supply works; not charging says nothing.
        power_fault=False if charging else None,
        on_power=True if charging or plugged else None,
        too_cold=True if too_cold else None,
    )
    return merge(Observation(power_fault=common.power_fault), specific, common)


def power(sources: CameraSources) -> Power:
    """Return the camera's battery (a sensor, or ``battery_level``), else wired.

    A ``charger_type`` that names a solar panel makes it solar-charged.
    """
    if as_bool(generic.attribute(sources, "wired_only")):
        return Power.WIRED
    battery = generic.attribute(sources, "battery_level") is not None
    found = generic.powered_by(sources, battery=battery or generic.has_battery(sources))
    charger = as_text(generic.attribute(sources, "charger_type")) or ""
    return Power.SOLAR if found is not Power.WIRED and SOLAR in charger else found


CAMERA_READINGS: Final = frozenset(
    {Reading.BATTERY, Reading.SIGNAL, Reading.CHARGING, Reading.CONNECTIVITY}
)

ARLO = generic.brand("arlo", observe, power, camera_readings=CAMERA_READINGS)
