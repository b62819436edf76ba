#!/usr/bin/env bash
# Install everything NSSS M&E Desktop needs to run and to be tested.
#
#   bash scripts/install.sh
#
# 1. System packages (Debian/Ubuntu, via apt-get): Qt's X11/xcb runtime libraries, Xvfb for
#    headless GUI runs and tests, the Noto fonts, poppler-utils (PDF checks in tests) and the
#    PostgreSQL server binaries (used by server tests; no service is started).
#    Skipped entirely when NSSS_SKIP_APT=1, or when every package is already installed.
# 2. A virtual environment in .venv (Python >= 3.11) with the project installed in editable mode,
#    plus its test extras: pip install -e '.[test]'.
#
# Safe to run again: it only does what is still missing. Runs unattended (no prompts, no stdin).
# Environment:
#   NSSS_SKIP_APT=1     do not touch system packages
#   NSSS_PYTHON=PATH    the interpreter used to create .venv (default: python3)
#   NSSS_FORCE_PIP=1    re-run the pip install even if pyproject.toml has not changed
set -euo pipefail

say() { printf '[nsss] %s\n' "$*"; }
die() { printf '[nsss] ERROR: %s\n' "$*" >&2; exit 1; }

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
[ -f pyproject.toml ] || die "pyproject.toml not found in $REPO_ROOT; run this script from a checkout of the project."

PYTHON="${NSSS_PYTHON:-python3}"
VENV="$REPO_ROOT/.venv"
STAMP="$VENV/.nsss-installed"

export DEBIAN_FRONTEND=noninteractive
export PIP_NO_INPUT=1
export PIP_DISABLE_PIP_VERSION_CHECK=1

# ----------------------------------------------------------------------------------------------
# 1. System packages
# ----------------------------------------------------------------------------------------------
APT_PACKAGES=(
    xvfb xauth
    fonts-noto-core
    libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render-util0 libxcb-xinerama0 libxcb-xfixes0 libxcb-shape0 libxcb-cursor0
    libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0
    poppler-utils
    postgresql
)

# True when `$PYTHON -m venv` can really create a venv with pip (Debian strips ensurepip out of
# python3 and ships it in python3-venv, so `import venv` alone proves nothing).
venv_works() {
    command -v "$PYTHON" >/dev/null 2>&1 || return 1
    local probe
    probe="$(mktemp -d)"
    if "$PYTHON" -m venv "$probe/v" >/dev/null 2>&1; then
        rm -rf "$probe"
        return 0
    fi
    rm -rf "$probe"
    return 1
}

pkg_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

install_system_packages() {
    if [ "${NSSS_SKIP_APT:-0}" = "1" ]; then
        say "NSSS_SKIP_APT=1: skipping system packages."
        return 0
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        say "apt-get not found: this is not a Debian/Ubuntu system, skipping system packages."
        say "Install the equivalents of these yourself: ${APT_PACKAGES[*]}"
        return 0
    fi

    local wanted=("${APT_PACKAGES[@]}")
    if ! command -v "$PYTHON" >/dev/null 2>&1; then
        if [ -n "${NSSS_PYTHON:-}" ]; then
            die "NSSS_PYTHON=$NSSS_PYTHON does not exist."
        fi
        say "python3 not found: it will be installed."
        wanted+=(python3 python3-venv)
    elif { [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; } \
        && ! venv_works; then
        say "'$PYTHON -m venv' does not work here: python3-venv will be installed."
        wanted+=(python3-venv)
    fi

    local missing=()
    local p
    for p in "${wanted[@]}"; do
        pkg_installed "$p" || missing+=("$p")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        say "System packages: all ${#wanted[@]} already installed."
        return 0
    fi

    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo DEBIAN_FRONTEND=noninteractive)
            say "Not root: using sudo for apt-get (you may be asked for your password)."
        else
            die "These system packages are missing and this script is neither root nor has sudo:
    ${missing[*]}
  Install them as root (apt-get install -y --no-install-recommends ${missing[*]}),
  or re-run with NSSS_SKIP_APT=1 if you have installed them another way."
        fi
    fi

    # The postgresql package would create and start a cluster; we only want the binaries.
    # A temporary policy-rc.d (the standard Debian mechanism) stops maintainer scripts from
    # starting services. An existing policy-rc.d is left alone.
    local policy=/usr/sbin/policy-rc.d
    local made_policy=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\n# created by nsss scripts/install.sh; removed when it ends\nexit 101\n' \
            | "${sudo[@]}" tee "$policy" >/dev/null
        "${sudo[@]}" chmod 755 "$policy"
        made_policy=1
        # shellcheck disable=SC2064
        trap "${sudo[*]} rm -f '$policy'" EXIT
    fi

    say "Installing system packages: ${missing[*]}"
    say "apt-get update ..."
    "${sudo[@]}" apt-get update -q
    say "apt-get install ..."
    "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"

    if [ "$made_policy" = 1 ]; then
        "${sudo[@]}" rm -f "$policy"
        trap - EXIT
    fi
    say "System packages installed."
}

