"""What an action aims at: cameras named, and cameras an area merely contains."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import area_registry as ar, device_registry as dr
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.camera_doctor.const import CONF_EXCLUDE, DOMAIN

from .fleet import FakeCamera, add_generic_camera, setup_entry


@pytest.fixture
async def drive(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> tuple[FakeCamera, FakeCamera, str]:
    """The Drive area: a watched camera (Garage) and an excluded one (Drive)."""
    garage = add_generic_camera(hass, "Garage")
    drive = add_generic_camera(hass, "Drive")
    area = ar.async_get(hass).async_create("Drive")
    for camera in (garage, drive):
        dr.async_get(hass).async_update_device(camera.device_id, area_id=area.id)
    mock_config_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(
        mock_config_entry,
        options={**mock_config_entry.options, CONF_EXCLUDE: [drive.entity_id]},
    )
    await setup_entry(hass, mock_config_entry)
    return garage, drive, area.id


async def _diagnose(hass: HomeAssistant, **target: Any) -> dict[str, Any]:
    response = await hass.services.async_call(
        DOMAIN, "diagnose", target=target, blocking=True, return_response=True
    )
    assert response is not None
    return dict(response["cameras"])


async def test_an_area_skips_the_excluded_camera_it_contains(
    hass: HomeAssistant, drive: tuple[FakeCamera, FakeCamera, str]
) -> None:
    """Aimed at an area, the action diagnoses the watched cameras in it only."""
    garage, _, area_id = drive
    cameras = await _diagnose(hass, area_id=area_id)
    assert list(cameras) == [garage.entity_id]
    assert cameras[garage.entity_id]["cause"] == "none"


async def test_a_device_skips_its_excluded_camera(
    hass: HomeAssistant, drive: tuple[FakeCamera, FakeCamera, str]
) -> None:
    """A device aimed at along with a watched camera is skipped the same way."""
    garage, excluded, _ = drive
    cameras = await _diagnose(
        hass, entity_id=garage.entity_id, device_id=excluded.device_id
    )
    assert list(cameras) == [garage.entity_id]


async def test_a_named_excluded_camera_is_an_error_even_in_an_area(
    hass: HomeAssistant, drive: tuple[FakeCamera, FakeCamera, str]
) -> None:
    """Naming the excluded camera explicitly stays an error, area or not."""
    _, excluded, area_id = drive
    with pytest.raises(ServiceValidationError) as err:
        await _diagnose(hass, area_id=area_id, entity_id=excluded.entity_id)
    assert err.value.translation_key == "camera_excluded"
    assert err.value.translation_placeholders == {"entity_id": excluded.entity_id}


async def test_an_area_of_excluded_cameras_only_has_no_cameras(
    hass: HomeAssistant, drive: tuple[FakeCamera, FakeCamera, str]
) -> None:
    """Nothing watched left after skipping: the usual "no cameras" error."""
    garage, _, area_id = drive
    dr.async_get(hass).async_update_device(garage.device_id, area_id=None)
    with pytest.raises(ServiceValidationError) as err:
        await _diagnose(hass, area_id=area_id)
    assert err.value.translation_key == "no_cameras"
