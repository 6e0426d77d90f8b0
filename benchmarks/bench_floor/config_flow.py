"""The stand-in's config flow: imported from the configuration only."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigFlow, ConfigFlowResult

from . import DOMAIN


class FloorFlow(ConfigFlow, domain=DOMAIN):
    """Only imported from the configuration."""

    VERSION = 1

    async def async_step_import(self, import_data: dict[str, Any]) -> ConfigFlowResult:
        """Create the entry."""
        return self.async_create_entry(title="Floor", data=import_data)
