"""Triggers ``camera_doctor.cause_detected`` and ``camera_doctor.cleared``.

They run on Home Assistant releases with integration trigger platforms (the
target-first automation editor) and follow the confirmed diagnosis only.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import automation
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import (
    condition,
    config_validation as cv,
    entity_registry as er,
    label_registry as lr,
)
from homeassistant.helpers.trigger import async_validate_trigger_config
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import async_mock_service
from pytest_homeassistant_custom_component.typing import WebSocketGenerator
import voluptuous as vol
import yaml

from tests.integration.fleet import advance, past_grace

from .house import (
    CAMERA_TARGET,
    TARGET_KINDS,
    House,
    assert_cause_choice,
    async_offered,
    newest_only,
)

pytestmark = newest_only

MESSAGE = (
    "{{ trigger.id }}: {{ trigger.entity_id }} "
    "{{ trigger.previous_cause }} -> {{ trigger.cause }} "
    "({{ trigger.platform }}, event {{ trigger.event.data.cause }})"
)


def _trigger(key: str, target: dict[str, Any], **options: Any) -> dict[str, Any]:
    conf: dict[str, Any] = {"trigger": f"camera_doctor.{key}", "target": target}
    if options:
        conf["options"] = options
    return conf


async def _automations(
    hass: HomeAssistant, **triggers: dict[str, Any]
) -> list[ServiceCall]:
    """One automation per trigger (its id the keyword); the calls they make."""
    calls = async_mock_service(hass, "test", "automation")
    assert await async_setup_component(
        hass,
        automation.DOMAIN,
        {
            automation.DOMAIN: [
                {
                    "mode": "parallel",
                    "triggers": [{**conf, "id": id_}],
                    "actions": [
                        {"action": "test.automation", "data": {"message": MESSAGE}}
                    ],
                }
                for id_, conf in triggers.items()
            ]
        },
    )
    await hass.async_block_till_done()
    return calls


async def _detected_and_cleared(
    hass: HomeAssistant, target: dict[str, Any]
) -> list[ServiceCall]:
    """Automations ``detected`` and ``cleared`` on ``target``."""
    return await _automations(
        hass,
        detected=_trigger("cause_detected", target),
        cleared=_trigger("cleared", target),
    )


def _fired(id_: str, entity_id: str, before: str, after: str) -> str:
    """The message of an automation run for one change of a camera's cause."""
    key = "cleared" if after == "none" else "cause_detected"
    return (
        f"{id_}: {entity_id} {before} -> {after} (camera_doctor.{key}, event {after})"
    )


def _messages(calls: list[ServiceCall]) -> list[str]:
    messages = sorted(call.data["message"] for call in calls)
    calls.clear()
    return messages


async def test_offered_to_the_editor(
    hass: HomeAssistant, house: House, hass_ws_client: WebSocketGenerator
) -> None:
    """Both triggers are described, named and have an icon."""
    offered = await async_offered(hass, hass_ws_client, "trigger")
    assert sorted(offered) == ["camera_doctor.cause_detected", "camera_doctor.cleared"]
    detected = offered["camera_doctor.cause_detected"]
    assert_cause_choice(detected)
    assert detected["name"] == "Camera problem confirmed"
    assert detected["icon"] == "mdi:alarm-light"
    assert offered["camera_doctor.cleared"] == {
        "fields": {},
        "target": CAMERA_TARGET,
        "name": "Camera stops flashing red",
        "icon": "mdi:check-circle-outline",
    }


async def test_advice_only_when_chosen(
    hass: HomeAssistant, house: House, freezer: FrozenDateTimeFactory
) -> None:
    """An available update does not flash red: only a trigger naming it fires.

    A red flash that gives way to the advice has stopped: ``cleared`` fires.
    """
    target = house.target("entity")
    calls = await _automations(
        hass,
        detected=_trigger("cause_detected", target),
        chosen=_trigger("cause_detected", target, cause=["firmware_outdated"]),
        cleared=_trigger("cleared", target),
    )
    garage = house.garage.entity_id
    house.garage.set("firmware", "on", installed_version="1.0", latest_version="1.1")
    await past_grace(hass, freezer)
    assert _messages(calls) == [
        _fired("chosen", garage, "none", "firmware_outdated"),
    ]
    house.garage.set("battery", "8")
    await past_grace(hass, freezer)
    assert _messages(calls) == [
        _fired("detected", garage, "firmware_outdated", "low_battery"),
    ]
    house.garage.set("battery", "90")
    await past_grace(hass, freezer)
    cleared = _fired("chosen", garage, "low_battery", "firmware_outdated")
    assert _messages(calls) == [
        cleared,
        cleared.replace("chosen:", "cleared:").replace(
            "camera_doctor.cause_detected", "camera_doctor.cleared"
        ),
    ]


async def test_no_trigger_for_a_blip_inside_the_grace_period(
    hass: HomeAssistant, house: House, freezer: FrozenDateTimeFactory
) -> None:
    """A reading that recovers within the grace period triggers nothing."""
    calls = await _detected_and_cleared(hass, house.target("entity"))
    house.garage.set("signal", "-90")
    await advance(hass, freezer, timedelta(minutes=3))
    house.garage.set("signal", "-55")
    await past_grace(hass, freezer)
    await past_grace(hass, freezer)
    assert calls == []


