"""Typed access to the config entry's options."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
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
        given = {
            f.name: options[f.name] for f in fields(Thresholds) if f.name in options
        }
        exclude = options.get(CONF_EXCLUDE) or []
        return cls(
            exclude=frozenset(e for e in exclude if isinstance(e, str)),
            # Thresholds take the default for anything unusable themselves.
            thresholds=Thresholds(**given),
            stale_all_brands=options.get(CONF_STALE_ALL_BRANDS) is True,
        )
