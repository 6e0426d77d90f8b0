"""The notice before the red flash: a battery expected to run low soon.

``battery_forecast_{registry id of the camera entity}`` is raised when the
battery forecast expects the low level within ``forecast_days`` (0: never),
with the steps that fit the camera; a ``low_battery`` cause (confirmed or
waiting) wins over it, and a battery change clears it (a new discharge has
no forecast yet). ``diagnosis.forecast.notice_due`` decides, with a band so
that a forecast wobbling around the limit does not flap.
"""

from __future__ import annotations

from datetime import datetime

from homeassistant.const import PERCENTAGE
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util

from .const import DOMAIN, LOGGER, learn_more_url
from .diagnosis import Cause, Diagnosis
from .diagnosis.forecast import Forecast, notice_due
from .discovery import CameraSpec
from .fixes import Fit
from .hub_issues import entity_name
from .notice_texts import fix_steps
from .options import CameraDoctorOptions
from .shared_notices import Notice, async_show

ISSUE_KEY = "battery_forecast"
PREFIX = f"{ISSUE_KEY}_"
DAY = 86400.0


class ForecastIssues:
    """The ``battery_forecast`` notices of every camera."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Start with none raised."""
        self._hass = hass
        self._shown: dict[str, dict[str, str]] = {}  # camera registry id -> texts

    @property
    def issue_ids(self) -> set[str]:
        """The notices raised now."""
        return {f"{PREFIX}{registry_id}" for registry_id in self._shown}

    @callback
    def async_update(
        self,
        spec: CameraSpec,
        diagnosis: Diagnosis,
        forecast: Forecast | None,
        options: CameraDoctorOptions,
        now: datetime,
        *,
        fit: Fit,
    ) -> None:
        """Raise, update or clear the camera's notice (of a camera of kind ``fit``)."""
        registry_id = spec.registry_id
        low = Cause.LOW_BATTERY in diagnosis.causes or (
            Cause.LOW_BATTERY in diagnosis.pending
        )
        days = options.thresholds.forecast_days
        raised = registry_id in self._shown
        if (
            forecast is None
            or forecast.at is None
            or low
            or not notice_due(forecast, now, days, raised=raised)
        ):
            self.async_clear(spec)
            return
        placeholders = {
            "camera": entity_name(self._hass, spec.entity_id),
            "value": f"{max((forecast.at - now).total_seconds() / DAY, 0):.0f}",
            "date": dt_util.as_local(forecast.at).date().isoformat(),
            "threshold": f"{options.thresholds.battery_low:g} {PERCENTAGE}",
            "rate": f"{forecast.rate_per_day or 0:.1f} {PERCENTAGE}",
            "steps": fix_steps(self._hass, fit, fit.fix(Cause.LOW_BATTERY)),
        }
        if self._shown.get(registry_id) == placeholders:
            return
        if not raised:
            LOGGER.debug("%s: notice battery_forecast raised", spec.entity_id)
        self._shown[registry_id] = placeholders
        data = {"registry_id": registry_id, "entity_id": spec.entity_id}
        async_show(
            self._hass,
            f"{PREFIX}{registry_id}",
            Notice(ISSUE_KEY, placeholders, data),
            ir.IssueSeverity.WARNING,
            learn_more_url(ISSUE_KEY),
        )

    @callback
    def async_clear(self, spec: CameraSpec) -> None:
        """Delete the camera's notice, if raised."""
        if self._shown.pop(spec.registry_id, None) is not None:
            LOGGER.debug("%s: notice battery_forecast cleared", spec.entity_id)
            ir.async_delete_issue(self._hass, DOMAIN, f"{PREFIX}{spec.registry_id}")
