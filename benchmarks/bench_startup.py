"""4. Start-up: Home Assistant starting with 500 cameras, with and without us.

Each run is a fresh Home Assistant, not yet started, whose registries already
hold the cameras (as after a restart: registries are loaded from disk before
anything is set up). A stand-in camera integration (``bench_source``, mocked
with the harness's ``mock_integration``) sets up real sensor, binary_sensor
and update entities for each camera's five readings and writes the camera
states (the real ``camera`` platform needs the HTTP server). Timed: setting
up the source integration (and Camera Doctor, whose entity registry entries
also exist already, and whose store holds the diagnoses of the last run:
every camera was healthy), then ``hass.async_start()`` until everything is
done, which includes Camera Doctor's first diagnosis of every camera.

Three variants, their runs rotated: ``without`` (the cameras alone),
``with`` (and Camera Doctor) and ``floor`` (and ``bench_floor``, the same
entities per camera doing nothing, see ``floor.py``): what Home
Assistant itself spends on the entities the contract asks for.
"""

from __future__ import annotations

from collections.abc import Iterable
import time
from typing import Any

from homeassistant.components.binary_sensor import (
    BinarySensorDeviceClass,
    BinarySensorEntity,
)
from homeassistant.components.sensor import SensorDeviceClass, SensorEntity
from homeassistant.components.update import UpdateDeviceClass, UpdateEntity
from homeassistant.config_entries import ConfigEntry, ConfigEntryState, ConfigFlow
from homeassistant.core import CoreState, HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity import Entity
from homeassistant.helpers.entity_platform import AddEntitiesCallback
from homeassistant.helpers.storage import Store
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockModule,
    MockPlatform,
    mock_integration,
    mock_platform,
)

from custom_components.camera_doctor.const import DOMAIN, ENTITY_KEYS
from custom_components.camera_doctor.diagnosis import Observation, diagnose
from custom_components.camera_doctor.store import (
    STORAGE_KEY,
    STORAGE_MINOR_VERSION,
    STORAGE_VERSION,
    diagnosis_to_dict,
)

from .floor import FLOOR, FLOOR_KEYS, mock_floor
from .harness import (
    Camera,
    doctor_entry,
    home_assistant,
    loopback_http,
    median,
    register_camera,
    settle,
)

SOURCE = "bench_source"


class _SourceFlow(ConfigFlow, domain=SOURCE):
    """Lets the stand-in's config entry be set up (defining it registers it)."""

    VERSION = 1


class _Reading(Entity):
    _attr_has_entity_name = True
    _attr_should_poll = False

    def __init__(self, camera: Camera, serial: str, key: str) -> None:
        self._attr_unique_id = f"{serial}-{key}"
        self._attr_name = key
        self._attr_device_info = DeviceInfo(
            identifiers={(SOURCE, serial)},
            manufacturer="Acme",
            model="Cam 1",
            name=camera.name,
        )


class _Battery(_Reading, SensorEntity):
    _attr_device_class = SensorDeviceClass.BATTERY
    _attr_native_unit_of_measurement = "%"
    _attr_native_value = 80


class _Signal(_Reading, SensorEntity):
    _attr_device_class = SensorDeviceClass.SIGNAL_STRENGTH
    _attr_native_unit_of_measurement = "dBm"
    _attr_native_value = -55


class _Temperature(_Reading, SensorEntity):
    _attr_device_class = SensorDeviceClass.TEMPERATURE
    _attr_native_unit_of_measurement = "°C"
    _attr_native_value = 21


class _Connectivity(_Reading, BinarySensorEntity):
    _attr_device_class = BinarySensorDeviceClass.CONNECTIVITY
    _attr_is_on = True


class _Firmware(_Reading, UpdateEntity):
    _attr_device_class = UpdateDeviceClass.FIRMWARE
    _attr_installed_version = "1.0"
    _attr_latest_version = "1.0"


PLATFORM_ENTITIES: dict[str, tuple[tuple[str, type[_Reading]], ...]] = {
    "sensor": (
        ("battery", _Battery),
        ("signal", _Signal),
        ("temperature", _Temperature),
    ),
    "binary_sensor": (("connectivity", _Connectivity),),
    "update": (("firmware", _Firmware),),
}


