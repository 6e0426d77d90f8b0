"""The floor in a real Home Assistant: the contract entities per camera, nothing else.

The whole-process counterpart of ``benchmarks/floor.py`` (which mocks the
same stand-in inside the benchmark's process), for the real start-up
benchmark (``benchmarks/bench_realstart.py``). Every camera in the entity
registry gets Camera Doctor's entities on its own device, linked the way
Camera Doctor links them on this Home Assistant: the cause and fix enum
sensors (the cause sensor with its healthy attributes), the red-flash problem
binary sensor and the diagnosis event entity, all diagnostic, and the battery
forecast timestamp sensor (unknown, with the attributes that say how sure it
is) where the camera has a battery sensor in %. They show a
fixed healthy state and do nothing else. The option lists come from the
configuration (``bench_floor: {causes: [...], fixes: [...]}``), which the
benchmark writes from Camera Doctor's own, so the stand-in needs none of
Camera Doctor's code.
"""

from __future__ import annotations

from homeassistant.config_entries import SOURCE_IMPORT, ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.typing import ConfigType
import voluptuous as vol

DOMAIN = "bench_floor"
PLATFORMS = ["binary_sensor", "event", "sensor"]
CONFIG_SCHEMA = vol.Schema(
    {
        DOMAIN: {
            vol.Required("causes"): [cv.string],
            vol.Required("fixes"): [cv.string],
        }
    },
    extra=vol.ALLOW_EXTRA,
)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Create the config entry from the configuration, once."""
    if DOMAIN in config and not hass.config_entries.async_entries(DOMAIN):
        hass.async_create_task(
            hass.config_entries.flow.async_init(
                DOMAIN, context={"source": SOURCE_IMPORT}, data=dict(config[DOMAIN])
            )
        )
    return True


async def async_setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    """Add the entities of every camera."""
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True
