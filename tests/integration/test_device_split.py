"""Camera Doctor set up on a release that linked through device_info, then upgraded.

``fixtures/registries_2025_4.json`` holds the registries Camera Doctor left on
Home Assistant 2025.4: the camera "Garage" of the integration ``acme``, whose
device Camera Doctor's config entry was added to; Camera Doctor's entities
on it (one renamed by the owner, the device renamed too); a low-battery
notice the owner ignored. Loaded by the release under test, they are migrated
as an owner's are: from 2026.8 the device is split into the camera's and a
twin of Camera Doctor's, with Camera Doctor's entities moved to the twin.
"""

from __future__ import annotations

from collections.abc import Iterator
import copy
from datetime import timedelta
import json
from pathlib import Path
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.bootstrap import DATA_REGISTRIES_LOADED
from homeassistant.components import automation
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import CoreState, HomeAssistant
from homeassistant.helpers import (
    area_registry as ar,
    category_registry as cr,
    device_registry as dr,
    entity_registry as er,
    floor_registry as fr,
    issue_registry as ir,
    label_registry as lr,
)
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_mock_service,
)

from custom_components.camera_doctor import compat
from custom_components.camera_doctor.const import DOMAIN

from .fleet import FakeCamera, advance, past_grace

REGISTRIES: dict[str, Any] = json.loads(
    (Path(__file__).parent / "fixtures" / "registries_2025_4.json").read_text("utf-8")
)
ACME_ENTRY = "01ACMEENTRY0000000000000000"
OUR_ENTRY = "01CAMERADOCTORENTRY00000000"
# The camera's device as Home Assistant 2025.4 stored it (with both entries).
OLD_DEVICE = REGISTRIES["core.device_registry"]["data"]["devices"][0]["id"]
OURS = {
    entity["entity_id"]: entity
    for entity in REGISTRIES["core.entity_registry"]["data"]["entities"]
    if entity["platform"] == DOMAIN
}
IGNORED = REGISTRIES["repairs.issue_registry"]["data"]["issues"][0]["issue_id"]

pytestmark = pytest.mark.parametrize("load_registries", [False])


def _devices(hass: HomeAssistant) -> list[dr.DeviceEntry]:
    """Every device (iterating the registry's devices yields entries from 2026.8)."""
    devices = dr.async_get(hass).devices
    return list(devices) if compat.SPLIT_DEVICES else list(devices.values())


def _garages(hass: HomeAssistant) -> list[dr.DeviceEntry]:
    """The devices of the camera, as Settings → Devices lists them."""
    return [d for d in _devices(hass) if ("acme", "garage") in d.identifiers]


async def _load(hass: HomeAssistant, hass_storage: dict[str, Any]) -> MockConfigEntry:
    """The 2025.4 registries and both config entries, loaded; Camera Doctor not set up."""
    hass_storage.update(copy.deepcopy(REGISTRIES))
    MockConfigEntry(
        domain="acme", title="Acme", entry_id=ACME_ENTRY, state=ConfigEntryState.LOADED
    ).add_to_hass(hass)
    entry = MockConfigEntry(
        domain=DOMAIN, title="Camera Doctor", data={}, version=2, entry_id=OUR_ENTRY
    )
    entry.add_to_hass(hass)
    if hasattr(dr, "async_setup"):  # 2026.8: set up, then loaded
        dr.async_setup(hass)
    for registry in (ar, cr, dr, er, fr, ir, lr):
        await registry.async_load(hass)
    hass.data[DATA_REGISTRIES_LOADED] = None
    return entry


def _garage(hass: HomeAssistant) -> FakeCamera:
    """The camera, its battery still low (not yet critical)."""
    ent_reg = er.async_get(hass)
    camera = ent_reg.async_get("camera.garage")
    assert camera is not None
    assert camera.device_id is not None
    garage = FakeCamera(
        hass,
        "Garage",
        "acme",
        camera.entity_id,
        camera.device_id,
        camera.id,
        {
            key: f"{domain}.garage_{key}"
            for key, domain in (
                ("battery", "sensor"),
                ("signal", "sensor"),
                ("temperature", "sensor"),
                ("connectivity", "binary_sensor"),
                ("firmware", "update"),
            )
        },
    )
    for key, state in (
        ("camera", "idle"),
        ("battery", "15"),
        ("signal", "-55"),
        ("temperature", "21"),
        ("connectivity", "on"),
    ):
        garage.set(key, state)
    garage.set("firmware", "off", installed_version="1", latest_version="1")
    return garage


