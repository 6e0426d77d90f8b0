"""How much of the sync modules a look reads (Home Assistant's real blink)."""

from __future__ import annotations

from homeassistant.const import EVENT_HOMEASSISTANT_STARTED
from homeassistant.core import CoreState, HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.monitor import CameraMonitor

from .blink_mock import OUTDOOR_SERIAL, BlinkCloud, async_setup_blink, mock_blink_cloud
from .fleet import setup_entry

PANEL = "alarm_control_panel.blink_home"


def _add_garage(hass: HomeAssistant) -> str:
    garage = er.async_get(hass).async_get_or_create(
        "alarm_control_panel", "blink", "SYNC0002", suggested_object_id="blink_garage"
    )
    attributes = {"name": "Garage", "network_id": 333, "status": "online"}
    hass.states.async_set(garage.entity_id, "disarmed", attributes)
    return garage.entity_id


async def test_a_camera_reads_only_its_own_sync_module_while_it_names_it(
    hass: HomeAssistant, blink: BlinkCloud, mock_config_entry: MockConfigEntry
) -> None:
    """The panel matched before is read alone; a camera that moved reads all."""
    monitor: CameraMonitor = mock_config_entry.runtime_data.monitor
    garage = _add_garage(hass)
    await hass.async_block_till_done()
    outdoor = next(
        w
        for w in monitor.cameras.values()
        if w.spec.unique_id.startswith(OUTDOOR_SERIAL)
    )
    assert set(outdoor.spec.hub_ids) == {PANEL, garage}

    monitor.sources.clear()
    looked = monitor.observe(outdoor, dt_util.utcnow())
    assert looked.hub_entity_id == PANEL
    assert monitor.sources.keys() == {PANEL}  # the Garage panel was not read

    camera = hass.states.get(outdoor.spec.entity_id)
    monitor.sources.clear()
    hass.states.async_set(
        outdoor.spec.entity_id,
        camera.state,
        {**camera.attributes, "sync_module": "Garage", "network_id": 333},
    )
    await hass.async_block_till_done()
    # The look that saw the camera move read every panel, and found its new one.
    assert monitor.store.get(outdoor.spec.registry_id).hub_entity_id == garage
    assert monitor.sources.keys() == {PANEL, garage}
    monitor.sources.clear()
    assert monitor.observe(outdoor, dt_util.utcnow()).hub_entity_id == garage
    assert monitor.sources.keys() == {garage}


async def test_nothing_is_followed_for_the_hubs_before_home_assistant_has_started(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """Changes while Home Assistant starts wait for the first diagnosis.

    Every camera is diagnosed once Home Assistant has started: the sync
    modules' panels are followed from then on, not while every entity is
    being set up.
    """
    hass.set_state(CoreState.not_running)
    with mock_blink_cloud(hass) as cloud:
        await async_setup_blink(cloud)
        await setup_entry(hass, mock_config_entry)
        monitor: CameraMonitor = mock_config_entry.runtime_data.monitor
        tracked = hass.data["track_state_change_data"].callbacks
        assert PANEL not in tracked
        assert all(w.diagnosis is None for w in monitor.cameras.values())
        panel = hass.states.get(PANEL)
        hass.states.async_set(PANEL, panel.state, {**panel.attributes, "x": 1})
        for watch in monitor.cameras.values():  # and the cameras' own entities
            camera = hass.states.get(watch.spec.entity_id)
            hass.states.async_set(
                watch.spec.entity_id, "unavailable", camera.attributes
            )
        await hass.async_block_till_done()
        assert all(w.diagnosis is None for w in monitor.cameras.values())

        hass.set_state(CoreState.running)
        hass.bus.async_fire(EVENT_HOMEASSISTANT_STARTED)
        await hass.async_block_till_done()
        assert len(tracked[PANEL]) == 1
        assert all(w.diagnosis is not None for w in monitor.cameras.values())
