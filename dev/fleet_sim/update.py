"""Firmware update entity of the generic camera."""

from __future__ import annotations

import asyncio
from typing import Any

from homeassistant.components.update import (
    UpdateDeviceClass,
    UpdateEntity,
    UpdateEntityDescription,
    UpdateEntityFeature,
)
from homeassistant.const import EntityCategory
from homeassistant.core import callback

from .const import INSTALL_SECONDS, Fault
from .entity import DeviceEntity, camera_platform

PARALLEL_UPDATES = 0

FIRMWARE = UpdateEntityDescription(
    key="firmware",
    device_class=UpdateDeviceClass.FIRMWARE,
    entity_category=EntityCategory.CONFIG,
)


class SimFirmware(DeviceEntity, UpdateEntity):
    """Camera firmware; installing takes a few seconds."""

    _attr_supported_features = (
        UpdateEntityFeature.INSTALL | UpdateEntityFeature.PROGRESS
    )

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


# A firmware entity per generic or wired camera (Blink's integration has none).
async_setup_entry = camera_platform(
    SimFirmware, {"generic": (FIRMWARE,), "wired": (FIRMWARE,)}
)
