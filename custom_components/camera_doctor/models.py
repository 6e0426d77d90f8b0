"""Runtime data of a Camera Doctor config entry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from homeassistant.config_entries import ConfigEntry

if TYPE_CHECKING:
    from .monitor import CameraMonitor

type CameraDoctorConfigEntry = ConfigEntry[CameraDoctorData]


@dataclass(slots=True)
class CameraDoctorData:
    """What a loaded entry holds."""

    monitor: CameraMonitor
