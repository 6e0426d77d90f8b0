"""Runtime data of a Camera Doctor config entry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback

from .const import DOMAIN

if TYPE_CHECKING:
    from .monitor import CameraMonitor

type CameraDoctorConfigEntry = ConfigEntry[CameraDoctorData]


@dataclass(slots=True)
class CameraDoctorData:
    """What a loaded entry holds."""

    monitor: CameraMonitor


@callback
def async_loaded_monitor(hass: HomeAssistant) -> CameraMonitor | None:
    """The monitor of the loaded (single) entry, if it is loaded."""
    entries: list[CameraDoctorConfigEntry] = hass.config_entries.async_loaded_entries(
        DOMAIN
    )
    return entries[0].runtime_data.monitor if entries else None
