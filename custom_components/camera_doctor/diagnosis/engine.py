"""The diagnosis engine: one camera's readings -> why its light flashes red.

``diagnose`` is pure (its only input besides the arguments is the clock when
``now`` is omitted) and never raises: every reading is coerced by
``readings`` first, so garbage is unknown, and unknown is never a fault.

Precedence (``PRECEDENCE``, root cause first). A cause earlier in the list
can explain the ones after it, never the other way round:

1. ``integration_offline`` - the camera's own integration (its account, its
   cloud) is down: Camera Doctor cannot see the camera, so its outage, its
   hub's unavailability and its frozen readings are the integration's, not
   the camera's (none of them is raised meanwhile).
2. ``firmware_updating`` - an update in progress takes the camera offline
   and makes it flash on purpose; every other symptom may be a side effect.
3. ``sync_module_offline`` - a dead hub takes all of its cameras offline.
4. ``power_supply`` - a bad adapter starves the camera: it drops off Wi-Fi,
   its battery drains and its readings go wrong.
5. ``low_battery`` - a weak battery explains erratic behaviour, dropped
   connections and a poor radio before the signal does.
6. ``overheating`` and 7. ``too_cold`` - extreme temperatures shut cameras
   down and drain batteries; they are the camera's environment, not its link.
8. ``weak_signal`` - a poor link explains an outage.
9. ``no_connection`` - the symptom itself: offline with no better reason.
10. ``unexplained`` - offline for long while every reading looks fine.
11. ``firmware_outdated`` - worth fixing, never the reason for a red light.

When an earlier cause explains an outage, ``no_connection`` still appears in
``causes`` but the primary ``cause`` is the root cause.

Hysteresis (inside the band the previous state is kept, read from
``previous.causes``): ``low_battery`` is raised at or below ``battery_low``
and cleared only above ``battery_low + 5`` (percentage points);
``weak_signal`` at or below ``signal_weak`` dBm, cleared only above
``signal_weak + 5`` dBm, or from bars (used only when dBm is unknown) at or
below ``bars_threshold(signal_weak)``, cleared only above it plus one bar;
``overheating`` at or above ``temperature_high``, cleared only below
``temperature_high - 3`` °C; ``too_cold`` at or below ``temperature_low``,
cleared only above ``temperature_low + 3`` °C.

Connection: a camera reported unavailable (``available is False``) is
``no_connection`` once its outage (``offline_since``, carried over from
``previous``) has lasted ``grace_minutes``; until then ``next_check`` is the
end of the grace period. Readings frozen for ``stale_hours`` (0 or less:
off) also mean ``no_connection``. It becomes ``unexplained`` when it has
lasted ``max(12 * grace_minutes, 60)`` minutes past its confirmation while
no earlier cause explains it; ``next_check`` points at that moment meanwhile.
While the camera's integration is down (``integration_offline``) there is
no outage of the camera: when the integration is back, a camera still
unavailable starts its outage then, and is ``no_connection`` only after the
grace period from that moment (it could not report while its integration
was down).
Confirmation (what is published): every condition found now is a cause
only once it has lasted ``grace_minutes`` (``Diagnosis.pending`` holds it
meanwhile, with when it began); once confirmed it stays so while it lasts,
and a condition that clears is gone at once. An outage of the camera
(``available is False``), of its hub (``hub_unavailable_since``) or of its
integration (``integration_offline``, from ``integration_offline_since``
when known) waits the grace period plus slack (``outage_wait``) from when
it began; frozen
readings and ``unexplained`` are confirmed as soon as they are reached
(``stale_hours`` and the escalation are their own waits). On the first
diagnosis (no ``previous``) nothing says a condition just began, so it
counts at once, except an outage (of the camera or of its integration),
which starts its clock then.
``next_check`` is the one moment at which the same observation would give
another diagnosis or other notices (``notices``): a wait, a stale-readings
limit, an escalation, an outage notice turning into an error, a firmware
update running long enough to be stuck.

A clock that goes backwards counts as no time elapsed: an outage or cause
start later than ``now`` is moved to ``now``, never giving negative times,
and a confirmed outage keeps at least the length the previous diagnosis saw
(its ``offline_for_minutes``), so it is not cleared and raised again.
Where the size of the jump is known (the HA layer measures its wait for
``next_check`` in elapsed time), ``shift_clock`` moves every moment of the
previous diagnosis with the clock first: then only the jump itself counts as
no time, and the time that elapsed before it still counts.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from . import readings
from .conditions import (
    DEFAULT_THRESHOLDS,
    NOTE_NIGHT_IR,
    PRECEDENCE,
    Conditions,
    Evidence,
    after,
    seen_offline,
)
from .facts import read_facts
from .model import Cause, Diagnosis, Observation, read_only
from .notices import notices_change_at
from .readings import Thresholds

__all__ = ["diagnose", "shift_clock"]

# Causes with a dead band (hysteresis): see the module docstring.
_BANDED = frozenset(
    {Cause.LOW_BATTERY, Cause.WEAK_SIGNAL, Cause.OVERHEATING, Cause.TOO_COLD}
)


def _carried(last: Diagnosis | None, cause: Cause, now: datetime) -> datetime | None:
    """When the previous diagnosis saw ``cause`` begin (confirmed or pending)."""
    if last is None:
        return None
    began = readings.moment(last.pending.get(cause))
    confirmed = readings.moment(last.since.get(cause))
    known = [moment for moment in (began, confirmed) if moment is not None]
    return min(*known, now) if known else None


def diagnose(
    observation: Observation,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    previous: Diagnosis | None = None,
    now: datetime | None = None,
) -> Diagnosis:
    """Return why the camera described by ``observation`` flashes red.

    ``previous`` is this camera's last diagnosis (for grace periods,
    hysteresis and ``since``); ``now`` defaults to the current UTC time and
    naive datetimes are taken as UTC.
    """
    moment = readings.moment(now) or datetime.now(UTC)
    last = previous if isinstance(previous, Diagnosis) else None
    was_confirmed = frozenset(last.causes) if last is not None else frozenset()
    facts = read_facts(observation)
    limits = readings.sanitize_thresholds(thresholds)
    waiting = frozenset(last.pending) if last is not None else frozenset()
    work = Conditions(facts, limits, was_confirmed | waiting, moment)
    work.integration(_carried(last, Cause.INTEGRATION_OFFLINE, moment))
    work.flags()
    work.battery()
    work.temperature()
    work.signal()
    carried = readings.moment(last.offline_since) if last is not None else None
    offline_since = work.outage(carried, seen_offline(last))
    work.frozen()

    strict: set[Cause] | None = None

    def past_limit(cause: Cause) -> bool:
        """Whether a due problem's reading is past its limit (not in the band).

        The dead band keeps a waiting problem waiting, but it is confirmed
        only with its reading past the limit: never raised inside the band.
        """
        nonlocal strict
        if cause not in _BANDED:
            return True
        if strict is None:  # only when a banded problem is due: rare
            found = Conditions(facts, limits, was_confirmed, moment)
            found.battery()
            found.temperature()
            found.signal()
            strict = found.active
        return cause in strict

    confirmed: dict[Cause, datetime] = {}
    pending: dict[Cause, datetime] = {}
    for cause in work.active:
        began = work.began.get(cause) or _carried(last, cause, moment) or moment
        due = after(began, work.waits(cause))
        if cause in was_confirmed:
            confirmed[cause] = _carried(last, cause, moment) or moment
        elif last is None and cause not in work.began:
            confirmed[cause] = moment  # first look: nothing says it just began
        elif due is not None and moment >= due and past_limit(cause):
            confirmed[cause] = due
        else:
            pending[cause] = began
            if due is not None:
                work.pending.append(due)
    work.escalate(confirmed)
    if Cause.UNEXPLAINED in confirmed and Cause.UNEXPLAINED in was_confirmed:
        confirmed[Cause.UNEXPLAINED] = (
            _carried(last, Cause.UNEXPLAINED, moment) or moment
        )

    causes = tuple(cause for cause in PRECEDENCE if cause in confirmed)
    evidence: Evidence = {}
    for cause in causes:
        evidence.update(work.evidence[cause])
    healthy_since = _carried(last, Cause.NONE, moment) if not was_confirmed else None
    since = dict(confirmed) if causes else {Cause.NONE: healthy_since or moment}
    dark = not causes and work.facts.is_dark is True
    found = Diagnosis(
        cause=causes[0] if causes else Cause.NONE,
        causes=causes,
        evidence=read_only(evidence),
        notes=(NOTE_NIGHT_IR,) if dark else (),
        since=read_only(since),
        pending=read_only(pending),
        offline_since=offline_since,
    )
    later = notices_change_at(found, moment)
    next_check = min(
        (due for due in (*work.pending, later) if due is not None and due > moment),
        default=None,
    )
    return found if next_check is None else replace(found, next_check=next_check)


def _shifted(moment: datetime, jump: timedelta) -> datetime:
    try:
        return moment + jump
    except OverflowError:
        return moment


def shift_clock(diagnosis: Diagnosis, jump: timedelta) -> Diagnosis:
    """``diagnosis`` with every moment moved by ``jump``, as the clock was."""
    since = {cause: _shifted(moment, jump) for cause, moment in diagnosis.since.items()}
    pending = {
        cause: _shifted(moment, jump) for cause, moment in diagnosis.pending.items()
    }
    offline, check = diagnosis.offline_since, diagnosis.next_check
    return replace(
        diagnosis,
        since=read_only(since),
        pending=read_only(pending),
        offline_since=None if offline is None else _shifted(offline, jump),
        next_check=None if check is None else _shifted(check, jump),
    )
