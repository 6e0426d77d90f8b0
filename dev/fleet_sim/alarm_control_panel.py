"""Blink sync modules, as `blink`'s alarm control panel shows them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.components.alarm_control_panel import AlarmControlPanelEntity
from homeassistant.components.alarm_control_panel.const import (
    AlarmControlPanelEntityFeature,
    AlarmControlPanelState,
)
from homeassistant.core import callback
from homeassistant.helpers.device_registry import DeviceInfo

from .const import BLINK_BRAND, DOMAIN
from .entity import FleetEntity, fleet_platform

if TYPE_CHECKING:
    from .model import Fleet, SimSyncModule

PARALLEL_UPDATES = 0


class SimSyncModulePanel(FleetEntity, AlarmControlPanelEntity):
    """A Blink sync module."""

    _attr_supported_features = AlarmControlPanelEntityFeature.ARM_AWAY
    _attr_code_arm_required = False
    _attr_name = None

    def __init__(self, fleet: Fleet, sync: SimSyncModule) -> None:
        """Initialise the panel."""
        self.sync = sync
        self._attr_unique_id = sync.serial
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, sync.serial)},
            name=f"blink {sync.name}",
            manufacturer=BLINK_BRAND,
            serial_number=sync.serial,
            sw_version=sync.version,
        )
        super().__init__(fleet)

    @callback
    def _update_attrs(self) -> None:
        self._attr_extra_state_attributes = self.sync.attributes
        self._attr_alarm_state = (
            AlarmControlPanelState.ARMED_AWAY
            if self.sync.armed
            else AlarmControlPanelState.DISARMED
        )

    async def async_alarm_disarm(self, code: str | None = None) -> None:
        """Disarm the sync module."""
        self.sync.armed = False
        self.fleet.notify()

    async def async_alarm_arm_away(self, code: str | None = None) -> None:
        """Arm the sync module."""
        self.sync.armed = True
        self.fleet.notify()


# A panel per sync module.
async_setup_entry = fleet_platform(
    lambda fleet: (SimSyncModulePanel(fleet, sync) for sync in fleet.syncs.values())
)
