"""Config and options flows for Camera Doctor."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import (
    ConfigEntry,
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlow,
)
from homeassistant.const import (
    PERCENTAGE,
    SIGNAL_STRENGTH_DECIBELS_MILLIWATT,
    UnitOfTemperature,
    UnitOfTime,
)
from homeassistant.core import callback
from homeassistant.helpers import selector
import voluptuous as vol

from .const import (
    CAMERA_DOMAIN,
    CONF_BATTERY_CRITICAL,
    CONF_BATTERY_LOW,
    CONF_EXCLUDE,
    CONF_FORECAST_DAYS,
    CONF_GRACE_MINUTES,
    CONF_SIGNAL_WEAK,
    CONF_STALE_ALL_BRANDS,
    CONF_STALE_HOURS,
    CONF_TEMPERATURE_HIGH,
    CONF_TEMPERATURE_LOW,
    DOMAIN,
    TITLE,
)
from .options import DEFAULT_OPTIONS


def _number(
    minimum: float, maximum: float, step: float, unit: str
) -> selector.NumberSelector:
    return selector.NumberSelector(
        selector.NumberSelectorConfig(
            min=minimum,
            max=maximum,
            step=step,
            unit_of_measurement=unit,
            mode=selector.NumberSelectorMode.BOX,
        )
    )


OPTIONS_SCHEMA = vol.Schema(
    {
        vol.Optional(CONF_EXCLUDE): selector.EntitySelector(
            selector.EntitySelectorConfig(domain=CAMERA_DOMAIN, multiple=True)
        ),
        vol.Required(CONF_BATTERY_LOW): _number(1, 90, 1, PERCENTAGE),
        vol.Required(CONF_BATTERY_CRITICAL): _number(1, 90, 1, PERCENTAGE),
        vol.Required(CONF_SIGNAL_WEAK): _number(
            -100, -30, 1, SIGNAL_STRENGTH_DECIBELS_MILLIWATT
        ),
        vol.Required(CONF_TEMPERATURE_HIGH): _number(
            20, 80, 1, UnitOfTemperature.CELSIUS
        ),
        vol.Required(CONF_TEMPERATURE_LOW): _number(
            -50, 30, 1, UnitOfTemperature.CELSIUS
        ),
        vol.Required(CONF_GRACE_MINUTES): _number(0, 120, 0.5, UnitOfTime.MINUTES),
        vol.Required(CONF_STALE_HOURS): _number(0, 168, 0.5, UnitOfTime.HOURS),
        vol.Required(CONF_STALE_ALL_BRANDS): selector.BooleanSelector(),
        vol.Required(CONF_FORECAST_DAYS): _number(0, 60, 1, UnitOfTime.DAYS),
    }
)


def validate_options(user_input: dict[str, Any]) -> dict[str, str]:
    """Return the form errors of a set of options, keyed by field."""
    errors: dict[str, str] = {}
    if user_input[CONF_BATTERY_CRITICAL] >= user_input[CONF_BATTERY_LOW]:
        errors[CONF_BATTERY_CRITICAL] = "critical_above_low"
    if user_input[CONF_TEMPERATURE_LOW] >= user_input[CONF_TEMPERATURE_HIGH]:
        errors[CONF_TEMPERATURE_LOW] = "cold_above_hot"
    return errors


class CameraDoctorConfigFlow(ConfigFlow, domain=DOMAIN):
    """Set up Camera Doctor: one entry watches every camera."""

    VERSION = 2

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Create the entry; there is nothing to ask.

        A second entry is refused by Home Assistant itself: the manifest sets
        ``single_config_entry``.
        """
        if user_input is None:
            return self.async_show_form(step_id="user")
        return self.async_create_entry(
            title=TITLE, data={}, options=dict(DEFAULT_OPTIONS)
        )

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: ConfigEntry) -> OptionsFlow:
        """Return the options flow."""
        return CameraDoctorOptionsFlow()


class CameraDoctorOptionsFlow(OptionsFlow):
    """Exclusions, thresholds and the grace period."""

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show and validate the options form."""
        errors: dict[str, str] = {}
        if user_input is not None:
            if not (errors := validate_options(user_input)):
                return self.async_create_entry(data=user_input)
            suggested: dict[str, Any] = user_input
        else:
            suggested = {**DEFAULT_OPTIONS, **self.config_entry.options}
        return self.async_show_form(
            step_id="init",
            data_schema=self.add_suggested_values_to_schema(OPTIONS_SCHEMA, suggested),
            errors=errors,
        )
