"""The dashboard card: its file, served and loaded by Camera Doctor, and its feed.

The card (``custom:camera-doctor-card``, built from ``frontend/`` into
``frontend/camera-doctor-card.js`` here) is served from a static path and
loaded on every dashboard through the frontend's extra module URLs, with the
file's digest as ``?v=`` so that a new version is never taken from a cache.

What it shows comes from one websocket subscription,
``camera_doctor/cameras/subscribe``: a snapshot of every watched camera, read
from what the monitor published (the watch's diagnosis, observation and
forecast, the stored battery history) and Camera Doctor's notices, pushed
again within a tenth of a second of a change. Nothing listens while no
dashboard shows the card: the feed attaches to the cameras when a card
subscribes and lets go when it unsubscribes, when its connection closes, or
when the entry unloads (it re-attaches once the entry is loaded again). The
snapshot carries keys, not words: the card words them in the user's language
from the integration's translations.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
import contextlib
from dataclasses import dataclass
import hashlib
from pathlib import Path
from typing import Any, Final

from homeassistant.components.http import StaticPathConfig
from homeassistant.components.websocket_api import async_register_command
from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.decorators import websocket_command
from homeassistant.components.websocket_api.messages import event_message
from homeassistant.config_entries import (
    SIGNAL_CONFIG_ENTRY_CHANGED,
    ConfigEntry,
    ConfigEntryChange,
)
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.event import async_call_later
import voluptuous as vol

from .cameras import entity_unique_id
from .const import CAMERA_DOMAIN, DOMAIN, KEY_RED_FLASH_CAUSE
from .diagnosis import PRECEDENCE, Cause, Diagnosis, Observation
from .diagnosis.readings import battery_percent
from .forecast_issues import PREFIX as FORECAST_ISSUE_PREFIX
from .hub_issues import HUB_ISSUE_PREFIX, entity_name
from .integration_issues import INTEGRATION_ISSUE_PREFIX, integration_title
from .issues import issue_id
from .monitor import CameraMonitor, async_loaded_monitor
from .notice_texts import fix_steps_key
from .watch import CameraWatch

CARD_FILE: Final = Path(__file__).parent / "frontend" / "camera-doctor-card.js"
CARD_URL: Final = f"/{DOMAIN}/frontend/camera-doctor-card.js"
SUBSCRIBE: Final = f"{DOMAIN}/cameras/subscribe"
# Changes within this many seconds go out as one snapshot.
COALESCE_SECONDS: Final = 0.1
# The battery history drawn beside the forecast: at most this many points.
HISTORY_POINTS: Final = 48
FRONTEND: Final = "frontend"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


async def async_setup_card(hass: HomeAssistant) -> None:
    """Serve the card, load it on every dashboard, answer its subscription.

    Called once (``async_setup``): a static path cannot be registered twice.
    """
    version = await hass.async_add_executor_job(_digest, CARD_FILE)
    await hass.http.async_register_static_paths(
        [StaticPathConfig(CARD_URL, str(CARD_FILE), cache_headers=True)]
    )
    if FRONTEND in hass.config.components:
        # Imported here: the frontend is an after-dependency, not a dependency.
        from homeassistant.components.frontend import add_extra_js_url  # noqa: PLC0415

        add_extra_js_url(hass, f"{CARD_URL}?v={version}")
    async_register_command(hass, websocket_subscribe)


@websocket_command({vol.Required("type"): SUBSCRIBE})
@callback
def websocket_subscribe(
    hass: HomeAssistant,
    connection: ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Send the cameras now, and again whenever what the card shows changes."""
    feed = CardFeed(hass, connection, msg["id"])
    connection.subscriptions[msg["id"]] = feed.async_stop
    connection.send_result(msg["id"])
    feed.async_start()


@dataclass(slots=True)
class _Listener:
    """Follows one camera's diagnosis, or (``shows_forecast``) its forecast."""

    shows_forecast: bool
    changed: Callable[[], None]

    def async_watch_changed(
        self, watch: CameraWatch, previous: Diagnosis | None
    ) -> None:
        """What the card shows of the camera changed."""
        self.changed()


@callback
def _ours(data: Mapping[str, Any]) -> bool:
    """A change of one of Camera Doctor's notices."""
    return bool(data["domain"] == DOMAIN)


@callback
def _a_camera(data: Mapping[str, Any]) -> bool:
    """A change of a camera's registry entry (added, removed, renamed)."""
    return str(data["entity_id"]).startswith(f"{CAMERA_DOMAIN}.")


