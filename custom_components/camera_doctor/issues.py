"""Repair issues: one per camera and cause, raised after the grace period.

Issues are debounced twice: a cause must last the grace period before its
issue appears, and a camera may create at most ``MAX_CREATES_PER_HOUR``
issues an hour, so a flapping source cannot fill the dashboard. Issues are
deleted as soon as their cause clears.
"""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta
from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir

from .const import DOMAIN
from .diagnosis import Cause, Diagnosis, Severity, Thresholds, cause_severity
from .discovery import CameraSpec
from .evidence import issue_placeholders

MAX_CREATES_PER_HOUR = 4
CHURN_WINDOW = timedelta(hours=1)
OFFLINE_ERROR_AFTER = timedelta(hours=1)
LEARN_MORE_URL = "https://github.com/camera-doctor/camera-doctor#{anchor}"

# Causes Home Assistant can act on from the repair dialog.
FIXABLE = frozenset(
    {Cause.FIRMWARE_OUTDATED, Cause.LOW_BATTERY, Cause.NO_CONNECTION, Cause.UNEXPLAINED}
)
_ALWAYS_ERROR = frozenset(
    {
        Cause.SYNC_MODULE_OFFLINE,
        Cause.POWER_SUPPLY,
        Cause.OVERHEATING,
        Cause.UNEXPLAINED,
    }
)
# An outage explained by another cause gets that cause's issue only.
_OUTAGES = frozenset({Cause.NO_CONNECTION, Cause.UNEXPLAINED})
# Causes whose grace period the engine (or the hub's) already waited out while
# the camera was offline.
_WAITED_WHILE_OFFLINE = _OUTAGES | {Cause.SYNC_MODULE_OFFLINE}


def issue_id(cause: Cause, registry_id: str) -> str:
    """The public issue id of a camera's cause."""
    return f"{cause.value}_{registry_id}"


def issue_causes(diagnosis: Diagnosis) -> tuple[Cause, ...]:
    """The causes of a diagnosis that deserve their own repair issue."""
    return tuple(
        cause
        for cause in diagnosis.causes
        if cause is not Cause.NONE
        and (cause not in _OUTAGES or cause is diagnosis.cause)
    )


def issue_severity(
    cause: Cause, diagnosis: Diagnosis, thresholds: Thresholds, now: datetime
) -> ir.IssueSeverity:
    """How urgent a notice is: the engine's severity, softened for outages.

    An outage stays a warning for its first hour; offline for longer, it is
    an error.
    """
    if cause_severity(cause, diagnosis, thresholds) is not Severity.ERROR:
        return ir.IssueSeverity.WARNING
    if cause is Cause.NO_CONNECTION and now - _started(cause, diagnosis, now) < (
        OFFLINE_ERROR_AFTER
    ):
        return ir.IssueSeverity.WARNING
    return ir.IssueSeverity.ERROR


def _started(cause: Cause, diagnosis: Diagnosis, now: datetime) -> datetime:
    """When the condition behind a cause began (an outage: when it went offline)."""
    since = min(diagnosis.since.get(cause, now), now)
    if cause in _WAITED_WHILE_OFFLINE and diagnosis.offline_since is not None:
        since = min(since, diagnosis.offline_since)
    return since


class IssueManager:
    """Creates and deletes the repair issues of every watched camera."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Start with no issue raised."""
        self.hass = hass
        self._raised: dict[str, dict[Cause, ir.IssueSeverity]] = {}
        self._creates: dict[str, deque[datetime]] = {}

    @callback
    def async_update(
        self,
        spec: CameraSpec,
        diagnosis: Diagnosis,
        thresholds: Thresholds,
        now: datetime,
    ) -> datetime | None:
        """Bring a camera's issues in line; return when to look again, if ever."""
        raised = self._raised.setdefault(spec.registry_id, {})
        wanted = issue_causes(diagnosis)
        for cause in set(raised) - set(wanted):
            del raised[cause]
            ir.async_delete_issue(self.hass, DOMAIN, issue_id(cause, spec.registry_id))
        grace = timedelta(minutes=max(thresholds.grace_minutes, 0))
        due: list[datetime] = []
        for cause in wanted:
            since = _started(cause, diagnosis, now)
            if now < since + grace:
                due.append(since + grace)
                continue
            severity = issue_severity(cause, diagnosis, thresholds, now)
            if cause is Cause.NO_CONNECTION and severity is ir.IssueSeverity.WARNING:
                due.append(since + OFFLINE_ERROR_AFTER)
            if raised.get(cause) is severity:
                continue
            if cause not in raised and (later := self._churn_due(spec, now)):
                due.append(later)
                continue
            raised[cause] = severity
            self._async_create(spec, cause, diagnosis, thresholds, severity)
        return min(due, default=None)

    def _churn_due(self, spec: CameraSpec, now: datetime) -> datetime | None:
        """When this camera may create its next issue, if not now."""
        creates = self._creates.setdefault(spec.registry_id, deque())
        while creates and now - creates[0] >= CHURN_WINDOW:
            creates.popleft()
        if len(creates) >= MAX_CREATES_PER_HOUR:
            return creates[0] + CHURN_WINDOW
        creates.append(now)
        return None

    @callback
    def _async_create(
        self,
        spec: CameraSpec,
        cause: Cause,
        diagnosis: Diagnosis,
        thresholds: Thresholds,
        severity: ir.IssueSeverity,
    ) -> None:
        data: dict[str, str | int | float | None] = {
            "registry_id": spec.registry_id,
            "entity_id": spec.entity_id,
            "cause": cause.value,
        }
        ir.async_create_issue(
            self.hass,
            DOMAIN,
            issue_id(cause, spec.registry_id),
            data=data,
            is_fixable=cause in FIXABLE,
            is_persistent=False,
            learn_more_url=LEARN_MORE_URL.format(anchor=cause.value.replace("_", "-")),
            severity=severity,
            translation_key=cause.value,
            translation_placeholders={
                "camera": self._camera_name(spec),
                **issue_placeholders(
                    cause,
                    diagnosis.evidence,
                    thresholds,
                    self.hass.config.units.temperature_unit,
                ),
            },
        )

    def _camera_name(self, spec: CameraSpec) -> str:
        state = self.hass.states.get(spec.entity_id)
        return state.name if state is not None else spec.entity_id

    @callback
    def async_clear(self, spec: CameraSpec) -> None:
        """Delete every issue of a camera (excluded or removed)."""
        self._raised.pop(spec.registry_id, None)
        self._creates.pop(spec.registry_id, None)
        for cause in Cause:
            ir.async_delete_issue(self.hass, DOMAIN, issue_id(cause, spec.registry_id))

    def raised(self, registry_id: str) -> dict[Cause, Any]:
        """The issues currently raised for a camera, with their severity."""
        return dict(self._raised.get(registry_id, {}))


@callback
def async_remove_all_issues(hass: HomeAssistant) -> None:
    """Delete every issue Camera Doctor ever raised (the entry is removed)."""
    registry = ir.async_get(hass)
    for domain, issue in list(registry.issues):
        if domain == DOMAIN:
            ir.async_delete_issue(hass, DOMAIN, issue)
