"""The newest automation editor: Camera Doctor's trigger picked for a camera.

Home Assistant releases with integration triggers (the target-first
automation editor) list ``camera_doctor.cause_detected`` when a target is
picked. The test builds an automation in the browser as a user would (Add
trigger -> the camera's device -> "Camera problem confirmed" -> the cause
"Low battery" -> Save), then injects faults: another cause on that camera
and the chosen cause on another camera leave it alone; the chosen cause on
that camera, past the grace period, runs it once.
"""

from __future__ import annotations

import queue
from typing import Any

from playwright.sync_api import BrowserContext, expect
import pytest

from browser import log_in, no_raw_key, settle
from harness import (
    DOMAIN,
    GRACE_SECONDS,
    SCREENSHOT_DIR,
    URL,
    Camera,
    HomeAssistantProcess,
    fault_issues,
    log,
)
from ws_client import EventLog, WebSocketClient, wait_for

TRIGGER = f"{DOMAIN}.cause_detected"
# custom_components/camera_doctor/translations/en.json: the trigger's name,
# and the cause the automation is for.
TRIGGER_NAME = "Camera problem confirmed"
CAUSE_NAME = "Low battery"
AUTOMATION_NAME = "Front Door battery"
SLACK = 30  # seconds beyond the grace period; generous for a busy machine


def offered_triggers(ws: WebSocketClient) -> set[str] | None:
    """The integration triggers Home Assistant offers the editor, if it has any."""
    try:
        updates: queue.Queue[dict[str, Any]] = ws.subscribe(
            "trigger_platforms/subscribe"
        )
    except RuntimeError as err:
        if "unknown_command" in str(err):
            return None
        raise
    offered: set[str] = set()

    def camera_doctor_listed() -> bool:
        while True:
            try:
                offered.update(updates.get_nowait())
            except queue.Empty:
                return TRIGGER in offered

    wait_for(camera_doctor_listed, 30, f"{TRIGGER} among the editor's triggers")
    return offered


def automation_runs(ws: WebSocketClient, automation_id: str) -> list[dict[str, Any]]:
    """The traces of one automation, oldest first."""
    runs: list[dict[str, Any]] = ws.command(
        "trace/list", domain="automation", item_id=automation_id
    )
    return sorted(runs, key=lambda run: run["timestamp"]["start"])


