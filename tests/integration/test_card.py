"""The dashboard card: its file served and loaded, and its websocket feed."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from unittest.mock import patch

from aiohttp import ClientConnectionError
from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import SIGNAL_CONFIG_ENTRY_CHANGED
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from homeassistant.helpers.dispatcher import DATA_DISPATCHER
from homeassistant.helpers.entity import Entity
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from custom_components.camera_doctor.card import CARD_FILE, CARD_URL, SUBSCRIBE
from custom_components.camera_doctor.const import CONF_EXCLUDE

from .blink_mock import BlinkCloud
from .blink_view import FRONT_CAM, GRACE, KITCHEN_CAM, SYNC_PANEL, eid, wait
from .fleet import FakeCamera, add_generic_camera, advance, past_grace, setup_entry

# Longer than the feed's coalescing wait: a change has been sent by then.
SENT = timedelta(seconds=1)


class Feed:
    """A card's subscription, read message by message."""

    def __init__(self, client: Any) -> None:
        """Wrap a websocket client."""
        self.client = client
        self.id = 0

    async def subscribe(self) -> dict[str, Any]:
        """Subscribe; return the first snapshot."""
        await self.client.send_json_auto_id({"type": SUBSCRIBE})
        result = await self.client.receive_json()
        assert result["success"], result
        self.id = result["id"]
        return await self.next()

    async def next(self) -> dict[str, Any]:
        """The next snapshot."""
        message = await self.client.receive_json()
        assert message["type"] == "event", message
        assert message["id"] == self.id
        snapshot: dict[str, Any] = message["event"]
        return snapshot


def _feed_hooks(hass: HomeAssistant) -> tuple[int, int, int]:
    """The listeners a card's feed adds: two bus events and one signal."""
    bus = hass.bus.async_listeners()
    signals = hass.data.get(DATA_DISPATCHER, {}).get(SIGNAL_CONFIG_ENTRY_CHANGED, {})
    return (
        bus.get(ir.EVENT_REPAIRS_ISSUE_REGISTRY_UPDATED, 0),
        bus.get(er.EVENT_ENTITY_REGISTRY_UPDATED, 0),
        len(signals),
    )