class CardFeed:
    """One card's subscription: snapshots of the watched cameras."""

    def __init__(
        self,
        hass: HomeAssistant,
        connection: ActiveConnection,
        msg_id: int,
    ) -> None:
        """Nothing followed before :meth:`async_start`."""
        self._hass = hass
        self._connection = connection
        self._msg_id = msg_id
        self._monitor: CameraMonitor | None = None
        self._followed: dict[str, tuple[CameraWatch, tuple[_Listener, ...]]] = {}
        self._unsubs: list[CALLBACK_TYPE] = []
        self._unsub_new_camera: CALLBACK_TYPE | None = None
        self._unsub_timer: CALLBACK_TYPE | None = None
        self._sent: dict[str, Any] | None = None

    @callback
    def async_start(self) -> None:
        """Follow the entry, the notices and the cameras; send the first snapshot."""
        bus = self._hass.bus
        self._unsubs = [
            async_dispatcher_connect(
                self._hass, SIGNAL_CONFIG_ENTRY_CHANGED, self._async_entry_changed
            ),
            bus.async_listen(
                ir.EVENT_REPAIRS_ISSUE_REGISTRY_UPDATED,
                self._async_event,
                event_filter=_ours,
            ),
            bus.async_listen(
                er.EVENT_ENTITY_REGISTRY_UPDATED,
                self._async_event,
                event_filter=_a_camera,
            ),
        ]
        self._async_send()

    @callback
    def async_stop(self) -> None:
        """Let go of everything (the card unsubscribed or its connection closed)."""
        while self._unsubs:
            self._unsubs.pop()()
        if self._unsub_timer is not None:
            self._unsub_timer()
            self._unsub_timer = None
        self._async_follow(None)

    @callback
    def _async_entry_changed(
        self, _change: ConfigEntryChange, entry: ConfigEntry
    ) -> None:
        if entry.domain == DOMAIN:
            self._async_schedule()

    @callback
    def _async_event(self, _event: Event[Any]) -> None:
        self._async_schedule()

    @callback
    def _async_schedule(self) -> None:
        """Send a snapshot shortly: a burst of changes makes one."""
        if self._unsub_timer is None:
            self._unsub_timer = async_call_later(
                self._hass, COALESCE_SECONDS, self._async_timer
            )

    @callback
    def _async_timer(self, _now: Any) -> None:
        self._unsub_timer = None
        self._async_send()

    @callback
    def _async_follow(self, monitor: CameraMonitor | None) -> None:
        """Follow exactly the cameras ``monitor`` watches (none without one)."""
        if monitor is not self._monitor:
            for watch, listeners in self._followed.values():
                for listener in listeners:
                    with contextlib.suppress(ValueError):
                        watch.async_remove_listener(listener)
            self._followed.clear()
            if self._unsub_new_camera is not None:
                self._unsub_new_camera()
                self._unsub_new_camera = None
            self._monitor = monitor
            if monitor is not None:
                self._unsub_new_camera = monitor.camera_set.async_on_new_camera(
                    lambda _watch: self._async_schedule()
                )
        cameras = monitor.cameras if monitor is not None else {}
        for registry_id in self._followed.keys() - cameras.keys():
            watch, listeners = self._followed.pop(registry_id)
            for listener in listeners:
                with contextlib.suppress(ValueError):
                    watch.async_remove_listener(listener)
        for registry_id, watch in cameras.items():
            if registry_id in self._followed:
                continue
            listeners = (
                _Listener(False, self._async_schedule),
                _Listener(True, self._async_schedule),
            )
            for listener in listeners:
                watch.async_add_listener(listener)
            self._followed[registry_id] = (watch, listeners)

    @callback
    def _async_send(self) -> None:
        monitor = async_loaded_monitor(self._hass)
        self._async_follow(monitor)
        snapshot = card_snapshot(self._hass, monitor, self._connection.user.is_admin)
        if snapshot != self._sent:
            self._sent = snapshot
            self._connection.send_message(event_message(self._msg_id, snapshot))


def card_snapshot(
    hass: HomeAssistant, monitor: CameraMonitor | None, admin: bool
) -> dict[str, Any]:
    """What the card shows: every watched camera, as keys and numbers.

    ``notice`` (the repair issue a tap opens) only for an administrator:
    the notices are theirs to act on.
    """
    if monitor is None:
        return {"loaded": False, "cameras": [], "excluded": []}
    return {
        "loaded": True,
        "cameras": [
            _camera(hass, monitor, watch, admin)
            for watch in sorted(
                monitor.cameras.values(), key=lambda watch: watch.spec.entity_id
            )
        ],
        "excluded": sorted(monitor.options.exclude),
    }


