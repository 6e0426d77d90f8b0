"""Actions that inject faults into the simulated fleet and heal them."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant, ServiceCall, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import (
    config_validation as cv,
    device_registry as dr,
    entity_registry as er,
)
import voluptuous as vol

from .const import ATTR_FAULT, DOMAIN, SERVICE_HEAL, SERVICE_INJECT_FAULT, Fault
from .model import Fleet, UnsupportedFaultError

try:  # 2025.8+ resolves targets in helpers.target (helpers.service's is gone in 2026.8)
    from homeassistant.helpers.target import (  # type: ignore[import-not-found, unused-ignore]
        TargetSelection,
        async_extract_referenced_entity_ids,
    )

    def _referenced(hass: HomeAssistant, call: ServiceCall) -> Any:
        return async_extract_referenced_entity_ids(hass, TargetSelection(call.data))

except ImportError:  # 2025.4
    from homeassistant.helpers.service import async_extract_referenced_entity_ids

    def _referenced(hass: HomeAssistant, call: ServiceCall) -> Any:
        return async_extract_referenced_entity_ids(hass, call)


TARGET_FIELDS = cv.ENTITY_SERVICE_FIELDS
INJECT_SCHEMA = vol.Schema(
    {**TARGET_FIELDS, vol.Required(ATTR_FAULT): vol.Coerce(Fault)}
)
HEAL_SCHEMA = vol.Schema({**TARGET_FIELDS, vol.Optional(ATTR_FAULT): vol.Coerce(Fault)})


def _fleet(hass: HomeAssistant) -> Fleet:
    entries = hass.config_entries.async_loaded_entries(DOMAIN)
    if not entries:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="not_loaded"
        )
    fleet: Fleet = entries[0].runtime_data
    return fleet


def _targets(hass: HomeAssistant, call: ServiceCall, fleet: Fleet) -> list[str]:
    """Return the serials of the simulated devices the call targets."""
    selected = _referenced(hass, call)
    ent_reg = er.async_get(hass)
    dev_reg = dr.async_get(hass)
    serials: list[str] = []
    for entity_id in sorted(selected.referenced | selected.indirectly_referenced):
        entry = ent_reg.async_get(entity_id)
        if entry is None or entry.platform != DOMAIN or entry.device_id is None:
            continue
        if (device := dev_reg.async_get(entry.device_id)) is None:
            continue
        for domain, serial in device.identifiers:
            known = serial in fleet.cameras or serial in fleet.syncs
            if domain == DOMAIN and known and serial not in serials:
                serials.append(serial)
    return serials


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register `fleet_sim.inject_fault` and `fleet_sim.heal`."""

    async def inject_fault(call: ServiceCall) -> None:
        fleet = _fleet(hass)
        fault: Fault = call.data[ATTR_FAULT]
        if not (serials := _targets(hass, call, fleet)):
            raise ServiceValidationError(
                translation_domain=DOMAIN, translation_key="no_target"
            )
        for serial in serials:
            try:
                fleet.inject(serial, fault)
            except UnsupportedFaultError as err:
                raise ServiceValidationError(
                    translation_domain=DOMAIN,
                    translation_key="unsupported_fault",
                    translation_placeholders={
                        "fault": fault,
                        "name": fleet.name_of(serial),
                    },
                ) from err
        fleet.notify()

    async def heal(call: ServiceCall) -> None:
        fleet = _fleet(hass)
        fault: Fault | None = call.data.get(ATTR_FAULT)
        serials = _targets(hass, call, fleet)
        if not serials:
            serials = [*fleet.cameras, *fleet.syncs]
        for serial in serials:
            fleet.heal(serial, fault)
        fleet.notify()

    hass.services.async_register(
        DOMAIN, SERVICE_INJECT_FAULT, inject_fault, schema=INJECT_SCHEMA
    )
    hass.services.async_register(DOMAIN, SERVICE_HEAL, heal, schema=HEAL_SCHEMA)
