"""Triggers of the target-first automation editor: a cause is confirmed, or clears.

``camera_doctor.cause_detected`` and ``camera_doctor.cleared`` target cameras
by entity, device, area, floor or label, resolved with Home Assistant's target
helpers (and followed as the registries change, as core triggers do). Both
follow the ``camera_doctor_diagnosis`` bus event, so they fire on the
confirmed diagnosis only, once per camera and change, never on raw readings.

Only Home Assistant releases with integration trigger platforms have the
helpers imported below. On older ones (2025.4) importing this module raises
``ImportError``, which Home Assistant takes as "no trigger platform"; the
device triggers (``device_trigger.py``) remain.

mypy checks this package against the oldest supported release, which lacks
those helpers: the ``type: ignore`` comments below say exactly that.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, cast, override

from homeassistant.const import ATTR_ENTITY_ID, CONF_OPTIONS, CONF_TARGET
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.target import TargetEntityChangeTracker, TargetSelection  # type: ignore[import-not-found]
from homeassistant.helpers.trigger import (  # type: ignore[attr-defined]
    Trigger,
    TriggerActionRunner,
    TriggerConfig,
    TriggerNotTriggeredReporter,
)
from homeassistant.helpers.typing import ConfigType
import voluptuous as vol

from .const import (
    ATTR_CAUSE,
    CAMERA_DOMAIN,
    DOMAIN,
    EVENT_DIAGNOSIS,
    TRIGGER_CAUSE_DETECTED,
    TRIGGER_CLEARED,
)
from .device_trigger import CONF_CAUSE, FAULT_CAUSES, RED_FLASH, stopped_flashing

CAUSE_OPTIONS: Final = {
    vol.Optional(CONF_CAUSE): vol.All(cv.ensure_list, [vol.In(FAULT_CAUSES)]),
}


def target_schema(options: dict[Any, Any]) -> vol.Schema:
    """A target of cameras (required) and ``options`` (all optional)."""
    return vol.Schema(
        {
            vol.Required(CONF_TARGET): cv.TARGET_FIELDS,  # type: ignore[attr-defined]
            vol.Required(CONF_OPTIONS, default={}): options,
        }
    )


class CameraTargetConfig:
    """Validation shared by the triggers and the condition: their ``_schema``."""

    _schema: vol.Schema = target_schema(CAUSE_OPTIONS)

    @classmethod
    async def async_validate_config(
        cls, hass: HomeAssistant, config: ConfigType
    ) -> ConfigType:
        """Validate the target and the options."""
        return cast("ConfigType", cls._schema(config))


def chosen_causes(options: ConfigType | None) -> frozenset[str]:
    """The causes chosen in ``options``; none chosen: every red-flash cause."""
    return frozenset((options or {}).get(CONF_CAUSE) or RED_FLASH)


def cameras_only(entity_ids: set[str]) -> set[str]:
    """The camera entities among ``entity_ids``."""
    return {e for e in entity_ids if e.startswith(f"{CAMERA_DOMAIN}.")}


class TargetedCameras(TargetEntityChangeTracker):  # type: ignore[misc]
    """The camera entity ids a target names, kept current as the registries change."""

    def __init__(self, hass: HomeAssistant, target: ConfigType) -> None:
        """Resolve ``target`` (entity, device, area, floor and label ids)."""
        super().__init__(hass, TargetSelection(target), cameras_only)
        self.entity_ids: set[str] = set()

    @override
    @callback
    def _handle_entities_update(self, tracked_entities: set[str]) -> None:
        self.entity_ids = tracked_entities


class DiagnosisTrigger(CameraTargetConfig, Trigger):  # type: ignore[misc]
    """Fires when a targeted camera's published diagnosis changes as wanted."""

    _key: str

    def __init__(self, hass: HomeAssistant, config: TriggerConfig) -> None:
        """Keep the target and the chosen causes."""
        super().__init__(hass, config)
        if TYPE_CHECKING:
            assert config.target is not None
        self._target: ConfigType = config.target
        self._causes = chosen_causes(config.options)

    @abstractmethod
    def matches(self, data: Mapping[str, Any]) -> bool:
        """Whether a diagnosis event (of a targeted camera) fires the trigger."""

    @override
    async def async_attach_runner(
        self,
        run_action: TriggerActionRunner,
        did_not_trigger: TriggerNotTriggeredReporter | None = None,
    ) -> CALLBACK_TYPE:
        """Listen to the diagnosis events of the targeted cameras."""
        cameras = TargetedCameras(self._hass, self._target)
        stop_tracking: CALLBACK_TYPE = await cameras.async_setup()
        description = f"{DOMAIN} {self._key}"

        @callback
        def event_filter(data: Mapping[str, Any]) -> bool:
            return data.get(ATTR_ENTITY_ID) in cameras.entity_ids and self.matches(data)

        @callback
        def handle_event(event: Event[Mapping[str, Any]]) -> None:
            run_action({**event.data, "event": event}, description, event.context)

        stop_listening = self._hass.bus.async_listen(
            EVENT_DIAGNOSIS, handle_event, event_filter=event_filter
        )

        @callback
        def detach() -> None:
            stop_listening()
            stop_tracking()

        return detach


class CauseDetectedTrigger(DiagnosisTrigger):
    """A camera's main cause became a (chosen) cause."""

    _key = TRIGGER_CAUSE_DETECTED

    @override
    def matches(self, data: Mapping[str, Any]) -> bool:
        cause = data.get(ATTR_CAUSE)
        return isinstance(cause, str) and cause in self._causes


class ClearedTrigger(DiagnosisTrigger):
    """A camera that flashed red stopped: no red-flash cause is left."""

    _key = TRIGGER_CLEARED
    _schema = target_schema({})

    @override
    def matches(self, data: Mapping[str, Any]) -> bool:
        return stopped_flashing(data)


TRIGGERS: Final[dict[str, type[DiagnosisTrigger]]] = {
    TRIGGER_CAUSE_DETECTED: CauseDetectedTrigger,
    TRIGGER_CLEARED: ClearedTrigger,
}


async def async_get_triggers(hass: HomeAssistant) -> dict[str, type[Trigger]]:
    """The triggers Camera Doctor offers the automation editor."""
    return dict(TRIGGERS)
