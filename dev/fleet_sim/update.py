"""Firmware update entity of the generic camera."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from homeassistant.components.update import (
    UpdateDeviceClass,
    UpdateEntity,
    UpdateEntityFeature,
)
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant, callback

from .const import INSTALL_SECONDS, Fault
from .entity import DeviceEntity

if TYPE_CHECKING:
    from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

    from . import FleetSimConfigEntry
    from .model import Fleet, SimCamera

PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: FleetSimConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add a firmware entity per generic camera (Blink has none)."""
    fleet = entry.runtime_data
    async_add_entities(
        SimFirmware(fleet, camera)
        for camera in fleet.cameras.values()
        if camera.kind == "generic"
    )


class SimFirmware(DeviceEntity, UpdateEntity):
    """Camera firmware; installing takes a few seconds."""

    _attr_device_class = UpdateDeviceClass.FIRMWARE
    _attr_entity_category = EntityCategory.CONFIG
    _attr_supported_features = (
        UpdateEntityFeature.INSTALL | UpdateEntityFeature.PROGRESS
    )

    def __init__(self, fleet: Fleet, camera: SimCamera) -> None:
        """Initialise the update entity."""
        super().__init__(fleet, camera, "firmware")

    @callback
    def _update_attrs(self) -> None:
        self._attr_installed_version = self.camera.version
        self._attr_latest_version = self.camera.latest_version
        self._attr_in_progress = self.camera.in_progress
        self._attr_update_percentage = (
            self.camera.install_percentage if self.camera.in_progress else None
        )

    async def async_install(
        self, version: str | None, backup: bool, **kwargs: Any
    ) -> None:
        """Pretend to install the newest firmware."""
        camera = self.camera
        target = camera.latest_version
        camera.installing = True
        for step in range(INSTALL_SECONDS):
            camera.install_percentage = step * 100 // INSTALL_SECONDS
            self.fleet.notify()
            await asyncio.sleep(1)
        camera.version = target
        camera.installing = False
        camera.install_percentage = None
        camera.faults.discard(Fault.UPDATE_AVAILABLE)
        camera.faults.discard(Fault.UPDATING)
        self.fleet.notify()
