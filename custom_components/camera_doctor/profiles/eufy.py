"""eufy cameras through the custom ``eufy_security`` integration.

Siblings: ``battery`` (device class battery, %) and ``wifiRSSI`` (device
class signal strength, dBm, often without unit). The camera entity carries
the device's properties, at the top level or inside its ``state`` and
``properties`` attributes: ``battery``, ``wifiRssi``, ``wifiSignalLevel``
(bars), ``batteryLow`` and ``batteryTemperature`` (°C).
Standard library only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ..diagnosis.model import Observation
from . import generic
from ._coerce import as_bool, bars, celsius, dbm, percent
from .profile import Power, Profile, merge

if TYPE_CHECKING:
    from .sources import CameraSources

NESTED: Final = ("state", "properties")


def _property(sources: CameraSources, *keys: str) -> object:
    """Return a device property from the camera entity's attributes."""
    return generic.attribute(sources, *keys, within=NESTED)


def observe(sources: CameraSources) -> Observation:
    """Return the eufy camera's observation."""
    properties = Observation(
        battery_percent=percent(_property(sources, "battery")),
        battery_low=as_bool(_property(sources, "batteryLow")),
        signal_dbm=dbm(_property(sources, "wifiRssi")),
        signal_bars=bars(_property(sources, "wifiSignalLevel")),
        temperature_c=celsius(_property(sources, "batteryTemperature"), "°C"),
    )
    # The sibling sensors are live values; the attributes are the fallback.
    return merge(generic.observe(sources), properties)


def power(sources: CameraSources) -> Power:
    """Return the camera's battery (a sensor, or a property), else wired."""
    battery = _property(sources, "battery", "batteryLow") is not None
    return generic.powered_by(sources, battery=battery or generic.has_battery(sources))


EUFY = Profile(
    name="eufy",
    observe_fn=observe,
    changing_fn=generic.changing_readings,
    power_fn=power,
)
