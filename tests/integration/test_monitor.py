"""Live monitoring of generic cameras: entities, events, grace, add/remove."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE, EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import (
    device_registry as dr,
    entity_registry as er,
    issue_registry as ir,
)
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.camera_doctor.const import CONF_EXCLUDE, DOMAIN, EVENT_DIAGNOSIS

from .fleet import (
    CAUSE,
    EVENT,
    FIX,
    FLASH,
    FakeCamera,
    add_generic_camera,
    listeners,
    live_timers,
    past_grace,
    setup_entry,
    state_callbacks,
)


async def test_entities_on_camera_device(
    hass: HomeAssistant, garage: FakeCamera
) -> None:
    """Four diagnostic entities appear on the camera's own device, healthy."""
    ent_reg = er.async_get(hass)
    expected = {
        CAUSE.format("garage"): (
            "sensor",
            "acme_garage-camera_red_flash_cause",
            "none",
        ),
        FIX.format("garage"): ("sensor", "acme_garage-camera_recommended_fix", "none"),
        FLASH.format("garage"): (
            "binary_sensor",
            "acme_garage-camera_red_flash",
            "off",
        ),
    }
    for entity_id, (domain, unique_id, state) in expected.items():
        entry = ent_reg.async_get(entity_id)
        assert entry is not None, entity_id
        assert entry.domain == domain
        assert entry.unique_id == unique_id
        assert entry.platform == DOMAIN
        assert entry.device_id == garage.device_id
        assert entry.entity_category is EntityCategory.DIAGNOSTIC
        assert hass.states.get(entity_id).state == state
    event = ent_reg.async_get(EVENT.format("garage"))
    assert event is not None
    assert event.device_id == garage.device_id


async def test_low_battery_event_and_issue(
    hass: HomeAssistant, garage: FakeCamera, freezer: FrozenDateTimeFactory
) -> None:
    """A low battery waits out the grace period, then shows everywhere at once."""
    events = async_capture_events(hass, EVENT_DIAGNOSIS)
    garage.set("battery", "8")
    await hass.async_block_till_done()

    waiting = hass.states.get(CAUSE.format("garage"))
    assert waiting.state == "none"
    assert waiting.attributes["pending"]["cause"] == "low_battery"
    assert hass.states.get(FLASH.format("garage")).state == "off"
    assert events == []
    issue_id = f"low_battery_{garage.registry_id}"
    issues = ir.async_get(hass)
    assert issues.async_get_issue(DOMAIN, issue_id) is None

    await past_grace(hass, freezer)
    cause = hass.states.get(CAUSE.format("garage"))
    assert "pending" not in cause.attributes
    assert cause.state == "low_battery"
    assert cause.attributes["evidence"]["battery_percent"] == 8
    assert cause.attributes["causes"] == ["low_battery"]
    assert hass.states.get(FIX.format("garage")).state == "charge_battery"
    assert hass.states.get(FLASH.format("garage")).state == "on"
    assert hass.states.get(EVENT.format("garage")).attributes["event_type"] == (
        "low_battery"
    )
    assert len(events) == 1
    data: dict[str, Any] = events[0].data
    assert data["entity_id"] == garage.entity_id
    assert data["device_id"] == garage.device_id
    assert data["cause"] == "low_battery"
    assert data["previous_cause"] == "none"
    assert data["causes"] == ["low_battery"]
    assert data["fix"] == "charge_battery"
    assert data["evidence"]["battery_percent"] == 8

    issue = issues.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_key == "low_battery"
    assert issue.severity is ir.IssueSeverity.ERROR  # 8 % is critical
    words = dict(issue.translation_placeholders)
    assert words.pop("steps").startswith("1. Charge the battery fully")
    assert words == {
        "camera": "Garage",
        "value": "8 %",
        "threshold": "20 %",
        "reading": "has 8 % of battery left; a battery counts as low at 20 % or below.",
    }

    garage.set("battery", "100")
    await hass.async_block_till_done()
    assert hass.states.get(CAUSE.format("garage")).state == "none"
    assert hass.states.get(EVENT.format("garage")).attributes["event_type"] == "cleared"
    assert issues.async_get_issue(DOMAIN, issue_id) is None
    assert [e.data["cause"] for e in events] == ["low_battery", "none"]


