"""Actions: ``camera_doctor.diagnose``, ``recheck`` and ``battery_replaced``."""

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
import voluptuous as vol

from .battery import forecast_summary
from .compat import extract_targets
from .const import (
    CAMERA_DOMAIN,
    DOMAIN,
    SERVICE_BATTERY_REPLACED,
    SERVICE_DIAGNOSE,
    SERVICE_RECHECK,
)
from .monitor import CameraMonitor, async_loaded_monitor
from .notice_texts import fix_steps
from .profiles import Power
from .readings_issues import missing_readings
from .watch import CameraWatch, pending_of

SERVICE_SCHEMA = vol.Schema(cv.TARGET_SERVICE_FIELDS)


def _monitor(hass: HomeAssistant) -> CameraMonitor:
    if (monitor := async_loaded_monitor(hass)) is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="not_loaded"
        )
    return monitor


def _targets(hass: HomeAssistant, call: ServiceCall) -> list[CameraWatch]:
    """The watched cameras an action targets.

    A camera named by its entity id must be watched (an error says why not);
    cameras a device, area, floor or label merely contains are skipped when
    they are not, as Home Assistant's own actions skip what does not apply.
    """
    monitor = _monitor(hass)
    targets = extract_targets(hass, call)
    watches: list[CameraWatch] = []
    for entity_id in sorted(targets.named | targets.contained):
        if not entity_id.startswith(f"{CAMERA_DOMAIN}."):
            continue
        if (watch := monitor.camera_set.watch_for_entity(entity_id)) is not None:
            watches.append(watch)
        elif entity_id in targets.named:
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
    if not watches:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="no_cameras"
        )
    return watches


def _describe(hass: HomeAssistant, watches: list[CameraWatch]) -> dict[str, Any]:
    monitor = _monitor(hass)

    def describe(watch: CameraWatch) -> dict[str, Any]:
        record = monitor.store.get(watch.spec.registry_id)
        replaced = record.batteries_replaced
        recorded = {
            "batteries_replaced": replaced.isoformat() if replaced else None,
            # The sync module (its alarm panel) the camera depends on, if any.
            "hub": record.hub_entity_id,
            # What it cannot see, and why: ``{reading: reason}``.
            "missing": {
                reading.value: missing.reason.value
                for reading, missing in missing_readings(hass, watch.spec).items()
            },
        }
        if (diagnosis := watch.diagnosis) is None or watch.fix is None:
            return {"cause": None} | recorded
        started = diagnosis.started
        return recorded | {
            "cause": diagnosis.cause.value,
            "causes": [cause.value for cause in diagnosis.causes],
            "fix": watch.fix,
            "fix_steps": fix_steps(hass, watch.fit, watch.fix),
            "evidence": dict(diagnosis.evidence),
            "notes": list(diagnosis.notes),
            "since": started.isoformat() if started else None,
            # ``{cause, since}`` of the problem waiting to be confirmed, if any.
            "pending": pending_of(diagnosis),
            "battery_forecast": forecast_summary(watch.forecast),
        }

    return {"cameras": {watch.spec.entity_id: describe(watch) for watch in watches}}


async def _async_diagnose(call: ServiceCall) -> ServiceResponse:
    watches = _targets(call.hass, call)
    monitor = _monitor(call.hass)
    for watch in watches:
        monitor.async_evaluate(watch)
    return _describe(call.hass, watches)


async def _async_recheck(call: ServiceCall) -> ServiceResponse:
    hass = call.hass
    watches = _targets(hass, call)
    await _monitor(hass).async_recheck(watches)
    if call.return_response:
        return _describe(hass, watches)
    return None


async def _async_battery_replaced(call: ServiceCall) -> None:
    """What "I replaced the batteries" / "I charged the battery" of the notice does."""
    hass = call.hass
    monitor = _monitor(hass)
    watches = [
        watch for watch in _targets(hass, call) if watch.fit.power is not Power.WIRED
    ]
    if not watches:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="no_battery"
        )
    still_low = [
        watch.spec.entity_id
        for watch in watches
        if not await monitor.async_battery_changed(watch)
    ]
    if still_low:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="battery_still_low",
            translation_placeholders={"cameras": ", ".join(still_low)},
        )


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
    hass.services.async_register(
        DOMAIN,
        SERVICE_BATTERY_REPLACED,
        _async_battery_replaced,
        schema=SERVICE_SCHEMA,
    )
