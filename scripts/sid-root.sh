# shellcheck shell=bash
# scripts/sid-root.sh — sourced by scripts/test-latest and scripts/e2e: the
# NEWEST Home Assistant in a minimal Debian sid root with Python 3.14 (Debian 12
# ships no python3.14).
#
# The root is built once (debootstrap, cached); inside it a venv with the newest
# pytest-homeassistant-custom-component (which pins the newest homeassistant)
# plus the project's test dependencies. The project is bind-mounted at /project.
# Everything runs in a private mount namespace, so the bind mounts vanish with
# the process even if it is SIGKILLed.
#
# The caller sets SID_TAG (its log prefix) and SID_SELF (its own path, if $0
# may not be it after a cd) and then calls, in order:
#   sid_enter "$@"   root check, private mount namespace (re-executes the caller
#                    with its arguments), one run at a time per root (flock)
#   sid_root         build the root if missing or outdated
#   sid_mount        /proc, /dev, /dev/shm and the project at /project
#   sid_venv         build or update the venv (see "Caching" below)
#   sid_report       print the versions (fails if the venv is broken)
# and then runs commands in the root with in_root / run_in_root (CMD...), or
# gets the chroot command line for CMD... in ROOTCMD with root_cmd.
#
# Must run as root (debootstrap, mount, chroot). Works non-interactively (CI).
#
# Environment:
#   CAMERA_DOCTOR_SID_ROOT      where the sid root lives
#                               (default: <project>/.cache/sid-py314; .cache/ is git-ignored)
#   CAMERA_DOCTOR_SID_MIRROR    Debian mirror for debootstrap (default: the first
#                               Debian archive this machine's apt sources use)
#   CAMERA_DOCTOR_REBUILD=1     throw away the root and build it again
#   CAMERA_DOCTOR_REBUILD_VENV=1  rebuild only the venv inside the root
#   CAMERA_DOCTOR_OFFLINE=1     do not ask PyPI for the newest
#                               pytest-homeassistant-custom-component; reuse the venv as is
#
# Caching:
#   * The root is built once; <root>/.camera-doctor-root.ok records a finished
#     build (a half-built root is deleted and rebuilt).
#   * The venv (<root>/opt/venv) is rebuilt when the requirement list changes,
#     which includes the newest pytest-homeassistant-custom-component version on
#     PyPI, so a new Home Assistant release triggers a rebuild automatically.
# shellcheck disable=SC2317  # functions called only from traps

SID_TAG=${SID_TAG:-sid-root}
PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="${CAMERA_DOCTOR_SID_ROOT:-$PROJECT_DIR/.cache/sid-py314}"
# The machine's own Debian archive, as apt is configured here.
host_mirror() {
  local uri
  uri=$(grep -hoE '(URIs:|^deb)[[:space:]]+[^[:space:]]+/debian/?([[:space:]]|$)' \
    /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
    grep -oE '[a-z]+://[^[:space:]]+' | head -n 1) || true
  echo "${uri%/}"
}
MIRROR="${CAMERA_DOCTOR_SID_MIRROR:-$(host_mirror)}"
SUITE=sid
PY=python3.14
INCLUDE="${PY},${PY}-venv,${PY}-dev,ca-certificates,gcc,g++"
ROOT_STAMP=".camera-doctor-root.ok"
ROOT_STAMP_CONTENT="suite=$SUITE include=$INCLUDE"
VENV=/opt/venv          # paths inside the root
TOOLS=/opt/tools        # pip + uv used to build $VENV
PROJ_IN_ROOT=/project
PHCC=pytest-homeassistant-custom-component

export DEBIAN_FRONTEND=noninteractive

log() { printf '[%s] %s\n' "$SID_TAG" "$*" >&2; }
die() { log "ERROR: $*"; exit 2; }
now() { date +%s; }
T_START=$(now)
elapsed() { echo "$(( $(now) - T_START ))s"; }

