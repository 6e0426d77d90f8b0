"""Persist diagnoses across restarts, so no false transition fires on startup."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from homeassistant.util import dt as dt_util

from .diagnosis import Cause, Diagnosis

STORAGE_VERSION = 1


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    return dt_util.parse_datetime(value)


def _cause(value: Any) -> Cause | None:
    try:
        return Cause(value)
    except ValueError:
        return None


def diagnosis_to_dict(diagnosis: Diagnosis) -> dict[str, Any]:
    """Serialise a diagnosis to JSON-safe data."""
    return {
        "cause": diagnosis.cause.value,
        "causes": [cause.value for cause in diagnosis.causes],
        "evidence": dict(diagnosis.evidence),
        "notes": list(diagnosis.notes),
        "since": {
            cause.value: when.isoformat() for cause, when in diagnosis.since.items()
        },
        "offline_since": (
            diagnosis.offline_since.isoformat() if diagnosis.offline_since else None
        ),
        "next_check": (
            diagnosis.next_check.isoformat() if diagnosis.next_check else None
        ),
    }


def diagnosis_from_dict(data: Mapping[str, Any]) -> Diagnosis | None:
    """Read back a stored diagnosis; anything unreadable gives ``None``."""
    try:
        cause = _cause(data["cause"])
        causes = tuple(c for c in map(_cause, data.get("causes", ())) if c)
        since = {
            c: t
            for key, value in dict(data.get("since", {})).items()
            if (c := _cause(key)) is not None and (t := _time(value)) is not None
        }
        evidence = dict(data.get("evidence", {}))
        notes = tuple(str(note) for note in data.get("notes", ()))
    except (KeyError, TypeError, ValueError):
        return None
    if cause is None:
        return None
    return Diagnosis(
        cause=cause,
        causes=causes,
        evidence=evidence,
        notes=notes,
        since=since,
        offline_since=_time(data.get("offline_since")),
        next_check=_time(data.get("next_check")),
    )
