"""Words that fit the camera, read in the browser as its owner reads them.

A Ring battery doorbell with a low battery, a wired camera on a network cable
(PoE) that went offline, and a Blink Mini (indoors) that is too hot: each
notice says what fits that camera, and the camera's Recommended fix sensor
names the same fix. Screenshots: ``words-<cause>.png``.
"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import BrowserContext, expect

from browser import DEEP_TEXT, NOTICE_DIALOG, no_raw_key, open_repairs, settle
from harness import (
    DOMAIN,
    GRACE_SECONDS,
    SCREENSHOT_DIR,
    Camera,
    HomeAssistantProcess,
    fault_issues,
    log,
)
from ws_client import WebSocketClient, wait_for


@dataclass(frozen=True)
class Words:
    """A fault on a camera, and what its notice must and must not say."""

    camera: str
    fault: str
    cause: str
    title: str
    fix: str  # the Recommended fix sensor's state
    says: tuple[str, ...]
    never: tuple[str, ...]


CASES = (
    Words(
        "camera.porch_doorbell",
        "battery_low",
        "low_battery",
        "Low battery on Porch Doorbell",
        "charge_battery",
        ("Charge the battery fully", "I charged the battery"),
        ("AA", "replaced the batteries"),
    ),
    Words(
        "camera.driveway",
        "offline",
        "no_connection",
        "Driveway is offline",
        "check_network",
        ("network cable", "shows it as unavailable"),
        ("still shows it as online", "battery", "sync module"),
    ),
    Words(
        "camera.living_room",
        "hot",
        "overheating",
        "Living Room is too hot",
        "move_to_shade",
        ("sunny window", "radiator"),
        ("sun shield", "protective housing", "battery"),
    ),
)


def test_each_notice_fits_its_camera(
    ha: HomeAssistantProcess,
    ws: WebSocketClient,
    cameras: dict[str, Camera],
    browser: tuple[BrowserContext, list[str]],
) -> None:
    """The notice and the fix sensor agree, in words that fit the camera."""
    ha.action("fleet_sim", "heal")
    wait_for(lambda: not fault_issues(ws), 30, "no Camera Doctor issue")
    for case in CASES:
        ha.action("fleet_sim", "inject_fault", entity_id=case.camera, fault=case.fault)
    for case in CASES:
        issue_id = cameras[case.camera].issue_id(case.cause)
        wait_for(
            lambda i=issue_id: i in ws.issues(DOMAIN), GRACE_SECONDS + 30, issue_id
        )
        fix = ws.state(cameras[case.camera].entities["fix"])
        assert fix is not None and fix["state"] == case.fix, fix

    page, _ = open_repairs(ha, ws, browser, CASES[0].title)
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        page.get_by_text(case.title).first.click()
        shown = page.get_by_text(case.says[0]).first
        expect(shown).to_be_visible()
        settle(page)
        no_raw_key(page, f"the {case.cause} notice")
        # The dialog opened last (a closed one may stay in the page).
        text = " ".join(page.locator(NOTICE_DIALOG).last.evaluate(DEEP_TEXT).split())
        log(f"words: {case.title}: {text}")
        for words in case.says:
            assert words in text, (case.cause, words, text)
        for words in case.never:
            assert words not in text, (case.cause, words, text)
        page.screenshot(path=SCREENSHOT_DIR / f"words-{case.cause}.png")
        page.get_by_role("button", name="Close").first.click()
        expect(shown).to_be_hidden()

    ha.action("fleet_sim", "heal")
    wait_for(lambda: not fault_issues(ws), GRACE_SECONDS + 30, "issues cleared")
