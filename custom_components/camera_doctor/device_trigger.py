"""Device triggers on a watched camera's device: it starts or stops flashing red.

Both listen to the ``camera_doctor_diagnosis`` bus event of the device, so an
automation sees exactly what the event carries as ``trigger.event.data``.
Worded as a red flash, they match only the causes that flash red
(``RED_FLASH_CAUSES``); the advice ``firmware_outdated`` only when chosen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from homeassistant.components.device_automation import DEVICE_TRIGGER_BASE_SCHEMA
from homeassistant.const import CONF_DEVICE_ID, CONF_DOMAIN, CONF_PLATFORM, CONF_TYPE
from homeassistant.core import CALLBACK_TYPE, Event, HassJob, HomeAssistant, callback
from homeassistant.helpers import selector
from homeassistant.helpers.translation import async_get_translations
from homeassistant.helpers.trigger import TriggerActionType, TriggerInfo
from homeassistant.helpers.typing import ConfigType
import voluptuous as vol

from .compat import same_device_ids
from .const import (
    ATTR_CAUSE,
    ATTR_PREVIOUS_CAUSE,
    DOMAIN,
    EVENT_DIAGNOSIS,
    TRIGGER_CAUSE_DETECTED,
    TRIGGER_CLEARED,
)
from .diagnosis import RED_FLASH_CAUSES, Cause
from .monitor import async_loaded_monitor

CONF_CAUSE: Final = ATTR_CAUSE
TRIGGER_TYPES: Final = (TRIGGER_CAUSE_DETECTED, TRIGGER_CLEARED)
FAULT_CAUSES: Final = tuple(cause.value for cause in Cause if cause is not Cause.NONE)
# The causes a trigger or condition matches when none is chosen.
RED_FLASH: Final = frozenset(cause.value for cause in RED_FLASH_CAUSES)
# The selector whose labels name the causes a trigger can choose.
TRIGGER_CAUSE: Final = "trigger_cause"

TRIGGER_SCHEMA = DEVICE_TRIGGER_BASE_SCHEMA.extend(
    {
        vol.Required(CONF_TYPE): vol.In(TRIGGER_TYPES),
        vol.Optional(CONF_CAUSE): vol.In(FAULT_CAUSES),
    }
)


def _watches_device(hass: HomeAssistant, device_id: str) -> bool:
    """Whether the loaded Camera Doctor entry watches a camera of the device."""
    if (monitor := async_loaded_monitor(hass)) is None:
        return False
    return any(watch.spec.device_id == device_id for watch in monitor.cameras.values())


async def async_get_triggers(
    hass: HomeAssistant, device_id: str
) -> list[dict[str, Any]]:
    """List the triggers of a device that has a watched camera."""
    if not _watches_device(hass, device_id):
        return []
    return [
        {
            CONF_PLATFORM: "device",
            CONF_DOMAIN: DOMAIN,
            CONF_DEVICE_ID: device_id,
            CONF_TYPE: trigger_type,
        }
        for trigger_type in TRIGGER_TYPES
    ]


async def async_get_trigger_capabilities(
    hass: HomeAssistant, config: ConfigType
) -> dict[str, vol.Schema]:
    """Offer the choice of a cause for ``cause_detected`` (none = any red flash).

    The device trigger editor does not translate a select selector's options
    through its ``translation_key``, so each option carries its label, in
    Home Assistant's language; the key stays for editors that translate.
    """
    if config[CONF_TYPE] != TRIGGER_CAUSE_DETECTED:
        return {}
    names = await async_get_translations(
        hass, hass.config.language, "selector", [DOMAIN]
    )
    prefix = f"component.{DOMAIN}.selector.{TRIGGER_CAUSE}.options."
    return {
        "extra_fields": vol.Schema(
            {
                vol.Optional(CONF_CAUSE): selector.SelectSelector(
                    selector.SelectSelectorConfig(
                        options=[
                            selector.SelectOptionDict(
                                value=cause, label=names.get(prefix + cause, cause)
                            )
                            for cause in FAULT_CAUSES
                        ],
                        mode=selector.SelectSelectorMode.DROPDOWN,
                        translation_key=TRIGGER_CAUSE,
                    )
                )
            }
        )
    }


def stopped_flashing(data: Mapping[str, Any]) -> bool:
    """Whether a diagnosis event says the camera stopped flashing red."""
    return (
        data.get(ATTR_PREVIOUS_CAUSE) in RED_FLASH
        and data.get(ATTR_CAUSE) not in RED_FLASH
    )


def _matches(config: ConfigType, data: Mapping[str, Any]) -> bool:
    """Whether an event of the device is one this trigger fires on."""
    if config[CONF_TYPE] == TRIGGER_CLEARED:
        return stopped_flashing(data)
    wanted: str | None = config.get(CONF_CAUSE)
    cause = data.get(ATTR_CAUSE)
    return cause == wanted if wanted is not None else cause in RED_FLASH


async def async_attach_trigger(
    hass: HomeAssistant,
    config: ConfigType,
    action: TriggerActionType,
    trigger_info: TriggerInfo,
) -> CALLBACK_TYPE:
    """Run ``action`` when the device's camera gets (or loses) a cause."""
    device_id: str = config[CONF_DEVICE_ID]
    monitor = async_loaded_monitor(hass)
    device_ids = same_device_ids(
        hass, device_id, monitor.removed_devices if monitor else {}
    )
    trigger_data = trigger_info["trigger_data"]
    job = HassJob(action, f"camera_doctor device trigger {trigger_info}")

    @callback
    def event_filter(data: Mapping[str, Any]) -> bool:
        return data.get(CONF_DEVICE_ID) in device_ids and _matches(config, data)

    @callback
    def handle_event(event: Event[Mapping[str, Any]]) -> None:
        hass.async_run_hass_job(
            job,
            {
                "trigger": {
                    **trigger_data,
                    CONF_PLATFORM: "device",
                    CONF_DOMAIN: DOMAIN,
                    CONF_DEVICE_ID: device_id,
                    CONF_TYPE: config[CONF_TYPE],
                    CONF_CAUSE: event.data.get(ATTR_CAUSE),
                    "event": event,
                    "description": f"{DOMAIN} {config[CONF_TYPE]}",
                }
            },
            event.context,
        )

    return hass.bus.async_listen(
        EVENT_DIAGNOSIS, handle_event, event_filter=event_filter
    )