@pytest.mark.parametrize("kind", [*TARGET_KINDS, "every"])
async def test_fire_once_per_camera_and_confirmed_change(
    hass: HomeAssistant, house: House, freezer: FrozenDateTimeFactory, kind: str
) -> None:
    """Each target kind (or all at once) fires for its camera, once per change."""
    calls = await _detected_and_cleared(hass, house.target(kind))
    garage = house.garage.entity_id

    house.porch.set("battery", "8")
    house.garage.set("battery", "8")
    await past_grace(hass, freezer)
    assert _messages(calls) == [_fired("detected", garage, "none", "low_battery")]

    # Nothing new: the same cause, diagnosed again, fires nothing.
    house.garage.set("temperature", "22")
    await past_grace(hass, freezer)
    assert calls == []

    house.porch.set("battery", "90")
    house.garage.set("battery", "90")
    await hass.async_block_till_done()
    assert _messages(calls) == [_fired("cleared", garage, "low_battery", "none")]


async def test_cause_filter(
    hass: HomeAssistant, house: House, freezer: FrozenDateTimeFactory
) -> None:
    """Chosen causes fire only for them; no choice fires for any cause."""
    target = house.target("entity")
    calls = await _automations(
        hass,
        battery=_trigger("cause_detected", target, cause=["low_battery", "too_cold"]),
        any=_trigger("cause_detected", target, cause=[]),
    )
    garage = house.garage.entity_id

    house.garage.set("signal", "-90")
    await past_grace(hass, freezer)
    assert _messages(calls) == [_fired("any", garage, "none", "weak_signal")]

    house.garage.set("signal", "-55")
    house.garage.set("battery", "8")
    await past_grace(hass, freezer)
    assert _messages(calls) == [
        _fired("any", garage, "none", "low_battery"),
        _fired("battery", garage, "none", "low_battery"),
    ]


async def test_target_follows_the_registries(
    hass: HomeAssistant, house: House, freezer: FrozenDateTimeFactory
) -> None:
    """A camera labelled after the automation started is targeted from then on."""
    calls = await _automations(
        hass, detected=_trigger("cause_detected", house.target("label"))
    )
    er.async_get(hass).async_update_entity(
        house.porch.entity_id, labels={house.label_id}
    )
    house.porch.set("battery", "8")
    await past_grace(hass, freezer)
    assert _messages(calls) == [
        _fired("detected", house.porch.entity_id, "none", "low_battery")
    ]

    lr.async_get(hass).async_delete(house.label_id)
    house.porch.set("battery", "90")
    await hass.async_block_till_done()
    house.porch.set("battery", "8")
    await past_grace(hass, freezer)
    assert calls == []


async def test_detaches_with_the_automation(
    hass: HomeAssistant, house: House, freezer: FrozenDateTimeFactory
) -> None:
    """Turning the automation off removes its listeners."""
    calls = await _automations(
        hass, detected=_trigger("cause_detected", house.target("area"))
    )
    await hass.services.async_call(
        automation.DOMAIN, "turn_off", {"entity_id": "all"}, blocking=True
    )
    house.garage.set("battery", "8")
    await past_grace(hass, freezer)
    assert calls == []


GARAGE = {"entity_id": "camera.garage"}


@pytest.mark.parametrize(
    ("conf", "error"),
    [
        (_trigger("cause_detected", GARAGE, cause=["none"]), "cause"),
        (_trigger("cause_detected", GARAGE, cause=["oops"]), "cause"),
        (_trigger("cleared", GARAGE, cause=["low_battery"]), "cause"),
        ({"trigger": "camera_doctor.cause_detected"}, "target"),
        (_trigger("flashing", GARAGE), "Invalid trigger"),
    ],
)
@pytest.mark.usefixtures("house")
async def test_invalid_configs(
    hass: HomeAssistant, conf: dict[str, Any], error: str
) -> None:
    """``none`` and unknown causes, a missing target, unknown triggers: refused."""
    with pytest.raises(vol.Invalid, match=error):
        await async_validate_trigger_config(hass, cv.TRIGGER_SCHEMA(conf))


@pytest.mark.usefixtures("house")
async def test_documented_example_is_valid(hass: HomeAssistant) -> None:
    """The example automation of docs/automations.md validates as written."""
    docs = Path(__file__).parents[3] / "docs" / "automations.md"
    section = docs.read_text("utf-8").split(
        "## Automations in the newest Home Assistant", 1
    )[1]
    example = yaml.safe_load(section.split("```yaml", 1)[1].split("```", 1)[0])
    automation_conf = example["automation"][0]
    await async_validate_trigger_config(
        hass, cv.TRIGGER_SCHEMA(automation_conf["triggers"])
    )
    for conf in automation_conf["conditions"]:
        await condition.async_validate_condition_config(hass, conf)
