"""Typed access to the config entry's options."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
import math
from typing import Any, Final

from .const import CONF_EXCLUDE, CONF_STALE_ALL_BRANDS
from .diagnosis import Thresholds

_DEFAULT_THRESHOLDS = Thresholds()
DEFAULT_OPTIONS: Final[Mapping[str, Any]] = {
    CONF_EXCLUDE: [],
    CONF_STALE_ALL_BRANDS: False,
    **{f.name: getattr(_DEFAULT_THRESHOLDS, f.name) for f in fields(Thresholds)},
}


@dataclass(frozen=True, slots=True)
class CameraDoctorOptions:
    """The options of the entry, with defaults filled in."""

    exclude: frozenset[str]
    thresholds: Thresholds
    stale_all_brands: bool = False

    @classmethod
    def from_mapping(cls, options: Mapping[str, Any]) -> CameraDoctorOptions:
        """Read options, falling back to the default for anything unusable."""
        values: dict[str, float] = {}
        for field in fields(Thresholds):
            value = options.get(field.name)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                if math.isfinite(value):
                    values[field.name] = float(value)
        exclude = options.get(CONF_EXCLUDE) or []
        return cls(
            exclude=frozenset(e for e in exclude if isinstance(e, str)),
            thresholds=Thresholds(**values),
            stale_all_brands=options.get(CONF_STALE_ALL_BRANDS) is True,
        )
