"""Sensors: the red-flash cause and the recommended fix."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
)
from homeassistant.core import callback

from .battery import forecast_attributes, shown_at
from .const import (
    ATTR_BATTERIES_REPLACED,
    ATTR_CAUSES,
    ATTR_EVIDENCE,
    ATTR_NOTES,
    ATTR_PENDING,
    ATTR_SINCE,
    KEY_BATTERY_FORECAST,
    KEY_RECOMMENDED_FIX,
    KEY_RED_FLASH_CAUSE,
)
from .diagnosis import Cause, Diagnosis
from .entity import CameraDoctorEntity, camera_platform
from .fixes import FIX_OPTIONS
from .watch import CameraWatch, pending_of

PARALLEL_UPDATES = 0


def _cause_attributes(diagnosis: Diagnosis) -> dict[str, Any]:
    started = diagnosis.started
    attributes: dict[str, Any] = {
        ATTR_CAUSES: [cause.value for cause in diagnosis.causes],
        ATTR_EVIDENCE: dict(diagnosis.evidence),
        ATTR_SINCE: started.isoformat() if started else None,
        ATTR_NOTES: list(diagnosis.notes),
    }
    if (pending := pending_of(diagnosis)) is not None:
        attributes[ATTR_PENDING] = pending
    return attributes


@dataclass(frozen=True, kw_only=True)
class CameraDoctorSensorDescription(SensorEntityDescription):
    """How a sensor reads the diagnosis."""

    value_fn: Callable[[CameraWatch], str | None]
    attributes_fn: Callable[[Diagnosis], dict[str, Any]] | None = None


SENSORS: tuple[CameraDoctorSensorDescription, ...] = (
    CameraDoctorSensorDescription(
        key=KEY_RED_FLASH_CAUSE,
        translation_key=KEY_RED_FLASH_CAUSE,
        device_class=SensorDeviceClass.ENUM,
        options=[cause.value for cause in Cause],
        value_fn=lambda watch: watch.cause.value,
        attributes_fn=_cause_attributes,
    ),
    CameraDoctorSensorDescription(
        key=KEY_RECOMMENDED_FIX,
        translation_key=KEY_RECOMMENDED_FIX,
        device_class=SensorDeviceClass.ENUM,
        options=list(FIX_OPTIONS),
        value_fn=lambda watch: watch.fix,
    ),
)


class _ShownSensor(CameraDoctorEntity, SensorEntity):
    """A sensor that shows a value and attributes, written only on change."""

    @callback
    def _async_show(self, value: Any, attributes: dict[str, Any] | None) -> bool:
        """Take ``value`` and ``attributes``; whether they differ from before."""
        changed = value != self._attr_native_value or attributes != getattr(
            self, "_attr_extra_state_attributes", None
        )
        self._attr_native_value = value
        self._attr_extra_state_attributes = attributes  # type: ignore[assignment]
        return changed


class CameraDoctorSensor(_ShownSensor):
    """A sensor showing part of a camera's diagnosis."""

    entity_description: CameraDoctorSensorDescription

    @callback
    def _async_update_attrs(self) -> bool:
        diagnosis = self.watch.diagnosis
        description = self.entity_description
        value = description.value_fn(self.watch) if diagnosis else None
        if diagnosis is None or description.attributes_fn is None:
            return self._async_show(value, None)
        attributes = description.attributes_fn(diagnosis)
        replaced = self.store.get(self.watch.spec.registry_id).batteries_replaced
        if replaced is not None:
            attributes[ATTR_BATTERIES_REPLACED] = replaced.isoformat()
        return self._async_show(value, attributes)


BATTERY_FORECAST = SensorEntityDescription(
    key=KEY_BATTERY_FORECAST,
    translation_key=KEY_BATTERY_FORECAST,
    device_class=SensorDeviceClass.TIMESTAMP,
)


class BatteryForecastSensor(_ShownSensor):
    """When the camera's battery is expected to reach the low level.

    Once it is low: when it reached the low level, not unknown.
    """

    shows_forecast = True

    @callback
    def _async_update_attrs(self) -> bool:
        forecast = self.watch.forecast
        return self._async_show(
            shown_at(forecast),
            {} if forecast is None else forecast_attributes(forecast),
        )


async_setup_entry = camera_platform(
    CameraDoctorSensor,
    SENSORS,
    [(BatteryForecastSensor, BATTERY_FORECAST, lambda spec: spec.battery_level)],
)
