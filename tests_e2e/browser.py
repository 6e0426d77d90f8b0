"""Debian's Chromium driven by Playwright, and what the UI tests share.

Never ``playwright install``: the browser comes from ``apt``. Every request
the page makes to anything but 127.0.0.1 is blocked (and counted), and
Chromium's own background traffic is switched off by flags and a host
resolver that resolves nothing but 127.0.0.1.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
import contextlib
import json
import os
from pathlib import Path
import re
import tempfile
from urllib.parse import urlsplit

from playwright.sync_api import (
    BrowserContext,
    Locator,
    Page,
    Route,
    expect,
    sync_playwright,
)

from harness import (
    DOMAIN,
    PASSWORD,
    ROOT,
    SCREENSHOT_DIR,
    URL,
    USERNAME,
    HomeAssistantProcess,
)
from ws_client import WebSocketClient

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
VIEWPORT = {"width": 1280, "height": 860}
DEVICE_VIEWPORT = {"width": 1280, "height": 1300}
BRANDS_HOST = "brands.home-assistant.io"
# The brand images of the custom integrations (the fleet simulator has its own).
BRAND_DIRS = {
    DOMAIN: ROOT / "custom_components" / DOMAIN / "brand",
    "fleet_sim": ROOT / "dev" / "fleet_sim" / "brand",
}
TRANSPARENT_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
UI_TIMEOUT_MS = 30_000
# What the notice and the device page must say (custom_components/camera_doctor/
# translations/en.json): the title of the low_battery issue, its fix, and the
# recommended_fix sensor's state.
TITLE = "Low battery on Front Door"
FIX_TEXT = "lithium AA"
FIX_STATE = "Replace the batteries"
CAUSE_STATE = "Low battery"
DIALOG_TITLE = "New batteries in Front Door?"
STILL_LOW = "Front Door still reports a low battery, so nothing was recorded"
# Keys that must never reach the screen (causes, fixes and their variants).
STRINGS = json.loads(
    (ROOT / "custom_components" / "camera_doctor" / "strings.json").read_text("utf-8")
)
RAW_KEYS = sorted(
    {
        *STRINGS["entity"]["sensor"]["red_flash_cause"]["state"],
        *STRINGS["entity"]["sensor"]["recommended_fix"]["state"],
        *STRINGS["selector"].get("fix_variant", {}).get("options", {}),
    }
    - {"none"}
)
RAW_KEY = re.compile(r"\b(" + "|".join(map(re.escape, RAW_KEYS)) + r")\b")
# Every text node under an element (the page's body when none is given),
# shadow roots included (innerText skips them).
DEEP_TEXT = """(root) => {
  const out = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) { out.push(node.textContent); return; }
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root || document.body);
  return out.join(" ");
}"""
# The dialogs a Repairs notice opens: its description, or its fix flow.
NOTICE_DIALOG = "dialog-repairs-issue, dialog-data-entry-flow"


def no_raw_key(page: Page, where: str) -> str:
    """The page's text; fails if a cause or fix key shows in it."""
    text: str = page.evaluate(DEEP_TEXT)
    found = sorted(set(RAW_KEY.findall(text)))
    assert not found, f"raw keys on {where}: {found}"
    return text


def dialog_text(page: Page) -> str:
    """The words of the open notice dialog, spaces squeezed (for the log)."""
    text: str = page.locator(NOTICE_DIALOG).first.evaluate(DEEP_TEXT)
    return " ".join(text.split())


def quiet_other_notices(ha: HomeAssistantProcess, ws: WebSocketClient) -> None:
    """Leave only Camera Doctor's notices on the screen.

    The failed-login notice of the start-up probe is not part of the picture,
    nor are Home Assistant's own notices about this test instance (newer
    releases: the http options in YAML, an unsupported installation): the
    user ignores them, as one can in the Repairs list.
    """
    ha.action("persistent_notification", "dismiss_all")
    for issue in ws.command("repairs/list_issues")["issues"]:
        if issue["domain"] != DOMAIN and not issue["ignored"]:
            ws.command(
                "repairs/ignore_issue",
                domain=issue["domain"],
                issue_id=issue["issue_id"],
                ignore=True,
            )


@contextlib.contextmanager
def chromium() -> Iterator[tuple[BrowserContext, list[str]]]:
    """Chromium with a fresh profile; returns it and the requests it blocked."""
    blocked: list[str] = []

    def only_loopback(route: Route) -> None:
        url = urlsplit(route.request.url)
        if url.hostname == "127.0.0.1":
            route.continue_()
        elif url.hostname == BRANDS_HOST:
            # Home Assistant 2025.4 loads integration logos from its brands
            # site: answer locally, with Camera Doctor's own brand images.
            route.fulfill(content_type="image/png", body=brand_image(url.path))
        else:
            blocked.append(route.request.url)
            route.abort()

    with (
        tempfile.TemporaryDirectory(prefix="e2e-chromium-") as profile,
        sync_playwright() as playwright,
    ):
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport=VIEWPORT,
            locale="en-US",
            timezone_id="Europe/Amsterdam",
        )
        context.set_default_timeout(UI_TIMEOUT_MS)
        # Assertions wait as long as actions (Playwright's own is 5 s): a busy
        # machine can take longer to load a panel after the first log-in.
        expect.set_options(timeout=UI_TIMEOUT_MS)
        context.route("**/*", only_loopback)
        try:
            yield context, blocked
        finally:
            context.close()


def brand_image(path: str) -> bytes:
    """The image for a brands URL such as ``/_/camera_doctor/dark_icon@2x.png``."""
    parts = Path(path).parts
    domain, name = parts[-2], parts[-1].removeprefix("dark_")
    if domain in BRAND_DIRS and (image := BRAND_DIRS[domain] / name).is_file():
        return image.read_bytes()
    return TRANSPARENT_PNG


def log_in(page: Page) -> None:
    """Log in through Home Assistant's login page."""
    page.goto(URL + "/")
    page.wait_for_url("**/auth/authorize**")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/auth/" not in url and "auth_callback" not in url)
    page.locator("home-assistant").wait_for()


def settle(page: Page) -> None:
    """Let the frontend finish rendering (animations, lazy panels)."""
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)


def open_repairs(
    ha: HomeAssistantProcess,
    ws: WebSocketClient,
    browser: tuple[BrowserContext, list[str]],
    title: str,
) -> tuple[Page, Locator]:
    """Logged in, on Settings → Repairs showing the notice ``title``, in words.

    Only Camera Doctor's notices are on the screen (:func:`quiet_other_notices`).
    """
    quiet_other_notices(ha, ws)
    context, _ = browser
    page = context.new_page()
    log_in(page)
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    page.goto(URL + "/config/repairs")
    notice = page.get_by_text(title)
    expect(notice).to_be_visible()
    settle(page)
    no_raw_key(page, "the Repairs list")
    return page, notice
