"""Align the test requirements with the installed Home Assistant (run in the root).

Usage: sid_align.py REQUIREMENTS PROJECT [verbose] (see sid_venv in sid-root.sh).
"""

# ALIGN. Newer Home Assistant releases move packages out of the core install
# (PyTurboJPEG, needed by the camera integration, is no longer installed with
# homeassistant) and bump the pins of integration libraries (blinkpy for
# blink). Home Assistant's test harness installs no integration requirements,
# so:
#  * a test requirement that a Home Assistant integration pins takes that pin
#    (the pyproject pins what the OLDEST supported release needs);
#  * the requirements of the Home Assistant integrations this project uses are
#    added: those in its manifests' dependencies/after_dependencies, those its
#    code and tests import from homeassistant.components, and, transitively,
#    their manifest dependencies and the entity platforms they provide
#    (blink -> camera).
import json
from pathlib import Path
import re
import sys

import homeassistant
from homeassistant.const import Platform

reqs_file, project = Path(sys.argv[1]), Path(sys.argv[2])
verbose = sys.argv[3:] == ["verbose"]
ha = Path(homeassistant.__file__).parent
comps = ha / "components"


def say(msg: str) -> None:
    """Explain a change on stderr (only when asked to)."""
    if verbose:
        print(f"[sid-root] {msg}", file=sys.stderr)


def norm(name: str) -> str:
    """A distribution name in its normal form."""
    return re.sub(r"[-_.]+", "-", name).lower()


NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
IMPORT = re.compile(
    r"(?:from|import)\s+homeassistant\.components\.([a-z0-9_]+)"
    r"|from\s+homeassistant\.components\s+import\s+\(?([a-z0-9_,\s]+)"
)


def manifest(domain: str) -> dict:
    """The manifest of a Home Assistant integration."""
    return json.loads((comps / domain / "manifest.json").read_text())


pins = {}
for path in sorted(comps.glob("*/manifest.json")):
    for req in json.loads(path.read_text()).get("requirements", []):
        m = NAME.match(req)
        if m and "==" in req:
            pins.setdefault(norm(m.group(1)), (req, path.parent.name))

start = set()
for path in project.glob("custom_components/*/manifest.json"):
    data = json.loads(path.read_text())
    start.update(data.get("dependencies", []) + data.get("after_dependencies", []))
for path in [
    *project.glob("custom_components/**/*.py"),
    *project.glob("tests/**/*.py"),
]:
    for one, many in IMPORT.findall(path.read_text(errors="replace")):
        start.update([one] if one else [x for x in re.split(r"[,\s]+", many) if x])
used, todo = set(), sorted(d for d in start if (comps / d / "manifest.json").is_file())
while todo:
    domain = todo.pop()
    if domain in used:
        continue
    used.add(domain)
    data = manifest(domain)
    nxt = set(data.get("dependencies", []) + data.get("after_dependencies", []))
    nxt |= {p.value for p in Platform if (comps / domain / f"{p.value}.py").is_file()}
    todo += sorted(
        d for d in nxt if d not in used and (comps / d / "manifest.json").is_file()
    )

skip = {"pytest-homeassistant-custom-component", "homeassistant"}
out, names = [], set()
for line in reqs_file.read_text().splitlines():
    m = NAME.match(line)
    key = norm(m.group(1)) if m else None
    if key in pins and key not in skip:
        req, domain = pins[key]
        if req != line.strip():
            say(
                f"{line.strip()} -> {req} (pinned by Home Assistant's {domain} integration)"
            )
        line = req
    names.add(key)
    out.append(line)
for domain in sorted(used):
    for req in manifest(domain).get("requirements", []):
        m = NAME.match(req)
        if m and norm(m.group(1)) not in names:
            names.add(norm(m.group(1)))
            out.append(req)
            say(f"+ {req} (requirement of Home Assistant's {domain} integration)")
print("\n".join(out))
