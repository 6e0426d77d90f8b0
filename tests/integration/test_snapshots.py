"""Snapshots of every platform, for a healthy and a faulty camera.

Only the fields we control are snapshotted (not whole registry entries), so
the same snapshots hold on the oldest and the newest Home Assistant.
"""

from __future__ import annotations

from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from syrupy.assertion import SnapshotAssertion

from .fleet import add_generic_camera


@pytest.mark.parametrize(
    "platform", [Platform.BINARY_SENSOR, Platform.EVENT, Platform.SENSOR]
)
async def test_platform_snapshot(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    snapshot: SnapshotAssertion,
    platform: Platform,
) -> None:
    """Each platform's entities, healthy and with a hot, weak camera."""
    freezer.move_to("2026-06-01T12:00:00+00:00")
    healthy = add_generic_camera(hass, "Garage")
    faulty = add_generic_camera(hass, "Porch")
    faulty.set("temperature", "51.5")
    faulty.set("signal", "-90")
    mock_config_entry.add_to_hass(hass)
    with patch("custom_components.camera_doctor.PLATFORMS", [platform]):
        assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
        await hass.async_block_till_done()
    assert healthy.entity_id != faulty.entity_id

    ent_reg = er.async_get(hass)
    entries = sorted(
        er.async_entries_for_config_entry(ent_reg, mock_config_entry.entry_id),
        key=lambda entry: entry.entity_id,
    )
    assert entries
    for entry in entries:
        state = hass.states.get(entry.entity_id)
        assert state is not None
        assert {
            "entity_id": entry.entity_id,
            "unique_id": entry.unique_id,
            "translation_key": entry.translation_key,
            "entity_category": str(entry.entity_category),
            "original_device_class": str(entry.original_device_class),
            "has_entity_name": entry.has_entity_name,
            "state": state.state,
            "attributes": {str(key): value for key, value in state.attributes.items()},
        } == snapshot(name=entry.entity_id)
