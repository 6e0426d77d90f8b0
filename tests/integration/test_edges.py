"""Edge cases of the Home Assistant layer: garbage stored, gone cameras, versions."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace
from typing import Any
from unittest.mock import patch

from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.entity import Entity
from homeassistant.helpers.entity_platform import async_get_platforms
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor import compat
from custom_components.camera_doctor.const import DOMAIN
from custom_components.camera_doctor.diagnosis import Cause
from custom_components.camera_doctor.freshness import (
    Freshness,
    next_freshness,
    source_updating,
)
from custom_components.camera_doctor.repairs import async_create_fix_flow
from custom_components.camera_doctor.store import diagnosis_from_dict

from .fleet import FakeCamera, add_generic_camera


def test_unreadable_stored_diagnoses_are_dropped() -> None:
    """Anything that is not a stored diagnosis reads back as nothing."""
    assert diagnosis_from_dict({}) is None
    assert diagnosis_from_dict({"cause": "bogus"}) is None
    assert diagnosis_from_dict({"cause": "none", "since": ["not", "a", "map"]}) is None
    restored = diagnosis_from_dict(
        {"cause": "too_cold", "causes": ["too_cold", "x"], "since": {"x": "y"}}
    )
    assert restored is not None
    assert restored.causes == (Cause.TOO_COLD,)
    assert restored.since == {}


def test_freshness_ignores_garbage_and_missing_states() -> None:
    """Stored garbage is skipped; a state that is gone is not updating."""
    assert Freshness.from_dict("garbage") is None
    assert Freshness.from_dict({"readings": [], "changed_at": "2026-01-01"}) is None
    assert Freshness.from_dict({"readings": {"t": 1}, "changed_at": "not"}) is None
    read = Freshness.from_dict(
        {"readings": {"t": 1, "x": [1], "b": True}, "changed_at": "2026-01-01T00:00"}
    )
    assert read is not None
    assert read.as_dict()["readings"] == {"t": 1}
    assert source_updating(None, dt_util.utcnow()) is False
    now = dt_util.utcnow()
    assert next_freshness(None, {}, now) is None
    assert next_freshness(None, {"thumbnail": "a.jpg"}, now) is None
    seen = next_freshness(None, {"t": 1.0}, now)
    assert seen is not None
    assert seen.changed_at == now
    later = next_freshness(seen, {"t": 1.0}, now + timedelta(hours=1))
    assert later is not None
    assert later.changed_at == now


async def test_both_ways_of_linking_to_the_camera_device(hass: HomeAssistant) -> None:
    """Older releases link through device_info, newer through device_entry."""
    camera = add_generic_camera(hass, "Garage")
    for device_entry in (True, False):
        entity = Entity()
        with patch.object(compat, "ENTITY_DEVICE_ENTRY", device_entry):
            link = compat.device_link(hass, camera.device_id)
            compat.link_entity_to_device(entity, link)
        if device_entry:
            assert entity.device_entry is not None
            assert entity.device_entry.id == camera.device_id
        else:
            assert entity.device_info is not None
            assert entity.device_info["identifiers"] == {("acme", "garage")}
    nothing = Entity()
    assert compat.device_link(hass, None) is None
    assert compat.device_link(hass, "no-such-device") is None
    compat.link_entity_to_device(nothing, None)
    assert nothing.device_entry is None
    assert nothing.device_info is None


@pytest.mark.parametrize(
    ("helper", "selection"),
    [
        pytest.param(None, None, id="2025.4-service-helper"),
        pytest.param("TargetSelectorData", "data", id="2025.8-target-helper"),
        pytest.param("TargetSelection", "selection", id="newer-target-helper"),
    ],
)
async def test_every_target_resolver(
    hass: HomeAssistant, helper: str | None, selection: str | None
) -> None:
    """Whichever helper resolves targets, named and contained ids come apart."""
    call = ServiceCall(hass, DOMAIN, "diagnose", {"entity_id": ["camera.a"]})
    seen: list[tuple[Any, ...]] = []

    def extract(*args: Any) -> SimpleNamespace:
        seen.append(args)
        return SimpleNamespace(
            referenced={"camera.a"}, indirectly_referenced={"camera.a", "camera.b"}
        )

    target = None
    if helper is not None:
        target = SimpleNamespace(async_extract_referenced_entity_ids=extract)
        setattr(target, helper, lambda data: (selection, data))
    with (
        patch.object(compat, "_TARGET", target),
        patch.object(
            compat.service, "async_extract_referenced_entity_ids", extract, create=True
        ),
    ):
        targets = compat.extract_targets(hass, call)
    assert targets == compat.Targets(frozenset({"camera.a"}), frozenset({"camera.b"}))
    expected = (call,) if helper is None else ((selection, call.data),)
    assert seen == [(hass, *expected)]


async def test_fix_flow_for_a_camera_that_is_gone(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """A notice whose camera is no longer watched says so and goes; unloaded, waits."""
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    ir.async_create_issue(
        hass,
        DOMAIN,
        "no_connection_gone",
        is_fixable=True,
        severity=ir.IssueSeverity.WARNING,
        translation_key="no_connection",
        translation_placeholders={"camera": "Shed"},
    )
    flow = await async_create_fix_flow(
        hass, "no_connection_gone", {"cause": "no_connection", "registry_id": "gone"}
    )
    flow.hass = hass
    done = await flow.async_step_init()
    assert done["type"] == "abort"
    assert done["reason"] == "not_watched"
    assert done["description_placeholders"] == {"camera": "Shed"}
    assert ir.async_get(hass).async_get_issue(DOMAIN, "no_connection_gone") is None
    done = await flow.async_step_confirm({})
    assert done["reason"] == "not_watched"
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    flow = await async_create_fix_flow(hass, "unexplained_x", None)
    flow.hass = hass
    assert (await flow.async_step_init())["reason"] == "not_loaded"
    assert (await flow.async_step_confirm({}))["reason"] == "not_loaded"


async def test_a_cameras_entities_share_one_device_link(
    hass: HomeAssistant, garage: FakeCamera
) -> None:
    """All of a camera's entities reach its device through one shared link."""
    entities = [
        entity
        for platform in async_get_platforms(hass, DOMAIN)
        for entity in platform.entities.values()
    ]
    assert len(entities) == 5
    links = {
        id(entity.device_entry if compat.ENTITY_DEVICE_ENTRY else entity.device_info)
        for entity in entities
    }
    assert len(links) == 1
    assert entities[0].device_entry is not None or entities[0].device_info
