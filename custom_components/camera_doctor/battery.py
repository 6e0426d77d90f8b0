"""A camera's battery history and forecast, kept up to date from its readings.

Only for a camera whose battery reports a level (``CameraSpec.battery_level``):
each reading joins the history (``diagnosis.forecast``, pure), and the
forecast is worked out again only when the history changed. What Home
Assistant's recorder kept of the battery (``recorded``) joins the history
at set-up, so the forecast need not wait days for readings of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from homeassistant.core import callback

from .diagnosis import Thresholds
from .diagnosis.forecast import (
    BatteryHistory,
    Forecast,
    forecast,
    merged,
    record,
    replaced,
)
from .discovery import CameraSpec
from .forecast_issues import ForecastIssues
from .options import CameraDoctorOptions
from .store import EMPTY_PACKED, CameraStore, PackedHistory
from .watch import CameraWatch

__all__ = [
    "BatteryForecasts",
    "BatteryHistory",
    "Forecast",
    "battery_after",
    "forecast_attributes",
    "forecast_summary",
]

HOUR = 3600.0


def battery_after(
    spec: CameraSpec,
    packed: PackedHistory,
    shown: Forecast | None,
    percent: float | None,
    *,
    thresholds: Thresholds,
    now: datetime,
) -> tuple[PackedHistory, Forecast | None]:
    """The history with this look's reading, and the forecast from it.

    A reading joins the history when it moved, or an hour after the last
    point (so the history knows the camera still reports); the forecast is
    worked out again only when a point was added (or the discharge changed).
    """
    if not spec.battery_level:
        return EMPTY_PACKED, None
    last = packed.newest
    if percent is None or (
        last is not None and last[1] == percent and now.timestamp() - last[0] < HOUR
    ):
        if shown is not None:
            return packed, shown
        return packed, forecast(packed.history, thresholds.battery_low, now)
    before = packed.history
    history = record(before, percent, now)
    if history is not before:
        packed = PackedHistory.pack(history)
    if shown is not None and _same_discharge(before, history, thresholds.battery_low):
        # The newest point was only updated (points are an hour apart at
        # least): the forecast, a millisecond's work, waits for the next one.
        return packed, shown
    return packed, forecast(history, thresholds.battery_low, now)


class BatteryForecasts:
    """Keeps each camera's battery history and forecast, and its notice."""

    def __init__(self, store: CameraStore, notices: ForecastIssues) -> None:
        """Work on the cameras' stored records and the forecast notices."""
        self._store = store
        self._notices = notices

    def remembered(
        self, spec: CameraSpec, options: CameraDoctorOptions, now: datetime
    ) -> Forecast | None:
        """The forecast from the stored history: shown while Home Assistant starts.

        The first look then finds it standing, unless a reading moved it.
        """
        _, shown = battery_after(
            spec,
            self._store.get(spec.registry_id).battery,
            None,
            None,
            thresholds=options.thresholds,
            now=now,
        )
        return shown

    @callback
    def async_update(
        self,
        watch: CameraWatch,
        level: float | None,
        options: CameraDoctorOptions,
        now: datetime,
    ) -> None:
        """Add a battery level to the camera's history; follow its forecast."""
        spec = watch.spec
        before = self._store.get(spec.registry_id).battery
        battery, forecast = battery_after(
            spec,
            before,
            watch.forecast,
            level,
            thresholds=options.thresholds,
            now=now,
        )
        if battery is not before:
            self._store.async_update(spec.registry_id, battery=battery)
        watch.async_set_forecast(forecast)
        if watch.diagnosis is not None:
            self._notices.async_update(
                spec, watch.diagnosis, forecast, options, now, fit=watch.fit
            )

    @callback
    def async_merge(
        self,
        watch: CameraWatch,
        levels: Iterable[tuple[object, object]],
        options: CameraDoctorOptions,
        now: datetime,
        *,
        notify: bool,
    ) -> None:
        """Join ``(at, level)`` readings kept elsewhere (the recorder) to the history.

        ``notify``: follow the forecast notice too (once Home Assistant runs;
        before that, the first look at the camera does).
        """
        spec = watch.spec
        before = self._store.get(spec.registry_id).battery.history
        history = merged(before, levels)
        if history == before:
            return
        self._store.async_update(spec.registry_id, battery=PackedHistory.pack(history))
        shown = forecast(history, options.thresholds.battery_low, now)
        watch.async_set_forecast(shown)
        if notify and watch.diagnosis is not None:
            self._notices.async_update(
                spec, watch.diagnosis, shown, options, now, fit=watch.fit
            )

    @callback
    def async_replaced(self, watch: CameraWatch, now: datetime) -> None:
        """The owner replaced the batteries: the date, and a new discharge."""
        battery = self._store.get(watch.spec.registry_id).battery
        self._store.async_update(
            watch.spec.registry_id,
            batteries_replaced=now,
            battery=PackedHistory.pack(replaced(battery.history, now)),
        )
        watch.async_refresh()


def _same_discharge(before: BatteryHistory, after: BatteryHistory, low: float) -> bool:
    """Whether ``after`` only updated ``before``'s newest point, on its side of low."""
    if (len(after.points), after.changed_at, after.charging) != (
        len(before.points),
        before.changed_at,
        before.charging,
    ):
        return False
    if not after.points:
        return True
    return (before.points[-1][1] <= low) == (after.points[-1][1] <= low)


def forecast_attributes(forecast: Forecast) -> dict[str, Any]:
    """How sure a forecast is (attributes, and the actions' response)."""
    changed = forecast.changed_at
    return {
        "forecast": forecast.state.value,
        "rate_per_day": (
            None if forecast.rate_per_day is None else round(forecast.rate_per_day, 2)
        ),
        "days_of_data": round(forecast.days_of_data, 1),
        "points": forecast.points,
        "changed_at": changed.isoformat() if changed else None,
    }


def shown_at(forecast: Forecast | None) -> datetime | None:
    """The moment a forecast shows (the sensor's state, the response's ``at``).

    When the battery is expected to reach the low level; once it is low,
    when it reached it.
    """
    if forecast is None:
        return None
    return forecast.at or forecast.low_since


def forecast_summary(forecast: Forecast | None) -> dict[str, Any] | None:
    """The forecast, how sure it is (the actions' response, the diagnostics)."""
    if forecast is None:
        return None
    at = shown_at(forecast)
    return {"at": at.isoformat() if at else None, **forecast_attributes(forecast)}
