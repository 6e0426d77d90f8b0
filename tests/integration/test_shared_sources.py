"""Cameras of one sync module share what is read of it (Home Assistant's real blink)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from unittest.mock import patch

from homeassistant.core import HomeAssistant, State
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor import (
    monitor as monitor_module,
    observe as observe_module,
)
from custom_components.camera_doctor.const import CONF_EXCLUDE
from custom_components.camera_doctor.diagnosis import Cause
from custom_components.camera_doctor.discovery import CameraSpec, collect_sources
from custom_components.camera_doctor.monitor import CameraMonitor

from .blink_mock import (
    MINI_SERIAL,
    OUTDOOR_SERIAL,
    BlinkCloud,
    async_setup_blink,
    mock_blink_cloud,
)
from .fleet import setup_entry

PANEL = "alarm_control_panel.blink_home"


@pytest.fixture
def monitor(blink: BlinkCloud, mock_config_entry: MockConfigEntry) -> CameraMonitor:
    """Blink (an Outdoor and a Mini on one sync module) and Camera Doctor, loaded."""
    return mock_config_entry.runtime_data.monitor


async def test_cameras_of_one_sync_module_share_its_panel(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, monitor: CameraMonitor
) -> None:
    """The panel is translated once for both cameras; an excluded camera's sources go."""
    watches = list(monitor.cameras.values())
    assert len(watches) == 2
    # The Outdoor is matched to the sync module; the Mini needs none.
    assert {monitor.store.get(w.spec.registry_id).hub_entity_id for w in watches} == {
        PANEL,
        None,
    }
    read = [
        {
            s.entity_id: s
            for s in collect_sources(hass, w.spec, cache=monitor.sources).hubs
        }
        for w in watches
    ]
    assert read[0][PANEL] is read[1][PANEL]

    outdoor = er.async_get(hass).async_get_entity_id(
        "camera", "blink", f"{OUTDOOR_SERIAL}-camera"
    )
    mini = er.async_get(hass).async_get_entity_id(
        "camera", "blink", f"{MINI_SERIAL}-camera"
    )
    assert monitor.sources.keys() == {PANEL}  # a camera's own sources are read afresh
    hass.config_entries.async_update_entry(
        mock_config_entry,
        options={**mock_config_entry.options, CONF_EXCLUDE: [outdoor]},
    )
    await hass.async_block_till_done()
    assert PANEL in monitor.sources  # the Mini still reads it
    hass.config_entries.async_update_entry(
        mock_config_entry,
        options={**mock_config_entry.options, CONF_EXCLUDE: [outdoor, mini]},
    )
    await hass.async_block_till_done()
    assert PANEL not in monitor.sources  # no camera reads it now


async def test_the_panel_is_read_again_only_when_it_changed(
    hass: HomeAssistant, monitor: CameraMonitor
) -> None:
    """An unchanged panel is not translated again; the cache keeps no State."""
    spec = next(iter(monitor.cameras.values())).spec
    first = collect_sources(hass, spec, cache=monitor.sources).hubs
    again = collect_sources(hass, spec, cache=monitor.sources).hubs
    assert all(a is b for a, b in zip(again, first, strict=True))
    assert not any(
        isinstance(value, State)
        for hit in monitor.sources.values()
        for value in (hit.state, hit.attributes, hit.registry_entry)
    )

    state = hass.states.get(PANEL)
    assert state is not None
    hass.states.async_set(PANEL, "armed_away", state.attributes)  # a new state
    changed = {
        s.entity_id: s for s in collect_sources(hass, spec, cache=monitor.sources).hubs
    }
    assert changed[PANEL].state == "armed_away"
    assert changed[PANEL] is not {s.entity_id: s for s in first}[PANEL]

    # A new registry entry, the same state: read again. (A panel of a real
    # integration writes its state again on such a change; this one does not.)
    plain = er.async_get(hass).async_get_or_create(
        "alarm_control_panel", "test", "home-panel"
    )
    hass.states.async_set(plain.entity_id, "disarmed")
    plain_spec = replace(spec, hub_ids=(plain.entity_id,))
    before = collect_sources(hass, plain_spec, cache=monitor.sources).hubs[0]
    er.async_get(hass).async_update_entity(plain.entity_id, new_unique_id="home-new")
    after = collect_sources(hass, plain_spec, cache=monitor.sources).hubs[0]
    assert (before.key, after.key) == ("panel", "new")

    hass.states.async_remove(PANEL)  # gone while its integration reloads
    gone = collect_sources(hass, spec, cache=monitor.sources).hubs
    assert {s.entity_id: s for s in gone}[PANEL].state is None


