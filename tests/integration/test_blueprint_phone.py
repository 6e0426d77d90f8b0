"""The phone notifications blueprint, run in Home Assistant with a mocked phone.

The companion app's notify action (``notify.mobile_app_phone``) is a mock
that keeps its calls; a button press is the app's
``mobile_app_notification_action`` event.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from datetime import timedelta
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import automation
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import STATE_ON
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    async_mock_service,
)

from .blink_mock import BlinkCloud
from .blink_view import FRONT_CAM, GRACE, KITCHEN_CAM, SYNC_PANEL, eid, wait
from .fleet import (
    FakeCamera,
    add_generic_camera,
    advance,
    past_grace,
    settle,
    setup_entry,
)
from .test_blueprints import install_blueprints

PHONE = "notify.mobile_app_phone"
OUTAGE_WAIT = timedelta(minutes=6, seconds=1)


@pytest.fixture
async def fleet(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, tmp_path: Path
) -> AsyncGenerator[dict[str, Any]]:
    """Garage alone, Porch and Yard of one integration; the blueprint installed."""
    install_blueprints(hass, tmp_path)
    acme = MockConfigEntry(domain="acme", title="Acme", state=ConfigEntryState.LOADED)
    acme.add_to_hass(hass)
    cameras: dict[str, Any] = {
        "garage": add_generic_camera(hass, "Garage"),
        "porch": add_generic_camera(hass, "Porch", source_entry=acme),
        "yard": add_generic_camera(hass, "Yard", source_entry=acme),
        "acme": acme,
    }
    await setup_entry(hass, mock_config_entry)
    yield cameras
    await hass.services.async_call(
        automation.DOMAIN, "turn_off", {"entity_id": "all"}, blocking=True
    )


async def _use(hass: HomeAssistant, **inputs: Any) -> list[ServiceCall]:
    """An automation from the blueprint, sending to the mocked phone."""
    calls = async_mock_service(hass, "notify", "mobile_app_phone")
    assert await async_setup_component(
        hass,
        automation.DOMAIN,
        {
            automation.DOMAIN: {
                "id": "phone",
                "alias": "Phone",
                "use_blueprint": {
                    "path": "camera_doctor/phone_notifications.yaml",
                    "input": {"notify_action": PHONE, **inputs},
                },
            }
        },
    )
    await settle(hass)
    assert hass.states.get("automation.phone").state == STATE_ON
    return calls


def _sent(call: ServiceCall) -> dict[str, Any]:
    """What one notify call sent: title, message, tag and buttons."""
    data = call.data.get("data", {})
    return {
        "title": call.data.get("title"),
        "message": call.data["message"],
        "tag": data.get("tag"),
        "buttons": [(b["title"], b["action"]) for b in data.get("actions", [])],
    }


async def _press(hass: HomeAssistant, action: str) -> None:
    """Press a notification's button on the phone."""
    hass.bus.async_fire("mobile_app_notification_action", {"action": action})
    await settle(hass)


async def test_a_message_its_fix_buttons_and_clearing(
    hass: HomeAssistant, fleet: dict[str, Any], freezer: FrozenDateTimeFactory
) -> None:
    """One message per camera; replaced when the cause changes; cleared at the end."""
    calls = await _use(hass)
    garage: FakeCamera = fleet["garage"]
    tag = "camera_doctor_camera.garage"

    garage.set("signal", "-90")
    await past_grace(hass, freezer)
    assert [_sent(call) for call in calls] == [
        {
            "title": "Garage: Weak Wi-Fi signal",
            "message": calls[0].data["message"],
            "tag": tag,
            "buttons": [("Check again", "CAMERA_DOCTOR_RECHECK:camera.garage")],
        }
    ]
    assert calls[0].data["message"].startswith("1. Move the camera")
    assert calls[0].service == "mobile_app_phone"

    # A low battery outranks the signal: the same notification, replaced.
    garage.set("battery", "8")
    await past_grace(hass, freezer)
    replaced = _sent(calls[1])
    assert replaced["tag"] == tag
    assert replaced["title"] == "Garage: Low battery"
    assert "charge" in replaced["message"].lower()
    assert replaced["buttons"] == [
        ("Check again", "CAMERA_DOCTOR_RECHECK:camera.garage"),
        ("I charged the battery", "CAMERA_DOCTOR_BATTERY:camera.garage"),
    ]

    # The button records the change (as the notice's would) once it is good.
    garage.set("signal", "-50")
    garage.set("battery", "100")
    await _press(hass, "CAMERA_DOCTOR_BATTERY:camera.garage")
    monitor = hass.config_entries.async_entries("camera_doctor")[0].runtime_data.monitor
    assert monitor.store.get(garage.registry_id).batteries_replaced is not None
    assert _sent(calls[-1]) == {
        "title": None,
        "message": "clear_notification",
        "tag": tag,
        "buttons": [],
    }
    assert len(calls) == 3


