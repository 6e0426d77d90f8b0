"""What Camera Doctor remembers of each camera across restarts: one record each.

A camera's record holds its last diagnosis (so no false transition fires on
start-up), when its batteries were last replaced, the hub it was matched to
and when its readings last moved. :class:`CameraStore` owns the records and
is the only writer of the stored file.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .const import DOMAIN
from .diagnosis import Cause, Diagnosis
from .diagnosis.forecast import (
    EMPTY as EMPTY_HISTORY,
    BatteryHistory,
    as_dict as history_to_dict,
    from_dict as history_from_dict,
)
from .freshness import Freshness

STORAGE_KEY = f"{DOMAIN}.diagnoses"
STORAGE_VERSION = 1
STORAGE_MINOR_VERSION = 2
SAVE_DELAY = 10


@dataclass(frozen=True, slots=True)
class PackedHistory:
    """A battery history in one array of 32-bit integers: 0.4 KiB when full.

    ``values`` holds, for each point, the oldest first, its time in whole
    seconds after ``start`` (the first point's time) and its level in
    hundredths of a percent. A tuple of pairs of floats takes five times the
    memory; the forecast needs neither finer times nor finer levels.
    """

    values: array[int]
    start: float = 0.0
    changed_at: float | None = None
    charging: bool = False

    @classmethod
    def pack(cls, history: BatteryHistory) -> PackedHistory:
        """The packed form of ``history``."""
        points = history.points
        start = points[0][0] if points else 0.0
        values = array(
            "i",
            [
                number
                for at, level in points
                for number in (round(at - start), round(level * 100))
            ],
        )
        return cls(values, start, history.changed_at, history.charging)

    @property
    def history(self) -> BatteryHistory:
        """The history itself."""
        values, start = self.values, self.start
        points = tuple(
            (start + offset, level / 100)
            for offset, level in zip(values[::2], values[1::2], strict=True)
        )
        return BatteryHistory(points, self.changed_at, self.charging)

    @property
    def newest(self) -> tuple[float, float] | None:
        """The newest point, if any."""
        values = self.values
        return (self.start + values[-2], values[-1] / 100) if values else None


EMPTY_PACKED = PackedHistory.pack(EMPTY_HISTORY)


@dataclass(frozen=True, slots=True)
class CameraRecord:
    """Everything remembered of one camera."""

    diagnosis: Diagnosis | None = None
    batteries_replaced: datetime | None = None
    hub_entity_id: str | None = None
    freshness: Freshness | None = None
    battery: PackedHistory = EMPTY_PACKED


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    return dt_util.parse_datetime(value)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _cause(value: Any) -> Cause | None:
    try:
        return Cause(value)
    except ValueError:
        return None


def _times(raw: Any) -> dict[Cause, datetime]:
    return {
        cause: when
        for key, value in dict(raw or {}).items()
        if (cause := _cause(key)) is not None and (when := _time(value)) is not None
    }


def diagnosis_to_dict(diagnosis: Diagnosis) -> dict[str, Any]:
    """Serialise a diagnosis to JSON-safe data."""
    return {
        "cause": diagnosis.cause.value,
        "causes": [cause.value for cause in diagnosis.causes],
        "evidence": dict(diagnosis.evidence),
        "notes": list(diagnosis.notes),
        "since": {cause.value: _iso(when) for cause, when in diagnosis.since.items()},
        "pending": {
            cause.value: _iso(when) for cause, when in diagnosis.pending.items()
        },
        "offline_since": _iso(diagnosis.offline_since),
        "next_check": _iso(diagnosis.next_check),
    }


def diagnosis_from_dict(data: Mapping[str, Any]) -> Diagnosis | None:
    """Read back a stored diagnosis; anything unreadable gives ``None``."""
    try:
        cause = _cause(data["cause"])
        causes = tuple(c for c in map(_cause, data.get("causes", ())) if c)
        since, pending = _times(data.get("since")), _times(data.get("pending"))
        evidence = dict(data.get("evidence", {}))
        notes = tuple(str(note) for note in data.get("notes", ()))
    except (KeyError, TypeError, ValueError):
        return None
    if cause is None:
        return None
    moments: dict[str, Any] = {
        key: _time(data.get(key)) for key in ("offline_since", "next_check")
    }
    diagnosis = Diagnosis(cause=cause, causes=causes, evidence=evidence, notes=notes)
    return replace(diagnosis, since=since, pending=pending, **moments)


def _record_to_dict(record: CameraRecord) -> dict[str, Any]:
    return {
        "diagnosis": (
            diagnosis_to_dict(record.diagnosis) if record.diagnosis else None
        ),
        "batteries_replaced": _iso(record.batteries_replaced),
        "hub": record.hub_entity_id,
        "freshness": record.freshness.as_dict() if record.freshness else None,
        "battery": (
            history_to_dict(record.battery.history) if record.battery.values else None
        ),
    }


def _record_from_dict(raw: Any) -> CameraRecord:
    if not isinstance(raw, Mapping):
        return CameraRecord()
    diagnosis = raw.get("diagnosis")
    hub = raw.get("hub")
    return CameraRecord(
        diagnosis=diagnosis_from_dict(diagnosis)
        if isinstance(diagnosis, Mapping)
        else None,
        batteries_replaced=_time(raw.get("batteries_replaced")),
        hub_entity_id=hub if isinstance(hub, str) else None,
        freshness=Freshness.from_dict(raw.get("freshness")),
        battery=PackedHistory.pack(history_from_dict(raw.get("battery"))),
    )


def _from_first_layout(data: Mapping[str, Any]) -> dict[str, Any]:
    """Minor version 1 kept each fact in a map of its own: one record each."""
    cameras: dict[str, dict[str, Any]] = {}

    def put(section: str, key: str) -> None:
        values = data.get(section)
        if isinstance(values, Mapping):
            for registry_id, value in values.items():
                cameras.setdefault(str(registry_id), {})[key] = value

    put("cameras", "diagnosis")
    put("batteries_replaced", "batteries_replaced")
    put("hubs", "hub")
    put("freshness", "freshness")
    return {"cameras": cameras}


class _VersionedStore(Store[dict[str, Any]]):
    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: Any
    ) -> dict[str, Any]:
        if not isinstance(old_data, Mapping):
            return {"cameras": {}}
        if old_minor_version < 2:
            return _from_first_layout(old_data)
        return dict(old_data)


class CameraStore:
    """The records of every camera, saved a little after each change."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Know nothing until :meth:`async_load`."""
        self._store = _VersionedStore(
            hass, STORAGE_VERSION, STORAGE_KEY, minor_version=STORAGE_MINOR_VERSION
        )
        self._records: dict[str, CameraRecord] = {}

    async def async_load(self) -> None:
        """Read the records saved before the last restart."""
        data = await self._store.async_load() or {}
        cameras = data.get("cameras")
        if isinstance(cameras, Mapping):
            self._records = {
                str(key): _record_from_dict(raw) for key, raw in cameras.items()
            }

    def get(self, registry_id: str) -> CameraRecord:
        """The record of a camera (empty when nothing is known)."""
        return self._records.get(registry_id) or CameraRecord()

    @callback
    def async_update(self, registry_id: str, **changes: Any) -> CameraRecord:
        """Change some facts of a camera's record; saved shortly after."""
        record = self._records.get(registry_id)
        if record is not None and all(
            getattr(record, name) == value for name, value in changes.items()
        ):
            return record
        record = replace(record or CameraRecord(), **changes)
        self._records[registry_id] = record
        self._store.async_delay_save(self._data, SAVE_DELAY)
        return record

    @callback
    def async_retain(self, registry_ids: set[str]) -> None:
        """Drop the records of every camera not in ``registry_ids``."""
        for registry_id in self._records.keys() - registry_ids:
            self.async_forget(registry_id)

    @callback
    def async_forget(self, registry_id: str) -> None:
        """Drop the record of a camera that is no longer watched."""
        if self._records.pop(registry_id, None) is not None:
            self._store.async_delay_save(self._data, SAVE_DELAY)

    async def async_save(self) -> None:
        """Write every record now."""
        await self._store.async_save(self._data())

    def _data(self) -> dict[str, Any]:
        return {
            "cameras": {
                registry_id: _record_to_dict(record)
                for registry_id, record in self._records.items()
            }
        }

    @staticmethod
    async def async_remove(hass: HomeAssistant) -> None:
        """Delete the stored records (the entry is being removed)."""
        await Store[dict[str, Any]](hass, STORAGE_VERSION, STORAGE_KEY).async_remove()
