"""The dashboard card's words are the integration's translations, not its code's."""

from __future__ import annotations

import json
from pathlib import Path
import re
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "custom_components" / "camera_doctor"
STRINGS: dict[str, Any] = json.loads((PACKAGE / "strings.json").read_text("utf-8"))
SOURCES = ROOT / "frontend" / "src"
BUNDLE = PACKAGE / "frontend" / "camera-doctor-card.js"
CARD_WORDS = STRINGS["selector"]["card"]["options"]


def _sources() -> str:
    return "\n".join(p.read_text("utf-8") for p in sorted(SOURCES.glob("*.ts")))


def test_no_word_of_the_card_is_written_in_its_code() -> None:
    """Neither the sources nor the bundle hold a text the translations hold."""
    texts = {
        *CARD_WORDS.values(),
        *STRINGS["entity"]["sensor"]["red_flash_cause"]["state"].values(),
    }
    for where, code in (("sources", _sources()), ("bundle", BUNDLE.read_text("utf-8"))):
        found = sorted(
            text
            for text in texts
            for quote in ('"', "'", "`")
            if f"{quote}{text}{quote}" in code or f">{text}<" in code
        )
        assert not found, (where, found)


def test_every_word_the_card_uses_is_translated() -> None:
    """Each card word the code names (``_word("…")``, ``cardWord(ctx, "…")``) exists."""
    code = _sources()
    used = set(re.findall(r'(?:_word|cardWord)\((?:ctx, )?"(\w+)"', code))
    used |= set(re.findall(r"CARD_WORDS\}(\w+)`", code))
    # Built from a status or a kind of tap.
    used |= {f"status_{s}" for s in ("red_flash", "checking", "fine", "unknown")}
    used |= {"open_notice", "open_device", "open_details", "cancel", "close"}
    assert used, "no card word found in the sources"
    assert used <= set(CARD_WORDS), sorted(used - set(CARD_WORDS))
    assert set(CARD_WORDS) <= used | {
        "headline_attention",
        "headline_attention_one",
        "headline_fine",
        "headline_fine_one",
        "battery_low",
        "battery_ok",
    }, sorted(set(CARD_WORDS) - used)
