"""eufy cameras through the custom ``eufy_security`` integration.

Siblings: ``battery`` (device class battery, %) and ``wifiRSSI`` (device
class signal strength, dBm, often without unit). The camera entity carries
the device's properties, at the top level or inside its ``state`` and
``properties`` attributes: ``battery``, ``wifiRssi``, ``wifiSignalLevel``
(bars), ``batteryLow`` and ``batteryTemperature`` (°C). Since its
version 7 the integration creates one entity per device property, every
diagnostic one disabled (``battery``, ``wifiRssi``, ``batteryTemperature``,
``connected``: its ``const.py``; eufy_security #999); the ``connected``
binary sensor (no device class) says whether the camera is connected.
Standard library only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from ..diagnosis.model import Observation
from . import generic
from ._coerce import as_bool, bars, celsius, dbm, percent
from .profile import Power, Reading, merge

if TYPE_CHECKING:
    from .sources import CameraSources, SourceState

NESTED: Final = ("state", "properties")
CONNECTED: Final = "connected"


def _property(sources: CameraSources, *keys: str) -> object:
    """Return a device property from the camera entity's attributes."""
    return generic.attribute(sources, *keys, within=NESTED)


def _connected(entity: SourceState) -> bool:
    """Return whether the entity is the `connected` binary sensor."""
    return entity.domain == "binary_sensor" and generic.named(entity, (CONNECTED,))


def observe(sources: CameraSources) -> Observation:
    """Return the eufy camera's observation."""
    common = generic.observe(sources)
    connected = generic.all_known(
        *(as_bool(entity.state) for entity in sources.siblings if _connected(entity))
    )
    properties = Observation(
        available=generic.all_known(common.available, connected),
        battery_percent=percent(_property(sources, "battery")),
        battery_low=as_bool(_property(sources, "batteryLow")),
        signal_dbm=dbm(_property(sources, "wifiRssi")),
        signal_bars=bars(_property(sources, "wifiSignalLevel")),
        temperature_c=celsius(_property(sources, "batteryTemperature"), "°C"),
    )
    # The sibling sensors are live values; the attributes are the fallback.
    return merge(Observation(available=properties.available), common, properties)


def power(sources: CameraSources) -> Power:
    """Return the camera's battery (a sensor, or a property), else wired."""
    battery = _property(sources, "battery", "batteryLow") is not None
    return generic.powered_by(sources, battery=battery or generic.has_battery(sources))


def readings(entity: SourceState) -> frozenset[Reading]:
    """Return the generic readings, and the connection of ``connected``."""
    found = generic.readings(entity)
    return found | {Reading.CONNECTIVITY} if _connected(entity) else found


CAMERA_READINGS: Final = frozenset(
    {Reading.BATTERY, Reading.SIGNAL, Reading.TEMPERATURE}
)

EUFY = generic.brand("eufy", observe, power, readings, camera_readings=CAMERA_READINGS)
