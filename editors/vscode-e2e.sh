#!/usr/bin/env bash
# Tests the VS Code extension in a real VS Code: code-server 4.100.3 (VS Code 1.100.3) serves the
# workbench on 127.0.0.1, Debian's Chromium driven by playwright-core operates it, and
# editors/vscode/e2e/parliament.mjs checks what a copy editor sees on the parliament example.
#
# Installs what is missing: Debian packages (chromium, ripgrep, and libkrb5-dev, which a native
# module of VS Code's server builds against) with apt-get when run as root, and code-server with
# playwright-core from editors/vscode/e2e/package-lock.json into target/editors/vscode-e2e/,
# reused while the lockfile is unchanged. Screenshots of failed checks go to
# target/editors/vscode-e2e/failures/.
# Usage: editors/vscode-e2e.sh [path/to/copydesk]   (default target/release/copydesk)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
cache="$repo/target/editors/vscode-e2e"
e2e="$here/vscode/e2e"

bin="${1:-${COPYDESK_BIN:-$repo/target/release/copydesk}}"
if [ ! -x "$bin" ]; then
  echo "vscode-e2e: no copydesk binary at $bin: run cargo build --release first" >&2
  exit 2
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
if [ "$(uname -sm)" != "Linux x86_64" ]; then
  echo "vscode-e2e: runs on Linux x86_64 only (the .vsix is built for linux-x64)" >&2
  exit 2
fi
started=$SECONDS

# Debian packages, installed only when missing.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
for package in libkrb5-dev build-essential python3 pkg-config; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "vscode-e2e: missing Debian packages: ${missing[*]} (apt-get install them, or run as root)" >&2
    exit 2
  fi
  echo "vscode-e2e: apt-get install ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# code-server and playwright-core, reinstalled only when the lockfile changes.
tools="$cache/tools"
lock_hash="$(cat "$e2e/package.json" "$e2e/package-lock.json" | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$tools/.copydesk-lock" 2>/dev/null)" != "$lock_hash" ]; then
  echo "vscode-e2e: installing code-server and playwright-core into $tools"
  rm -rf "$tools"
  mkdir -p "$tools"
  cp "$e2e/package.json" "$e2e/package-lock.json" "$tools/"
  # @vscode/ripgrep (pinned to 1.15.11 by VS Code's npm-shrinkwrap.json) downloads ripgrep from
  # GitHub at install time, which fails without network access beyond the package registries; it
  # first looks for the archive in $TMPDIR/vscode-ripgrep-cache-<version>/, so Debian's rg goes there.
  rg_cache="$cache/tmp/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$rg_cache" "$cache/tmp/rg"
  cp "$(command -v rg)" "$cache/tmp/rg/rg"
  tar -czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$cache/tmp/rg" rg
  # code-server's postinstall refuses to run as root without unsafe-perm; node-gyp asks before
  # fetching Node's headers unless told yes.
  (cd "$tools" && TMPDIR="$cache/tmp" npm_config_unsafe_perm=true npm_config_yes=true \
    npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" >"$tools/.copydesk-lock"
fi
installed=$SECONDS

# The .vsix, with this binary inside, exactly as a user installs it.
cd "$here/vscode"
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat node_modules/.copydesk-lock 2>/dev/null)" != "$lock_hash" ]; then
  npm ci --no-audit --no-fund
  echo "$lock_hash" >node_modules/.copydesk-lock
fi
mkdir -p "$cache"
COPYDESK_BINARY="$bin" npm run --silent package -- --out "$cache/copydesk.vsix" >"$cache/package.log" 2>&1 ||
  { cat "$cache/package.log"; exit 1; }

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
drafts="$scratch/parliament"
mkdir -p "$drafts"
cp "$repo/tests/fixtures/parliament/draft-with-errors.md" "$repo/tests/fixtures/parliament/registry.json" "$drafts/"
printf '{"registries": ["registry.json"]}\n' >"$drafts/copydesk.json"
rm -rf "$cache/failures"

status=0
E2E_TOOLS="$tools" E2E_VSIX="$cache/copydesk.vsix" E2E_DRAFTS="$drafts" E2E_SCRATCH="$scratch/vscode" \
  E2E_ARTIFACTS="$cache/failures" timeout 600 node "$e2e/parliament.mjs" || status=$?
if [ "$status" != 0 ]; then
  echo "vscode-e2e: failed; screenshots in $cache/failures; the end of code-server's log:"
  tail -n 30 "$scratch/vscode/code-server.log" 2>/dev/null || true
fi
echo "vscode-e2e: install $((installed - started)) s, package and test $((SECONDS - installed)) s"
exit "$status"
