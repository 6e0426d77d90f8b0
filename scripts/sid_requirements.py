"""The test requirements for the venv of scripts/sid-root.sh (run in the root).

Usage: sid_requirements.py keep|drop (see requirements() in sid-root.sh).
"""

from pathlib import Path
import re
import sys
import tomllib

mode = sys.argv[1]
UNPIN = {"pytest-homeassistant-custom-component", "homeassistant"}
path = Path("/project/pyproject.toml")
data = tomllib.loads(path.read_text()) if path.is_file() else {}
groups = data.get("dependency-groups", {})


def group(name: str, seen: tuple[str, ...] = ()) -> list[str]:
    """The requirements of a dependency group, with the groups it includes."""
    out = []
    for item in groups.get(name, []):
        if isinstance(item, str):
            out.append(item)
        elif (
            isinstance(item, dict)
            and "include-group" in item
            and item["include-group"] not in seen
        ):
            out += group(item["include-group"], (*seen, name))
    return out


if "test" in groups:
    reqs = group("test")
else:
    reqs = list(
        data.get("project", {}).get("optional-dependencies", {}).get("test", [])
    )
    if not reqs:
        reqs = ["syrupy"]
reqs += data.get("project", {}).get("dependencies", [])
reqs += ["pytest-homeassistant-custom-component", "hypothesis"]

seen, out = set(), []
for req in reqs:
    req = req.strip()
    m = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?", req)
    if not m:
        continue
    name = m.group(1)
    key = re.sub(r"[-_.]+", "-", name).lower()
    if key in seen:
        continue
    seen.add(key)
    if mode == "keep" and key not in UNPIN:
        out.append(req)
        continue
    if re.match(r"[^;]*@", req):  # direct URL reference: keep as is
        out.append(req)
        continue
    marker = req.split(";", 1)[1].strip() if ";" in req else ""
    out.append(name + (m.group(2) or "") + (f"; {marker}" if marker else ""))
print("\n".join(sorted(out, key=str.lower)))
