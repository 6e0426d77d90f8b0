"""Unique ids name the camera's integration; version-1 ids are migrated in place."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
import logging
from typing import Any
from unittest.mock import patch

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor import cameras, entity
from custom_components.camera_doctor.config_flow import CameraDoctorConfigFlow
from custom_components.camera_doctor.const import (
    DOMAIN,
    ENTITY_KEYS,
    KEY_BATTERY_FORECAST,
)
from custom_components.camera_doctor.discovery import CameraSpec

from .fleet import FakeCamera, add_generic_camera, setup_entry

DUPLICATE = "does not generate unique IDs"


@pytest.fixture
def v1_entry(options: dict[str, Any]) -> MockConfigEntry:
    """A Camera Doctor entry written by version 1."""
    return MockConfigEntry(
        domain=DOMAIN, title="Camera Doctor", data={}, options=options, version=1
    )


def _ours(hass: HomeAssistant, device_id: str) -> dict[str, er.RegistryEntry]:
    """Camera Doctor's four entities on a device, by unique id.

    (The battery forecast sensor came after the first scheme: nothing of it
    to migrate; its id is checked in the first test.)
    """
    return {
        entry.unique_id: entry
        for entry in er.async_entries_for_device(
            er.async_get(hass), device_id, include_disabled_entities=True
        )
        if entry.platform == DOMAIN and not entry.unique_id.endswith(FORECAST)
    }


FORECAST = f"_{KEY_BATTERY_FORECAST}"


def _keys(hass: HomeAssistant, camera: FakeCamera) -> dict[str, str]:
    """Camera Doctor's entity ids on a camera's device, by key."""
    return {
        entry.unique_id.rsplit("-camera_")[1]: entry.entity_id
        for entry in _ours(hass, camera.device_id).values()
    }


def _v1(spec: CameraSpec, key: str) -> str:
    """The first scheme: the camera's unique id and the key."""
    return f"{spec.unique_id}_{key}"


@contextmanager
def _first_version() -> Iterator[None]:
    """Run the code of config entry version 1 (the first unique id scheme)."""
    with (
        patch.object(CameraDoctorConfigFlow, "VERSION", 1),
        patch.object(cameras, "entity_unique_id", _v1),
        patch.object(entity, "entity_unique_id", _v1),
    ):
        yield


