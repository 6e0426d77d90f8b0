"""A small house for the triggers and condition of the target-first editor.

Home Assistant releases with integration trigger and condition platforms
(``Trigger`` in ``homeassistant.helpers.trigger``) offer them; older ones
(the oldest supported, 2025.4) do not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers import (
    area_registry as ar,
    device_registry as dr,
    entity_registry as er,
    floor_registry as fr,
    label_registry as lr,
    trigger,
)
from homeassistant.helpers.icon import async_get_icons
from homeassistant.helpers.translation import async_get_translations
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.camera_doctor.const import DOMAIN
from tests.integration.fleet import FakeCamera, add_generic_camera, setup_entry

HAS_EDITOR_PLATFORMS = hasattr(trigger, "Trigger")
newest_only = pytest.mark.skipif(
    not HAS_EDITOR_PLATFORMS,
    reason="this Home Assistant has no integration trigger/condition platforms",
)

TARGET_KINDS = ("entity", "device", "area", "floor", "label")
CAMERA_TARGET = {"entity": [{"domain": ["camera"]}]}


@dataclass
class House:
    """Two cameras and the places that name them.

    The garage camera is in the garage, on the ground floor, labelled
    outdoor; the porch camera is in the porch, on no floor, without label.
    """

    garage: FakeCamera
    porch: FakeCamera
    area_id: str
    floor_id: str
    label_id: str

    def target(self, kind: str) -> dict[str, Any]:
        """A target naming the garage camera one way, or every way at once."""
        targets: dict[str, dict[str, Any]] = {
            "entity": {"entity_id": self.garage.entity_id},
            "device": {"device_id": self.garage.device_id},
            "area": {"area_id": self.area_id},
            "floor": {"floor_id": self.floor_id},
            "label": {"label_id": self.label_id},
        }
        if kind == "every":
            return {
                key: ids for target in targets.values() for key, ids in target.items()
            }
        return targets[kind]


async def async_build_house(hass: HomeAssistant, entry: MockConfigEntry) -> House:
    """Two healthy cameras in their places, watched by a loaded entry."""
    garage = add_generic_camera(hass, "Garage")
    porch = add_generic_camera(hass, "Porch")
    floor = fr.async_get(hass).async_create("Ground floor")
    areas = ar.async_get(hass)
    garage_area = areas.async_create("Garage", floor_id=floor.floor_id)
    porch_area = areas.async_create("Porch")
    devices = dr.async_get(hass)
    devices.async_update_device(garage.device_id, area_id=garage_area.id)
    devices.async_update_device(porch.device_id, area_id=porch_area.id)
    label = lr.async_get(hass).async_create("Outdoor")
    er.async_get(hass).async_update_entity(garage.entity_id, labels={label.label_id})
    await setup_entry(hass, entry)
    return House(garage, porch, garage_area.id, floor.floor_id, label.label_id)


async def async_offered(
    hass: HomeAssistant, hass_ws_client: WebSocketGenerator, kind: str
) -> dict[str, dict[str, Any]]:
    """Our triggers or conditions (``kind``) as the editor gets them.

    Each: its description, with its name and icon.
    """
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": f"{kind}_platforms/subscribe"})
    assert (await client.receive_json())["success"]
    descriptions = (await client.receive_json())["event"]
    names = await async_get_translations(hass, "en", f"{kind}s", [DOMAIN])
    icons = (await async_get_icons(hass, f"{kind}s", [DOMAIN]))[DOMAIN]
    return {
        key: description
        | {
            "name": names[f"component.{DOMAIN}.{kind}s.{key.partition('.')[2]}.name"],
            "icon": icons[key.partition(".")[2]][kind],
        }
        for key, description in descriptions.items()
        if key.startswith(f"{DOMAIN}.")
    }


def assert_cause_choice(description: dict[str, Any]) -> None:
    """A camera target, and an optional choice of several causes."""
    assert description["target"] == CAMERA_TARGET
    cause = description["fields"]["cause"]
    assert cause["required"] is False
    assert cause["selector"]["select"]["multiple"] is True
    # Labelled so that the advice says it does not flash red.
    assert cause["selector"]["select"]["translation_key"] == "trigger_cause"
