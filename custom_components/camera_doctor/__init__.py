"""Camera Doctor: why a camera's light flashes red, and what to do."""

from __future__ import annotations

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.typing import ConfigType

from .cameras import async_migrate_unique_ids, entity_homes
from .card import async_setup_card
from .compat import async_forget_device_info_links
from .const import DOMAIN
from .issues import async_remove_all_issues
from .monitor import CameraDoctorConfigEntry, CameraDoctorData, CameraMonitor
from .options import CameraDoctorOptions
from .services import async_setup_services
from .store import CameraStore

PLATFORMS = [Platform.BINARY_SENSOR, Platform.EVENT, Platform.SENSOR]

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions and the dashboard card, there even before an entry is loaded."""
    async_setup_services(hass)
    await async_setup_card(hass)
    return True


async def async_migrate_entry(
    hass: HomeAssistant, entry: CameraDoctorConfigEntry
) -> bool:
    """Version 1 -> 2: the unique ids name the camera's integration."""
    if entry.version > 2:
        return False
    await async_migrate_unique_ids(hass, entry.entry_id)
    hass.config_entries.async_update_entry(entry, version=2)
    return True


async def async_setup_entry(
    hass: HomeAssistant, entry: CameraDoctorConfigEntry
) -> bool:
    """Start watching every camera."""
    monitor = CameraMonitor(hass, CameraDoctorOptions.from_mapping(entry.options))
    entry.runtime_data = CameraDoctorData(monitor=monitor)
    await monitor.async_load()
    monitor.removed_devices = async_forget_device_info_links(
        hass, entry.entry_id, entity_homes(hass, monitor.cameras.values())
    )
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    monitor.async_start()
    entry.async_on_unload(entry.add_update_listener(_async_options_updated))
    return True


async def _async_options_updated(
    hass: HomeAssistant, entry: CameraDoctorConfigEntry
) -> None:
    """Apply new options live, without a reload."""
    entry.runtime_data.monitor.async_options_updated(
        CameraDoctorOptions.from_mapping(entry.options)
    )


async def async_unload_entry(
    hass: HomeAssistant, entry: CameraDoctorConfigEntry
) -> bool:
    """Stop watching; entities and listeners go away with the entry."""
    if unloaded := await hass.config_entries.async_unload_platforms(entry, PLATFORMS):
        await entry.runtime_data.monitor.async_stop()
    return unloaded


async def async_remove_entry(
    hass: HomeAssistant, entry: CameraDoctorConfigEntry
) -> None:
    """Delete every repair issue the entry raised, and its stored history."""
    async_remove_all_issues(hass)
    await CameraStore.async_remove(hass)
