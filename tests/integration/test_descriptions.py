"""services.yaml, icons.json and strings.json through Home Assistant's own loaders.

Home Assistant reads these files only when the frontend or the API asks, and
a file it cannot parse costs a warning in the log and an action without a
target picker: nothing fails. These tests ask, and fail on that warning.
"""

from __future__ import annotations

import logging

from homeassistant.core import HomeAssistant
from homeassistant.helpers.icon import async_get_icons
from homeassistant.helpers.service import async_get_all_descriptions
from homeassistant.helpers.translation import async_get_translations
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import (
    DOMAIN,
    SERVICE_BATTERY_REPLACED,
    SERVICE_DIAGNOSE,
    SERVICE_RECHECK,
)

from .fleet import add_generic_camera, setup_entry

CAMERA_TARGET = {"entity": [{"domain": ["camera"]}]}


def _complaints(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Warnings and errors that name the integration."""
    return [
        record.getMessage()
        for record in caplog.records
        if record.levelno >= logging.WARNING and DOMAIN in record.getMessage()
    ]


@pytest.fixture
async def loaded(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Camera Doctor loaded with one camera, logs captured from the start."""
    caplog.set_level(logging.WARNING)
    add_generic_camera(hass, "Garage")
    await setup_entry(hass, mock_config_entry)


@pytest.mark.usefixtures("loaded")
async def test_actions_offer_a_camera_target(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    """Every action parses and targets cameras (picked by entity, device or area)."""
    descriptions = (await async_get_all_descriptions(hass))[DOMAIN]
    assert _complaints(caplog) == []
    assert set(descriptions) == {
        SERVICE_DIAGNOSE,
        SERVICE_RECHECK,
        SERVICE_BATTERY_REPLACED,
    }
    for description in descriptions.values():
        assert description["target"] == CAMERA_TARGET
        assert description["fields"] == {}


@pytest.mark.usefixtures("loaded")
async def test_icons_load(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    """icons.json loads, with an icon per action and the entity icons."""
    services = (await async_get_icons(hass, "services", [DOMAIN]))[DOMAIN]
    entities = (await async_get_icons(hass, "entity", [DOMAIN]))[DOMAIN]
    assert _complaints(caplog) == []
    assert set(services) == {
        SERVICE_DIAGNOSE,
        SERVICE_RECHECK,
        SERVICE_BATTERY_REPLACED,
    }
    assert all(icon["service"].startswith("mdi:") for icon in services.values())
    assert set(entities) == {"sensor", "binary_sensor", "event"}


@pytest.mark.usefixtures("loaded")
async def test_action_names_and_descriptions_translated(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    """The frontend's lookup of action names finds ours."""
    strings = await async_get_translations(hass, "en", "services", [DOMAIN])
    assert _complaints(caplog) == []
    for service in (SERVICE_DIAGNOSE, SERVICE_RECHECK):
        prefix = f"component.{DOMAIN}.services.{service}"
        assert strings[f"{prefix}.name"]
        assert strings[f"{prefix}.description"]
