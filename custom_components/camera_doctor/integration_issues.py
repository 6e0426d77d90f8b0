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

from collections.abc import Mapping

from homeassistant.core import HomeAssistant, callback

from .const import learn_more_url
from .diagnosis import FIX_KEYS, Cause, IntegrationReason
from .discovery import CameraSpec
from .hub_issues import entity_name
from .integrations import loaded_name
from .notice_texts import integration_reason, shared_fix_steps
from .shared_notices import Notice, SharedNotices

INTEGRATION_ISSUE_PREFIX = f"{Cause.INTEGRATION_OFFLINE.value}_"
REAUTH_TRANSLATION_KEY = f"{Cause.INTEGRATION_OFFLINE.value}_reauth"
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


class IntegrationIssues(SharedNotices[tuple[str, IntegrationReason]]):
    """The ``integration_offline`` issues, one per camera integration entry.

    Each camera keeps its entity id and the reason its diagnosis gave.
    """

    learn_more_url = learn_more_url(Cause.INTEGRATION_OFFLINE)

    @callback
    def async_update(self, spec: CameraSpec, reason: IntegrationReason | None) -> None:
        """Say whether ``spec``'s integration is down now (confirmed), and why."""
        if reason is None or spec.config_entry_id is None:
            self.async_leave(spec)
        else:
            self.async_join(spec, spec.config_entry_id, (spec.entity_id, reason))

    def _issue_id(self, group: str) -> str | None:
        return f"{INTEGRATION_ISSUE_PREFIX}{group}"

    def _notice(
        self,
        group: str,
        issue_id: str,
        members: Mapping[str, tuple[str, IntegrationReason]],
    ) -> Notice:
        reasons = {reason for _camera, reason in members.values()}
        reason = next(r for r in _REASON_ORDER if r in reasons)
        name = integration_title(self._hass, group)
        fixable = reason is IntegrationReason.REAUTH
        return Notice(
            translation_key=(
                REAUTH_TRANSLATION_KEY if fixable else Cause.INTEGRATION_OFFLINE.value
            ),
            placeholders={
                "integration": name,
                "reason": integration_reason(self._hass, reason, name),
                "steps": shared_fix_steps(
                    self._hass, FIX_KEYS[Cause.INTEGRATION_OFFLINE]
                ),
                "cameras": ", ".join(
                    sorted(
                        entity_name(self._hass, camera)
                        for camera, _ in members.values()
                    )
                ),
            },
            data={"cause": Cause.INTEGRATION_OFFLINE.value, "entry_id": group},
            fixable=fixable,
        )