install_system_packages

# ----------------------------------------------------------------------------------------------
# 2. Python virtual environment
# ----------------------------------------------------------------------------------------------
python_ok() {
    # $1: interpreter. Succeeds when it is Python >= 3.11.
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1
}

if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
    if ! python_ok "$VENV/bin/python"; then
        die "$VENV uses $("$VENV/bin/python" -V 2>&1), but Python >= 3.11 is required.
  Remove .venv and run this script again with a newer python3 (or set NSSS_PYTHON=/path/to/python3.11)."
    fi
    say "Using existing virtual environment .venv ($("$VENV/bin/python" -V 2>&1))."
else
    command -v "$PYTHON" >/dev/null 2>&1 \
        || die "'$PYTHON' not found. Install Python >= 3.11 (Debian 12: apt-get install python3 python3-venv) or set NSSS_PYTHON."
    if ! python_ok "$PYTHON"; then
        die "$("$PYTHON" -V 2>&1) found at $(command -v "$PYTHON"), but Python >= 3.11 is required.
  Install Python 3.11 or newer and re-run with NSSS_PYTHON=/path/to/python3.11."
    fi
    if [ -e "$VENV" ]; then
        say "Found a broken .venv (its python does not run): recreating it."
        rm -rf "$VENV"
    fi
    say "Creating virtual environment .venv with $("$PYTHON" -V 2>&1) ($(command -v "$PYTHON")) ..."
    "$PYTHON" -m venv "$VENV" || die "'$PYTHON -m venv' failed. On Debian/Ubuntu: apt-get install python3-venv."
    rm -f "$STAMP"
fi

# Re-install only when pyproject.toml changed since the last successful install (or when forced),
# so that running quickstart.sh again is quick and works offline.
want_stamp="$("$VENV/bin/python" -c 'import hashlib, sys; print(hashlib.sha256(open("pyproject.toml", "rb").read()).hexdigest())')"
have_stamp="$(cat "$STAMP" 2>/dev/null || true)"
if [ "${NSSS_FORCE_PIP:-0}" != "1" ] && [ "$want_stamp" = "$have_stamp" ] \
    && "$VENV/bin/python" -m pip show -q nsss-me-desktop >/dev/null 2>&1; then
    say "Python packages are up to date (pyproject.toml unchanged; NSSS_FORCE_PIP=1 forces a reinstall)."
else
    say "Upgrading pip ..."
    "$VENV/bin/python" -m pip install -q --upgrade pip
    say "Installing the project and its test tools: pip install -e '.[test]' (this can take a few minutes) ..."
    "$VENV/bin/python" -m pip install -q -e '.[test]'
    printf '%s\n' "$want_stamp" >"$STAMP"
    say "Python packages installed."
fi

say "Done. Virtual environment: $VENV"
say "Next: bash scripts/quickstart.sh (demo + GUI) or bash scripts/test.sh (lint + tests)."