def _by_entity(snapshot: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {camera["entity_id"]: camera for camera in snapshot["cameras"]}


async def test_card_file_is_served(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    """The bundle is served from the integration's own static path."""
    await setup_entry(hass, mock_config_entry)
    client = await hass_client()
    response = await client.get(CARD_URL)
    assert response.status == 200
    assert await response.text() == CARD_FILE.read_text("utf-8")
    assert "camera-doctor-card" in await response.text()


async def test_card_is_loaded_on_every_dashboard(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """With the frontend loaded, the card's URL joins its modules, versioned."""
    hass.config.components.add("frontend")
    with patch(
        "homeassistant.components.frontend.add_extra_js_url"
    ) as add_extra_js_url:
        await setup_entry(hass, mock_config_entry)
    (_hass, url), _ = add_extra_js_url.call_args
    path, _, version = url.partition("?v=")
    assert path == CARD_URL
    assert len(version) == 12


async def test_feed_sends_cameras_and_changes(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A snapshot at once; a diagnosis change is sent again, with its notice."""
    garage = add_generic_camera(hass, "Garage")
    porch = add_generic_camera(hass, "Porch")
    mock_config_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(
        mock_config_entry, options={CONF_EXCLUDE: [porch.entity_id]}
    )
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    feed = Feed(await hass_ws_client(hass))
    first = await feed.subscribe()
    assert first["loaded"] is True
    assert first["excluded"] == [porch.entity_id]
    camera = _by_entity(first)[garage.entity_id]
    assert set(_by_entity(first)) == {garage.entity_id}
    assert camera["cause"] == "none"
    assert camera["device_id"] == garage.device_id
    assert camera["cause_entity_id"] == "sensor.garage_red_flash_cause"
    assert camera["battery"] == {"percent": 80.0, "low": None}
    assert camera["notice"] is None

    garage.set("battery", "5")
    await hass.async_block_till_done()
    await advance(hass, freezer, SENT)
    waiting = _by_entity(await feed.next())[garage.entity_id]
    assert waiting["cause"] == "none"
    assert waiting["pending"] == ["low_battery"]

    await past_grace(hass, freezer)
    await advance(hass, freezer, SENT)
    confirmed = await _until(feed, garage, lambda c: c["notice"] is not None)
    assert confirmed["cause"] == "low_battery"
    assert confirmed["fix"] == "charge_battery"
    assert confirmed["steps"] == "fix.charge_battery"
    assert confirmed["notice"]["issue_id"].startswith("low_battery_")
    assert confirmed["notice"]["translation_key"] == "low_battery"
    assert confirmed["notice"]["fixable"] is True
    assert confirmed["battery"]["percent"] == 5.0
    assert confirmed["history"][-1][1] == 5.0


async def _until(
    feed: Feed, camera: FakeCamera, done: Any, tries: int = 3
) -> dict[str, Any]:
    """The camera in the first of the next snapshots where ``done`` holds."""
    for _ in range(tries):
        shown = _by_entity(await feed.next())[camera.entity_id]
        if done(shown):
            return shown
    raise AssertionError(f"{camera.entity_id} never got there: {shown}")


async def test_notices_only_for_administrators(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A user who cannot act on notices is sent none."""
    garage = add_generic_camera(hass, "Garage")
    garage.set("battery", "5")
    await setup_entry(hass, mock_config_entry)
    await past_grace(hass, freezer)
    admin = Feed(await hass_ws_client(hass))
    user = Feed(await hass_ws_client(hass, hass_read_only_access_token))
    assert _by_entity(await admin.subscribe())[garage.entity_id]["notice"]
    shown = _by_entity(await user.subscribe())[garage.entity_id]
    assert shown["cause"] == "low_battery"
    assert shown["notice"] is None


async def test_feed_lets_go_and_follows_a_reload(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Not loaded: said so. Loaded again: followed again. Gone: nothing left."""
    garage = add_generic_camera(hass, "Garage")
    await setup_entry(hass, mock_config_entry)
    before = _feed_hooks(hass)
    client = await hass_ws_client(hass)
    feed = Feed(client)
    await feed.subscribe()
    assert _feed_hooks(hass) != before

    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    await advance(hass, freezer, SENT)
    assert await feed.next() == {"loaded": False, "cameras": [], "excluded": []}

    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    await advance(hass, freezer, SENT)
    again = await _until(feed, garage, lambda c: c["cause"] == "none")
    assert again["entity_id"] == garage.entity_id
    garage.set("signal", "-90")
    await past_grace(hass, freezer)
    await advance(hass, freezer, SENT)
    assert (await _until(feed, garage, lambda c: c["causes"]))["cause"] == (
        "weak_signal"
    )

    await client.send_json_auto_id(
        {"type": "unsubscribe_events", "subscription": feed.id}
    )
    assert (await client.receive_json())["success"]
    await hass.async_block_till_done()
    assert _feed_hooks(hass) == before
    monitor = mock_config_entry.runtime_data.monitor
    watch = next(iter(monitor.cameras.values()))
    # The camera's own entities only.
    assert all(isinstance(each, Entity) for each in watch._listeners)


async def test_shared_causes_come_with_their_group(
    hass: HomeAssistant,
    blink: BlinkCloud,
    hass_ws_client: WebSocketGenerator,
    freezer: FrozenDateTimeFactory,
) -> None:
    """An offline sync module, then Blink down: named once, with its notice."""
    outdoor, mini = eid(hass, FRONT_CAM), eid(hass, KITCHEN_CAM)
    blink.sync.status = "offline"
    await blink.poll(freezer)
    await wait(hass, freezer, GRACE + timedelta(seconds=1))
    shown = _by_entity(await Feed(await hass_ws_client(hass)).subscribe())
    panel = er.async_get(hass).async_get(SYNC_PANEL)
    assert panel is not None
    assert shown[outdoor]["group"] == {
        "kind": "sync_module_offline",
        "id": SYNC_PANEL,
        "name": hass.states.get(SYNC_PANEL).name,
        "issue_id": f"sync_module_offline_{panel.id}",
    }
    # A tap opens the sync module's notice: there is none of the camera's own.
    assert shown[outdoor]["notice"]["issue_id"] == f"sync_module_offline_{panel.id}"
    assert shown[outdoor]["notice"]["fixable"] is False
    assert shown[mini]["group"] is None  # a Mini depends on no sync module

    blink.fail(ClientConnectionError())
    await blink.poll(freezer)
    await wait(hass, freezer, GRACE + timedelta(minutes=1, seconds=1))
    shown = _by_entity(await Feed(await hass_ws_client(hass)).subscribe())
    issue_id = f"integration_offline_{blink.entry.entry_id}"
    for camera in (outdoor, mini):
        assert shown[camera]["cause"] == "integration_offline"
        assert shown[camera]["group"] == {
            "kind": "integration_offline",
            "id": blink.entry.entry_id,
            "name": "Blink",
            "issue_id": issue_id,
        }
        assert shown[camera]["notice"]["issue_id"] == issue_id
