"""The cameras' own integrations: whether each one can show its cameras.

A camera's integration (Blink, Ring, ...) is down when its config entry is
not loaded (a setup error, a setup retry, unloaded), when a
re-authentication is pending for it, or when every watched camera of the
entry, two or more, is unavailable: a failed cloud poll or a lost account
takes them all down together, while one camera unavailable on its own is
that camera's outage. :func:`integration_down` reads this without side
effect; the engine decides when it counts (``integration_offline``).

:class:`IntegrationListener` follows what can change it, so the cameras of
an entry are diagnosed again without polling: the config entries' state
(one dispatcher subscription for all), Home Assistant's own notice of a
pending re-authentication (raised once the reauth flow is in progress,
deleted with it) and the cameras' own availability.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from itertools import chain
from typing import Final, NamedTuple

from homeassistant.config_entries import (
    SIGNAL_CONFIG_ENTRY_CHANGED,
    SOURCE_REAUTH,
    ConfigEntry,
    ConfigEntryChange,
    ConfigEntryState,
)
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import (
    CALLBACK_TYPE,
    DOMAIN as HA_DOMAIN,
    Event,
    EventStateChangedData,
    HomeAssistant,
    callback,
)
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.loader import IntegrationNotLoaded, async_get_loaded_integration

from .diagnosis import IntegrationReason
from .discovery import CameraSpec
from .watch import CameraWatch

# Home Assistant's notice of a pending re-authentication:
# ``config_entry_reauth_{domain}_{entry id}`` in the ``homeassistant`` domain.
REAUTH_NOTICE_PREFIX: Final = "config_entry_reauth_"


class IntegrationDown(NamedTuple):
    """Why a camera's integration cannot show it, and since when if known."""

    reason: IntegrationReason
    since: datetime | None = None


def loaded_name(hass: HomeAssistant, entry: ConfigEntry) -> str | None:
    """The name of the entry's integration (Ring, Reolink …), if it is loaded."""
    try:
        return async_get_loaded_integration(hass, entry.domain).name
    except IntegrationNotLoaded:
        return None


def reauth_pending(hass: HomeAssistant, entry: ConfigEntry) -> bool:
    """Whether a re-authentication flow is in progress for ``entry``."""
    return any(entry.async_get_active_flows(hass, {SOURCE_REAUTH}))


def integration_down(
    hass: HomeAssistant, entry_id: str | None, cameras: Iterable[str]
) -> IntegrationDown | None:
    """Why the integration of ``entry_id`` cannot show its cameras, if it cannot.

    ``cameras`` are the entity ids of the watched cameras of that entry,
    the camera being diagnosed first (a camera that is up ends the look).
    """
    entry = hass.config_entries.async_get_entry(entry_id) if entry_id else None
    if entry is None or entry.disabled_by is not None:
        return None
    if reauth_pending(hass, entry):
        return IntegrationDown(IntegrationReason.REAUTH)
    if entry.state is not ConfigEntryState.LOADED:
        # A setup in progress counts too: a retry loop passes through it.
        return IntegrationDown(IntegrationReason.NOT_LOADED)
    gone: list[datetime] = []
    for entity_id in cameras:  # the camera diagnosed first: mostly it is up
        state = hass.states.get(entity_id)
        if state is None or state.state != STATE_UNAVAILABLE:
            return None
        gone.append(state.last_changed)
    if len(gone) < 2:
        return None  # an entry's only camera unavailable: its own outage
    # Down together from when the last of them went.
    return IntegrationDown(IntegrationReason.ALL_UNAVAILABLE, max(gone))


class IntegrationListener:
    """Calls ``on_change(watch)`` for each camera whose integration changed."""

    def __init__(
        self, hass: HomeAssistant, on_change: Callable[[CameraWatch], None]
    ) -> None:
        """Follow nothing until :meth:`async_update`."""
        self._hass = hass
        self._on_change = on_change
        self._groups: dict[str, list[CameraWatch]] = {}
        self._unsubs: list[CALLBACK_TYPE] = []

    @callback
    def async_update(self, watches: Iterable[CameraWatch]) -> None:
        """Follow the integrations of ``watches`` (the cameras watched now)."""
        groups: dict[str, list[CameraWatch]] = {}
        for watch in watches:
            if (entry_id := watch.spec.config_entry_id) is not None:
                groups.setdefault(entry_id, []).append(watch)
        self._groups = groups
        if groups and not self._unsubs:
            self._unsubs = [
                async_dispatcher_connect(
                    self._hass, SIGNAL_CONFIG_ENTRY_CHANGED, self._async_entry_changed
                ),
                self._hass.bus.async_listen(
                    ir.EVENT_REPAIRS_ISSUE_REGISTRY_UPDATED,
                    self._async_reauth_notice,
                    event_filter=_is_reauth_notice,
                ),
            ]
        elif not groups:
            self.async_stop()

    @callback
    def async_stop(self) -> None:
        """Drop every subscription."""
        while self._unsubs:
            self._unsubs.pop()()

    def down(self, spec: CameraSpec) -> IntegrationDown | None:
        """Why the integration of a watched camera cannot show it, if it cannot."""
        group = self._groups.get(spec.config_entry_id or "", ())
        others = (w.spec.entity_id for w in group if w.spec is not spec)
        return integration_down(
            self._hass, spec.config_entry_id, chain((spec.entity_id,), others)
        )

    @callback
    def async_camera_changed(
        self, watch: CameraWatch, event: Event[EventStateChangedData]
    ) -> None:
        """Diagnose the other cameras of an entry when all are down, or no more.

        Called for each state change of a watched camera's sources: only the
        camera's own availability, going or coming back while every other
        camera of its entry is unavailable, changes their diagnosis.
        """
        if event.data["entity_id"] != watch.spec.entity_id:
            return
        old, new = event.data["old_state"], event.data["new_state"]
        if _unavailable(old) == _unavailable(new):
            return
        others = [
            other
            for other in self._groups.get(watch.spec.config_entry_id or "", ())
            if other is not watch
        ]
        if others and all(
            _unavailable(self._hass.states.get(other.spec.entity_id))
            for other in others
        ):
            for other in others:
                self._on_change(other)

    @callback
    def _async_entry_changed(
        self, _change: ConfigEntryChange, entry: ConfigEntry
    ) -> None:
        self._async_changed(entry.entry_id)

    @callback
    def _async_reauth_notice(
        self, event: Event[ir.EventIssueRegistryUpdatedData]
    ) -> None:
        issue_id = event.data["issue_id"]
        for entry_id in list(self._groups):
            if issue_id.endswith(f"_{entry_id}"):
                # The notice goes while its flow finishes, before the flow
                # leaves the list of flows in progress: look once it has.
                self._hass.loop.call_soon(self._async_changed, entry_id)

    @callback
    def _async_changed(self, entry_id: str) -> None:
        if not self._unsubs:
            return  # stopped meanwhile
        for watch in list(self._groups.get(entry_id, ())):
            self._on_change(watch)


def _unavailable(state: object) -> bool:
    return getattr(state, "state", None) == STATE_UNAVAILABLE


@callback
def _is_reauth_notice(event_data: ir.EventIssueRegistryUpdatedData) -> bool:
    return event_data["domain"] == HA_DOMAIN and event_data["issue_id"].startswith(
        REAUTH_NOTICE_PREFIX
    )
