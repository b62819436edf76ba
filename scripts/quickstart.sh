#!/usr/bin/env bash
# Quick start: install, build a demo database, open the app.
#
#   bash scripts/quickstart.sh
#
# 1. Runs scripts/install.sh (system packages + .venv).
# 2. Builds the demo database once, if it does not exist yet:
#      .venv/bin/nsss-desktop --db "$DB" demo
#    DB defaults to ~/.local/share/nsss-me-desktop/demo.nsssdb (override with NSSS_DEMO_DB).
# 3. Opens the GUI on that database. Without a display ($DISPLAY unset) it runs under Xvfb,
#    shows the Overview, saves docs/screens/quickstart-overview.png and exits.
#
# The demo database is protected by the passphrase in NSSS_PASSPHRASE, which this script sets to
# a fixed, public value unless you set it yourself. Never use that value for real data.
set -euo pipefail

say() { printf '[nsss] %s\n' "$*"; }
die() { printf '[nsss] ERROR: %s\n' "$*" >&2; exit 1; }

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

bash "$REPO_ROOT/scripts/install.sh"

NSSS_BIN="$REPO_ROOT/.venv/bin/nsss-desktop"
[ -x "$NSSS_BIN" ] || die "$NSSS_BIN is missing after install.sh; see the messages above."

DB="${NSSS_DEMO_DB:-$HOME/.local/share/nsss-me-desktop/demo.nsssdb}"

if [ -z "${NSSS_PASSPHRASE:-}" ]; then
    export NSSS_PASSPHRASE="nsss-demo-passphrase"
    say "Demo passphrase: $NSSS_PASSPHRASE"
    say "  (a fixed, public value, only for this demo database; never use it for real data)"
else
    export NSSS_PASSPHRASE
    say "Using the passphrase from NSSS_PASSPHRASE for the demo database."
fi

if [ -e "$DB" ] && [ ! -e "$DB.keys" ]; then
    die "$DB exists but its key file $DB.keys does not (an interrupted demo build?).
  Delete $DB and run this script again to rebuild the demo database."
elif [ -e "$DB" ]; then
    say "Demo database already exists: $DB (delete it and $DB.keys to rebuild it)."
else
    mkdir -p "$(dirname "$DB")"
    say "Building the demo database: $DB ..."
    "$NSSS_BIN" --db "$DB" demo
    say "Demo database ready: $DB"
fi

if [ -n "${DISPLAY:-}" ]; then
    say "Starting NSSS M&E Desktop on display $DISPLAY ..."
    exec "$NSSS_BIN" --db "$DB" gui
fi

SHOT="docs/screens/quickstart-overview.png"
mkdir -p "$(dirname "$SHOT")"
say "No display (\$DISPLAY is not set): opening the app off-screen to take a screenshot of the Overview ..."
if command -v xvfb-run >/dev/null 2>&1; then
    xvfb-run -a "$NSSS_BIN" --db "$DB" gui --screenshot "$SHOT"
else
    say "xvfb-run not found (install the 'xvfb' and 'xauth' packages); falling back to Qt's offscreen platform."
    QT_QPA_PLATFORM=offscreen "$NSSS_BIN" --db "$DB" gui --screenshot "$SHOT"
fi
[ -f "$SHOT" ] || die "The app exited but did not write $SHOT."
say "Screenshot of the Overview saved to: $REPO_ROOT/$SHOT"
say "To use the app interactively, run this script again on a machine with a desktop session,"
say "  or: NSSS_PASSPHRASE=... .venv/bin/nsss-desktop --db \"$DB\" gui"
