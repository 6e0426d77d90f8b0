# shellcheck shell=bash
# scripts/sid-hass.sh — the newest Home Assistant release, to run (scripts/e2e --latest).
#
# Sourced after scripts/sid-root.sh, inside its root (sid_enter, sid_root and
# sid_mount first). The test suite's venv ($VENV) holds the Home
# Assistant that the newest pytest-homeassistant-custom-component pins, and
# the harness may lag a Home Assistant release by weeks. What owners run is
# the newest release on PyPI, so the end-to-end test runs that one: a venv of
# its own ($HASS_VENV) with nothing but Home Assistant (the frontend and the
# development configuration's integration libraries are added by scripts/e2e,
# under that release's package constraints: ha_constraints in sid-root.sh).
#
#   sid_hass_venv   sets HASS_VENV: built (with the root's installer venv,
#                   sid_tools, made first if missing), or rebuilt when a newer
#                   release is out; with CAMERA_DOCTOR_OFFLINE=1 the one there
#                   is reused (the test suite's venv, built by
#                   scripts/test-latest, when there is none)
#   sid_hass_report the versions in it

HASS_VENV=/opt/hass     # inside the root
HASS_STAMP=.camera-doctor-homeassistant

sid_hass_venv() {
  local have want=""
  have=$(cat "$ROOT$HASS_VENV/$HASS_STAMP" 2>/dev/null || true)
  if [ -z "${CAMERA_DOCTOR_OFFLINE:-}" ]; then
    sid_tools
    want=$(newest_on_pypi homeassistant)
    [ -n "$want" ] || log "WARNING: could not look up the newest Home Assistant on PyPI"
  fi
  if [ -z "$want" ]; then
    if [ -n "$have" ]; then
      log "reusing Home Assistant $have in $HASS_VENV"
    elif [ -x "$ROOT$VENV/bin/hass" ]; then
      log "no venv of the newest Home Assistant yet: running the test suite's"
      HASS_VENV=$VENV
    else
      die "no Home Assistant in $ROOT to run (PyPI not reached, nothing installed yet)"
    fi
    return 0
  fi
  if [ "$want" = "$have" ]; then
    log "Home Assistant $want in $HASS_VENV is the newest"
    return 0
  fi
  log "installing Home Assistant $want into $HASS_VENV ..."
  rm -rf "$ROOT$HASS_VENV"
  in_root "$TOOLS/bin/uv" venv -q --python "/usr/bin/$PY" "$HASS_VENV"
  if ! uv_install_in "$HASS_VENV" "homeassistant==$want"; then
    rm -rf "$ROOT$HASS_VENV"
    die "installing Home Assistant $want failed (see above)"
  fi
  printf '%s\n' "$want" >"$ROOT$HASS_VENV/$HASS_STAMP"
}

sid_hass_report() {  # the versions in $HASS_VENV; fails if it is broken
  in_root "$HASS_VENV/bin/python" - "$SID_TAG" <<'PYEOF' >&2 || die "$HASS_VENV is broken; remove it and rerun"
import sys
import homeassistant.const as c
print(f"[{sys.argv[1]}] Python {sys.version.split()[0]}, Home Assistant {c.__version__}")
PYEOF
}
