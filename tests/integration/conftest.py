"""Fixtures for tests that run Home Assistant."""

from __future__ import annotations

from collections.abc import AsyncIterator

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from .blink_mock import BlinkCloud
from .blink_view import blink_with_doctor
from .fleet import FakeCamera, add_generic_camera, setup_entry


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(
    enable_custom_integrations: None,
) -> None:
    """Let Home Assistant load integrations from custom_components/."""


@pytest.fixture(autouse=True)
async def fleet_entries_unloaded_at_teardown(
    request: pytest.FixtureRequest,
) -> AsyncIterator[None]:
    """The fleet's source entries count as loaded; at the end they are not.

    The fleet's cameras stand for cameras of loaded integrations, whose code
    never ran: Home Assistant's test teardown must not try to unload them.
    """
    if "hass" not in request.fixturenames:
        yield
        return
    hass: HomeAssistant = request.getfixturevalue("hass")
    yield
    for entry in hass.config_entries.async_entries():
        if (
            isinstance(entry, MockConfigEntry)
            and entry.state is ConfigEntryState.LOADED
            and entry.domain not in hass.config.components
        ):
            entry.mock_state(hass, ConfigEntryState.NOT_LOADED)


@pytest.fixture
async def init_integration(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> MockConfigEntry:
    """Camera Doctor set up and loaded (watching the cameras added before)."""
    await setup_entry(hass, mock_config_entry)
    return mock_config_entry


@pytest.fixture
async def garage(hass: HomeAssistant, mock_config_entry: MockConfigEntry) -> FakeCamera:
    """A healthy generic camera watched by a loaded entry."""
    camera = add_generic_camera(hass, "Garage")
    await setup_entry(hass, mock_config_entry)
    return camera


@pytest.fixture
async def blink(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> AsyncIterator[BlinkCloud]:
    """Home Assistant's real blink (an Outdoor and a Mini) and Camera Doctor, loaded."""
    async with blink_with_doctor(hass, mock_config_entry) as cloud:
        yield cloud
