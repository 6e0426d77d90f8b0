"""Simulated camera sensors, like `blink`'s (Blink) or a typical battery camera's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import (
    PERCENTAGE,
    SIGNAL_STRENGTH_DECIBELS_MILLIWATT,
    EntityCategory,
    UnitOfTemperature,
)
from homeassistant.core import HomeAssistant, callback

from .entity import DescribedDeviceEntity

if TYPE_CHECKING:
    from collections.abc import Callable

    from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

    from . import FleetSimConfigEntry
    from .model import SimCamera

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class SimSensorDescription(SensorEntityDescription):
    """Describes a simulated sensor."""

    value_fn: Callable[[SimCamera], float | int | None]


BLINK_SENSORS: tuple[SimSensorDescription, ...] = (
    SimSensorDescription(
        key="temperature",
        native_unit_of_measurement=UnitOfTemperature.FAHRENHEIT,
        device_class=SensorDeviceClass.TEMPERATURE,
        entity_category=EntityCategory.DIAGNOSTIC,
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda cam: cam.blink_attributes["temperature_calibrated"],
    ),
    SimSensorDescription(
        key="wifi_strength",
        translation_key="wifi_strength",
        native_unit_of_measurement=SIGNAL_STRENGTH_DECIBELS_MILLIWATT,
        device_class=SensorDeviceClass.SIGNAL_STRENGTH,
        entity_category=EntityCategory.DIAGNOSTIC,
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda cam: cam.blink_attributes["wifi_strength"],
    ),
)

GENERIC_SENSORS: tuple[SimSensorDescription, ...] = (
    SimSensorDescription(
        key="battery",
        native_unit_of_measurement=PERCENTAGE,
        device_class=SensorDeviceClass.BATTERY,
        entity_category=EntityCategory.DIAGNOSTIC,
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda cam: cam.battery,
    ),
    SimSensorDescription(
        key="signal_strength",
        native_unit_of_measurement=SIGNAL_STRENGTH_DECIBELS_MILLIWATT,
        device_class=SensorDeviceClass.SIGNAL_STRENGTH,
        entity_category=EntityCategory.DIAGNOSTIC,
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda cam: cam.signal_dbm,
    ),
    SimSensorDescription(
        key="temperature",
        native_unit_of_measurement=UnitOfTemperature.CELSIUS,
        device_class=SensorDeviceClass.TEMPERATURE,
        entity_category=EntityCategory.DIAGNOSTIC,
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda cam: cam.temperature_c,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: FleetSimConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the sensors of every simulated camera."""
    fleet = entry.runtime_data
    async_add_entities(
        SimSensor(fleet, camera, description)
        for camera in fleet.cameras.values()
        for description in (
            BLINK_SENSORS if camera.kind == "blink" else GENERIC_SENSORS
        )
    )


class SimSensor(DescribedDeviceEntity, SensorEntity):
    """A simulated camera sensor."""

    entity_description: SimSensorDescription

    @callback
    def _update_attrs(self) -> None:
        self._attr_native_value = self.entity_description.value_fn(self.camera)
