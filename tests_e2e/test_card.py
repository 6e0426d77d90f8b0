"""The dashboard card in a real browser: added from the card picker, live rows.

A dashboard of its own (made through the websocket API, empty) is opened in
edit mode; the card is added through the dashboard editor's card picker,
where Camera Doctor's card shows with its preview, and saved from its visual
editor. Faults injected in the simulated fleet then change its rows within
the grace period: checking, then flashing red with the cause and the first
step of the fix; a sync module that goes offline shows once above its
cameras. Its Check again button performs ``camera_doctor.recheck`` for that
camera, and a tap on a camera with a notice opens the notice and runs its
fix flow. Screenshots: light, dark and phone width (390 px).
"""

from __future__ import annotations

import queue
from typing import Any

from playwright.sync_api import Locator, Page, expect

from browser import log_in, no_raw_key, quiet_other_notices, settle
from harness import (
    CAMERA_IDS,
    GRACE_SECONDS,
    SCREENSHOT_DIR,
    URL,
    Camera,
    HomeAssistantProcess,
    fault_issues,
    log,
)
from ws_client import WebSocketClient, wait_for

DASHBOARD = "camera-doctor"
HUB = "alarm_control_panel.blink_home"
# custom_components/camera_doctor/translations/en.json (selector.card, the
# cause sensor's states, the fix steps, the notices).
ALL_FINE = f"All {len(CAMERA_IDS)} cameras are fine"
TWO_NEED = f"2 of {len(CAMERA_IDS)} cameras need attention"
LOW_BATTERY = "Low battery"
FIRST_STEP = "Open the camera and take out both batteries."
HUB_TITLE = "Sync module Blink Home is offline"
NOTICE_TITLE = "New batteries in Front Door?"
STILL_LOW = "Front Door still reports a low battery, so nothing was recorded"
PHONE = {"width": 390, "height": 844}
UNHANDLED = "e2e: unhandled rejection"
WAIT = GRACE_SECONDS + 20


def make_dashboard(ws: WebSocketClient) -> None:
    """An empty dashboard (a masonry view without cards) for the card."""
    dashboards = ws.command("lovelace/dashboards/list")
    if not any(d["url_path"] == DASHBOARD for d in dashboards):
        ws.command(
            "lovelace/dashboards/create",
            url_path=DASHBOARD,
            title="Cameras",
            icon="mdi:cctv",
            show_in_sidebar=True,
            require_admin=False,
            mode="storage",
        )
    ws.command(
        "lovelace/config/save",
        url_path=DASHBOARD,
        config={"views": [{"title": "Cameras", "path": "cameras", "cards": []}]},
    )


def add_card_from_picker(page: Page) -> None:
    """Edit mode, Add card, the picker's Camera Doctor card, its editor, Save."""
    page.goto(f"{URL}/{DASHBOARD}/cameras?edit=1")
    # The card picker lists the custom cards registered when it opens: wait
    # until Camera Doctor's module (loaded with the frontend) has registered.
    page.wait_for_function(
        "(window.customCards || []).some((c) => c.type === 'camera-doctor-card')"
    )
    page.get_by_role("button", name="Add card").first.click()
    # Newer releases open the dialog on its "By entity" tab.
    page.get_by_role("tab", name="By card").click()
    picker = page.locator("hui-card-picker")
    expect(picker).to_be_visible()
    picker.get_by_role("textbox").first.fill("Camera Doctor")
    # Listed under its name, with its live preview (``preview: true``).
    choice = picker.locator(".card", has_text="Camera Doctor").first
    expect(choice).to_be_visible()
    expect(choice.locator("camera-doctor-card")).to_be_attached()
    choice.screenshot(path=SCREENSHOT_DIR / "card-picker.png")
    choice.click()
    # The card's visual editor: cameras and show healthy, in words.
    editor = page.locator("camera-doctor-card-editor")
    expect(editor.get_by_text("Cameras", exact=True)).to_be_visible()
    expect(editor.get_by_text("Show the cameras that are fine")).to_be_visible()
    no_raw_key(page, "the card's editor")
    page.get_by_role("button", name="Save").click()
    expect(editor).to_have_count(0)
    page.get_by_role("button", name="Done").first.click()


def row(card: Locator, name: str) -> Locator:
    """A camera's row in the card."""
    return card.locator("li.row").filter(has=card.page.locator(".name", has_text=name))


