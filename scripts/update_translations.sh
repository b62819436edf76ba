#!/usr/bin/env bash
# Re-extract the translatable strings of ui/ and recompile the Bangla catalogs.
#
#   bash scripts/update_translations.sh
#
# 1. pyside6-lupdate scans every ui/**/*.py for tr()/translate()/QT_TRANSLATE_NOOP strings and
#    updates resources/translations/nsss_bn.ts, keeping existing translations (new strings come
#    in as "unfinished"; strings no longer in the code are dropped).
# 2. pyside6-lrelease compiles nsss_bn.ts and the hand-written qtbase_bn.ts (Qt's own standard
#    buttons; PySide6 ships no Bangla catalog) to .qm files, which the app loads at run time.
# Translate new strings in Qt Linguist (.venv/bin/pyside6-linguist) or any editor, then run this
# again; tests/gui/test_translations.py fails while any string is unfinished.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
BIN=.venv/bin
OUT=resources/translations

mapfile -t sources < <(find ui -name '*.py' | sort)
"$BIN/pyside6-lupdate" -no-obsolete -locations relative -source-language en -target-language bn \
    "${sources[@]}" -ts "$OUT/nsss_bn.ts"
for catalog in nsss_bn qtbase_bn; do
    "$BIN/pyside6-lrelease" "$OUT/$catalog.ts" -qm "$OUT/$catalog.qm"
done
