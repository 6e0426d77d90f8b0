"""Diagnostics download: what Camera Doctor sees for each camera, and why.

Source integrations put serial numbers, network ids, MAC addresses and
signed thumbnail URLs in their attributes; those are redacted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, fields, is_dataclass
from datetime import datetime
from enum import Enum
from typing import Any, Final

from homeassistant.components.diagnostics import REDACTED, async_redact_data
from homeassistant.core import HomeAssistant
from homeassistant.helpers.device_registry import DeviceEntry

from .battery import forecast_summary
from .diagnosis.forecast import as_dict as history_to_dict
from .discovery import collect_sources
from .monitor import CameraDoctorConfigEntry, CameraMonitor
from .readings_issues import missing_readings
from .store import diagnosis_to_dict
from .watch import CameraWatch

TO_REDACT: Final = {
    "access_token",
    "camera_id",
    "entity_picture",
    "id",
    "ip",
    "ip_address",
    "latitude",
    "longitude",
    "mac",
    "mac_address",
    "network_id",
    "network_info",
    "recent_clips",
    "serial",
    "serial_number",
    "sync_id",
    "thumbnail",
    "token",
    "unique_id",
    "url",
    "video",
}
# Account identifiers, under any spelling.
ACCOUNT_KEYS: Final = {"account_id", "email", "password", "ssid", "user_id", "username"}
# Keys ending like these name an identifier whatever comes first
# (eufy's "stationSerialNumber", "wifiMac").
SECRET_SUFFIXES: Final = ("serial", "serialnumber", "mac", "macaddress", "token")
# Values redacted whatever their key: URLs and anything carrying a token.
SECRET_MARKERS: Final = ("://", "token=")


def _jsonable(value: Any) -> Any:
    """Turn dataclasses, enums, times and containers into JSON-safe data."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Enum):
        return _jsonable(value.value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(item) for item in value]
    return value


def _key_name(key: object) -> str:
    """A key compared without case or separators: ``serialNumber`` = ``serial_number``."""
    return str(key).casefold().replace("_", "").replace("-", "")


_SECRET_NAMES: Final = frozenset(map(_key_name, TO_REDACT | ACCOUNT_KEYS))


def _secret_key(key: object) -> bool:
    name = _key_name(key)
    return name in _SECRET_NAMES or name.endswith(SECRET_SUFFIXES)


def _redact(value: Any) -> Any:
    """Redact the secret keys, then any URL or token left under another key."""
    if isinstance(value, Mapping):
        secret = {key for key in value if _secret_key(key)}
        return {
            key: _redact(item) for key, item in async_redact_data(value, secret).items()
        }
    if isinstance(value, list):
        return [_redact(item) for item in value]
    if isinstance(value, str) and any(marker in value for marker in SECRET_MARKERS):
        return REDACTED
    return value


def _camera_diagnostics(monitor: CameraMonitor, watch: CameraWatch) -> dict[str, Any]:
    """Everything about one camera, secrets redacted."""
    hass = monitor.hass
    spec = watch.spec
    record = monitor.store.get(spec.registry_id)
    sources = collect_sources(hass, spec, known_hub=record.hub_entity_id)
    data: dict[str, Any] = {
        "entity_id": spec.entity_id,
        "registry_id": spec.registry_id,
        "device_id": spec.device_id,
        "platform": spec.platform,
        "manufacturer": spec.manufacturer,
        "model": spec.model,
        "profile": spec.profile.name,
        "batteries_replaced": _jsonable(record.batteries_replaced),
        "hub": record.hub_entity_id,
        "battery_forecast": forecast_summary(watch.forecast),
        # The points the forecast is made from: (when, level) since the change.
        "battery_history": history_to_dict(record.battery.history),
        "sources": {
            "camera": spec.entity_id,
            "siblings": list(spec.sibling_ids),
            "hubs": list(spec.hub_ids),
        },
        "states": {
            source.entity_id: {
                "state": source.state,
                "attributes": _redact(_jsonable(source.attributes)),
            }
            for source in (sources.camera, *sources.siblings, *sources.hubs)
        },
        # The very observation the current diagnosis was made from.
        "observation": (
            _jsonable(asdict(watch.observation)) if watch.observation else None
        ),
        "diagnosis": (
            diagnosis_to_dict(watch.diagnosis) if watch.diagnosis is not None else None
        ),
        # The camera's kind and the fix it picks: what every surface shows.
        "fit": _jsonable(asdict(watch.fit)),
        "fix": watch.fix,
        "missing_readings": {
            reading.value: {
                "reason": missing.reason.value,
                "entities": list(missing.entity_ids),
            }
            for reading, missing in missing_readings(hass, spec).items()
        },
        "issues": {
            cause.value: _jsonable(severity)
            for cause, severity in sorted(
                monitor.issues.raised(spec.registry_id).items(),
                key=lambda item: item[0].value,
            )
        },
    }
    data["history"] = _jsonable(list(watch.history))
    return data


def _cameras(
    monitor: CameraMonitor, watches: Iterable[CameraWatch]
) -> list[dict[str, Any]]:
    return [
        _camera_diagnostics(monitor, watch)
        for watch in sorted(watches, key=lambda watch: watch.spec.entity_id)
    ]


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: CameraDoctorConfigEntry
) -> dict[str, Any]:
    """Diagnostics of every watched camera."""
    monitor = entry.runtime_data.monitor
    return {
        "options": dict(entry.options),
        "cameras": _cameras(monitor, monitor.cameras.values()),
    }


async def async_get_device_diagnostics(
    hass: HomeAssistant, entry: CameraDoctorConfigEntry, device: DeviceEntry
) -> dict[str, Any]:
    """Diagnostics of the watched cameras of one device."""
    monitor = entry.runtime_data.monitor
    return {
        "options": dict(entry.options),
        "cameras": _cameras(
            monitor,
            (w for w in monitor.cameras.values() if w.spec.device_id == device.id),
        ),
    }
