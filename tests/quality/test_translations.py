"""Every translation key the code uses exists, and en.json equals strings.json."""

from __future__ import annotations

import json
from pathlib import Path
import re
from typing import Any

import yaml

from custom_components.camera_doctor.binary_sensor import RED_FLASH
from custom_components.camera_doctor.config_flow import OPTIONS_SCHEMA
from custom_components.camera_doctor.diagnosis import FIX_KEYS, Cause
from custom_components.camera_doctor.event import DIAGNOSIS_EVENT
from custom_components.camera_doctor.fixes import FIX_OPTIONS
from custom_components.camera_doctor.issues import FIXABLE
from custom_components.camera_doctor.notice_texts import VARIANTS
from custom_components.camera_doctor.sensor import SENSORS

PACKAGE = Path(__file__).resolve().parents[2] / "custom_components" / "camera_doctor"
STRINGS: dict[str, Any] = json.loads((PACKAGE / "strings.json").read_text("utf-8"))
ICONS: dict[str, Any] = json.loads((PACKAGE / "icons.json").read_text("utf-8"))
ISSUE_PLACEHOLDERS = {"camera", "value", "threshold", "reading", "steps"}


def _code() -> str:
    return "\n".join(p.read_text("utf-8") for p in PACKAGE.rglob("*.py"))


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", text))


def test_english_translation_is_strings_json() -> None:
    """translations/en.json is strings.json, word for word."""
    english = (PACKAGE / "translations" / "en.json").read_text("utf-8")
    assert json.loads(english) == STRINGS


def test_entity_names_and_states() -> None:
    """Every entity has a name, and every enum option and event type a label."""
    entity = STRINGS["entity"]
    for description in SENSORS:
        strings = entity["sensor"][description.translation_key]
        assert strings["name"]
        assert set(strings["state"]) == set(description.options or [])
    assert entity["binary_sensor"][RED_FLASH.translation_key]["name"]
    event = entity["event"][DIAGNOSIS_EVENT.translation_key]
    labels = event["state_attributes"]["event_type"]["state"]
    assert set(labels) == set(DIAGNOSIS_EVENT.event_types or [])


def test_icons_for_every_cause() -> None:
    """An icon per cause state, and one per action."""
    icons = ICONS["entity"]["sensor"]["red_flash_cause"]["state"]
    assert set(icons) == {cause.value for cause in Cause}
    assert set(ICONS["services"]) == set(STRINGS["services"])


def test_issues_for_every_cause() -> None:
    """A notice per cause, with fix flows where Home Assistant can act.

    Every step of a fix flow names its button; no text expects a placeholder
    that the notice does not fill.
    """
    issues = {key: text for key, text in STRINGS["issues"].items() if key in CAUSES}
    assert set(STRINGS["issues"]) == set(CAUSES) | {
        "no_cameras",
        "battery_forecast",
        "missing_readings",
        "integration_offline_reauth",
    }
    for cause, strings in issues.items():
        expected = PLACEHOLDERS.get(Cause(cause), ISSUE_PLACEHOLDERS)
        assert _placeholders(strings["title"]) <= expected
        if Cause(cause) in FIXABLE:
            flow = strings["fix_flow"]
            for step in flow["step"].values():
                assert step["submit"], cause
                assert _placeholders(step["description"]) <= ISSUE_PLACEHOLDERS
            for reason in flow["abort"].values():
                assert _placeholders(reason) <= ISSUE_PLACEHOLDERS
        else:
            assert _placeholders(strings["description"]) <= expected
    # A pending sign-in makes the integration's notice fixable: the same
    # notice, with a fix flow (a notice has a description or a fix flow).
    reauth = STRINGS["issues"]["integration_offline_reauth"]
    shared_words = PLACEHOLDERS[Cause.INTEGRATION_OFFLINE]
    assert _placeholders(reauth["title"]) <= shared_words
    for step in reauth["fix_flow"]["step"].values():
        assert step["submit"]
        assert _placeholders(step["description"]) == shared_words
    for reason in reauth["fix_flow"]["abort"].values():
        assert _placeholders(reason) <= shared_words
    assert (
        _placeholders(STRINGS["issues"][Cause.INTEGRATION_OFFLINE.value]["description"])
        == shared_words
    )
    shared = STRINGS["issues"][Cause.SYNC_MODULE_OFFLINE.value]
    assert _placeholders(shared["title"] + shared["description"]) == {
        "hub",
        "cameras",
        "steps",
    }
    assert "{" not in STRINGS["issues"]["no_cameras"]["description"]
    hidden = STRINGS["issues"]["missing_readings"]
    assert _placeholders(hidden["title"]) == {"integration"}
    confirm = hidden["fix_flow"]["step"]["confirm"]
    assert confirm["submit"]
    assert _placeholders(confirm["description"]) == {
        "integration",
        "cameras",
        "entities",
    }
    for reason in hidden["fix_flow"]["abort"].values():
        assert _placeholders(reason) <= {"integration"}


# Notices shared by several cameras name what they share, and list the cameras.
CAUSES = {cause.value for cause in Cause if cause is not Cause.NONE}
PLACEHOLDERS = {
    Cause.SYNC_MODULE_OFFLINE: {"hub", "cameras", "steps"},
    Cause.INTEGRATION_OFFLINE: {"integration", "cameras", "reason", "steps"},
}


