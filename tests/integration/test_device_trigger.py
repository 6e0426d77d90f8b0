"""Device triggers ``cause_detected`` and ``cleared`` on the camera's device."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import automation
from homeassistant.components.device_automation import DeviceAutomationType
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import device_registry as dr
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_get_device_automations,
    async_mock_service,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator
import voluptuous as vol

from custom_components.camera_doctor.compat import ENTITY_DEVICE_ENTRY
from custom_components.camera_doctor.const import DOMAIN
from custom_components.camera_doctor.device_trigger import (
    TRIGGER_SCHEMA,
    async_get_triggers,
)

from .fleet import FakeCamera, add_generic_camera, past_grace

FAULT_CAUSES = [
    "integration_offline",
    "low_battery",
    "no_connection",
    "sync_module_offline",
    "weak_signal",
    "firmware_updating",
    "firmware_outdated",
    "overheating",
    "too_cold",
    "power_supply",
    "unexplained",
]


# The cause names a trigger offers (strings.json), as the owner reads them.
LABELS: dict[str, str] = json.loads(
    (
        Path(__file__).parents[2] / "custom_components" / DOMAIN / "strings.json"
    ).read_text("utf-8")
)["selector"]["trigger_cause"]["options"]


def _trigger(device_id: str, trigger_type: str, **extra: Any) -> dict[str, Any]:
    return {
        "platform": "device",
        "domain": DOMAIN,
        "device_id": device_id,
        "type": trigger_type,
        **extra,
    }


async def test_get_triggers(hass: HomeAssistant, garage: FakeCamera) -> None:
    """A watched camera's device offers both triggers; other devices none."""
    triggers = await async_get_device_automations(
        hass, DeviceAutomationType.TRIGGER, garage.device_id
    )
    ours = [t for t in triggers if t["domain"] == DOMAIN]
    if ENTITY_DEVICE_ENTRY:
        # Home Assistant 2025.8+ lists a device's triggers from its own config
        # entry and its entities' domains only; ours are still attachable.
        assert ours == []
        return
    assert ours == [
        _trigger(garage.device_id, "cause_detected") | {"metadata": {}},
        _trigger(garage.device_id, "cleared") | {"metadata": {}},
    ]

    other_entry = MockConfigEntry(domain="acme")
    other_entry.add_to_hass(hass)
    doorbell = dr.async_get(hass).async_get_or_create(
        config_entry_id=other_entry.entry_id, identifiers={("acme", "doorbell")}
    )
    assert await async_get_triggers(hass, doorbell.id) == []


async def test_trigger_capabilities(
    hass: HomeAssistant, garage: FakeCamera, hass_ws_client: WebSocketGenerator
) -> None:
    """``cause_detected`` offers an optional choice of cause, labelled in words.

    The device trigger editor passes no ``localizeValue`` to its form, so the
    select selector's ``translation_key`` alone would show the raw keys: the
    labels come translated from the backend (the key stays for editors that
    do translate).
    """
    assert await async_setup_component(hass, "device_automation", {})
    client = await hass_ws_client(hass)

    await client.send_json_auto_id(
        {
            "type": "device_automation/trigger/capabilities",
            "trigger": _trigger(garage.device_id, "cause_detected"),
        }
    )
    msg = await client.receive_json()
    assert msg["success"]
    assert LABELS["low_battery"] == "Low battery"
    # Listed under "Camera starts flashing red": the advice says it is none.
    assert LABELS["firmware_outdated"] == (
        "Firmware update available (advice: the light does not flash red)"
    )
    for field in msg["result"]["extra_fields"]:
        field.pop("required", None)  # serialised by newer Home Assistant only
    assert msg["result"] == {
        "extra_fields": [
            {
                "name": "cause",
                "optional": True,
                "selector": {
                    "select": {
                        "custom_value": False,
                        "mode": "dropdown",
                        "multiple": False,
                        "options": [
                            {"value": cause, "label": LABELS[cause]}
                            for cause in FAULT_CAUSES
                        ],
                        "sort": False,
                        "translation_key": "trigger_cause",
                    }
                },
            }
        ]
    }

    await client.send_json_auto_id(
        {
            "type": "device_automation/trigger/capabilities",
            "trigger": _trigger(garage.device_id, "cleared"),
        }
    )
    msg = await client.receive_json()
    assert msg["success"]
    assert msg["result"] == {"extra_fields": []}