def _camera(
    hass: HomeAssistant, monitor: CameraMonitor, watch: CameraWatch, admin: bool
) -> dict[str, Any]:
    spec, diagnosis, observation = watch.spec, watch.diagnosis, watch.observation
    record = monitor.store.get(spec.registry_id)
    ent_reg = er.async_get(hass)
    causes = diagnosis.causes if diagnosis else ()
    group = _group(hass, watch, record.hub_entity_id)
    fix = watch.fix if diagnosis else None
    forecast = watch.forecast
    points = record.battery.history.points if spec.battery_level else ()
    return {
        "entity_id": spec.entity_id,
        "device_id": spec.device_id,
        "cause_entity_id": ent_reg.async_get_entity_id(
            "sensor", DOMAIN, entity_unique_id(spec, KEY_RED_FLASH_CAUSE)
        ),
        "cause": diagnosis.cause.value if diagnosis else None,
        "causes": [cause.value for cause in causes],
        # Most important first, as the cause sensor's ``pending`` attribute.
        "pending": [
            c.value for c in PRECEDENCE if diagnosis and c in diagnosis.pending
        ],
        "fix": fix,
        "steps": fix_steps_key(hass, watch.fit, fix) if fix and causes else None,
        "battery": _battery(observation),
        "forecast": None
        if forecast is None
        else {
            "state": forecast.state.value,
            "at": forecast.at.isoformat() if forecast.at else None,
        },
        "history": [[round(at), round(level, 1)] for at, level in _thin(points)],
        "group": group,
        "notice": _notice(hass, watch, group) if admin else None,
    }


def _battery(observation: Observation | None) -> dict[str, Any] | None:
    """The battery as the camera reports it: a level, or only low or OK."""
    if observation is None:
        return None
    percent = battery_percent(observation.battery_percent)
    low = observation.battery_low if isinstance(observation.battery_low, bool) else None
    if percent is None and low is None:
        return None
    return {"percent": percent, "low": low}


def _thin(points: tuple[tuple[float, float], ...]) -> list[tuple[float, float]]:
    """At most :data:`HISTORY_POINTS` of ``points``, evenly spread, the last kept."""
    if len(points) <= HISTORY_POINTS:
        return list(points)
    step = (len(points) - 1) / (HISTORY_POINTS - 1)
    return [points[round(i * step)] for i in range(HISTORY_POINTS)]


def _group(
    hass: HomeAssistant, watch: CameraWatch, hub_entity_id: str | None
) -> dict[str, Any] | None:
    """The sync module or integration that is down and takes the camera with it."""
    causes = watch.causes
    if Cause.INTEGRATION_OFFLINE in causes and watch.spec.config_entry_id:
        entry_id = watch.spec.config_entry_id
        return {
            "kind": Cause.INTEGRATION_OFFLINE.value,
            "id": entry_id,
            "name": integration_title(hass, entry_id),
            "issue_id": f"{INTEGRATION_ISSUE_PREFIX}{entry_id}",
        }
    if Cause.SYNC_MODULE_OFFLINE in causes and hub_entity_id:
        hub = er.async_get(hass).async_get(hub_entity_id)
        return {
            "kind": Cause.SYNC_MODULE_OFFLINE.value,
            "id": hub_entity_id,
            "name": entity_name(hass, hub_entity_id),
            "issue_id": f"{HUB_ISSUE_PREFIX}{hub.id}" if hub else None,
        }
    return None


def _notice(
    hass: HomeAssistant, watch: CameraWatch, group: dict[str, Any] | None
) -> dict[str, Any] | None:
    """The notice a tap on the camera opens: its first that is shown, if any."""
    registry_id = watch.spec.registry_id
    candidates = [
        group["issue_id"]
        if group is not None and cause.value == group["kind"]
        else issue_id(cause, registry_id)
        for cause in watch.causes
    ]
    candidates.append(f"{FORECAST_ISSUE_PREFIX}{registry_id}")
    issues = ir.async_get(hass)
    for candidate in candidates:
        issue = issues.async_get_issue(DOMAIN, candidate) if candidate else None
        if issue is not None and issue.active and issue.dismissed_version is None:
            return {
                "issue_id": issue.issue_id,
                "translation_key": issue.translation_key,
                "placeholders": dict(issue.translation_placeholders or {}),
                "fixable": issue.is_fixable,
            }
    return None
