"""Event entity: fires when the camera's primary cause changes."""

from __future__ import annotations

from homeassistant.components.event import EventEntity, EventEntityDescription
from homeassistant.core import callback

from .bus_event import diagnosis_event_data
from .const import EVENT_TYPE_CLEARED, KEY_DIAGNOSIS
from .diagnosis import Cause, Diagnosis
from .entity import CameraDoctorEntity, camera_platform
from .watch import CameraWatch

PARALLEL_UPDATES = 0

DIAGNOSIS_EVENT = EventEntityDescription(
    key=KEY_DIAGNOSIS,
    translation_key=KEY_DIAGNOSIS,
    event_types=[*(cause.value for cause in Cause), EVENT_TYPE_CLEARED],
)


class DiagnosisEventEntity(CameraDoctorEntity, EventEntity):
    """Fires ``<cause>`` when a cause appears and ``cleared`` when it goes."""

    @callback
    def async_watch_changed(
        self, watch: CameraWatch, previous: Diagnosis | None
    ) -> None:
        """Fire the cause that appeared, or ``cleared``."""
        diagnosis = watch.diagnosis
        previous_cause = previous.cause if previous else Cause.NONE
        if diagnosis is None or watch.fix is None or diagnosis.cause is previous_cause:
            return
        event_type = (
            EVENT_TYPE_CLEARED
            if diagnosis.cause is Cause.NONE
            else diagnosis.cause.value
        )
        data = diagnosis_event_data(watch.spec, diagnosis, previous_cause, watch.fix)
        self._trigger_event(
            event_type,
            {key: data[key] for key in data if key not in ("entity_id", "device_id")},
        )
        self.async_write_ha_state()


async_setup_entry = camera_platform(DiagnosisEventEntity, [DIAGNOSIS_EVENT])