async def test_one_message_for_an_integration_down(
    hass: HomeAssistant, fleet: dict[str, Any], freezer: FrozenDateTimeFactory
) -> None:
    """Porch and Yard's integration down: one message naming both; then cleared."""
    calls = await _use(hass)
    acme: MockConfigEntry = fleet["acme"]
    tag = f"camera_doctor_integration_offline_{acme.entry_id}"

    acme.mock_state(hass, ConfigEntryState.SETUP_RETRY)
    await advance(hass, freezer, OUTAGE_WAIT)
    sent = [_sent(call) for call in calls]
    assert {message["tag"] for message in sent} == {tag}  # nothing per camera
    last = sent[-1]
    assert last["title"] == "Acme is offline"
    assert last["message"].startswith("Porch, Yard:")
    assert last["buttons"] == [
        ("Check again", "CAMERA_DOCTOR_RECHECK:camera.porch,camera.yard")
    ]

    acme.mock_state(hass, ConfigEntryState.LOADED)
    await advance(hass, freezer, timedelta(seconds=1))
    assert _sent(calls[-1])["message"] == "clear_notification"
    assert _sent(calls[-1])["tag"] == tag


async def test_check_again_and_install_the_update(
    hass: HomeAssistant, fleet: dict[str, Any], freezer: FrozenDateTimeFactory
) -> None:
    """The buttons call Camera Doctor's recheck and the camera's update."""
    calls = await _use(hass)
    refreshed = async_mock_service(hass, "homeassistant", "update_entity")
    installed = async_mock_service(hass, "update", "install")
    garage: FakeCamera = fleet["garage"]
    garage.set(
        "firmware",
        STATE_ON,
        installed_version="1.0",
        latest_version="2.0",
        in_progress=False,
    )
    await past_grace(hass, freezer)
    assert _sent(calls[-1])["buttons"] == [
        ("Check again", "CAMERA_DOCTOR_RECHECK:camera.garage"),
        ("Install the update", "CAMERA_DOCTOR_INSTALL:camera.garage"),
    ]

    await _press(hass, "CAMERA_DOCTOR_RECHECK:camera.garage")
    assert len(refreshed) == 1
    assert garage.entity_id in refreshed[0].data["entity_id"]

    await _press(hass, "CAMERA_DOCTOR_INSTALL:camera.garage")
    assert [call.data["entity_id"] for call in installed] == [
        [garage.siblings["firmware"]]
    ]

    await _press(hass, "SOMEONE_ELSES_BUTTON")
    assert len(refreshed) == 1
    assert len(installed) == 1


async def _tick(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, delta: timedelta
) -> None:
    """Let time pass while a run waits (``async_block_till_done`` would wait too)."""
    freezer.tick(delta)
    async_fire_time_changed(hass)
    for _ in range(20):
        await asyncio.sleep(0)


async def test_quiet_hours_hold_messages_until_they_end(
    hass: HomeAssistant, fleet: dict[str, Any], freezer: FrozenDateTimeFactory
) -> None:
    """A problem found in the quiet hours is sent when they end, as it is then."""
    now = dt_util.now()
    start = (now - timedelta(hours=1)).strftime("%H:%M:00")
    end = (now + timedelta(hours=1)).strftime("%H:%M:00")
    calls = await _use(hass, quiet_start=start, quiet_end=end)
    garage: FakeCamera = fleet["garage"]

    garage.set("signal", "-90")
    await hass.async_block_till_done()
    await _tick(hass, freezer, timedelta(minutes=5, seconds=1))
    assert hass.states.get("sensor.garage_red_flash_cause").state == "weak_signal"
    assert calls == []

    await _tick(hass, freezer, timedelta(minutes=30))
    assert calls == []
    await _tick(hass, freezer, timedelta(minutes=30))
    await hass.async_block_till_done()
    assert [_sent(call)["title"] for call in calls] == ["Garage: Weak Wi-Fi signal"]


async def test_one_message_per_sync_module(
    hass: HomeAssistant,
    blink: BlinkCloud,
    tmp_path: Path,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A Blink sync module down: one message named after it, tagged by it."""
    install_blueprints(hass, tmp_path)
    calls = await _use(hass)
    outdoor, mini = eid(hass, FRONT_CAM), eid(hass, KITCHEN_CAM)
    tag = f"camera_doctor_sync_module_offline_{SYNC_PANEL}"

    blink.sync.status = "offline"
    await blink.poll(freezer)
    await wait(hass, freezer, GRACE + timedelta(seconds=1))
    sent = [_sent(call) for call in calls]
    assert {message["tag"] for message in sent} == {tag}  # nothing per camera
    last = sent[-1]
    assert last["title"] == f"{hass.states.get(SYNC_PANEL).name} is offline"
    name = hass.states.get(outdoor).name
    assert last["message"].startswith(f"{name}:")  # the Mini needs no sync module
    assert hass.states.get(mini).name not in last["message"]
    assert last["buttons"] == [("Check again", f"CAMERA_DOCTOR_RECHECK:{outdoor}")]

    blink.sync.status = "online"
    await blink.poll(freezer)
    await wait(hass, freezer, timedelta(seconds=1))
    assert _sent(calls[-1]) == {
        "title": None,
        "message": "clear_notification",
        "tag": tag,
        "buttons": [],
    }
    await hass.services.async_call(
        automation.DOMAIN, "turn_off", {"entity_id": "all"}, blocking=True
    )