sid_enter() {  # sid_enter "$@" (the caller's arguments)
  [ "$(id -u)" -eq 0 ] || die "must run as root (debootstrap, mount and chroot need it)"
  case "$ROOT" in
    /|"") die "refusing to use '$ROOT' as the sid root" ;;
  esac
  ROOT="$(mkdir -p "$(dirname "$ROOT")" && cd "$(dirname "$ROOT")" && pwd)/$(basename "$ROOT")"

  # --- private mount namespace ---------------------------------------------------
  # Re-exec inside a private mount namespace so that the bind mounts made below
  # disappear with the process even if it is SIGKILLed (no leaked bind mount of
  # the project under .cache/ that a later `rm -rf .cache` could descend into).
  # The trap further down still unmounts everything explicitly.
  if [ -z "${_CAMERA_DOCTOR_IN_NS:-}" ] && command -v unshare >/dev/null 2>&1 \
     && unshare --mount --propagation private true 2>/dev/null; then
    export _CAMERA_DOCTOR_IN_NS=1
    exec unshare --mount --propagation private -- bash "${SID_SELF:-$0}" "$@"
  fi

  # --- one run at a time per root ---------------------------------------------------
  exec 9>"$ROOT.lock"
  if ! flock -n 9; then
    log "another run holds $ROOT.lock; waiting for it ..."
    flock 9
  fi
  trap on_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP
}

# --- mounts and cleanup -------------------------------------------------------------
MOUNTS=()   # mounted by this run, unmounted in reverse order on exit

mount_tracked() {  # mount_tracked TARGET MOUNT-ARGS...
  local target="$1"; shift
  [ -e "$target" ] || mkdir -p "$target"  # a directory, unless a file is mounted over
  mount "$@" "$target"
  MOUNTS+=("$target")
}