async def test_same_unique_id_in_two_integrations(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Cameras of two integrations may share a unique id: both get entities."""
    acme = add_generic_camera(hass, "Acme", platform="acme", serial="1")
    other = add_generic_camera(hass, "Other", platform="othercam", serial="1")
    await setup_entry(hass, mock_config_entry)
    assert DUPLICATE not in caplog.text
    for camera in (acme, other):
        assert set(_ours(hass, camera.device_id)) == {
            f"{camera.platform}_1-camera_{key}" for _, key in ENTITY_KEYS
        }
        forecast = f"{camera.platform}_1-camera{FORECAST}"
        assert er.async_get(hass).async_get_entity_id("sensor", DOMAIN, forecast)
        cause = _ours(hass, camera.device_id)[
            f"{camera.platform}_1-camera_red_flash_cause"
        ]
        assert hass.states.get(cause.entity_id).state == "none"


def _prefill(
    hass: HomeAssistant, entry: MockConfigEntry, camera: FakeCamera, serial: str
) -> dict[str, str]:
    """Register a camera's four entities as version 1 made them; entity ids by key."""
    ent_reg = er.async_get(hass)
    return {
        key: ent_reg.async_get_or_create(
            platform,
            DOMAIN,
            f"{serial}-camera_{key}",
            config_entry=entry,
            device_id=camera.device_id,
        ).entity_id
        for platform, key in ENTITY_KEYS
    }


def _customise(hass: HomeAssistant, entity_ids: dict[str, str]) -> dict[str, str]:
    """What a user does: rename one, disable one, hide one; new entity ids by key."""
    ent_reg = er.async_get(hass)
    ent_reg.async_update_entity(
        entity_ids["red_flash_cause"],
        name="Why it blinks",
        new_entity_id="sensor.why_it_blinks",
    )
    ent_reg.async_update_entity(
        entity_ids["recommended_fix"], disabled_by=er.RegistryEntryDisabler.USER
    )
    ent_reg.async_update_entity(
        entity_ids["red_flash"], hidden_by=er.RegistryEntryHider.USER
    )
    return entity_ids | {"red_flash_cause": "sensor.why_it_blinks"}


def _assert_migrated(
    hass: HomeAssistant, camera: FakeCamera, serial: str, entity_ids: dict[str, str]
) -> None:
    """Same entity ids and customisations, the new unique ids, nothing added."""
    ent_reg = er.async_get(hass)
    assert set(_ours(hass, camera.device_id)) == {
        f"acme_{serial}-camera_{key}" for _, key in ENTITY_KEYS
    }
    assert _keys(hass, camera) == entity_ids
    cause = ent_reg.async_get("sensor.why_it_blinks")
    assert cause is not None
    assert cause.name == "Why it blinks"
    assert hass.states.get("sensor.why_it_blinks").state == "none"
    fix = ent_reg.async_get(entity_ids["recommended_fix"])
    assert fix is not None
    assert fix.disabled_by is er.RegistryEntryDisabler.USER
    assert hass.states.get(entity_ids["recommended_fix"]) is None
    flash = ent_reg.async_get(entity_ids["red_flash"])
    assert flash is not None
    assert flash.hidden_by is er.RegistryEntryHider.USER
    assert hass.states.get(entity_ids["red_flash"]).state == "off"


async def test_migrate_a_stored_registry_of_version_1(
    hass: HomeAssistant, v1_entry: MockConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """Entities of version 1 keep their entity ids, names and enabled/hidden state."""
    v1_entry.add_to_hass(hass)
    garage = add_generic_camera(hass, "Garage")
    entity_ids = _customise(hass, _prefill(hass, v1_entry, garage, "garage"))
    # A camera that is gone, and an id of no known shape: both left as they are.
    ghost = er.async_get(hass).async_get_or_create(
        "sensor", DOMAIN, "ghost-camera_red_flash_cause", config_entry=v1_entry
    )
    odd = er.async_get(hass).async_get_or_create(
        "sensor", DOMAIN, "red_flash_cause", config_entry=v1_entry
    )
    caplog.set_level(logging.DEBUG, logger="custom_components.camera_doctor")

    await setup_entry(hass, v1_entry)

    assert v1_entry.state is ConfigEntryState.LOADED
    assert v1_entry.version == 2
    _assert_migrated(hass, garage, "garage", entity_ids)
    kept = er.async_get(hass).async_get(ghost.entity_id)
    assert kept is not None
    assert kept.unique_id == "ghost-camera_red_flash_cause"
    assert er.async_get(hass).async_get(odd.entity_id).unique_id == "red_flash_cause"
    assert "ghost-camera_red_flash_cause" in caplog.text
    assert DUPLICATE not in caplog.text


async def test_migrate_by_device_when_a_unique_id_is_shared(
    hass: HomeAssistant, v1_entry: MockConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """Version 1 could only have served one of two cameras sharing a unique id.

    Its entities sit on that camera's device, which tells them apart; an
    entity on neither device stays as it is.
    """
    v1_entry.add_to_hass(hass)
    acme = add_generic_camera(hass, "Acme", platform="acme", serial="1")
    other = add_generic_camera(hass, "Other", platform="othercam", serial="1")
    entity_ids = _prefill(hass, v1_entry, other, "1")
    loose = entity_ids.pop("recommended_fix")
    er.async_get(hass).async_update_entity(loose, device_id=None)
    caplog.set_level(logging.DEBUG, logger="custom_components.camera_doctor")

    await setup_entry(hass, v1_entry)

    migrated = {
        key: entity_id
        for key, entity_id in _keys(hass, other).items()
        if key != "recommended_fix"
    }
    assert migrated == entity_ids
    for camera in (acme, other):
        assert set(_ours(hass, camera.device_id)) == {
            f"{camera.platform}_1-camera_{key}" for _, key in ENTITY_KEYS
        }
        forecast = f"{camera.platform}_1-camera{FORECAST}"
        assert er.async_get(hass).async_get_entity_id("sensor", DOMAIN, forecast)
    kept = er.async_get(hass).async_get(loose)
    assert kept is not None
    assert kept.unique_id == "1-camera_recommended_fix"
    assert loose in caplog.text
    assert DUPLICATE not in caplog.text


async def test_migrate_on_a_live_reload(
    hass: HomeAssistant, v1_entry: MockConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """Running version 1, updated in place and reloaded: the same entities go on."""
    garage = add_generic_camera(hass, "Garage")
    with _first_version():
        await setup_entry(hass, v1_entry)
        assert set(_ours(hass, garage.device_id)) == {
            f"garage-camera_{key}" for _, key in ENTITY_KEYS
        }
    entity_ids = _customise(hass, _keys(hass, garage))
    await hass.async_block_till_done()

    assert await hass.config_entries.async_reload(v1_entry.entry_id)
    await hass.async_block_till_done()

    assert v1_entry.version == 2
    _assert_migrated(hass, garage, "garage", entity_ids)
    assert DUPLICATE not in caplog.text


async def test_a_newer_version_is_refused(hass: HomeAssistant) -> None:
    """An entry written by a later version is not loaded (no downgrade)."""
    entry = MockConfigEntry(domain=DOMAIN, title="Camera Doctor", version=3)
    entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(entry.entry_id)
    assert entry.state is ConfigEntryState.MIGRATION_ERROR
