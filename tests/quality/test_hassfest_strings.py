"""strings.json keeps hassfest's rules (the HACS action runs hassfest on it).

hassfest itself ships with Home Assistant's source, not its wheel: this
checks the rules that apply to what this integration uses.
"""

from __future__ import annotations

import json
from pathlib import Path
import re
import string
from typing import Any

from homeassistant.helpers import config_validation as cv
import pytest
import voluptuous as vol

PACKAGE = Path(__file__).resolve().parents[2] / "custom_components" / "camera_doctor"
STRINGS: dict[str, Any] = json.loads((PACKAGE / "strings.json").read_text("utf-8"))

# hassfest's RE_TRANSLATION_KEY: lower case, no doubled or edge _ and -.
TRANSLATION_KEY = re.compile(r"^(?!.+[_-]{2})(?![_-])[a-z0-9-_]+(?<![_-])$")
URL = re.compile(r"(https?|ftp)://|www\.", re.IGNORECASE)


def _text(value: Any) -> str:
    """A translation as hassfest wants it: plain text, well-formed placeholders."""
    text = cv.string_with_no_html(value)
    if text != text.strip():
        raise vol.Invalid("leading or trailing spaces")
    if URL.search(text):
        raise vol.Invalid("a URL belongs in a placeholder")
    if re.search(r"'{\w+}'", text):
        raise vol.Invalid("a placeholder in single quotes")
    for _, name, _, _ in string.Formatter().parse(text):
        if name is not None and not name.isidentifier():
            raise vol.Invalid(f"placeholder {name!r}")
    return text


def _key(value: Any) -> str:
    if not isinstance(value, str) or not TRANSLATION_KEY.match(value):
        raise vol.Invalid(f"translation key {value!r}")
    return value


FLOW = vol.Schema(
    {
        vol.Required("step"): {
            str: {
                vol.Optional("title"): _text,
                vol.Optional("description"): _text,
                vol.Optional("data"): {str: _text},
                vol.Optional("data_description"): {str: _text},
                vol.Optional("menu_options"): {str: _text},
                vol.Optional("submit"): _text,
            }
        },
        vol.Optional("error"): {str: _text},
        vol.Optional("abort"): {str: _text},
    }
)
ISSUE = vol.All(
    cv.has_at_least_one_key("description", "fix_flow"),
    vol.Schema(
        {
            vol.Required("title"): _text,
            vol.Exclusive("description", "fixable"): _text,
            vol.Exclusive("fix_flow", "fixable"): FLOW,
        }
    ),
)
SELECTOR = {vol.Optional("options"): vol.Schema({_key: _text})}


@pytest.mark.parametrize("cause", sorted(STRINGS["issues"]))
def test_issue(cause: str) -> None:
    """Each notice: a title, a description or a fix flow (steps may name a button)."""
    ISSUE(STRINGS["issues"][cause])


@pytest.mark.parametrize("name", sorted(STRINGS["selector"]))
def test_selector(name: str) -> None:
    """Each selector: option keys hassfest accepts, plain texts."""
    _key(name)
    vol.Schema(SELECTOR)(STRINGS["selector"][name])


def test_hassfest_refuses_what_it_should() -> None:
    """The rules above do refuse bad keys and texts."""
    for bad in ("Fix", "fix__a", "_fix", "fix_"):
        with pytest.raises(vol.Invalid):
            _key(bad)
    for bad in (" padded", "see https://example.com", "'{camera}'", "<b>bold</b>"):
        with pytest.raises(vol.Invalid):
            _text(bad)
    with pytest.raises(vol.Invalid):
        ISSUE({"title": "t", "description": "d", "fix_flow": {"step": {}}})