async def _registries_cleaned_up(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Let the device registry's debounced clean-up run, then its cool-down."""
    for _ in range(2):
        await advance(hass, freezer, timedelta(minutes=1))


@pytest.fixture
def calls(hass: HomeAssistant) -> Iterator[list[Any]]:
    """What the automation written on 2025.4 ran."""
    return async_mock_service(hass, "test", "automation")


async def _automation(hass: HomeAssistant) -> None:
    """A device trigger on the camera's device, as written on 2025.4."""
    trigger = {
        "platform": "device",
        "domain": DOMAIN,
        "device_id": OLD_DEVICE,
        "type": "cleared",
    }
    action = {"action": "test.automation", "data": {"message": "garage"}}
    assert await async_setup_component(
        hass,
        automation.DOMAIN,
        {automation.DOMAIN: [{"triggers": [trigger], "actions": [action]}]},
    )


@pytest.mark.parametrize("automation_first", [True, False])
async def test_upgrade_shows_each_camera_once(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    freezer: FrozenDateTimeFactory,
    calls: list[Any],
    automation_first: bool,
) -> None:
    """One device per camera, with Camera Doctor's entities; nothing else lost.

    On releases that link through device_info nothing changes: the entry on
    the camera's device is how its entities are shown there. The automation
    (written on 2025.4, naming the camera's device) is read before or after
    Camera Doctor's set-up (start-up runs both at once), and attached once
    Home Assistant has started.
    """
    entry = await _load(hass, hass_storage)
    ent_reg = er.async_get(hass)
    dev_reg = dr.async_get(hass)
    if compat.SPLIT_DEVICES:  # the split state: a twin holding Camera Doctor's entities
        [twin] = dr.async_entries_for_config_entry(dev_reg, OUR_ENTRY)
        assert len(_garages(hass)) == 2
        assert {ent_reg.async_get(i).device_id for i in OURS} == {twin.id}  # type: ignore[union-attr]
    garage = _garage(hass)
    if automation_first:  # as Home Assistant starts: triggers attach once started
        hass.set_state(CoreState.not_running)
        await _automation(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    if automation_first:
        await hass.async_start()
        await hass.async_block_till_done()
    else:
        await _automation(hass)

    [device] = _garages(hass)
    assert device.id == garage.device_id
    assert device.name_by_user == "Garage over the door"
    for entity_id, stored in OURS.items():
        entity = ent_reg.async_get(entity_id)
        assert entity is not None, entity_id
        assert entity.id == stored["id"]  # the same entry: history, settings kept
        assert entity.device_id == device.id
        assert entity.name == stored["name"]
    assert ent_reg.async_get("sensor.garage_red_flash_cause").name == (  # type: ignore[union-attr]
        "Why the garage flashes"
    )
    ours = dr.async_entries_for_config_entry(dev_reg, OUR_ENTRY)
    if compat.ENTITY_DEVICE_ENTRY:
        assert ours == []
    else:
        assert ours == [device]
        assert device.id == OLD_DEVICE

    issue = ir.async_get(hass).async_get_issue(DOMAIN, IGNORED)
    assert issue is not None
    assert issue.dismissed_version is not None  # the owner's "Ignore" holds
    assert calls == []
    garage.set("battery", "90")  # charged
    await past_grace(hass, freezer)
    assert [call.data["message"] for call in calls] == ["garage"]

    # Once is enough: a restart finds nothing to do.
    assert compat.async_forget_device_info_links(hass, OUR_ENTRY, {}) == {}
    await _registries_cleaned_up(hass, freezer)


async def test_entry_taken_off_a_shared_device_keeps_the_entities(
    hass: HomeAssistant, hass_storage: dict[str, Any], freezer: FrozenDateTimeFactory
) -> None:
    """2025.8 to 2026.7: the entry leaves the camera's device, its entities stay.

    Run where a device still has several entries (the registry removes an
    entry's entities from a device the entry leaves).
    """
    if compat.SPLIT_DEVICES:
        pytest.skip("a device has one config entry from 2026.8")
    await _load(hass, hass_storage)
    with patch.object(compat, "ENTITY_DEVICE_ENTRY", True):
        removed = compat.async_forget_device_info_links(hass, OUR_ENTRY, {})
    await _registries_cleaned_up(hass, freezer)
    assert removed == {}
    device = dr.async_get(hass).async_get(OLD_DEVICE)
    assert device is not None
    assert device.config_entries == {ACME_ENTRY}
    ent_reg = er.async_get(hass)
    for entity_id, stored in OURS.items():
        entity = ent_reg.async_get(entity_id)
        assert entity is not None, entity_id
        assert (entity.id, entity.device_id) == (stored["id"], OLD_DEVICE)