def test_schema_refuses_unknown_or_none_cause() -> None:
    """``none`` is not a fault, so it cannot be chosen."""
    valid = _trigger("abc", "cause_detected", cause="low_battery")
    assert TRIGGER_SCHEMA(valid) == valid
    for bad in (
        _trigger("abc", "cause_detected", cause="none"),
        _trigger("abc", "cause_detected", cause="gremlins"),
        _trigger("abc", "flashing"),
    ):
        with pytest.raises(vol.Invalid):
            TRIGGER_SCHEMA(bad)


async def _automations(
    hass: HomeAssistant, device_id: str, chosen: str | None = None
) -> list[ServiceCall]:
    calls = async_mock_service(hass, "test", "automation")
    message = (
        "{{ trigger.id }}: {{ trigger.event.data.entity_id }} "
        "{{ trigger.event.data.previous_cause }} -> {{ trigger.event.data.cause }} "
        "fix {{ trigger.event.data.fix }}"
    )
    assert await async_setup_component(
        hass,
        automation.DOMAIN,
        {
            automation.DOMAIN: [
                {
                    "triggers": [
                        {**_trigger(device_id, trigger_type, **extra), "id": id_}
                    ],
                    "actions": [
                        {"action": "test.automation", "data": {"message": message}}
                    ],
                }
                for id_, trigger_type, extra in (
                    ("battery", "cause_detected", {"cause": "low_battery"}),
                    ("any", "cause_detected", {}),
                    ("cleared", "cleared", {}),
                    *(
                        [("chosen", "cause_detected", {"cause": chosen})]
                        if chosen
                        else []
                    ),
                )
            ]
        },
    )
    return calls


async def test_triggers_fire_on_injected_faults(
    hass: HomeAssistant, garage: FakeCamera, freezer: FrozenDateTimeFactory
) -> None:
    """Each trigger fires for its own device and cause, with the event data."""
    porch = add_generic_camera(hass, "Porch")
    await hass.async_block_till_done()
    calls = await _automations(hass, garage.device_id)

    garage.set("battery", "8")
    await past_grace(hass, freezer)
    assert sorted(call.data["message"] for call in calls) == [
        "any: camera.garage none -> low_battery fix charge_battery",
        "battery: camera.garage none -> low_battery fix charge_battery",
    ]

    calls.clear()
    porch.set("battery", "8")
    await past_grace(hass, freezer)
    assert calls == []

    garage.set("battery", "90")
    await past_grace(hass, freezer)
    assert [call.data["message"] for call in calls] == [
        "cleared: camera.garage low_battery -> none fix none"
    ]

    calls.clear()
    garage.set("signal", "-90")
    await past_grace(hass, freezer)
    assert [call.data["message"] for call in calls] == [
        "any: camera.garage none -> weak_signal fix improve_signal"
    ]


def _messages(calls: list[ServiceCall]) -> list[str]:
    """The messages of the automation runs so far, sorted; forgets them."""
    messages = sorted(call.data["message"] for call in calls)
    calls.clear()
    return messages


async def test_advice_fires_only_when_chosen(
    hass: HomeAssistant, garage: FakeCamera, freezer: FrozenDateTimeFactory
) -> None:
    """An available update is no red flash: "any" and "cleared" ignore it.

    Only a trigger that names ``firmware_outdated`` fires for it; a camera
    whose red flash gives way to the advice has stopped flashing red.
    """
    calls = await _automations(hass, garage.device_id, chosen="firmware_outdated")

    garage.set("firmware", "on", installed_version="1.0", latest_version="1.1")
    await past_grace(hass, freezer)
    assert _messages(calls) == [
        "chosen: camera.garage none -> firmware_outdated fix install_update"
    ]

    garage.set("battery", "8")
    await past_grace(hass, freezer)
    assert _messages(calls) == [
        "any: camera.garage firmware_outdated -> low_battery fix charge_battery",
        "battery: camera.garage firmware_outdated -> low_battery fix charge_battery",
    ]

    garage.set("battery", "90")
    await past_grace(hass, freezer)
    assert _messages(calls) == [
        "chosen: camera.garage low_battery -> firmware_outdated fix install_update",
        "cleared: camera.garage low_battery -> firmware_outdated fix install_update",
    ]

    garage.set("firmware", "off", installed_version="1.1", latest_version="1.1")
    await past_grace(hass, freezer)
    assert calls == []


async def test_trigger_detaches_with_automation(
    hass: HomeAssistant, garage: FakeCamera, freezer: FrozenDateTimeFactory
) -> None:
    """Turning the automation off removes the bus listener."""
    calls = await _automations(hass, garage.device_id)
    await hass.services.async_call(
        automation.DOMAIN, "turn_off", {"entity_id": "all"}, blocking=True
    )
    garage.set("battery", "8")
    await past_grace(hass, freezer)
    assert calls == []
