"""Repair issues: one per camera and confirmed cause, as ``diagnosis.notices`` says.

The engine confirms causes and says which deserve a notice, with what
severity and when that changes; this module raises and deletes the issues
accordingly, and holds back a notice that flaps (``flap_hold``, per camera
and cause) until it may be created again. A notice that says how long
something has lasted (``DURATION_CAUSES``) is rendered again every minute
while it is raised, so the duration it shows stays current.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Final, NamedTuple

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.event import (
    async_track_point_in_utc_time,
    async_track_time_interval,
)
from homeassistant.util import dt as dt_util

from .const import DOMAIN, LOGGER, learn_more_url
from .diagnosis import Cause, Diagnosis, Severity, Thresholds, flap_hold, wanted_notices
from .diagnosis.readings import integration_reason
from .discovery import CameraSpec
from .fixes import Fit
from .forecast_issues import ForecastIssues
from .hub_issues import HubIssues, entity_name
from .integration_issues import IntegrationIssues
from .notice_texts import issue_placeholders
from .readings_issues import ReadingsIssues
from .shared_notices import Notice, async_show

# Causes Home Assistant can act on from the repair dialog.
FIXABLE = frozenset(
    {Cause.FIRMWARE_OUTDATED, Cause.LOW_BATTERY, Cause.NO_CONNECTION, Cause.UNEXPLAINED}
)
_SEVERITY = {Severity.ERROR: ir.IssueSeverity.ERROR}
NO_CAMERAS = "no_cameras"
# Notices that show how long their condition has lasted, and how often that
# is rendered again while one is raised.
DURATION_CAUSES: Final = frozenset(
    {Cause.NO_CONNECTION, Cause.UNEXPLAINED, Cause.FIRMWARE_UPDATING}
)
DURATION_REFRESH: Final = timedelta(minutes=1)


class _Raised(NamedTuple):
    """What a raised issue shows."""

    severity: ir.IssueSeverity
    placeholders: dict[str, str]


class _Look(NamedTuple):
    """What a camera's notices were last rendered from."""

    spec: CameraSpec
    diagnosis: Diagnosis
    thresholds: Thresholds
    hub_entity_id: str | None
    fit: Fit


def issue_id(cause: Cause, registry_id: str) -> str:
    """The public issue id of a camera's cause."""
    return f"{cause.value}_{registry_id}"


