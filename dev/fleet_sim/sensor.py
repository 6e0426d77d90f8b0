"""Simulated camera sensors, like `blink`'s, `ring`'s or a typical battery camera's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import (
    PERCENTAGE,
    SIGNAL_STRENGTH_DECIBELS_MILLIWATT as DBM,
    EntityCategory,
    UnitOfTemperature,
)
from homeassistant.core import callback

from .entity import DeviceEntity, camera_platform
from .model import SimCamera

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class SimSensorDescription(SensorEntityDescription):
    """Describes a simulated sensor: a diagnostic measurement, as all of them are."""

    value_fn: Callable[[SimCamera], float | int | str | None]
    entity_category: EntityCategory | None = EntityCategory.DIAGNOSTIC
    state_class: SensorStateClass | str | None = SensorStateClass.MEASUREMENT


def _blink(attribute: str) -> Callable[[SimCamera], float | int | None]:
    """Read one of blinkpy's camera attributes, as `blink`'s sensors do."""
    return lambda cam: cam.blink_attributes[attribute]


BLINK_SENSORS: tuple[SimSensorDescription, ...] = (
    SimSensorDescription(
        key="temperature",
        device_class=SensorDeviceClass.TEMPERATURE,
        native_unit_of_measurement=UnitOfTemperature.FAHRENHEIT,
        value_fn=_blink("temperature_calibrated"),
    ),
    SimSensorDescription(
        key="wifi_strength",
        translation_key="wifi_strength",
        device_class=SensorDeviceClass.SIGNAL_STRENGTH,
        native_unit_of_measurement=DBM,
        value_fn=_blink("wifi_strength"),
    ),
)

BATTERY = SimSensorDescription(
    key="battery",
    device_class=SensorDeviceClass.BATTERY,
    native_unit_of_measurement=PERCENTAGE,
    value_fn=lambda cam: cam.battery,
)


def _signal_dbm(key: str, **options: bool) -> SimSensorDescription:
    """The camera's Wi-Fi signal in dBm, under ``key``."""
    return SimSensorDescription(
        key=key,
        device_class=SensorDeviceClass.SIGNAL_STRENGTH,
        native_unit_of_measurement=DBM,
        value_fn=lambda cam: cam.signal_dbm,
        **options,
    )


# Core's ring (sensor.py) creates both Wi-Fi sensors disabled: out of the box
# Camera Doctor sees no signal and raises its missing_readings notice.
RING_SENSORS: tuple[SimSensorDescription, ...] = (
    BATTERY,
    SimSensorDescription(
        key="wifi_signal_category",
        translation_key="wifi_signal_category",
        entity_registry_enabled_default=False,
        state_class=None,
        value_fn=lambda cam: cam.signal_category,
    ),
    _signal_dbm("wifi_signal_strength", entity_registry_enabled_default=False),
)

TEMPERATURE_C = SimSensorDescription(
    key="temperature",
    device_class=SensorDeviceClass.TEMPERATURE,
    native_unit_of_measurement=UnitOfTemperature.CELSIUS,
    value_fn=lambda cam: cam.temperature_c,
)
GENERIC_SENSORS: tuple[SimSensorDescription, ...] = (
    BATTERY,
    _signal_dbm("signal_strength"),
    TEMPERATURE_C,
)


class SimSensor(DeviceEntity, SensorEntity):
    """A simulated camera sensor."""

    entity_description: SimSensorDescription

    @callback
    def _update_attrs(self) -> None:
        self._attr_native_value = self.entity_description.value_fn(self.camera)


async_setup_entry = camera_platform(
    SimSensor,
    {
        "blink": BLINK_SENSORS,
        "ring": RING_SENSORS,
        "generic": GENERIC_SENSORS,
        "wired": (TEMPERATURE_C,),
    },
)