async def test_unavailable_inside_grace_is_not_a_fault(
    hass: HomeAssistant, garage: FakeCamera, freezer: FrozenDateTimeFactory
) -> None:
    """A camera briefly unavailable is fine; past the grace period it is offline."""
    events = async_capture_events(hass, EVENT_DIAGNOSIS)
    garage.set("camera", STATE_UNAVAILABLE)
    await hass.async_block_till_done()
    freezer.tick(timedelta(minutes=4))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert hass.states.get(CAUSE.format("garage")).state == "none"
    garage.set("camera", "idle")
    await hass.async_block_till_done()
    freezer.tick(timedelta(minutes=10))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert hass.states.get(CAUSE.format("garage")).state == "none"
    assert events == []

    garage.set("camera", STATE_UNAVAILABLE)
    await hass.async_block_till_done()
    freezer.tick(timedelta(minutes=6, seconds=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert hass.states.get(CAUSE.format("garage")).state == "no_connection"
    assert [e.data["cause"] for e in events] == ["no_connection"]


async def test_camera_added_renamed_and_removed_live(
    hass: HomeAssistant, garage: FakeCamera, freezer: FrozenDateTimeFactory
) -> None:
    """Cameras come and go without a reload; their entities and issues follow."""
    porch = add_generic_camera(hass, "Porch")
    await hass.async_block_till_done()
    assert hass.states.get(CAUSE.format("porch")).state == "none"

    ent_reg = er.async_get(hass)
    ent_reg.async_update_entity(porch.entity_id, new_entity_id="camera.front_porch")
    await hass.async_block_till_done()
    porch.entity_id = "camera.front_porch"
    porch.set("camera", "idle")  # a renamed entity writes its state anew
    porch.set("battery", "5")
    await past_grace(hass, freezer)
    assert hass.states.get(CAUSE.format("porch")).state == "low_battery"

    ent_reg.async_remove(porch.entity_id)
    await hass.async_block_till_done()
    assert hass.states.get(CAUSE.format("porch")) is None
    assert ent_reg.async_get(CAUSE.format("porch")) is None
    assert hass.states.get(CAUSE.format("garage")).state == "none"


async def test_excluded_camera_gets_nothing(
    hass: HomeAssistant, garage: FakeCamera, mock_config_entry: MockConfigEntry
) -> None:
    """Excluding a camera in the options removes its entities, live."""
    hass.config_entries.async_update_entry(
        mock_config_entry,
        options={**mock_config_entry.options, CONF_EXCLUDE: [garage.entity_id]},
    )
    await hass.async_block_till_done()
    assert er.async_get(hass).async_get(CAUSE.format("garage")) is None
    garage.set("battery", "1")
    await hass.async_block_till_done()
    assert hass.states.get(CAUSE.format("garage")) is None


async def test_unload_leaves_no_listeners(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """Load/unload cycles leave no listener, callback or timer behind."""
    add_generic_camera(hass, "Garage")
    add_generic_camera(hass, "Porch")
    await setup_entry(hass, mock_config_entry)
    assert state_callbacks(hass) >= 12  # 2 cameras x 6 sources
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    # The first load also set up Home Assistant's own platforms; compare after.
    baseline = listeners(hass)
    timers = live_timers(hass)
    for _ in range(3):
        assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
        await hass.async_block_till_done()
        assert listeners(hass) != baseline
        assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
        await hass.async_block_till_done()
        assert listeners(hass) == baseline
    assert live_timers(hass) <= timers
    assert hass.states.get(CAUSE.format("garage")).state == STATE_UNAVAILABLE


async def test_camera_moved_to_another_device(
    hass: HomeAssistant, garage: FakeCamera
) -> None:
    """A camera moved to another device takes its diagnostic entities along."""
    ent_reg = er.async_get(hass)
    camera_entry = ent_reg.async_get(garage.entity_id)
    assert camera_entry is not None
    assert camera_entry.config_entry_id is not None
    new_device = dr.async_get(hass).async_get_or_create(
        config_entry_id=camera_entry.config_entry_id,
        identifiers={("acme", "garage-replacement")},
        name="Garage",
    )
    ent_reg.async_update_entity(garage.entity_id, device_id=new_device.id)
    await hass.async_block_till_done()
    for entity_id in (CAUSE.format("garage"), FLASH.format("garage")):
        entry = ent_reg.async_get(entity_id)
        assert entry is not None
        assert entry.device_id == new_device.id
    # The new device has none of the old sources yet: nothing to read, healthy.
    assert hass.states.get(CAUSE.format("garage")).state == "none"
    garage.set("camera", STATE_UNAVAILABLE)
    await hass.async_block_till_done()
    assert hass.states.get(CAUSE.format("garage")).state == "none"  # grace
