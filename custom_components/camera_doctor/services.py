"""Actions: ``camera_doctor.diagnose`` and ``camera_doctor.recheck``."""

from __future__ import annotations

from typing import Any

from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.translation import async_get_translations
import voluptuous as vol

from .compat import async_extract_entity_ids
from .const import CAMERA_DOMAIN, DOMAIN, SERVICE_DIAGNOSE, SERVICE_RECHECK
from .monitor import CameraMonitor, async_loaded_monitor
from .watch import CameraWatch

SERVICE_SCHEMA = vol.Schema(cv.TARGET_SERVICE_FIELDS)


def _monitor(hass: HomeAssistant) -> CameraMonitor:
    if (monitor := async_loaded_monitor(hass)) is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="not_loaded"
        )
    return monitor


async def _targets(hass: HomeAssistant, call: ServiceCall) -> list[CameraWatch]:
    """The watched cameras an action targets; errors for anything else."""
    monitor = _monitor(hass)
    entity_ids = await async_extract_entity_ids(hass, call)
    cameras = sorted(e for e in entity_ids if e.startswith(f"{CAMERA_DOMAIN}."))
    if not cameras:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="no_cameras"
        )
    watches: list[CameraWatch] = []
    for entity_id in cameras:
        if (watch := monitor.camera_set.watch_for_entity(entity_id)) is None:
            key = (
                "camera_excluded"
                if entity_id in monitor.options.exclude
                else "camera_not_watched"
            )
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key=key,
                translation_placeholders={"entity_id": entity_id},
            )
        watches.append(watch)
    return watches


async def _describe(hass: HomeAssistant, watches: list[CameraWatch]) -> dict[str, Any]:
    translations = await async_get_translations(
        hass, hass.config.language, "selector", [DOMAIN]
    )

    monitor = _monitor(hass)

    def describe(watch: CameraWatch) -> dict[str, Any]:
        replaced = monitor.store.get(watch.spec.registry_id).batteries_replaced
        recorded = {"batteries_replaced": replaced.isoformat() if replaced else None}
        if (diagnosis := watch.diagnosis) is None:
            return {"cause": None} | recorded
        started = diagnosis.started
        prefix = f"component.{DOMAIN}.selector.fix.options."
        return recorded | {
            "cause": diagnosis.cause.value,
            "causes": [cause.value for cause in diagnosis.causes],
            "fix": diagnosis.fix,
            "fix_steps": translations.get(prefix + diagnosis.fix, ""),
            "evidence": dict(diagnosis.evidence),
            "notes": list(diagnosis.notes),
            "since": started.isoformat() if started else None,
            "pending": {
                cause.value: when.isoformat()
                for cause, when in diagnosis.pending.items()
            },
        }

    return {"cameras": {watch.spec.entity_id: describe(watch) for watch in watches}}


async def _async_diagnose(call: ServiceCall) -> ServiceResponse:
    watches = await _targets(call.hass, call)
    monitor = _monitor(call.hass)
    for watch in watches:
        monitor.async_evaluate(watch)
    return await _describe(call.hass, watches)


async def _async_recheck(call: ServiceCall) -> ServiceResponse:
    hass = call.hass
    watches = await _targets(hass, call)
    await _monitor(hass).async_recheck(watches)
    if call.return_response:
        return await _describe(hass, watches)
    return None


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register the actions (once, in ``async_setup``)."""
    hass.services.async_register(
        DOMAIN,
        SERVICE_DIAGNOSE,
        _async_diagnose,
        schema=SERVICE_SCHEMA,
        supports_response=SupportsResponse.ONLY,
    )
    hass.services.async_register(
        DOMAIN,
        SERVICE_RECHECK,
        _async_recheck,
        schema=SERVICE_SCHEMA,
        supports_response=SupportsResponse.OPTIONAL,
    )
