"""Which repair notices a diagnosis deserves, and when that changes.

Standard library only. Every confirmed cause gets a notice, except:

- an outage (``no_connection``, ``unexplained``) that another cause explains:
  only the primary cause's notice is raised, not the symptom's;
- ``firmware_updating``: a normal update shows on the entities only; it gets
  a notice once it has been running for :data:`STUCK_UPDATE_AFTER`;
- ``none``;
- every cause but ``integration_offline`` while it is confirmed: the camera
  cannot be seen then, and its integration is the one thing to fix.

A notice is an error when :func:`cause_severity` says so, except an outage,
which stays a warning for its first :data:`OFFLINE_ERROR_AFTER`. Flapping is
bounded per camera and cause: at most :data:`MAX_NOTICES_PER_HOUR` new
notices of one cause an hour (:func:`flap_hold`); one cause never holds back
another.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Final

from .model import Cause, Diagnosis
from .readings import Thresholds
from .severity import Severity, cause_severity

OFFLINE_ERROR_AFTER: Final = timedelta(hours=1)
STUCK_UPDATE_AFTER: Final = timedelta(minutes=30)
MAX_NOTICES_PER_HOUR: Final = 4
FLAP_WINDOW: Final = timedelta(hours=1)

# An outage explained by another cause gets that cause's notice only.
_OUTAGES: Final = frozenset({Cause.NO_CONNECTION, Cause.UNEXPLAINED})


def began(cause: Cause, diagnosis: Diagnosis, now: datetime) -> datetime:
    """When the condition behind a confirmed cause began (an outage: offline)."""
    since = min(diagnosis.since.get(cause, now), now)
    if cause in _OUTAGES and diagnosis.offline_since is not None:
        since = min(since, diagnosis.offline_since)
    return since


def update_stuck(diagnosis: Diagnosis, now: datetime) -> bool:
    """Whether a confirmed update has run for :data:`STUCK_UPDATE_AFTER` or more."""
    return (
        Cause.FIRMWARE_UPDATING in diagnosis.causes
        and now >= began(Cause.FIRMWARE_UPDATING, diagnosis, now) + STUCK_UPDATE_AFTER
    )


def notice_causes(diagnosis: Diagnosis, now: datetime) -> tuple[Cause, ...]:
    """The confirmed causes of ``diagnosis`` that deserve a notice now."""
    if Cause.INTEGRATION_OFFLINE in diagnosis.causes:
        return (Cause.INTEGRATION_OFFLINE,)
    return tuple(
        cause
        for cause in diagnosis.causes
        if cause is not Cause.NONE
        and (cause not in _OUTAGES or cause is diagnosis.cause)
        and (cause is not Cause.FIRMWARE_UPDATING or update_stuck(diagnosis, now))
    )


def notice_severity(
    cause: Cause, diagnosis: Diagnosis, thresholds: Thresholds, now: datetime
) -> Severity:
    """``error`` or ``warning``: the cause's severity, softened for new outages."""
    if cause_severity(cause, diagnosis, thresholds) is not Severity.ERROR:
        return Severity.WARNING
    if cause is Cause.NO_CONNECTION and now - began(cause, diagnosis, now) < (
        OFFLINE_ERROR_AFTER
    ):
        return Severity.WARNING
    return Severity.ERROR


def wanted_notices(
    diagnosis: Diagnosis, thresholds: Thresholds, now: datetime
) -> Mapping[Cause, Severity]:
    """Every notice ``diagnosis`` deserves now, with its severity."""
    return {
        cause: notice_severity(cause, diagnosis, thresholds, now)
        for cause in notice_causes(diagnosis, now)
    }


def notices_change_at(diagnosis: Diagnosis, now: datetime) -> datetime | None:
    """When the notices of an unchanged ``diagnosis`` change by time alone."""
    moments: list[datetime] = []
    for cause in diagnosis.causes:
        if cause is Cause.FIRMWARE_UPDATING:
            moments.append(began(cause, diagnosis, now) + STUCK_UPDATE_AFTER)
        elif cause is Cause.NO_CONNECTION and cause is diagnosis.cause:
            moments.append(began(cause, diagnosis, now) + OFFLINE_ERROR_AFTER)
    return min((moment for moment in moments if moment > now), default=None)


def flap_hold(
    created: Sequence[datetime], now: datetime
) -> tuple[tuple[datetime, ...], datetime | None]:
    """Bound how often one camera's notice of one cause is created.

    ``created`` are the moments that notice was created before, oldest
    first. Returns the moments still inside the window, and ``None`` when a
    notice may be created now, else the moment it may.
    """
    recent = tuple(moment for moment in created if now - moment < FLAP_WINDOW)
    if len(recent) >= MAX_NOTICES_PER_HOUR:
        return recent, recent[-MAX_NOTICES_PER_HOUR] + FLAP_WINDOW
    return recent, None
