"""Config and options flow."""

from __future__ import annotations

from homeassistant.config_entries import SOURCE_USER
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import (
    CONF_BATTERY_CRITICAL,
    CONF_BATTERY_LOW,
    CONF_EXCLUDE,
    CONF_TEMPERATURE_HIGH,
    CONF_TEMPERATURE_LOW,
    DOMAIN,
)
from custom_components.camera_doctor.options import DEFAULT_OPTIONS


async def test_user_step_creates_single_entry(hass: HomeAssistant) -> None:
    """The user step asks nothing and creates the entry with default options."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Camera Doctor"
    assert result["data"] == {}
    assert result["options"] == dict(DEFAULT_OPTIONS)

    second = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert second["type"] is FlowResultType.ABORT
    assert second["reason"] == "single_instance_allowed"


async def test_options_flow_error_then_recovery(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """Inconsistent thresholds are refused with a field error, then fixed."""
    mock_config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    result = await hass.config_entries.options.async_init(mock_config_entry.entry_id)
    assert result["type"] is FlowResultType.FORM
    bad = dict(DEFAULT_OPTIONS) | {
        CONF_BATTERY_CRITICAL: 30,
        CONF_BATTERY_LOW: 20,
        CONF_TEMPERATURE_LOW: 30,
        CONF_TEMPERATURE_HIGH: 25,
    }
    result = await hass.config_entries.options.async_configure(result["flow_id"], bad)
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {
        CONF_BATTERY_CRITICAL: "critical_above_low",
        CONF_TEMPERATURE_LOW: "cold_above_hot",
    }

    good = dict(DEFAULT_OPTIONS) | {CONF_BATTERY_LOW: 25, CONF_EXCLUDE: []}
    result = await hass.config_entries.options.async_configure(result["flow_id"], good)
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert mock_config_entry.options[CONF_BATTERY_LOW] == 25
    monitor = mock_config_entry.runtime_data.monitor
    assert monitor.options.thresholds.battery_low == 25
