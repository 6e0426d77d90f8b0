"""The house every editor test runs in."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from .house import House, async_build_house


@pytest.fixture
async def house(hass: HomeAssistant, mock_config_entry: MockConfigEntry) -> House:
    """Garage and porch cameras in their places, watched."""
    return await async_build_house(hass, mock_config_entry)
