"""One notice for a group of cameras that share a cause.

A sync module that is offline, or a camera integration that is down, takes
several cameras down at once: one repair issue per group says so and lists
its cameras. A camera joins its group's notice once its own diagnosis
confirms the cause and leaves it when it no longer does; the notice goes
with its last camera. :class:`SharedNotices` keeps the members; a subclass
says what the notice of a group shows (``hub_issues``,
``integration_issues``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir

from .const import DOMAIN, LOGGER
from .discovery import CameraSpec


@dataclass(frozen=True, slots=True)
class Notice:
    """What a group's notice shows (raised again only when this changes)."""

    translation_key: str
    placeholders: dict[str, str]
    data: Mapping[str, Any]
    fixable: bool = False


@callback
def async_show(
    hass: HomeAssistant,
    issue_id: str,
    notice: Notice,
    severity: ir.IssueSeverity,
    learn_more_url: str,
) -> None:
    """Raise the repair issue ``issue_id`` showing ``notice``, or update it.

    Raised again, an issue keeps what the owner chose (ignored stays ignored).
    """
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id,
        data=dict(notice.data),
        is_fixable=notice.fixable,
        is_persistent=False,
        learn_more_url=learn_more_url,
        severity=severity,
        translation_key=notice.translation_key,
        translation_placeholders=notice.placeholders,
    )


class SharedNotices[M]:
    """The notices of groups of cameras, one per group, with their members.

    ``M`` is what is kept of each member camera for its group's notice.
    """

    learn_more_url: str

    def __init__(self, hass: HomeAssistant) -> None:
        """Start with no group down."""
        self._hass = hass
        self._members: dict[str, dict[str, M]] = {}  # group -> camera id -> M
        self._group_of: dict[str, str] = {}  # camera registry id -> group
        self._shown: dict[str, tuple[str, Notice]] = {}  # group -> issue shown

    @property
    def issue_ids(self) -> set[str]:
        """The issues raised now."""
        return {issue_id for issue_id, _notice in self._shown.values()}

    @callback
    def async_join(self, spec: CameraSpec, group: str, member: M) -> None:
        """``group`` takes ``spec`` down now; ``member`` is what its notice keeps."""
        if self._group_of.get(spec.registry_id) != group:
            self.async_leave(spec)
        self._group_of[spec.registry_id] = group
        self._members.setdefault(group, {})[spec.registry_id] = member
        self._async_refresh(group)

    @callback
    def async_leave(self, spec: CameraSpec) -> None:
        """No group takes ``spec`` down now."""
        if (before := self._group_of.pop(spec.registry_id, None)) is not None:
            self._members[before].pop(spec.registry_id, None)
            self._async_refresh(before)

    def _issue_id(self, group: str) -> str | None:
        """The issue id of a group's notice (``None``: the group is unknown)."""
        raise NotImplementedError

    def _notice(self, group: str, issue_id: str, members: Mapping[str, M]) -> Notice:
        """What the notice ``issue_id`` of a group with these members shows."""
        raise NotImplementedError

    @callback
    def _async_refresh(self, group: str) -> None:
        """Raise, update or delete the notice of one group."""
        if (issue_id := self._issue_id(group)) is None:
            return
        members = self._members.get(group)
        if not members:
            self._members.pop(group, None)
            if self._shown.pop(group, None) is not None:
                LOGGER.debug("%s: notice %s cleared", group, issue_id)
                ir.async_delete_issue(self._hass, DOMAIN, issue_id)
            return
        notice = self._notice(group, issue_id, members)
        if self._shown.get(group) == (issue_id, notice):
            return
        if group not in self._shown:
            LOGGER.debug("%s: notice %s raised for %s", group, issue_id, list(members))
        self._shown[group] = (issue_id, notice)
        async_show(
            self._hass, issue_id, notice, ir.IssueSeverity.ERROR, self.learn_more_url
        )
