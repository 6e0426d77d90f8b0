"""triggers.yaml and conditions.yaml agree with the code, the words and the icons."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from custom_components.camera_doctor.device_trigger import FAULT_CAUSES

PACKAGE = Path(__file__).resolve().parents[2] / "custom_components" / "camera_doctor"
STRINGS: dict[str, Any] = json.loads((PACKAGE / "strings.json").read_text("utf-8"))
ICONS: dict[str, Any] = json.loads((PACKAGE / "icons.json").read_text("utf-8"))
# (description file, section in strings.json / icons.json, module, its registry)
KINDS = [
    ("triggers.yaml", "triggers", "trigger", "TRIGGERS"),
    ("conditions.yaml", "conditions", "condition", "CONDITIONS"),
]


def _descriptions(file: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((PACKAGE / file).read_text("utf-8"))
    return {key: value for key, value in loaded.items() if not key.startswith(".")}


@pytest.mark.parametrize(("file", "section", "module", "registry"), KINDS)
def test_described_translated_and_iconed(
    file: str, section: str, module: str, registry: str
) -> None:
    """Each trigger/condition has a name, a description, field words and an icon."""
    descriptions = _descriptions(file)
    assert set(STRINGS[section]) == set(descriptions)
    assert set(ICONS[section]) == set(descriptions)
    for key, description in descriptions.items():
        words = STRINGS[section][key]
        assert words["name"]
        assert words["description"]
        assert description["target"] == {"entity": {"domain": "camera"}}
        fields = description.get("fields", {})
        assert set(words.get("fields", {})) == set(fields)
        for field in words.get("fields", {}).values():
            assert field["name"]
            assert field["description"]
        assert ICONS[section][key][section.removesuffix("s")].startswith("mdi:")
    try:
        platform = importlib.import_module(f"custom_components.camera_doctor.{module}")
    except ImportError:
        return  # a release without the platforms: nothing to compare with
    assert set(getattr(platform, registry)) == set(descriptions)


@pytest.mark.parametrize("file", [kind[0] for kind in KINDS])
def test_cause_choices_are_the_fault_causes(file: str) -> None:
    """The cause list offers every fault cause (what device triggers offer).

    Its labels say which causes do not flash red (``trigger_cause``).
    """
    for description in _descriptions(file).values():
        if (cause := description.get("fields", {}).get("cause")) is None:
            continue
        select = cause["selector"]["select"]
        assert select["options"] == list(FAULT_CAUSES)
        assert select["translation_key"] == "trigger_cause"
        labels = STRINGS["selector"]["trigger_cause"]["options"]
        assert set(select["options"]) == set(labels)