def test_automation_editor_trigger_runs_on_the_chosen_cause(
    ha: HomeAssistantProcess,
    ws: WebSocketClient,
    cameras: dict[str, Camera],
    events: EventLog,
    browser: tuple[BrowserContext, list[str]],
) -> None:
    """Made in the editor from Camera Doctor's trigger, it runs when it should."""
    if offered_triggers(ws) is None:
        pytest.skip(
            "this Home Assistant has no integration triggers (target-first"
            " automation editor): test_device_trigger_from_the_device_page instead"
        )
    # Offered without any Labs preview feature turned on (a fresh instance has
    # none on): what a user sees out of the box.
    features = ws.command("labs/list")["features"]
    assert not [f for f in features if f["enabled"]], features
    front, back = cameras["camera.front_door"], cameras["camera.back_yard"]
    ha.action("fleet_sim", "heal")
    wait_for(lambda: not fault_issues(ws), GRACE_SECONDS + SLACK, "no issue")

    context, _ = browser
    page = context.new_page()
    log_in(page)
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.goto(URL + "/config/automation/edit/new")
    page.get_by_role("button", name="Add trigger").first.click()
    # By target (the dialog's first tab): the camera's device, then its triggers.
    page.get_by_text("Devices", exact=True).click()
    page.get_by_text(front.name, exact=True).first.click()
    offered = page.get_by_text(TRIGGER_NAME).first
    expect(offered).to_be_visible()
    settle(page)
    no_raw_key(page, "the editor's Add trigger dialog")
    page.screenshot(path=SCREENSHOT_DIR / "automation-editor-add-trigger.png")
    offered.click()

    # The trigger's form: the target chosen, the optional list of causes.
    page.locator("ha-checkbox").filter(visible=True).first.click()
    causes = page.locator("ha-selector-select").filter(visible=True).first
    causes.click()
    # From 2026.11 the chosen causes are a list whose Add button opens the picker.
    add = causes.get_by_role("button", name="Add", exact=True)
    if add.count():
        add.first.click()
    option = page.get_by_text(CAUSE_NAME, exact=True).filter(visible=True).first
    expect(option).to_be_visible()
    settle(page)
    no_raw_key(page, "the trigger's Causes list")
    option.click()
    settle(page)
    no_raw_key(page, "the trigger's form")
    page.screenshot(path=SCREENSHOT_DIR / "automation-editor-trigger.png")

    page.get_by_role("button", name="Save").first.click()
    name = page.get_by_role("textbox", name="Name").filter(visible=True).first
    name.fill(AUTOMATION_NAME)
    # The dialog's own Save (the editor's, under the dialog, comes first).
    page.get_by_role("button", name="Save").last.click()
    page.wait_for_url(lambda url: "/config/automation/edit/new" not in url)
    automation_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    config = ha.rest("GET", f"/api/config/automation/config/{automation_id}")
    log(f"editor: saved automation {automation_id}: {config['triggers']}")
    (trigger,) = config["triggers"]
    assert trigger["trigger"] == TRIGGER, trigger
    assert front.device_id in str(trigger["target"]), trigger
    assert trigger["options"]["cause"] == ["low_battery"], trigger

    def automation() -> dict[str, Any] | None:
        states: list[dict[str, Any]] = ws.command("get_states")
        return next(
            (
                s
                for s in states
                if s["entity_id"].startswith("automation.")
                and s["attributes"].get("id") == automation_id
                and s["state"] == "on"
            ),
            None,
        )

    entity_id = wait_for(automation, 30, "the automation, on")["entity_id"]

    # Another cause on that camera, the chosen cause on another: no run.
    mark = events.mark()
    ha.action("fleet_sim", "inject_fault", entity_id=front.entity_id, fault="hot")
    ha.action(
        "fleet_sim", "inject_fault", entity_id=back.entity_id, fault="battery_low"
    )
    events.wait(
        mark, GRACE_SECONDS + SLACK, entity_id=front.entity_id, cause="overheating"
    )
    events.wait(
        mark, GRACE_SECONDS + SLACK, entity_id=back.entity_id, cause="low_battery"
    )
    ha.action("fleet_sim", "heal")
    events.wait(mark, SLACK, entity_id=front.entity_id, cause="none")
    events.wait(mark, SLACK, entity_id=back.entity_id, cause="none")
    assert not automation_runs(ws, automation_id)
    assert automation()["attributes"]["last_triggered"] is None  # type: ignore[index]
    log("editor: overheating on Front Door, low battery on Back Yard: no run")

    # The chosen cause on that camera, past the grace period: one run.
    mark = events.mark()
    ha.action(
        "fleet_sim", "inject_fault", entity_id=front.entity_id, fault="battery_low"
    )
    events.wait(
        mark, GRACE_SECONDS + SLACK, entity_id=front.entity_id, cause="low_battery"
    )
    state = wait_for(
        lambda: (s := automation()) and s["attributes"]["last_triggered"] and s,
        SLACK,
        f"{entity_id} triggered",
    )
    (run,) = wait_for(lambda: automation_runs(ws, automation_id), SLACK, "its trace")
    trace = ws.command(
        "trace/get", domain="automation", item_id=automation_id, run_id=run["run_id"]
    )
    fired = trace["trace"]["trigger/0"][0]["changed_variables"]["trigger"]
    assert fired["entity_id"] == front.entity_id, fired
    assert fired["cause"] == "low_battery", fired
    log(f"editor: {entity_id} ran at {state['attributes']['last_triggered']}")

    ha.action("fleet_sim", "heal")
    wait_for(lambda: not fault_issues(ws), GRACE_SECONDS + SLACK, "issues cleared")
    assert len(automation_runs(ws, automation_id)) == 1
    ha.rest("DELETE", f"/api/config/automation/config/{automation_id}")