def test_fix_steps_for_every_fix_key() -> None:
    """The diagnose action answers every fix key with translated steps."""
    fixes = STRINGS["selector"]["fix"]["options"]
    assert set(fixes) == set(FIX_OPTIONS)
    assert set(FIX_KEYS.values()) <= set(fixes)
    assert set(STRINGS["entity"]["sensor"]["recommended_fix"]["state"]) == set(fixes)


# What the design says each fix must tell the owner, in the owner's words.
FIX_ADVICE = {
    "replace_batteries": (
        "lithium AA",
        "Never mix old and new",
        "rechargeable",
        "alkaline",
    ),
    "charge_battery": ("Charge the battery fully", "battery pack"),
    "check_wifi": ("Power-cycle the router",),
    "check_network": ("network cable", "PoE", "Wi-Fi", "Power-cycle the router"),
    "retry_update": ("still making progress", "restart the camera", "again"),
    "improve_signal": ("extender",),
    "check_sync_module": ("solid red",),
    "check_integration": ("sign in again", "cloud status", "Nothing needs doing"),
    "wait_for_update": ("Do not unplug",),
    "move_to_shade": ("shaded, ventilated",),
    "reset_camera": ("contact the maker's support",),
}


def test_fix_steps_give_the_advice() -> None:
    """Every fault's fix is numbered steps with the documented advice."""
    fixes = STRINGS["selector"]["fix"]["options"]
    for key in set(FIX_OPTIONS) - {FIX_KEYS[Cause.NONE]}:
        steps = fixes[key].split("\n")
        for number, step in enumerate(steps, start=1):
            assert step.startswith(f"{number}. ") and step.endswith("."), key
    for key, advice in FIX_ADVICE.items():
        for detail in advice:
            assert detail in fixes[key], (key, detail)


def _notices() -> list[tuple[str, str]]:
    """Every notice text (descriptions and fix flow steps), with its cause."""
    found: list[tuple[str, str]] = []
    for key, strings in STRINGS["issues"].items():
        cause = key.removesuffix("_reauth")
        if cause not in CAUSES:
            continue
        steps = strings.get("fix_flow", {}).get("step", {})
        found += [(cause, step["description"]) for step in steps.values()]
        if "description" in strings:
            found.append((cause, strings["description"]))
    return found


def test_notices_give_the_steps_that_fit() -> None:
    """A notice lists the fix through ``{steps}``: the steps that fit the camera."""
    for cause, text in _notices():
        assert "**What to do**\n\n{steps}" in text, cause
        assert "\n1. " not in text, cause  # no list of its own


def test_fix_variants() -> None:
    """Every variant is ``{fix key}_{variant}``, in numbered steps."""
    fixes = STRINGS["selector"]["fix"]["options"]
    variants = STRINGS["selector"]["fix_variant"]["options"]
    for key, text in variants.items():
        assert any(key in {f"{fix}_{name}" for name in VARIANTS} for fix in fixes), key
        for number, step in enumerate(text.split("\n"), start=1):
            assert step.startswith(f"{number}. ") and step.endswith("."), key


# What the variants must tell their owners, in the owners' words.
VARIANT_ADVICE = {
    "replace_batteries_aa_lithium": (
        "lithium AA",
        "Never mix old and new",
        "rechargeable or alkaline",
    ),
    "charge_battery_solar": ("solar panel", "charge it fully"),
    "move_to_shade_indoor": ("sunny window", "radiator"),
    "shelter_from_cold_indoor": ("open window",),
    "retry_update_wired": ("unplug it for 10 seconds",),
    "improve_signal_sync_module": ("extender", "sync module"),
}


def test_variants_give_the_advice() -> None:
    """Brand truth: Blink AA lithium, charged packs, a sync module only with one."""
    variants = STRINGS["selector"]["fix_variant"]["options"]
    for key, advice in VARIANT_ADVICE.items():
        for detail in advice:
            assert detail in variants[key], (key, detail)
    for key, text in variants.items():
        if "aa_lithium" not in key:
            assert "AA" not in text, key
        if "wired" in key:
            assert "batter" not in text, key
        if key.startswith("check_wifi_"):
            assert "Power-cycle the router" in text, key
        if key.endswith("_indoor"):  # no sun shield, eaves or frost indoors
            assert not {"shield", "eaves", "frost"} & set(re.findall(r"\w+", text))


def test_readings_in_words() -> None:
    """A reading's words take only the numbers the code gives them."""
    for text in STRINGS["selector"]["reading"]["options"].values():
        assert _placeholders(text) <= {"value", "threshold", "bars"}
    causes = STRINGS["selector"]["cause"]["options"]
    assert set(causes) == {cause.value for cause in Cause}


def test_exceptions_and_flow_errors_used_in_code_exist() -> None:
    """Every translation_key / error / abort reason in the code is translated."""
    code = _code()
    for key in set(re.findall(r'translation_key="(\w+)"', code)):
        assert key in STRINGS["exceptions"], key
    for key in set(re.findall(r'"(\w+_above_\w+)"', code)):
        assert key in STRINGS["options"]["error"], key
    options = STRINGS["options"]["step"]["init"]
    for field in OPTIONS_SCHEMA.schema:
        assert str(field) in options["data"]
        assert str(field) in options["data_description"]


def test_services_and_device_triggers() -> None:
    """Every action in services.yaml and every trigger type is translated."""
    services = yaml.safe_load((PACKAGE / "services.yaml").read_text("utf-8"))
    for name in services:
        assert STRINGS["services"][name]["name"]
        assert STRINGS["services"][name]["description"]
    triggers = STRINGS["device_automation"]["trigger_type"]
    assert set(triggers) == {"cause_detected", "cleared"}
