#!/usr/bin/env bash
# Lint and test.
#
#   bash scripts/test.sh [PYTEST ARGS...]      e.g.  bash scripts/test.sh -k health -x
#
# Runs `ruff check .`, then the whole pytest suite under a virtual X server (xvfb-run) with
# QT_QPA_PLATFORM=offscreen. Extra arguments go to pytest. Exits with pytest's exit code
# ("no tests collected" counts as a failure), or 1 if only the lint failed.
set -euo pipefail

say() { printf '[nsss] %s\n' "$*"; }

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

if [ ! -x .venv/bin/python ]; then
    say "No virtual environment in $REPO_ROOT/.venv."
    say "Run 'bash scripts/quickstart.sh' (or 'bash scripts/install.sh') first."
    exit 2
fi

start=$(date +%s)
elapsed() {
    local s=$(($(date +%s) - start))
    printf '%dm%02ds' $((s / 60)) $((s % 60))
}

export QT_QPA_PLATFORM=offscreen
export PYTHONFAULTHANDLER=1
# Qt wants a UTF-8 locale; minimal containers often have none set.
if [ -z "${LC_ALL:-}" ] && [ -z "${LANG:-}" ]; then
    export LANG=C.UTF-8
fi

say "ruff check . ..."
ruff_rc=0
.venv/bin/ruff check . || ruff_rc=$?
if [ "$ruff_rc" -ne 0 ]; then
    say "ruff found problems (exit $ruff_rc); running the tests anyway."
fi

runner=()
if command -v xvfb-run >/dev/null 2>&1; then
    runner=(xvfb-run -a)
else
    say "xvfb-run not found (install 'xvfb' and 'xauth'); running with QT_QPA_PLATFORM=offscreen only."
fi

say "pytest ..."
pytest_rc=0
"${runner[@]}" .venv/bin/python -m pytest -q -p no:cacheprovider "$@" || pytest_rc=$?

case "$pytest_rc" in
    0) say "Tests passed." ;;
    1) say "Some tests failed." ;;
    2) say "pytest was interrupted." ;;
    3) say "pytest hit an internal error." ;;
    4) say "pytest usage error (check the arguments: $*)." ;;
    5) say "No tests were collected: treating this as a failure." ;;
    *) say "pytest ended with exit code $pytest_rc." ;;
esac
say "Elapsed: $(elapsed)"

if [ "$pytest_rc" -ne 0 ]; then
    exit "$pytest_rc"
fi
if [ "$ruff_rc" -ne 0 ]; then
    say "Tests passed but the lint failed: exiting 1."
    exit 1
fi
exit 0
