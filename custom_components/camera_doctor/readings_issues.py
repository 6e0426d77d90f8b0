"""Readings a camera's integration hides by default, and the notice offering them.

Some integrations create the entities Camera Doctor needs disabled: core's
ring its ``wifi_signal_strength`` and ``wifi_signal_category`` sensors,
core's reolink ``battery_state``, ``battery_temperature`` and
``wifi_signal`` (``entity_registry_enabled_default=False`` in their
sensor.py), eufy_security every diagnostic entity (eufy_security #999).

For each camera, :func:`missing_readings` tells which kinds of reading
(:class:`~.profiles.Reading`) it cannot see, and why (:class:`Reason`): no
entity of the camera carries it, or the only ones that do are disabled, by
the integration or by the user. One notice per integration entry,
``missing_readings_{config entry id of the camera integration}``, lists the
cameras and the entities the integration disabled; its fix flow
(``repairs.py``) enables them. A kind the user disabled an entity of is
never offered. The notice is kept while anything is still hidden (so the
user's "Ignore" stays) and deleted when nothing is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import (
    device_registry as dr,
    entity_registry as er,
    issue_registry as ir,
)
from homeassistant.helpers.translation import async_get_cached_translations

from .const import CAMERA_DOMAIN, DOMAIN, LOGGER, learn_more_url
from .discovery import CameraSpec, source_state
from .hub_issues import entity_name
from .integrations import loaded_name
from .profiles import Reading
from .shared_notices import Notice, async_show

ISSUE_KEY: Final = "missing_readings"
PREFIX: Final = f"{ISSUE_KEY}_"
SELECTOR: Final = "selector"


class Reason(StrEnum):
    """Why Camera Doctor cannot see a kind of reading (public: ``missing``)."""

    NOT_PROVIDED = "not_provided"  # no entity of the camera carries it
    DISABLED_BY_INTEGRATION = "disabled_by_integration"  # created disabled
    DISABLED_BY_USER = "disabled_by_user"  # the user (or a disabled device) did


@dataclass(frozen=True, slots=True)
class Missing:
    """A kind of reading a camera lacks, why, and the entities that carry it."""

    reason: Reason
    entity_ids: tuple[str, ...] = ()


def _disabled_reason(entry: er.RegistryEntry) -> Reason:
    if entry.disabled_by is er.RegistryEntryDisabler.INTEGRATION:
        return Reason.DISABLED_BY_INTEGRATION
    return Reason.DISABLED_BY_USER


def missing_readings(hass: HomeAssistant, spec: CameraSpec) -> dict[Reading, Missing]:
    """The kinds of reading the camera gives no enabled entity for, and why.

    Read from the registries only (what the entities are, not their states),
    so an unavailable or vanished state never changes the answer. A kind the
    profile reads from the camera entity itself is never missing. A kind
    that one entity disabled by the user carries counts as disabled by the
    user, even if the integration hid another: the user chose.
    """
    seen: set[Reading] = set(spec.profile.camera_readings)
    disabled: dict[Reading, dict[Reason, list[str]]] = {}
    for entry in _sources(hass, spec):
        kinds = _kinds(spec, entry)
        if entry.disabled_by is None:
            seen.update(kinds)
            continue
        for kind in kinds:
            by_reason = disabled.setdefault(kind, {})
            by_reason.setdefault(_disabled_reason(entry), []).append(entry.entity_id)
    missing: dict[Reading, Missing] = {}
    for kind in Reading:
        if kind in seen:
            continue
        by_reason = disabled.get(kind, {})
        reason = next(
            (
                reason
                for reason in (Reason.DISABLED_BY_USER, Reason.DISABLED_BY_INTEGRATION)
                if reason in by_reason
            ),
            Reason.NOT_PROVIDED,
        )
        missing[kind] = Missing(reason, tuple(sorted(by_reason.get(reason, ()))))
    return missing


def _sources(hass: HomeAssistant, spec: CameraSpec) -> list[er.RegistryEntry]:
    """The entities on the camera's device that may carry a reading.

    Disabled ones included; not the camera itself, nor Camera Doctor's own.
    """
    if spec.device_id is None:
        return []
    return [
        entry
        for entry in er.async_entries_for_device(
            er.async_get(hass), spec.device_id, include_disabled_entities=True
        )
        if entry.domain != CAMERA_DOMAIN and entry.platform != DOMAIN
    ]


def _kinds(spec: CameraSpec, entry: er.RegistryEntry) -> frozenset[Reading]:
    """The kinds of reading an entity carries, judged from its registry entry."""
    source = source_state(entry.entity_id, None, entry, entry.unit_of_measurement)
    return spec.profile.readings(source)


def hidden_readings(hass: HomeAssistant, spec: CameraSpec) -> dict[Reading, Missing]:
    """The missing kinds that enabling what the integration disabled would show.

    None where the integration disabled no reading on the camera's device
    (most cameras, Blink's disabled "camera armed" sensor among them): then
    the other entries need not be judged one by one.
    """
    if not any(
        entry.disabled_by is er.RegistryEntryDisabler.INTEGRATION
        and _kinds(spec, entry)
        for entry in _sources(hass, spec)
    ):
        return {}
    return {
        kind: missing
        for kind, missing in missing_readings(hass, spec).items()
        if missing.reason is Reason.DISABLED_BY_INTEGRATION
    }


def integration_name(hass: HomeAssistant, config_entry_id: str) -> str:
    """The integration's name (Ring, Reolink …), else its entry's title."""
    entry = hass.config_entries.async_get_entry(config_entry_id)
    if entry is None:
        return ""
    return loaded_name(hass, entry) or entry.title


def _registry_name(hass: HomeAssistant, entity_id: str, fallback: str) -> str:
    """The name a disabled entity would show (it has no state to ask)."""
    entry = er.async_get(hass).async_get(entity_id)
    if entry is None:
        return fallback
    if entry.name is not None:
        return entry.name
    name = entry.original_name
    device = dr.async_get(hass).async_get(entry.device_id) if entry.device_id else None
    if entry.has_entity_name and device is not None:
        device_name = device.name_by_user or device.name
        name = " ".join(part for part in (device_name, name or fallback) if part)
    return name or fallback


def _option(texts: Mapping[str, str], selector: str, option: str) -> str:
    return texts.get(f"component.{DOMAIN}.{SELECTOR}.{selector}.options.{option}", "")


class ReadingsIssues:
    """The ``missing_readings`` notices, one per integration entry."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Start with none raised."""
        self._hass = hass
        self._shown: dict[str, dict[str, str]] = {}  # issue id -> placeholders

    @property
    def issue_ids(self) -> set[str]:
        """The notices raised now."""
        return set(self._shown)

    @callback
    def async_update(self, specs: Iterable[CameraSpec]) -> None:
        """Raise, update or delete every entry's notice for the watched cameras."""
        by_entry: dict[str, dict[str, dict[Reading, Missing]]] = {}
        for spec in specs:
            entry_id = spec.config_entry_id
            if entry_id is not None and (hidden := hidden_readings(self._hass, spec)):
                by_entry.setdefault(entry_id, {})[spec.entity_id] = hidden
        wanted = {
            f"{PREFIX}{entry_id}": cameras for entry_id, cameras in by_entry.items()
        }
        for issue_id in set(self._shown) - set(wanted):
            del self._shown[issue_id]
            LOGGER.debug("Notice %s cleared: nothing hidden any more", issue_id)
            ir.async_delete_issue(self._hass, DOMAIN, issue_id)
        for issue_id, cameras in wanted.items():
            self._async_raise(issue_id.removeprefix(PREFIX), cameras)

    def _placeholders(
        self, entry_id: str, cameras: Mapping[str, Mapping[Reading, Missing]]
    ) -> dict[str, str]:
        texts = async_get_cached_translations(
            self._hass, self._hass.config.language, SELECTOR, DOMAIN
        )
        line = _option(texts, "hidden_entity", "line")
        lines: dict[str, str] = {}  # entity id -> its line (first kind it carries)
        for camera in sorted(cameras, key=lambda i: entity_name(self._hass, i)):
            for kind, missing in cameras[camera].items():
                use = _option(texts, "missing_reading", kind.value)
                for entity_id in missing.entity_ids:
                    name = _registry_name(self._hass, entity_id, use)
                    lines.setdefault(
                        entity_id, line.replace("{entity}", name).replace("{use}", use)
                    )
        return {
            "integration": integration_name(self._hass, entry_id),
            "cameras": ", ".join(
                sorted(entity_name(self._hass, camera) for camera in cameras)
            ),
            "entities": "\n".join(lines.values()),
        }

    @callback
    def _async_raise(
        self, entry_id: str, cameras: Mapping[str, Mapping[Reading, Missing]]
    ) -> None:
        issue_id = f"{PREFIX}{entry_id}"
        placeholders = self._placeholders(entry_id, cameras)
        if self._shown.get(issue_id) == placeholders:
            return
        if issue_id not in self._shown:
            LOGGER.debug("Notice %s raised for %s", issue_id, sorted(cameras))
        self._shown[issue_id] = placeholders
        async_show(
            self._hass,
            issue_id,
            Notice(
                ISSUE_KEY, placeholders, {"config_entry_id": entry_id}, fixable=True
            ),
            ir.IssueSeverity.WARNING,
            learn_more_url(ISSUE_KEY),
        )


def entities_to_enable(
    hass: HomeAssistant, specs: Iterable[CameraSpec], config_entry_id: str
) -> list[str]:
    """The entities the fix flow enables: hidden by that integration, not the user."""
    return sorted(
        {
            entity_id
            for spec in specs
            if spec.config_entry_id == config_entry_id
            for missing in hidden_readings(hass, spec).values()
            for entity_id in missing.entity_ids
        }
    )
