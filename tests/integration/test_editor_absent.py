"""Releases without integration trigger/condition platforms (2025.4).

The integration loads without an error, offers no trigger or condition
platform (the new-style configuration is refused like any unknown trigger),
and its device triggers remain.
"""

from __future__ import annotations

import importlib
import logging

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.trigger import async_validate_trigger_config
from homeassistant.loader import async_get_integration
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import voluptuous as vol

from custom_components.camera_doctor.const import DOMAIN
from custom_components.camera_doctor.device_trigger import async_get_triggers

from .editor.house import HAS_EDITOR_PLATFORMS
from .fleet import add_generic_camera, setup_entry

pytestmark = pytest.mark.skipif(
    HAS_EDITOR_PLATFORMS,
    reason="this Home Assistant has integration trigger/condition platforms",
)


async def test_loads_without_error_and_offers_no_platform(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """No error on set-up; no trigger or condition platform; device triggers stay."""
    garage = add_generic_camera(hass, "Garage")
    await setup_entry(hass, mock_config_entry)
    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []

    for platform in ("trigger", "condition"):
        with pytest.raises(ImportError):
            importlib.import_module(f"custom_components.{DOMAIN}.{platform}")
        integration = await async_get_integration(hass, DOMAIN)
        with pytest.raises(ImportError):
            await integration.async_get_platform(platform)

    target = {"entity_id": garage.entity_id}
    with pytest.raises(vol.Invalid, match="does not provide trigger support"):
        await async_validate_trigger_config(
            hass, [{"platform": f"{DOMAIN}.cause_detected", "target": target}]
        )
    with pytest.raises(vol.Invalid, match="Unexpected value for condition"):
        cv.CONDITION_SCHEMA({"condition": f"{DOMAIN}.has_cause", "target": target})

    device_triggers = await async_get_triggers(hass, garage.device_id)
    assert [t["type"] for t in device_triggers] == ["cause_detected", "cleared"]
