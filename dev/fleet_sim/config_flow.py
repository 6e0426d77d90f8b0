"""Config flow for the simulated camera fleet."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigFlow, ConfigFlowResult

from .const import DOMAIN

TITLE = "Simulated camera fleet"


class FleetSimConfigFlow(ConfigFlow, domain=DOMAIN):
    """Create the single fleet entry, from the UI or from `fleet_sim:` YAML."""

    VERSION = 1

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Confirm and create the entry."""
        if user_input is None:
            return self.async_show_form(step_id="user")
        return self.async_create_entry(title=TITLE, data={})

    async def async_step_import(self, import_data: dict[str, Any]) -> ConfigFlowResult:
        """Create the entry from configuration.yaml (with its fleet size, if any)."""
        return self.async_create_entry(title=TITLE, data=import_data)
