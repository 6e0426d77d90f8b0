"""Readings the camera's integration hides by default (``missing_readings``).

Shapes as the integrations register them: core's ring creates
``wifi_signal_strength`` (signal strength, dBm) and ``wifi_signal_category``
disabled; core's reolink ``battery_state``, ``battery_temperature`` and
``wifi_signal`` (``entity_registry_enabled_default=False``). In the entity
registry that is ``disabled_by=integration``; what the user disabled is
``disabled_by=user`` and is never offered.
"""

from __future__ import annotations

from datetime import timedelta
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.repairs import repairs_flow_manager
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from homeassistant.loader import async_get_integration
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor import readings_issues
from custom_components.camera_doctor.const import DOMAIN
from custom_components.camera_doctor.discovery import CameraSpec
from custom_components.camera_doctor.profiles import Reading

from .fleet import (
    CAUSE,
    FakeCamera,
    add_camera,
    advance,
    diagnose,
    our_issues,
    settle,
    setup_entry,
)

INTEGRATION = er.RegistryEntryDisabler.INTEGRATION
USER = er.RegistryEntryDisabler.USER
# (key, domain, device class, unit, name) of the entities each brand hides.
RING_HIDDEN = (
    ("wifi_signal_strength", "sensor", "signal_strength", "dBm", "Signal strength"),
    ("wifi_signal_category", "sensor", None, None, "Signal category"),
)
REOLINK_HIDDEN = (
    ("battery_state", "sensor", "enum", None, "Battery state"),
    ("battery_temperature", "sensor", "temperature", "°C", "Battery temperature"),
    ("wifi_signal", "sensor", None, None, "Wi-Fi signal"),
)


def add_hidden(
    camera: FakeCamera,
    source_entry: MockConfigEntry,
    hidden: tuple[tuple[str, str, str | None, str | None, str], ...],
    disabled_by: dict[str, er.RegistryEntryDisabler] | None = None,
) -> None:
    """Register the entities the integration creates disabled on the camera."""
    ent_reg = er.async_get(camera.hass)
    serial = camera.entity_id.partition(".")[2]
    for key, domain, device_class, unit, name in hidden:
        entry = ent_reg.async_get_or_create(
            domain,
            camera.platform,
            f"{serial}-{key}",
            config_entry=source_entry,
            device_id=camera.device_id,
            suggested_object_id=f"{serial}_{key}",
            original_device_class=device_class,
            unit_of_measurement=unit,
            original_name=name,
            has_entity_name=True,
            disabled_by=(disabled_by or {}).get(key, INTEGRATION),
        )
        camera.siblings[key] = entry.entity_id


def add_ring(
    hass: HomeAssistant, name: str, ring: MockConfigEntry, **kwargs: object
) -> FakeCamera:
    """A Ring battery doorbell as core's ring registers it."""
    camera = add_camera(
        hass,
        name,
        platform="ring",
        manufacturer="Ring",
        model="Battery Video Doorbell",
        siblings={"battery": ("sensor", "battery", "%")},
        source_entry=ring,
    )
    add_hidden(camera, ring, RING_HIDDEN, **kwargs)  # type: ignore[arg-type]
    camera.set("camera", "idle")
    camera.set("battery", "80")
    return camera


def loaded_entry(hass: HomeAssistant, domain: str, title: str) -> MockConfigEntry:
    """A loaded config entry of a camera integration."""
    entry = MockConfigEntry(domain=domain, title=title, state=ConfigEntryState.LOADED)
    entry.add_to_hass(hass)
    return entry


def ring_entry(hass: HomeAssistant) -> MockConfigEntry:
    """Core ring's entry: its title is the account, not the integration."""
    return loaded_entry(hass, "ring", "owner@example.com")