async def test_the_sync_module_matched_before_a_restart_is_remembered(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A camera that is unavailable at start (naming no sync module) keeps its own."""
    with mock_blink_cloud(hass) as blink:
        await async_setup_blink(blink)
        outdoor = blink.camera_entry(OUTDOOR_SERIAL)
        hass.states.async_set(outdoor.entity_id, "unavailable", {})
        hass_storage["camera_doctor.diagnoses"] = {
            "version": 1,
            "key": "camera_doctor.diagnoses",
            "data": {"cameras": {}, "hubs": {outdoor.id: PANEL, "x": 3}},
        }
        await setup_entry(hass, mock_config_entry)
        monitor = mock_config_entry.runtime_data.monitor
        assert monitor.store.get(outdoor.id).hub_entity_id == PANEL

        assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
        stored = hass_storage["camera_doctor.diagnoses"]["data"]["cameras"]
        assert stored[outdoor.id]["hub"] == PANEL
        hubs = {key: record["hub"] for key, record in stored.items()}
        assert len(hubs) == 2  # the Mini's, matched now; not the garbage


async def test_one_listener_for_a_panel_calls_every_camera_that_reads_it(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, monitor: CameraMonitor
) -> None:
    """A sync module going offline re-diagnoses its camera through one listener.

    Both cameras read the panel (one subscription); the Outdoor depends on
    the sync module, the Mini does not.
    """
    tracked = hass.data["track_state_change_data"].callbacks
    assert len(tracked[PANEL]) == 1  # not one per camera

    panel = hass.states.get(PANEL)
    hass.states.async_set(PANEL, panel.state, {**panel.attributes, "status": "offline"})
    await hass.async_block_till_done()
    # The Outdoor saw it (it waits out the grace period before it counts).
    pending = {
        watch.spec.unique_id: set(watch.diagnosis.pending)
        for watch in monitor.cameras.values()
    }
    assert pending == {
        f"{OUTDOOR_SERIAL}-camera": {Cause.SYNC_MODULE_OFFLINE},
        f"{MINI_SERIAL}-camera": set(),
    }

    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    after = hass.data.get("track_state_change_data")
    assert after is None or PANEL not in after.callbacks


async def test_a_panel_change_concerns_its_own_cameras_unless_it_is_renamed(
    hass: HomeAssistant, monitor: CameraMonitor
) -> None:
    """Another sync module arming re-diagnoses no camera; its renaming all of them."""
    other = er.async_get(hass).async_get_or_create(
        "alarm_control_panel", "blink", "SYNC0002", suggested_object_id="blink_garage"
    )
    attributes = {"name": "Garage", "network_id": 333, "status": "online"}
    hass.states.async_set(other.entity_id, "disarmed", attributes)
    await hass.async_block_till_done()
    assert all(other.entity_id in w.spec.hub_ids for w in monitor.cameras.values())

    calls: list[str] = []
    observe = observe_module.observe_camera

    def counting(hass: HomeAssistant, spec: CameraSpec, **kwargs: Any) -> Any:
        calls.append(spec.entity_id)
        return observe(hass, spec, **kwargs)

    with patch.object(monitor_module, "observe_camera", counting):
        hass.states.async_set(other.entity_id, "armed_away", attributes)
        await hass.async_block_till_done()
        assert calls == []  # neither camera belongs to it

        panel = hass.states.get(PANEL)
        hass.states.async_set(PANEL, "armed_away", panel.attributes)
        await hass.async_block_till_done()
        assert len(calls) == 1  # the Outdoor belongs to Home (the Mini to none)

        calls.clear()
        hass.states.async_set(
            other.entity_id, "armed_away", attributes | {"name": "Home"}
        )
        await hass.async_block_till_done()
        assert len(calls) == 2  # a second "Home": matches may change

        calls.clear()
        hass.states.async_remove(other.entity_id)  # its integration reloads
        await hass.async_block_till_done()
        assert len(calls) == 2
    hubs = {monitor.store.get(w).hub_entity_id for w in monitor.cameras}
    assert hubs == {PANEL, None}  # kept (the Mini has none)
