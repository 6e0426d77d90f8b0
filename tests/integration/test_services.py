"""The diagnose, recheck and battery_replaced actions."""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import CONF_EXCLUDE, DOMAIN

from .fleet import FakeCamera, add_camera, add_generic_camera, past_grace, setup_entry


@pytest.fixture
async def cameras(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> tuple[FakeCamera, FakeCamera]:
    """Two cameras; the second is excluded in the options."""
    garage = add_generic_camera(hass, "Garage")
    porch = add_generic_camera(hass, "Porch")
    mock_config_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(
        mock_config_entry,
        options={**mock_config_entry.options, CONF_EXCLUDE: [porch.entity_id]},
    )
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return garage, porch


async def test_diagnose_returns_cause_fix_and_steps(
    hass: HomeAssistant,
    cameras: tuple[FakeCamera, FakeCamera],
    freezer: FrozenDateTimeFactory,
) -> None:
    """The response names the cause, the fix key and its translated steps."""
    garage, _ = cameras
    garage.set("signal", "-88")
    await past_grace(hass, freezer)
    response = await hass.services.async_call(
        DOMAIN,
        "diagnose",
        target={"device_id": garage.device_id},
        blocking=True,
        return_response=True,
    )
    result = response["cameras"][garage.entity_id]
    assert result["cause"] == "weak_signal"
    assert result["causes"] == ["weak_signal"]
    assert result["fix"] == "improve_signal"
    assert result["fix_steps"].startswith("1. Move the camera")
    assert result["evidence"]["signal_dbm"] == -88
    assert result["since"]


@pytest.mark.parametrize(
    ("target", "key"),
    [
        ("camera.porch", "camera_excluded"),
        ("camera.nowhere", "camera_not_watched"),
        ("sensor.garage_battery", "no_cameras"),
    ],
)
async def test_diagnose_errors_are_translated(
    hass: HomeAssistant,
    cameras: tuple[FakeCamera, FakeCamera],
    target: str,
    key: str,
) -> None:
    """Unknown, excluded and non-camera targets give a translated error."""
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            "diagnose",
            target={"entity_id": target},
            blocking=True,
            return_response=True,
        )
    assert err.value.translation_domain == DOMAIN
    assert err.value.translation_key == key


async def test_actions_need_a_loaded_entry(hass: HomeAssistant) -> None:
    """Without a loaded entry the actions refuse politely."""
    entry = MockConfigEntry(domain=DOMAIN)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.config_entries.async_unload(entry.entry_id)
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DOMAIN,
            "recheck",
            target={"entity_id": "camera.garage"},
            blocking=True,
        )
    assert err.value.translation_key == "not_loaded"


async def test_recheck_refreshes_sources_then_diagnoses(
    hass: HomeAssistant,
    cameras: tuple[FakeCamera, FakeCamera],
    freezer: FrozenDateTimeFactory,
) -> None:
    """Recheck asks every watched source to refresh, then diagnoses again."""
    garage, _ = cameras
    refreshed: list[ServiceCall] = []

    async def refresh(call: ServiceCall) -> None:
        refreshed.append(call)
        garage.set("temperature", "52")

    hass.services.async_register("homeassistant", "update_entity", refresh)
    response = await hass.services.async_call(
        DOMAIN,
        "recheck",
        target={"entity_id": garage.entity_id},
        blocking=True,
        return_response=True,
    )
    assert set(refreshed[0].data["entity_id"]) == {
        garage.entity_id,
        *garage.siblings.values(),
    }
    # Seen at once, confirmed after the grace period like any other change.
    assert response["cameras"][garage.entity_id]["cause"] == "none"
    # ``pending`` has the cause sensor's shape: ``{cause, since}``.
    pending = response["cameras"][garage.entity_id]["pending"]
    sensor = hass.states.get("sensor.garage_red_flash_cause")
    assert pending == sensor.attributes["pending"]
    assert set(pending) == {"cause", "since"}
    assert pending["cause"] == "overheating"
    await past_grace(hass, freezer)
    assert hass.states.get("sensor.garage_red_flash_cause").state == "overheating"


async def test_recheck_without_response(
    hass: HomeAssistant,
    cameras: tuple[FakeCamera, FakeCamera],
    freezer: FrozenDateTimeFactory,
) -> None:
    """Recheck also runs as a plain action, without the homeassistant domain."""
    garage, _ = cameras
    garage.set("battery", "4")
    result = await hass.services.async_call(
        DOMAIN, "recheck", target={"entity_id": garage.entity_id}, blocking=True
    )
    assert result is None
    await past_grace(hass, freezer)
    assert hass.states.get("sensor.garage_red_flash_cause").state == "low_battery"


async def test_battery_replaced_records_once_the_battery_is_good(
    hass: HomeAssistant,
    cameras: tuple[FakeCamera, FakeCamera],
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """As the notice's button: still low is an error; a good battery is recorded."""
    garage, _ = cameras
    store = mock_config_entry.runtime_data.monitor.store
    garage.set("battery", "5")
    await past_grace(hass, freezer)

    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "battery_replaced",
            {"entity_id": garage.entity_id},
            blocking=True,
        )
    assert raised.value.translation_key == "battery_still_low"
    assert str(raised.value) == (
        f"The battery still reports low: {garage.entity_id}. Check that the new"
        " batteries are in (or the battery is charged), then try again"
    )
    assert store.get(garage.registry_id).batteries_replaced is None

    garage.set("battery", "100")
    await hass.services.async_call(
        DOMAIN, "battery_replaced", {"entity_id": garage.entity_id}, blocking=True
    )
    replaced = store.get(garage.registry_id).batteries_replaced
    assert replaced is not None
    history = store.get(garage.registry_id).battery.history
    assert history.changed_at == replaced.timestamp()
    assert hass.states.get("sensor.garage_red_flash_cause").state == "none"


async def test_battery_replaced_needs_a_battery_camera(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """A wired camera takes no batteries."""
    wired = add_camera(hass, "Shed")
    wired.set("camera", "idle")
    await setup_entry(hass, mock_config_entry)
    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN, "battery_replaced", {"entity_id": wired.entity_id}, blocking=True
        )
    assert raised.value.translation_key == "no_battery"
