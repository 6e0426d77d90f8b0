"""One notice per camera integration that is down, naming it and its cameras.

When a camera's own integration (Blink, Ring, ...) cannot show it, the
cameras' sensors show ``integration_offline``, and one repair issue
``integration_offline_{config entry id of the camera integration}`` says
which integration it is, why (not set up, waiting for a new sign-in, every
camera unavailable at once) and which cameras it hides. A camera joins the
notice once its own diagnosis confirms the cause; the notice goes with the
last one. While a re-authentication is pending the notice is fixable (its
fix flow starts the sign-in): it then has the translation key
``integration_offline_reauth``, since a notice has either a description or
a fix flow.
"""

from __future__ import annotations

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir

from .const import DOMAIN, LOGGER
from .diagnosis import FIX_KEYS, Cause, IntegrationReason
from .discovery import CameraSpec
from .hub_issues import entity_name
from .integrations import loaded_name
from .notice_texts import integration_reason, shared_fix_steps

INTEGRATION_ISSUE_PREFIX = f"{Cause.INTEGRATION_OFFLINE.value}_"
REAUTH_TRANSLATION_KEY = f"{Cause.INTEGRATION_OFFLINE.value}_reauth"
LEARN_MORE_URL = "https://github.com/camera-doctor/camera-doctor#integration-offline"
# The reason the notice gives when its cameras disagree (one diagnosis saw
# the entry unloaded, another the sign-in pending): the one to act on first.
_REASON_ORDER = (
    IntegrationReason.REAUTH,
    IntegrationReason.NOT_LOADED,
    IntegrationReason.ALL_UNAVAILABLE,
)


def integration_title(hass: HomeAssistant, entry_id: str) -> str:
    """The integration's name, with the entry's title when it has several."""
    entry = hass.config_entries.async_get_entry(entry_id)
    if entry is None:
        return entry_id
    name = loaded_name(hass, entry) or entry.domain
    if len(hass.config_entries.async_entries(entry.domain)) > 1:
        return f"{name} ({entry.title})"
    return name


class IntegrationIssues:
    """The ``integration_offline`` issues, one per camera integration entry."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Start with every integration up."""
        self._hass = hass
        # entry id -> camera registry id -> (camera entity id, reason)
        self._members: dict[str, dict[str, tuple[str, IntegrationReason]]] = {}
        self._entry_of: dict[str, str] = {}  # camera registry id -> entry id
        self._shown: dict[str, tuple[bool, dict[str, str]]] = {}  # entry -> issue

    @property
    def issue_ids(self) -> set[str]:
        """The issues raised now."""
        return {f"{INTEGRATION_ISSUE_PREFIX}{entry_id}" for entry_id in self._shown}

    @callback
    def async_update(self, spec: CameraSpec, reason: IntegrationReason | None) -> None:
        """Say whether ``spec``'s integration is down now (confirmed), and why."""
        entry_id = spec.config_entry_id if reason is not None else None
        before = self._entry_of.pop(spec.registry_id, None)
        if before is not None and before != entry_id:
            self._members[before].pop(spec.registry_id, None)
            self._async_refresh(before)
        if entry_id is not None and reason is not None:
            self._entry_of[spec.registry_id] = entry_id
            self._members.setdefault(entry_id, {})[spec.registry_id] = (
                spec.entity_id,
                reason,
            )
            self._async_refresh(entry_id)

    @callback
    def _async_refresh(self, entry_id: str) -> None:
        """Raise, update or delete the notice of one integration entry."""
        issue_id = f"{INTEGRATION_ISSUE_PREFIX}{entry_id}"
        cameras = self._members.get(entry_id)
        if not cameras:
            self._members.pop(entry_id, None)
            if self._shown.pop(entry_id, None) is not None:
                LOGGER.debug("Notice %s cleared", issue_id)
                ir.async_delete_issue(self._hass, DOMAIN, issue_id)
            return
        reasons = {reason for _camera, reason in cameras.values()}
        reason = next(r for r in _REASON_ORDER if r in reasons)
        name = integration_title(self._hass, entry_id)
        placeholders = {
            "integration": name,
            "reason": integration_reason(self._hass, reason, name),
            "steps": shared_fix_steps(self._hass, FIX_KEYS[Cause.INTEGRATION_OFFLINE]),
            "cameras": ", ".join(
                sorted(
                    entity_name(self._hass, camera) for camera, _ in cameras.values()
                )
            ),
        }
        fixable = reason is IntegrationReason.REAUTH
        if self._shown.get(entry_id) == (fixable, placeholders):
            return
        if entry_id not in self._shown:
            LOGGER.debug("Notice %s raised for %s", issue_id, list(cameras))
        self._shown[entry_id] = (fixable, placeholders)
        ir.async_create_issue(
            self._hass,
            DOMAIN,
            issue_id,
            data={"cause": Cause.INTEGRATION_OFFLINE.value, "entry_id": entry_id},
            is_fixable=fixable,
            is_persistent=False,
            learn_more_url=LEARN_MORE_URL,
            severity=ir.IssueSeverity.ERROR,
            translation_key=(
                REAUTH_TRANSLATION_KEY if fixable else Cause.INTEGRATION_OFFLINE.value
            ),
            translation_placeholders=placeholders,
        )
