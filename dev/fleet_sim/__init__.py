"""Simulated camera fleet for developing Camera Doctor (not for production).

Creates cameras that look exactly like Home Assistant's `blink` integration
(plus one generic battery camera) and actions to inject and heal faults.
"""

from __future__ import annotations

from datetime import timedelta
import random
from typing import TYPE_CHECKING

from homeassistant.config_entries import SOURCE_IMPORT, ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.event import async_track_time_interval
import voluptuous as vol

from .catalog import blink_fleet, default_fleet
from .const import (
    CONF_BATTERY_LEVELS,
    CONF_CAMERAS,
    DOMAIN,
    DRIFT_INTERVAL_SECONDS,
    PLATFORMS,
)
from .model import Fleet
from .services import async_setup_services

if TYPE_CHECKING:
    from homeassistant.helpers.typing import ConfigType

type FleetSimConfigEntry = ConfigEntry[Fleet]

# `fleet_sim:` alone is the standard fleet; `fleet_sim: {cameras: 500}` is
# that many Blink cameras instead (for the start-up benchmark), and with
# `battery_levels: true` that many generic cameras whose battery reports a level.
CONFIG_SCHEMA = vol.Schema(
    {
        DOMAIN: vol.Any(
            None,
            {
                vol.Optional(CONF_CAMERAS): cv.positive_int,
                vol.Optional(CONF_BATTERY_LEVELS): cv.boolean,
            },
        )
    },
    extra=vol.ALLOW_EXTRA,
)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions; import `fleet_sim:` from configuration.yaml."""
    async_setup_services(hass)
    if DOMAIN in config and not hass.config_entries.async_entries(DOMAIN):
        hass.async_create_task(
            hass.config_entries.flow.async_init(
                DOMAIN, context={"source": SOURCE_IMPORT}, data=config[DOMAIN] or {}
            )
        )
    return True


async def async_setup_entry(hass: HomeAssistant, entry: FleetSimConfigEntry) -> bool:
    """Create the fleet and its entities; let the readings drift."""
    cameras = entry.data.get(CONF_CAMERAS)
    levels = bool(entry.data.get(CONF_BATTERY_LEVELS))
    fleet = blink_fleet(cameras, battery_levels=levels) if cameras else default_fleet()
    entry.runtime_data = fleet
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    rng = random.Random()  # noqa: S311 - simulated noise, not security

    @callback
    def _drift(_now: object) -> None:
        if fleet.drift(rng):
            fleet.notify()

    entry.async_on_unload(
        async_track_time_interval(
            hass, _drift, timedelta(seconds=DRIFT_INTERVAL_SECONDS)
        )
    )
    return True


async def async_unload_entry(hass: HomeAssistant, entry: FleetSimConfigEntry) -> bool:
    """Unload the fleet."""
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)