unmount_all() {
  local i
  for (( i=${#MOUNTS[@]}-1; i>=0; i-- )); do
    umount "${MOUNTS[$i]}" 2>/dev/null || umount -l "${MOUNTS[$i]}" 2>/dev/null \
      || log "WARNING: could not unmount ${MOUNTS[$i]}"
  done
  MOUNTS=()
}

# Unmount anything still mounted below the root (left over from a killed run
# without a private namespace). Must run before the root is deleted.
unmount_stale() {
  local m
  [ -d "$ROOT" ] || return 0
  while read -r m; do
    [ -n "$m" ] || continue
    log "unmounting stale mount $m"
    umount "$m" 2>/dev/null || umount -l "$m"
  done < <(findmnt -rn -o TARGET | awk -v r="$ROOT/" 'index($0, r) == 1' | sort -r)
}

# Long-running steps run as a background child so that a signal to this
# script is handled at once (bash defers traps while a foreground command
# runs); the child is stopped before anything is unmounted.
CHILD=""
run_child() {  # run_child CMD... ; returns CMD's exit status
  local rc=0
  # setsid: own process group, so that stop_child reaches grandchildren too
  # (debootstrap forks subshells that would otherwise outlive it).
  # --pdeathsig: the child still gets a TERM if this script is SIGKILLed.
  setsid setpriv --pdeathsig TERM -- "$@" &
  CHILD=$!
  wait "$CHILD" || rc=$?
  CHILD=""
  return "$rc"
}

stop_child() {
  [ -n "$CHILD" ] || return 0
  if kill -0 -- "-$CHILD" 2>/dev/null; then
    log "stopping child process $CHILD ..."
    kill -TERM -- "-$CHILD" "$CHILD" 2>/dev/null || true
    local i
    for i in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 -- "-$CHILD" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$CHILD" 2>/dev/null || true
    wait "$CHILD" 2>/dev/null || true
  fi
  CHILD=""
}

on_exit() {
  local rc=$?
  trap - EXIT INT TERM HUP
  stop_child
  unmount_all
  exit "$rc"
}

# Run a command inside the root with a clean environment (the host's PIP_*,
# pip.conf find-links etc. point at host paths that do not exist in the root).
ROOTCMD=()
root_cmd() {  # sets ROOTCMD to the chroot command line for CMD...
  local envv=(
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM="${TERM:-dumb}"
    SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt
    PIP_CERT=/etc/ssl/certs/ca-certificates.crt
    REQUESTS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt
    PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PIP_PROGRESS_BAR=off
    UV_PYTHON_DOWNLOADS=never UV_NO_PROGRESS=1
    UV_CACHE_DIR=/var/cache/uv PIP_CACHE_DIR=/var/cache/pip
    PYTHONUNBUFFERED=1
  )
  local v
  for v in CI PYTEST_ADDOPTS HTTP_PROXY HTTPS_PROXY NO_PROXY http_proxy https_proxy no_proxy \
           PIP_INDEX_URL PIP_EXTRA_INDEX_URL UV_INDEX_URL UV_EXTRA_INDEX_URL UV_DEFAULT_INDEX \
           HYPOTHESIS_PROFILE COLUMNS; do
    [ -n "${!v+x}" ] && envv+=("$v=${!v}")
  done
  ROOTCMD=(chroot "$ROOT" /usr/bin/env -i "${envv[@]}" "$@")
}
in_root() { root_cmd "$@"; "${ROOTCMD[@]}"; }
# Same, as a background child (chroot, env, sh and python all exec, so the
# child's pid is the command's own pid and a TERM reaches it directly).
run_in_root() { root_cmd "$@"; run_child "${ROOTCMD[@]}"; }

# --- 1. the sid root ------------------------------------------------------------------
build_root() {
  local t0 logf
  t0=$(now)
  logf="$(dirname "$ROOT")/$(basename "$ROOT").debootstrap.log"
  if ! command -v debootstrap >/dev/null 2>&1; then
    log "installing debootstrap on the host (apt-get) ..."
    if ! apt-get install -y -q debootstrap >/dev/null 2>&1; then
      apt-get update -q >/dev/null
      apt-get install -y -q debootstrap >/dev/null
    fi
  fi
  if [ -e "$ROOT" ]; then
    log "removing incomplete or outdated root $ROOT"
    unmount_stale
    rm -rf --one-file-system "$ROOT"
  fi
  log "building Debian $SUITE root with $PY in $ROOT (a few minutes; log: $logf) ..."
  if ! run_child debootstrap --variant=minbase --include="$INCLUDE" "$SUITE" "$ROOT" "$MIRROR" >"$logf" 2>&1; then
    log "debootstrap failed; last lines of $logf:"
    tail -n 25 "$logf" >&2
    exit 2
  fi
  rm -rf "$ROOT"/var/cache/apt/archives/*.deb
  printf '%s\n' "$ROOT_STAMP_CONTENT" >"$ROOT/$ROOT_STAMP"
  log "root built in $(( $(now) - t0 ))s ($(du -sh --one-file-system "$ROOT" | cut -f1))"
}


sid_root() {  # the root, built when missing or outdated
  if [ -n "${CAMERA_DOCTOR_REBUILD:-}" ] && [ -e "$ROOT" ]; then
    log "CAMERA_DOCTOR_REBUILD set: rebuilding the root"
    unmount_stale
    rm -f "$ROOT/$ROOT_STAMP"
  fi
  if [ -f "$ROOT/$ROOT_STAMP" ] && [ "$(cat "$ROOT/$ROOT_STAMP")" = "$ROOT_STAMP_CONTENT" ]; then
    log "using cached root $ROOT"
  else
    build_root
  fi
  unmount_stale
}

sid_mount() {  # /proc, /dev, /dev/shm and the project at /project
  cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
  # Trust the same CAs as the host (some networks intercept TLS with their own CA).
  if [ -s /etc/ssl/certs/ca-certificates.crt ]; then
    cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/ca-certificates.crt"
  fi
  mount_tracked "$ROOT/proc" -t proc proc
  mount_tracked "$ROOT/dev" --bind /dev
  # /dev/shm is a separate mount on most hosts; Python's multiprocessing needs it.
  mount_tracked "$ROOT/dev/shm" -t tmpfs -o mode=1777,nosuid,nodev shm
  mount_tracked "$ROOT$PROJ_IN_ROOT" --bind "$PROJECT_DIR"
}

# Requirement list: the project's test dependencies (the `test` dependency
# group, else the `test` extra, else syrupy) plus hypothesis, with the newest
# pytest-homeassistant-custom-component instead of the pinned one. Pins of
# homeassistant and of the harness are dropped; other pins are kept (they are
# what the integration is written against). If those make the newest harness
# unresolvable, the install is retried with every pin dropped.
requirements() {  # requirements keep|drop
  in_root "$PY" "$PROJ_IN_ROOT/scripts/sid_requirements.py" "$1"
}

uv_install_in() {  # uv_install_in VENV ARGS... (a venv in the root, quietly)
  local venv=$1; shift
  run_in_root "$TOOLS/bin/uv" pip install -q --python "$venv/bin/python" "$@"
}
uv_install() { uv_install_in "$VENV" "$@"; }  # into the test suite's venv

# The package constraints of the Home Assistant in VENV, for uv (-c FILE) when
# something is installed next to it.
ha_constraints() {  # ha_constraints VENV FILE (FILE: a path in the root)
  in_root "$1/bin/python" - "$2" <<'PYEOF'
import pathlib, shutil, sys, homeassistant
shutil.copy(pathlib.Path(homeassistant.__file__).with_name("package_constraints.txt"), sys.argv[1])
PYEOF
}

# The newest release of a package on PyPI that the root's Python can run (pip
# filters by Requires-Python; pre-releases left out); empty if PyPI cannot say.
newest_on_pypi() {  # newest_on_pypi PACKAGE
  in_root "$TOOLS/bin/pip" index versions "$1" 2>/dev/null \
    | sed -n "s/^$1 (\([^)]*\)).*/\1/p" | head -n1 || true
}

# Phase 1 (only when the requirement list or the newest harness changed):

# The installer venv (pip + uv) that builds the other venvs and asks PyPI for
# versions: made here by whichever script needs it first.
sid_tools() {
  if [ ! -x "$ROOT$TOOLS/bin/uv" ]; then
    log "creating installer venv $TOOLS (pip + uv) ..."
    rm -rf "$ROOT$TOOLS"
    in_root "$PY" -m venv "$TOOLS"
    in_root "$TOOLS/bin/pip" install -q uv || { rm -rf "$ROOT$TOOLS"; die "installing uv into $TOOLS failed"; }
  fi
}

sid_venv() {  # the venv, built or updated (see "Caching" above)
  # --- 3. the venv -----------------------------------------------------------------------
  sid_tools
  REQS="$(requirements keep)" || die "could not read the test requirements from pyproject.toml"
  REQS_UNPINNED="$(requirements drop)" || die "could not read the test requirements from pyproject.toml"

  NEWEST_PHCC=""
  if [ -z "${CAMERA_DOCTOR_OFFLINE:-}" ]; then
    NEWEST_PHCC="$(newest_on_pypi "$PHCC")"
    [ -n "$NEWEST_PHCC" ] || log "WARNING: could not look up the newest $PHCC on PyPI"
  fi
  if [ -n "$NEWEST_PHCC" ]; then
    # A lower bound, not a pin: makes the resolver take the newest release
    # instead of silently backtracking to an older Home Assistant.
    REQS="$(printf '%s\n' "$REQS" | sed "s/^$PHCC\$/$PHCC>=$NEWEST_PHCC/")"
    REQS_UNPINNED="$(printf '%s\n' "$REQS_UNPINNED" | sed "s/^$PHCC\$/$PHCC>=$NEWEST_PHCC/")"
  fi

  PY_VERSION="$(in_root "$PY" -c 'import sys; print(sys.version.split()[0])')"
  WANT_HASH="$(printf 'python=%s\n%s\n' "$PY_VERSION" "$REQS" | sha256sum | cut -d' ' -f1)"
  HASH_FILE="$ROOT$VENV/.camera-doctor-req.sha256"
  ALIGNED_FILE="$ROOT$VENV/.camera-doctor-aligned.txt"
  HAVE_HASH="$(cat "$HASH_FILE" 2>/dev/null || true)"

  # a fresh venv with the harness alone; it pins the newest homeassistant.
  REBUILT=""
  if [ -n "${CAMERA_DOCTOR_REBUILD_VENV:-}" ] || [ -z "$HAVE_HASH" ] \
     || { [ -n "$NEWEST_PHCC" ] && [ "$WANT_HASH" != "$HAVE_HASH" ]; }; then
    T_VENV=$(now)
    log "building venv $VENV for Python $PY_VERSION with:"
    printf '%s\n' "$REQS" | sed 's/^/[test-latest]     /' >&2
    rm -rf "$ROOT$VENV"
    in_root "$TOOLS/bin/uv" venv -q --python "/usr/bin/$PY" "$VENV"
    PHCC_REQ="$(printf '%s\n' "$REQS" | grep -i "^$PHCC" | head -n1)"
    log "installing $PHCC_REQ ..."
    uv_install "$PHCC_REQ" || { rm -rf "$ROOT$VENV"; die "installing $PHCC_REQ failed (see above)"; }
    REBUILT=1
  elif [ -n "${CAMERA_DOCTOR_OFFLINE:-}" ]; then
    log "offline: reusing the existing venv"
  elif [ -z "$NEWEST_PHCC" ]; then
    log "WARNING: could not check for a newer Home Assistant; reusing the existing venv"
  fi

  # Phase 2 (after phase 1, or when the aligned list below changed, e.g. because
  # the project started using another Home Assistant integration): the other
  # test requirements, aligned with the installed Home Assistant and
  # constrained by its package_constraints.txt.
  printf '%s\n' "$REQS" >"$ROOT/tmp/camera-doctor-requirements.txt"
  printf '%s\n' "$REQS_UNPINNED" >"$ROOT/tmp/camera-doctor-requirements-unpinned.txt"
  for f in camera-doctor-requirements camera-doctor-requirements-unpinned; do
    in_root "$VENV/bin/python" "$PROJ_IN_ROOT/scripts/sid_align.py" "/tmp/$f.txt" "$PROJ_IN_ROOT" \
      "$([ -n "$REBUILT" ] && [ "$f" = camera-doctor-requirements ] && echo verbose)" \
      >"$ROOT/tmp/$f.aligned.txt" \
      || die "could not align the requirements with Home Assistant's pins"
  done
  if [ -n "$REBUILT" ] || ! cmp -s "$ROOT/tmp/camera-doctor-requirements.aligned.txt" "$ALIGNED_FILE"; then
    ha_constraints "$VENV" /tmp/camera-doctor-ha-constraints.txt \
      || die "could not read Home Assistant's package constraints"
    if [ -z "$REBUILT" ]; then
      log "the Home Assistant integrations the project uses changed; updating the venv:"
      diff "$ALIGNED_FILE" "$ROOT/tmp/camera-doctor-requirements.aligned.txt" 2>/dev/null \
        | sed -n 's/^> /[test-latest]     + /p' >&2 || true
    fi
    if ! uv_install -c /tmp/camera-doctor-ha-constraints.txt -r /tmp/camera-doctor-requirements.aligned.txt; then
      if cmp -s "$ROOT/tmp/camera-doctor-requirements.aligned.txt" \
                "$ROOT/tmp/camera-doctor-requirements-unpinned.aligned.txt"; then
        [ -z "$REBUILT" ] || rm -rf "$ROOT$VENV"
        die "installing the test requirements failed (see above)"
      fi
      log "WARNING: the pinned test requirements do not resolve with the newest Home Assistant;"
      log "WARNING: retrying with every version pin dropped:"
      sed 's/^/[test-latest]     /' "$ROOT/tmp/camera-doctor-requirements-unpinned.aligned.txt" >&2
      if ! uv_install -c /tmp/camera-doctor-ha-constraints.txt \
           -r /tmp/camera-doctor-requirements-unpinned.aligned.txt; then
        [ -z "$REBUILT" ] || rm -rf "$ROOT$VENV"
        die "installing the test requirements failed (see above)"
      fi
    fi
    cp "$ROOT/tmp/camera-doctor-requirements.aligned.txt" "$ALIGNED_FILE"
    if [ -n "$REBUILT" ]; then
      printf '%s\n' "$WANT_HASH" >"$HASH_FILE"
      log "venv built in $(( $(now) - T_VENV ))s"
    fi
  else
    log "venv is up to date"
  fi
}

sid_report() {  # the versions in the venv; fails if it is broken
  in_root "$VENV/bin/python" - "$SID_TAG" <<'PYEOF' >&2 || die "the venv is broken; rerun with CAMERA_DOCTOR_REBUILD_VENV=1"
import sys
from importlib.metadata import version
import homeassistant.const as c
print(f"[{sys.argv[1]}] Python {sys.version.split()[0]}, Home Assistant {c.__version__}, "
      f"pytest-homeassistant-custom-component {version('pytest-homeassistant-custom-component')}, "
      f"pytest {version('pytest')}")
PYEOF
}
