"""Reload, unload and remove: nothing leaked, nothing left behind."""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import DOMAIN
from tests.integration.fleet import add_generic_camera

from .helpers import (
    advance,
    listeners,
    live_timers,
    our_issues,
    pending_tasks,
    setup_entry,
    state_callbacks,
)

RELOADS = 100


def _ours(hass: HomeAssistant) -> list[str]:
    """The entity ids of Camera Doctor's entities in the registry."""
    return sorted(
        entry.entity_id
        for entry in er.async_get(hass).entities.values()
        if entry.platform == DOMAIN
    )


def _footprint(hass: HomeAssistant) -> dict[str, object]:
    """Everything a loaded entry holds, counted."""
    ours = _ours(hass)
    return {
        **listeners(hass),
        "timers": live_timers(hass),
        "tasks": pending_tasks(hass),
        "entities": len(ours),
        "states": sum(hass.states.get(entity_id) is not None for entity_id in ours),
        "all_states": len(hass.states.async_all()),
        "issues": sorted(our_issues(hass)),
    }


async def test_hundred_reloads_leak_nothing(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """After 100 reloads: the same listeners, timers, tasks, entities, issues."""
    garage = add_generic_camera(hass, "Garage")
    add_generic_camera(hass, "Porch")
    shed = add_generic_camera(hass, "Shed")
    await setup_entry(hass, mock_config_entry)
    garage.set("battery", "5")  # an issue raised
    shed.set("camera", STATE_UNAVAILABLE)
    await advance(hass, freezer, timedelta(minutes=7))
    shed.set("camera", "idle")
    await hass.async_block_till_done()
    garage.set("temperature", "70")
    shed.set("camera", STATE_UNAVAILABLE)  # a grace timer pending
    await hass.async_block_till_done()
    # One reload first: Home Assistant's own platforms load once.
    assert await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    before = _footprint(hass)
    assert before["state_callbacks"] >= 18  # 3 cameras x 6 sources
    assert before["timers"] >= 1
    assert before["issues"] == [f"low_battery_{garage.registry_id}"]

    for _ in range(RELOADS):
        assert await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert _footprint(hass) == before
    assert len(mock_config_entry.runtime_data.monitor.cameras) == 3

    # The pending grace timer still fires after all those reloads.
    await advance(hass, freezer, timedelta(minutes=7))
    assert hass.states.get("sensor.shed_red_flash_cause").state == "no_connection"
    assert set(our_issues(hass)) == {
        f"low_battery_{garage.registry_id}",
        f"overheating_{garage.registry_id}",
        f"no_connection_{shed.registry_id}",
    }


async def test_unload_and_remove_leave_nothing(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Unload stops everything; removing the entry removes every issue and entity."""
    garage = add_generic_camera(hass, "Garage")
    porch = add_generic_camera(hass, "Porch")
    baseline = listeners(hass)
    await setup_entry(hass, mock_config_entry)
    garage.set("battery", "5")
    garage.set("signal", "-90")
    porch.set("temperature", "-40")
    porch.set("camera", STATE_UNAVAILABLE)
    await advance(hass, freezer, timedelta(minutes=7))
    # The porch's outage is explained by the cold: no no_connection issue.
    assert len(our_issues(hass)) == 3
    assert len(_ours(hass)) == 10  # 4 each, and a battery forecast each
    # Something pending at unload: a grace timer and a delayed save.
    garage.set("temperature", "70")
    await hass.async_block_till_done()
    timers = live_timers(hass)

    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert live_timers(hass) < timers
    # The first load set up Home Assistant's own platforms; their listeners stay.
    assert state_callbacks(hass) == baseline["state_callbacks"]
    assert all(
        hass.states.get(entity_id).state == STATE_UNAVAILABLE
        for entity_id in _ours(hass)
    )
    assert len(our_issues(hass)) == 3, "an unload (restart) keeps the issues"

    # Issues made before the last start are removed too.
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert await hass.config_entries.async_remove(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert our_issues(hass) == {}
    assert _ours(hass) == []
    assert [
        state.entity_id
        for state in hass.states.async_all()
        if state.entity_id.endswith(
            ("_red_flash_cause", "_recommended_fix", "_red_flash", "_diagnosis")
        )
    ] == []
    assert state_callbacks(hass) == baseline["state_callbacks"]
    await advance(hass, freezer, timedelta(hours=2))
    assert our_issues(hass) == {}


async def test_removed_camera_takes_its_entities_and_issues(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A removed camera loses its 4 entities and every issue; others keep theirs."""
    garage = add_generic_camera(hass, "Garage")
    porch = add_generic_camera(hass, "Porch")
    await setup_entry(hass, mock_config_entry)
    for camera in (garage, porch):
        camera.set("battery", "5")
        camera.set("temperature", "70")
    garage.set("camera", STATE_UNAVAILABLE)
    await advance(hass, freezer, timedelta(minutes=7))
    garage_issues = {i for i in our_issues(hass) if i.endswith(garage.registry_id)}
    assert len(garage_issues) == 2  # low_battery, overheating (explain the outage)
    callbacks = state_callbacks(hass)

    er.async_get(hass).async_remove(garage.entity_id)
    await hass.async_block_till_done()
    assert not any(i.endswith(garage.registry_id) for i in our_issues(hass))
    assert len(our_issues(hass)) == 2
    assert [e for e in _ours(hass) if ".garage_" in e] == []
    assert len(_ours(hass)) == 5
    assert state_callbacks(hass) == callbacks - 6
    monitor = mock_config_entry.runtime_data.monitor
    assert garage.registry_id not in monitor.cameras
    # Its pending timer is gone: nothing comes back later.
    await advance(hass, freezer, timedelta(hours=2))
    assert not any(i.endswith(garage.registry_id) for i in our_issues(hass))