async def test_one_notice_per_integration_enables_the_hidden_readings(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Two Ring cameras, one notice; its fix enables them; they are then used."""
    await async_get_integration(hass, "ring")
    ring = ring_entry(hass)
    front = add_ring(hass, "Front Door", ring)
    back = add_ring(hass, "Back Door", ring)
    await setup_entry(hass, mock_config_entry)

    issue_id = f"missing_readings_{ring.entry_id}"
    assert set(our_issues(hass)) == {issue_id}
    issue = our_issues(hass)[issue_id]
    assert issue.is_fixable
    assert issue.severity is ir.IssueSeverity.WARNING
    assert issue.translation_key == "missing_readings"
    words = issue.translation_placeholders or {}
    assert words["integration"] == "Ring"
    assert words["cameras"] == "Back Door, Front Door"
    signal = "the Wi-Fi signal, to tell a weak signal from other connection problems"
    assert words["entities"].splitlines() == [
        f"- **Back Door Signal category**: {signal}",
        f"- **Back Door Signal strength**: {signal}",
        f"- **Front Door Signal category**: {signal}",
        f"- **Front Door Signal strength**: {signal}",
    ]

    answer = await diagnose(hass, front)
    assert answer["missing"] == {
        "signal": "disabled_by_integration",
        "temperature": "not_provided",
        "connectivity": "not_provided",
        "charging": "not_provided",
    }

    manager = repairs_flow_manager(hass)
    assert manager is not None
    flow = await manager.async_init(DOMAIN, data={"issue_id": issue_id})
    assert flow["type"] == "form"
    assert flow["step_id"] == "confirm"
    assert flow["description_placeholders"] == words
    result = await manager.async_configure(flow["flow_id"], {})
    assert result["type"] == "abort"
    assert result["reason"] == "enabled"
    assert result["description_placeholders"]["integration"] == "Ring"
    await settle(hass)

    ent_reg = er.async_get(hass)
    for camera in (front, back):
        for key, *_ in RING_HIDDEN:
            entry = ent_reg.async_get(camera.siblings[key])
            assert entry is not None
            assert entry.disabled_by is None
    assert our_issues(hass) == {}
    assert "signal" not in (await diagnose(hass, front))["missing"]

    # Ring reloads and creates them: the next diagnosis reads them.
    front.set("wifi_signal_strength", "-90")
    front.set("wifi_signal_category", "poor")
    back.set("wifi_signal_strength", "-50")
    back.set("wifi_signal_category", "good")
    await advance(hass, freezer, timedelta(minutes=6))
    assert hass.states.get(CAUSE.format("front_door")).state == "weak_signal"
    assert hass.states.get(CAUSE.format("back_door")).state == "none"


async def test_ignore_sticks(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """Ignored: kept (not re-created) through a new camera and a reload."""
    ring = ring_entry(hass)
    add_ring(hass, "Front Door", ring)
    await setup_entry(hass, mock_config_entry)
    issue_id = f"missing_readings_{ring.entry_id}"
    ir.async_ignore_issue(hass, DOMAIN, issue_id, True)

    add_ring(hass, "Back Door", ring)
    await settle(hass)
    issue = our_issues(hass)[issue_id]
    assert (issue.translation_placeholders or {})["cameras"] == "Back Door, Front Door"
    assert issue.dismissed_version is not None

    assert await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await settle(hass)
    assert our_issues(hass)[issue_id].dismissed_version is not None


async def test_never_for_what_the_user_disabled(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """A reading the user disabled is not offered, and alone raises no notice."""
    reolink = loaded_entry(hass, "reolink", "Reolink")
    porch = add_camera(
        hass,
        "Porch",
        platform="reolink",
        manufacturer="Reolink",
        model="Argus 4 Pro",
        siblings={"battery_percent": ("sensor", "battery", "%")},
        source_entry=reolink,
    )
    add_hidden(
        porch,
        reolink,
        REOLINK_HIDDEN,
        disabled_by={"battery_state": USER, "wifi_signal": USER},
    )
    porch.set("camera", "idle")
    porch.set("battery_percent", "80")
    # The user disabled Ring's signal strength: its hidden category is not
    # offered either (the user chose not to see the Wi-Fi signal).
    ring = ring_entry(hass)
    front = add_ring(
        hass, "Front Door", ring, disabled_by={"wifi_signal_strength": USER}
    )
    await setup_entry(hass, mock_config_entry)

    assert f"missing_readings_{ring.entry_id}" not in our_issues(hass)
    assert (await diagnose(hass, front))["missing"]["signal"] == "disabled_by_user"

    issue_id = f"missing_readings_{reolink.entry_id}"
    words = our_issues(hass)[issue_id].translation_placeholders or {}
    temperature = "the temperature, to tell when the camera is too hot or too cold"
    assert words["entities"].splitlines() == [
        f"- **Porch Battery temperature**: {temperature}"
    ]
    assert (await diagnose(hass, porch))["missing"] == {
        "signal": "disabled_by_user",
        "temperature": "disabled_by_integration",
        "connectivity": "not_provided",
        "charging": "disabled_by_user",
    }

    manager = repairs_flow_manager(hass)
    assert manager is not None
    flow = await manager.async_init(DOMAIN, data={"issue_id": issue_id})
    await manager.async_configure(flow["flow_id"], {})
    await settle(hass)
    ent_reg = er.async_get(hass)
    state_entry = ent_reg.async_get(porch.siblings["battery_state"])
    assert state_entry is not None
    assert state_entry.disabled_by is USER
    category = ent_reg.async_get(front.siblings["wifi_signal_category"])
    assert category is not None
    assert category.disabled_by is INTEGRATION
    assert our_issues(hass) == {}
    assert (await diagnose(hass, porch))["missing"]["charging"] == "disabled_by_user"


async def test_cleared_when_enabled_by_hand_or_camera_removed(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """Enabled in the entity settings, or its camera gone: the notice goes."""
    ring = ring_entry(hass)
    front = add_ring(hass, "Front Door", ring)
    back = add_ring(hass, "Back Door", ring)
    await setup_entry(hass, mock_config_entry)
    issue_id = f"missing_readings_{ring.entry_id}"
    ent_reg = er.async_get(hass)

    for key, *_ in RING_HIDDEN:
        ent_reg.async_update_entity(front.siblings[key], disabled_by=None)
    await settle(hass)
    words = our_issues(hass)[issue_id].translation_placeholders or {}
    assert words["cameras"] == "Back Door"

    ent_reg.async_remove(back.entity_id)
    await settle(hass)
    assert our_issues(hass) == {}


async def test_nothing_left_to_enable(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """A fix started after the user enabled them by hand says so."""
    ring = ring_entry(hass)
    front = add_ring(hass, "Front Door", ring)
    await setup_entry(hass, mock_config_entry)
    issue_id = f"missing_readings_{ring.entry_id}"
    manager = repairs_flow_manager(hass)
    assert manager is not None
    flow = await manager.async_init(DOMAIN, data={"issue_id": issue_id})
    ent_reg = er.async_get(hass)
    for key, *_ in RING_HIDDEN:
        ent_reg.async_update_entity(front.siblings[key], disabled_by=None)
    result = await manager.async_configure(flow["flow_id"], {})
    assert result["reason"] == "nothing_hidden"

    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    flow = await manager.async_init(DOMAIN, data={"issue_id": issue_id})
    result = await manager.async_configure(flow["flow_id"], {})
    assert result["reason"] == "not_loaded"


async def test_a_hidden_entity_that_reads_nothing_asks_for_nothing(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """Blink hides its "camera armed" sensor: no notice, nothing else judged.

    Nothing the integration hid carries a reading: only the hidden entities
    are looked at, and nothing is offered.
    """
    blink = loaded_entry(hass, "blink", "Blink")
    camera = add_camera(
        hass,
        "Front Door",
        platform="blink",
        manufacturer="Immedia",
        siblings={"temperature": ("sensor", "temperature", "°C")},
        source_entry=blink,
    )
    add_hidden(camera, blink, (("camera_armed", "binary_sensor", None, None, "Armed"),))
    camera.set("camera", "idle")
    camera.set("temperature", "21")
    judged: list[str] = []
    kinds = readings_issues._kinds

    def counting(spec: CameraSpec, entry: er.RegistryEntry) -> frozenset[Reading]:
        judged.append(entry.entity_id)
        return kinds(spec, entry)

    with patch.object(readings_issues, "_kinds", counting):
        await setup_entry(hass, mock_config_entry)
    assert our_issues(hass) == {}
    assert judged == [camera.siblings["camera_armed"]]
    missing = (await diagnose(hass, camera))["missing"]
    assert "disabled_by_integration" not in missing.values()


async def test_notice_follows_a_renamed_entity(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """The name the user gives a hidden entity is the one the notice shows."""
    ring = ring_entry(hass)
    front = add_ring(hass, "Front Door", ring)
    await setup_entry(hass, mock_config_entry)
    issue_id = f"missing_readings_{ring.entry_id}"
    ent_reg = er.async_get(hass)
    ent_reg.async_update_entity(front.siblings["wifi_signal_strength"], name="Wi-Fi")
    await settle(hass)
    words = our_issues(hass)[issue_id].translation_placeholders or {}
    assert words["entities"].splitlines()[1].startswith("- **Wi-Fi**: ")