class IssueManager:
    """Creates and deletes the repair issues of every watched camera.

    A cause shared by several cameras (an offline sync module, an integration
    that is down) is one issue naming the sync module or the integration and
    listing its cameras (:class:`HubIssues`, :class:`IntegrationIssues`), not
    one per camera. ``on_retry(registry_id)`` is called when a notice held
    back for flapping may be created again.
    """

    def __init__(self, hass: HomeAssistant, on_retry: Callable[[str], None]) -> None:
        """Start with no issue raised."""
        self.hass = hass
        self._on_retry = on_retry
        self._raised: dict[str, dict[Cause, _Raised]] = {}
        self._created: dict[tuple[str, Cause], tuple[datetime, ...]] = {}
        self._retries: dict[str, tuple[datetime, CALLBACK_TYPE]] = {}
        # Cameras with a notice that shows a duration, and their minute timer.
        self._timed: dict[str, _Look] = {}
        self._unsub_tick: CALLBACK_TYPE | None = None
        self.hubs = HubIssues(hass)
        self.integrations = IntegrationIssues(hass)
        self.forecasts = ForecastIssues(hass)
        self.readings = ReadingsIssues(hass)

    @callback
    def async_update(
        self,
        spec: CameraSpec,
        diagnosis: Diagnosis,
        thresholds: Thresholds,
        now: datetime,
        hub_entity_id: str | None,
        *,
        fit: Fit,
    ) -> None:
        """Bring a camera's issues in line with its confirmed diagnosis.

        ``fit`` is the camera's kind: it picks the fix and the words.
        """
        registry_id = spec.registry_id
        raised = self._raised.pop(registry_id, {})
        wanted = dict(wanted_notices(diagnosis, thresholds, now))
        hub_down = wanted.pop(Cause.SYNC_MODULE_OFFLINE, None) is not None
        self.hubs.async_update(spec, hub_entity_id if hub_down else None)
        integration_down = wanted.pop(Cause.INTEGRATION_OFFLINE, None) is not None
        self.integrations.async_update(
            spec,
            integration_reason(diagnosis.evidence.get(Cause.INTEGRATION_OFFLINE.value))
            if integration_down
            else None,
        )
        for cause in set(raised) - set(wanted):
            del raised[cause]
            LOGGER.debug("%s: notice %s cleared", spec.entity_id, cause)
            ir.async_delete_issue(self.hass, DOMAIN, issue_id(cause, registry_id))
        held: list[datetime] = []
        for cause, severity in wanted.items():
            shown = _Raised(
                _SEVERITY.get(severity, ir.IssueSeverity.WARNING),
                self._placeholders(spec, fit, cause, diagnosis, thresholds, now=now),
            )
            if raised.get(cause) == shown:
                continue
            if cause not in raised:
                key = (registry_id, cause)
                created, retry = flap_hold(self._created.get(key, ()), now)
                if retry is not None:
                    self._created[key] = created
                    held.append(retry)
                    LOGGER.debug(
                        "%s: notice %s held back until %s (flapping)",
                        spec.entity_id,
                        cause,
                        retry,
                    )
                    continue
                self._created[key] = (*created, now)
                LOGGER.debug("%s: notice %s raised", spec.entity_id, cause)
            raised[cause] = shown
            self._async_create(spec, cause, shown)
        if raised:  # kept only for cameras with a notice
            self._raised[registry_id] = raised
        self._async_retry_at(registry_id, min(held, default=None))
        look = _Look(spec, diagnosis, thresholds, hub_entity_id, fit)
        self._async_time(registry_id, look if DURATION_CAUSES & raised.keys() else None)

    @callback
    def _async_time(self, registry_id: str, look: _Look | None) -> None:
        """Keep a camera's durations current while it has such a notice."""
        if look is None:
            self._timed.pop(registry_id, None)
        else:
            self._timed[registry_id] = look
        if self._timed and self._unsub_tick is None:
            self._unsub_tick = async_track_time_interval(
                self.hass, self._async_tick, DURATION_REFRESH
            )
        elif not self._timed and self._unsub_tick is not None:
            self._unsub_tick()
            self._unsub_tick = None

    @callback
    def _async_tick(self, _now: datetime) -> None:
        """Render the notices that show a duration again, as of now."""
        now = dt_util.utcnow()
        for look in list(self._timed.values()):
            self.async_update(
                look.spec,
                look.diagnosis,
                look.thresholds,
                now,
                look.hub_entity_id,
                fit=look.fit,
            )

    @callback
    def _async_retry_at(self, registry_id: str, when: datetime | None) -> None:
        """Look at a camera's held-back notices again at ``when``."""
        current = self._retries.get(registry_id)
        if current is not None and current[0] == when:
            return
        if current is not None:
            self._retries.pop(registry_id)[1]()
        if when is None:
            return

        @callback
        def fire(_now: datetime) -> None:
            del self._retries[registry_id]
            self._on_retry(registry_id)

        self._retries[registry_id] = (
            when,
            async_track_point_in_utc_time(self.hass, fire, when),
        )

    @callback
    def async_stop(self) -> None:
        """Drop every pending retry and the duration timer."""
        for _when, unsub in self._retries.values():
            unsub()
        self._retries.clear()
        self._timed.clear()
        self._async_time("", None)

    def _placeholders(
        self,
        spec: CameraSpec,
        fit: Fit,
        cause: Cause,
        diagnosis: Diagnosis,
        thresholds: Thresholds,
        *,
        now: datetime,
    ) -> dict[str, str]:
        """The texts a notice shows, current: a rename or an option changes them."""
        return {
            "camera": entity_name(self.hass, spec.entity_id),
            **issue_placeholders(self.hass, fit, cause, diagnosis, thresholds, now=now),
        }

    @callback
    def _async_create(self, spec: CameraSpec, cause: Cause, shown: _Raised) -> None:
        """Create the issue, or bring its texts up to date (its "Ignore" stays)."""
        data = {
            "registry_id": spec.registry_id,
            "entity_id": spec.entity_id,
            "cause": cause.value,
        }
        async_show(
            self.hass,
            issue_id(cause, spec.registry_id),
            Notice(cause.value, shown.placeholders, data, fixable=cause in FIXABLE),
            shown.severity,
            learn_more_url(cause),
        )

    @callback
    def async_clear(self, spec: CameraSpec) -> None:
        """Delete every issue of a camera (excluded or removed)."""
        self._raised.pop(spec.registry_id, None)
        self._async_retry_at(spec.registry_id, None)
        self._async_time(spec.registry_id, None)
        for key in [key for key in self._created if key[0] == spec.registry_id]:
            del self._created[key]
        self.hubs.async_update(spec, None)
        self.integrations.async_update(spec, None)
        self.forecasts.async_clear(spec)
        for cause in Cause:
            ir.async_delete_issue(self.hass, DOMAIN, issue_id(cause, spec.registry_id))

    def raised(self, registry_id: str) -> dict[Cause, Any]:
        """The issues currently raised for a camera, with their severity."""
        return {
            cause: shown.severity
            for cause, shown in self._raised.get(registry_id, {}).items()
        }

    @callback
    def async_prune(self) -> None:
        """Delete every issue no camera stands behind now (after a full look).

        A camera removed or excluded while the entry was not loaded, or whose
        cause cleared meanwhile, leaves its issue behind; the issues that
        were raised again (a reload, a restart) keep their "Ignore".
        """
        current = (
            {
                issue_id(cause, registry_id)
                for registry_id, raised in self._raised.items()
                for cause in raised
            }
            | self.hubs.issue_ids
            | self.integrations.issue_ids
            | self.forecasts.issue_ids
            | self.readings.issue_ids
        )
        for domain, issue in list(ir.async_get(self.hass).issues):
            if domain == DOMAIN and issue not in current and issue != NO_CAMERAS:
                LOGGER.debug("Notice %s: nothing stands behind it now", issue)
                ir.async_delete_issue(self.hass, DOMAIN, issue)


@callback
def async_notice_no_cameras(hass: HomeAssistant, *, watching: bool) -> None:
    """Say so when there is no camera to watch (else nothing would happen)."""
    if watching:
        ir.async_delete_issue(hass, DOMAIN, NO_CAMERAS)
        return
    LOGGER.debug("No camera to watch (none in Home Assistant, or all excluded)")
    ir.async_create_issue(
        hass,
        DOMAIN,
        NO_CAMERAS,
        is_fixable=False,
        is_persistent=False,
        severity=ir.IssueSeverity.WARNING,
        translation_key=NO_CAMERAS,
    )


@callback
def async_remove_all_issues(hass: HomeAssistant) -> None:
    """Delete every issue Camera Doctor ever raised (the entry is removed)."""
    registry = ir.async_get(hass)
    for domain, issue in list(registry.issues):
        if domain == DOMAIN:
            ir.async_delete_issue(hass, DOMAIN, issue)