def _mock_source(hass: HomeAssistant, cameras: dict[str, Camera]) -> None:
    """Register the stand-in camera integration and its platforms."""

    async def setup_entry(hass: HomeAssistant, entry: ConfigEntry) -> bool:
        for camera in cameras.values():
            camera.set("camera", "idle")
        await hass.config_entries.async_forward_entry_setups(
            entry, list(PLATFORM_ENTITIES)
        )
        return True

    mock_integration(hass, MockModule(SOURCE, async_setup_entry=setup_entry))
    mock_platform(hass, f"{SOURCE}.config_flow")
    for platform, kinds in PLATFORM_ENTITIES.items():

        async def platform_setup(
            hass: HomeAssistant,
            entry: ConfigEntry,
            add: AddEntitiesCallback,
            kinds: tuple[tuple[str, type[_Reading]], ...] = kinds,
        ) -> None:
            add(
                [
                    cls(camera, serial, key)
                    for serial, camera in cameras.items()
                    for key, cls in kinds
                ]
            )

        mock_platform(
            hass, f"{SOURCE}.{platform}", MockPlatform(async_setup_entry=platform_setup)
        )


VARIANTS = ("without", "floor", "with")


async def _store_last_diagnoses(hass: HomeAssistant, cameras: Iterable[Camera]) -> None:
    """Leave what Camera Doctor saved before the restart: all were healthy."""
    healthy = diagnosis_to_dict(diagnose(Observation(), now=dt_util.utcnow()))
    await Store[dict[str, Any]](
        hass, STORAGE_VERSION, STORAGE_KEY, minor_version=STORAGE_MINOR_VERSION
    ).async_save({"cameras": {c.registry_id: {"diagnosis": healthy} for c in cameras}})


async def _start(cameras: int, variant: str) -> float:
    """Seconds from setting up the integrations to started."""
    async with home_assistant(CoreState.not_running) as hass:
        source_entry = MockConfigEntry(domain=SOURCE, title="Cameras")
        source_entry.add_to_hass(hass)
        fleet = {
            f"cam_{i:04d}": register_camera(
                hass, source_entry, f"cam_{i:04d}", platform=SOURCE
            )
            for i in range(cameras)
        }
        _mock_source(hass, fleet)
        domain = {"with": DOMAIN, "floor": FLOOR}.get(variant)
        if domain is not None:
            if variant == "with":
                entry = doctor_entry()
                keys = ENTITY_KEYS
                await _store_last_diagnoses(hass, fleet.values())
            else:
                entry = mock_floor(hass)
                keys = FLOOR_KEYS
            entry.add_to_hass(hass)
            ent_reg = er.async_get(hass)
            for camera in fleet.values():
                for platform, key in keys:
                    ent_reg.async_get_or_create(
                        platform,
                        domain,
                        f"{camera.platform}_{camera.unique_id}_{key}",
                        config_entry=entry,
                        device_id=camera.device_id,
                    )
        await hass.async_block_till_done()
        # Camera Doctor's dependencies (repairs, http) are set up with it, and
        # the HTTP server starts with Home Assistant: on 127.0.0.1 only.
        config = loopback_http()
        settle()
        start = time.perf_counter()
        assert await async_setup_component(hass, SOURCE, config)
        if domain is not None:
            assert await async_setup_component(hass, domain, config)
        await hass.async_start()
        await hass.async_block_till_done()
        elapsed = time.perf_counter() - start
        assert source_entry.state is ConfigEntryState.LOADED
        assert hass.state is CoreState.running
        expected = cameras * (6 if domain is None else 10)
        assert len(hass.states.async_all()) >= expected, len(hass.states.async_all())
        return elapsed


async def run(cameras: int, repeats: int) -> dict[str, Any]:
    """Median start-up seconds of each variant, and the ratios to ``without``."""
    for variant in VARIANTS:  # warm up: imports, caches
        await _start(cameras, variant)
    times: dict[str, list[float]] = {variant: [] for variant in VARIANTS}
    for round_ in range(repeats):
        shift = round_ % len(VARIANTS)
        for variant in VARIANTS[shift:] + VARIANTS[:shift]:
            times[variant].append(await _start(cameras, variant))
    with_cd, floor, without = (
        median(times["with"]),
        median(times["floor"]),
        median(times["without"]),
    )
    return {
        "cameras": cameras,
        "repeats": repeats,
        "with_s": with_cd,
        "floor_s": floor,
        "without_s": without,
        "ratio": with_cd / without,
        "floor_ratio": floor / without,
    }
