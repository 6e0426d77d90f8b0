"""The ``camera_doctor_diagnosis`` bus event."""

from __future__ import annotations

from typing import Any

from homeassistant.const import ATTR_DEVICE_ID, ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant, callback

from .const import (
    ATTR_CAUSE,
    ATTR_CAUSES,
    ATTR_EVIDENCE,
    ATTR_FIX,
    ATTR_PREVIOUS_CAUSE,
    EVENT_DIAGNOSIS,
    LOGGER,
)
from .diagnosis import Cause, Diagnosis
from .discovery import CameraSpec
from .watch import CameraWatch


def diagnosis_event_data(
    spec: CameraSpec, diagnosis: Diagnosis, previous_cause: Cause, fix: str
) -> dict[str, Any]:
    """The payload of a diagnosis event (the public contract)."""
    return {
        ATTR_ENTITY_ID: spec.entity_id,
        ATTR_DEVICE_ID: spec.device_id,
        ATTR_CAUSE: diagnosis.cause.value,
        ATTR_PREVIOUS_CAUSE: previous_cause.value,
        ATTR_CAUSES: [cause.value for cause in diagnosis.causes],
        ATTR_FIX: fix,
        ATTR_EVIDENCE: dict(diagnosis.evidence),
    }


@callback
def async_announce_change(
    hass: HomeAssistant, watch: CameraWatch, previous: Diagnosis | None
) -> None:
    """Fire the bus event when the camera's primary cause changed."""
    spec, diagnosis = watch.spec, watch.diagnosis
    if diagnosis is None or watch.fix is None:
        return
    before = previous.cause if previous else Cause.NONE
    if before is diagnosis.cause:
        return
    LOGGER.debug(
        "%s: %s -> %s (%s)",
        spec.entity_id,
        before,
        diagnosis.cause,
        dict(diagnosis.evidence),
    )
    hass.bus.async_fire(
        EVENT_DIAGNOSIS, diagnosis_event_data(spec, diagnosis, before, watch.fix)
    )