def test_card_from_the_picker(
    ha: HomeAssistantProcess,
    ws: WebSocketClient,
    cameras: dict[str, Camera],
    browser: tuple[Any, list[str]],
) -> None:
    """Added from the picker; its rows follow the faults; its buttons work."""
    front, back = cameras["camera.front_door"], cameras["camera.back_yard"]
    ha.action("fleet_sim", "heal")
    wait_for(lambda: not fault_issues(ws), WAIT, "no Camera Doctor issue")
    make_dashboard(ws)
    quiet_other_notices(ha, ws)

    context, blocked = browser
    page = context.new_page()
    errors: list[str] = []  # the card's own: its file in the stack or message
    others: list[str] = []
    phase = ["log in"]

    def page_error(error: Any) -> None:
        text = f"{phase[0]}: {error.name}: {error.message} {error.stack or ''}"
        (errors if "camera-doctor" in text else others).append(text)

    def console(message: Any) -> None:
        if message.text.startswith(UNHANDLED):
            (errors if "camera-doctor" in message.text else others).append(
                f"{phase[0]}: {message.text}"
            )
        elif message.type == "error" and "camera-doctor" in message.text.lower():
            errors.append(message.text)

    # A promise rejected with a plain object has no stack: say what it was.
    page.add_init_script(
        "window.addEventListener('unhandledrejection', (event) => console.log("
        f"'{UNHANDLED}', JSON.stringify(event.reason), event.reason?.stack || ''))"
    )

    page.on("pageerror", page_error)
    page.on("console", console)
    log_in(page)
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    phase[0] = "the card picker"
    add_card_from_picker(page)
    phase[0] = "the card"
    card = page.locator(
        "hui-card camera-doctor-card, hui-masonry-view camera-doctor-card"
    ).first
    expect(card.get_by_role("status").get_by_text(ALL_FINE)).to_be_visible()
    log("card: added from the picker; every camera fine")
    saved = ws.command("lovelace/config", url_path=DASHBOARD)
    assert saved["views"][0]["cards"] == [{"type": "custom:camera-doctor-card"}], saved

    # Faults: checking while the grace period runs, then flashing red.
    ha.action(
        "fleet_sim", "inject_fault", entity_id=front.entity_id, fault="battery_low"
    )
    ha.action("fleet_sim", "inject_fault", entity_id=back.entity_id, fault="cold")
    expect(row(card, front.name).get_by_text("Checking")).to_be_visible()
    expect(row(card, front.name).get_by_text("Flashing red")).to_be_visible(
        timeout=WAIT * 1000
    )
    expect(row(card, front.name).get_by_text(LOW_BATTERY)).to_be_visible()
    expect(row(card, front.name).get_by_text(FIRST_STEP)).to_be_visible()
    expect(row(card, back.name).get_by_text("Too cold")).to_be_visible(
        timeout=WAIT * 1000
    )
    expect(card.get_by_text(TWO_NEED)).to_be_visible()
    # Problems first.
    names = card.locator("li.row .name").all_inner_texts()
    assert set(names[:2]) == {front.name, back.name}, names
    log(f"card: rows in order {names}")
    settle(page)
    no_raw_key(page, "the card")
    page.mouse.move(0, 0)  # no row under the pointer (hover)
    card.screenshot(path=SCREENSHOT_DIR / "card-light.png")

    # Check again: camera_doctor.recheck for that camera.
    calls: queue.Queue[Any] = ws.subscribe(
        "subscribe_events", event_type="call_service"
    )
    row(card, front.name).get_by_role(
        "button", name=f"Check {front.name} again"
    ).click()
    call = wait_for(lambda: _recheck(calls), 20, "camera_doctor.recheck called")
    assert call["service_data"]["entity_id"] == front.entity_id, call
    log("card: Check again performed camera_doctor.recheck for Front Door")

    # A tap on a camera with a notice opens it and runs its fix flow.
    row(card, front.name).locator(".main").click()
    dialog = card.locator("camera-doctor-notice-dialog dialog")
    expect(dialog.get_by_text(NOTICE_TITLE)).to_be_visible()
    expect(dialog.get_by_text("lithium AA").first).to_be_visible()
    no_raw_key(page, "the card's notice dialog")
    dialog.get_by_role("button", name="I replaced the batteries").click()
    expect(dialog.get_by_text(STILL_LOW)).to_be_visible()
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).not_to_be_visible()
    log("card: the notice opened from the card; its fix flow ran to its end")

    # A sync module that goes offline: once, above its cameras.
    ha.action("fleet_sim", "inject_fault", entity_id=HUB, fault="sync_module_offline")
    header = card.locator(".group-header", has_text=HUB_TITLE)
    expect(header).to_have_count(1, timeout=WAIT * 1000)
    group = card.locator("section.group").filter(has_text=HUB_TITLE)
    expect(row(group, front.name)).to_be_visible()
    expect(row(group, back.name)).to_be_visible(timeout=WAIT * 1000)
    settle(page)
    no_raw_key(page, "the card with the sync module offline")
    log("card: the offline sync module shows once, above its cameras")

    # Dark, and phone width.
    page.emulate_media(color_scheme="dark")
    page.mouse.move(0, 0)
    settle(page)
    card.screenshot(path=SCREENSHOT_DIR / "card-dark.png")
    page.set_viewport_size(PHONE)
    settle(page)
    page.screenshot(path=SCREENSHOT_DIR / "card-phone.png")
    width = card.evaluate("(el) => el.getBoundingClientRect().width")
    scroll = card.evaluate("(el) => el.shadowRoot.querySelector('ha-card').scrollWidth")
    assert scroll <= width + 1, (scroll, width)  # nothing overflows a phone

    ha.action("fleet_sim", "heal")
    expect(card.get_by_text(ALL_FINE)).to_be_visible(timeout=WAIT * 1000)
    if others:
        log(f"card: the page reported errors not from the card: {others}")
    assert not errors, errors
    if blocked:
        log(f"card: blocked {len(blocked)} request(s) beyond 127.0.0.1: {blocked[:5]}")
    wait_for(lambda: not fault_issues(ws), WAIT, "issues cleared")


def _recheck(calls: queue.Queue[Any]) -> dict[str, Any] | None:
    while not calls.empty():
        event = calls.get_nowait()
        data = event.get("data", {})
        if data.get("domain") == "camera_doctor" and data.get("service") == "recheck":
            return dict(data)
    return None
