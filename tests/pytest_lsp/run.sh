#!/usr/bin/env bash
# Drives the release binary with pytest-lsp, as VS Code and Neovim would (their capability
# presets). Makes or reuses a virtual environment under target/; builds nothing itself.
#
#   COPYDESK_BIN   the server binary (default: target/release/copydesk)
#   PYTHON         the interpreter that makes the environment (default: python3)
#
# Extra arguments go to pytest, e.g. `tests/pytest_lsp/run.sh -k hover`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/target/pytest-lsp-venv"
export COPYDESK_BIN="${COPYDESK_BIN:-$root/target/release/copydesk}"

if [ ! -x "$COPYDESK_BIN" ]; then
    echo "run.sh: no server binary at $COPYDESK_BIN (run cargo build --release first)" >&2
    exit 2
fi
if ! "$venv/bin/python" -c "import pytest_lsp" 2>/dev/null; then
    "${PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pytest-lsp==1.0.1" pytest
fi
cd "$here"
export PYTHONDONTWRITEBYTECODE=1
exec "$venv/bin/python" -m pytest -p no:cacheprovider "$@"
